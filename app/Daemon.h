#pragma once

#include "CommandLine.h"
#include "ConfigError.h"
#include "Failure.h"

#include <QObject>

#include <memory>
#include <optional>

class Bmc;
class Configuration;
class ConsoleTransport;
class HostBackend;
class IpmiServer;
class NetworkFacts;
class PasswordHasher;
class RedfishServer;
class RfbServer;
class HostInput;
class KvmParts;
class VideoSource;
class SshServer;
class SystemdNotifier;
class ThermalZoneSensors;
class UnixSignalWatcher;
class UsbMassStorage;

// The composition root: reads the configuration, prepares the state directory, picks the host
// backend, builds the core model and keeps it running until SIGTERM or SIGINT. SIGHUP re-reads
// the configuration files; runtime values keep winning (docs/decisions.md#20).
class Daemon : public QObject
{
    Q_OBJECT
public:
    // Exit statuses: a configuration or usage problem is 2, anything else that stops the start 1.
    enum ExitCode { Success = 0, StartFailed = 1, ConfigurationError = 2 };
    // Not an exit status: main() re-executes qbmc in place when the event loop ends with it
    // (IPMI Cold Reset, docs/decisions.md#50).
    static constexpr int restartRequested = 0x5251;

    explicit Daemon(CommandLine options, QObject *parent = nullptr);
    ~Daemon() override;

    // Returns the exit status when qbmc should not keep running (a failure, or --print-config
    // done); nullopt when it is up and the event loop should run.
    std::optional<int> start();

    Bmc *bmc() const { return m_bmc.get(); }
    const Configuration *configuration() const { return m_configuration.get(); }
    const NetworkFacts *networkFacts() const { return m_networkFacts.get(); }
    // The host's screen and its keyboard and mouse, for the KVM and the dashboard's Screen page;
    // null when the board has none (kvm.video.device, kvm.hid).
    VideoSource *video() const;
    HostInput *hostInput() const;

    // Ends the event loop so that main() starts qbmc again, state written first.
    void restartInPlace(const QString &reason);

private:
    std::optional<ConfigError> readConfigurationFiles(Configuration *configuration) const;
    // One line on stderr, and the exit status for its kind: 2 for the configuration, 1 otherwise.
    static int exitWith(const Failure &failure);
    std::optional<Failure> loadConfiguration();
    std::optional<Failure> prepareStateDirectory();
    std::optional<Failure> createBackend();
    void createKvmParts();
    // Gives the host what the virtual media slots hold, or marks them unavailable.
    void connectVirtualMedia();
    // On a real board: the virtual media's drives as the USB gadget's mass storage.
    void connectMassStorage();
    std::optional<Failure> loadPasswordFile();
    void startConsole();
    std::optional<Failure> startIpmi();
    std::optional<Failure> startRedfish();
    std::optional<Failure> startSsh();
    void onSignal(int signalNumber);
    void reload();
    void reloadConfiguration();
    QString readyStatus() const;

    CommandLine m_options;
    std::unique_ptr<Configuration> m_configuration;
    std::unique_ptr<HostBackend> m_backend;
    std::unique_ptr<PasswordHasher> m_hasher;
    std::unique_ptr<ConsoleTransport> m_consoleTransport; // outlives the console hub that reads it
    std::unique_ptr<Bmc> m_bmc;
    std::unique_ptr<ThermalZoneSensors> m_thermalSensors;
    std::unique_ptr<NetworkFacts> m_networkFacts; // outlives the servers that read it
    std::unique_ptr<KvmParts> m_kvm;
    std::unique_ptr<UsbMassStorage> m_massStorage; // writes into m_kvm's gadget
    std::unique_ptr<RfbServer> m_rfb;              // outlives the Redfish listener that hands it viewers
    std::unique_ptr<IpmiServer> m_ipmi;
    std::unique_ptr<RedfishServer> m_redfish;
    std::unique_ptr<SshServer> m_ssh;
    std::unique_ptr<UnixSignalWatcher> m_signals;
    std::unique_ptr<SystemdNotifier> m_systemd;
};
