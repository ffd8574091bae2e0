#pragma once

#include "Actor.h"
#include "ConfigKeys.h"
#include "Failure.h"
#include "Role.h"

#include <QObject>
#include <QStringList>
#include <QVariant>

#include <chrono>
#include <optional>

class Configuration;
struct ConfigKey;
class EventLog;

// The switches that IPMI, Redfish and the screen all change: IPMI over LAN on or off,
// Serial-over-LAN with its parameters, and the SSH console with its port. Values live in the Configuration as runtime
// keys, so a change persists in the state directory and wins over YAML (docs/decisions.md#16).
class ServiceSettings : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool ipmiEnabled READ isIpmiEnabled NOTIFY ipmiEnabledChanged)
    Q_PROPERTY(bool solEnabled READ isSolEnabled NOTIFY solChanged)
    Q_PROPERTY(bool sshEnabled READ isSshEnabled NOTIFY sshChanged)
    Q_PROPERTY(QStringList sshHostKeyFingerprints READ sshHostKeyFingerprints NOTIFY sshChanged)
public:
    struct SolParameters
    {
        Role privilege = Role::Operator;
        bool forceEncryption = true;
        bool forceAuthentication = true;
        std::chrono::milliseconds accumulateInterval{100};
        int sendThreshold = 1;
        int retryCount = 7;
        std::chrono::milliseconds retryInterval{100};
        int bitRate = 115200;

        friend bool operator==(const SolParameters &, const SolParameters &) = default;
    };

    ServiceSettings(Configuration *configuration, EventLog *eventLog, QObject *parent = nullptr);

    bool isIpmiEnabled() const;
    std::optional<Failure> setIpmiEnabled(bool enabled, const Actor &actor);

    bool isSolEnabled() const;
    std::optional<Failure> setSolEnabled(bool enabled, const Actor &actor);

    // The lowest role that may use the console over SSH or the WebSocket (console.privilege).
    Role consolePrivilege() const;
    // Whether the KVM serves viewers (kvm.enabled), and the lowest role that may be one (kvm.privilege).
    bool isKvmEnabled() const;
    std::optional<Failure> setKvmEnabled(bool enabled, const Actor &actor);
    Role kvmPrivilege() const;

    bool isSshEnabled() const;
    int sshPort() const;
    // Either or both; the SSH server follows at once (closing its sessions when switched off).
    std::optional<Failure> setSsh(std::optional<bool> enabled, std::optional<int> port, const Actor &actor);

    // The SSH console's host keys, "ssh-ed25519 SHA256:...", for the screen to show; the SSH face
    // sets them at its start.
    QStringList sshHostKeyFingerprints() const { return m_sshHostKeyFingerprints; }
    void setSshHostKeyFingerprints(const QStringList &fingerprints);

    SolParameters solParameters() const;
    // All or nothing: an error names the first value that is not allowed and changes nothing.
    std::optional<Failure> setSolParameters(const SolParameters &parameters, const Actor &actor);

    // Any other runtime setting a face changes (Redfish's session time-out, lockout and password
    // rules): checked against the schema, persisted, and logged with who changed it.
    std::optional<Failure> setRuntimeSetting(const ConfigKey &key, const QVariant &value, const Actor &actor);

signals:
    void ipmiEnabledChanged(bool enabled);
    // SoL enabled or any of its parameters changed.
    void solChanged();
    // SSH enabled or its port changed.
    void sshChanged();
    void kvmEnabledChanged(bool enabled);

private:
    struct Change
    {
        const ConfigKey *key;
        QVariant value;
    };
    template <typename T>
    static Change changeTo(ConfigKeys::Key<T> key, const T &value);
    std::optional<Failure> change(const QList<Change> &changes, const Actor &actor);

    Configuration *m_configuration;
    EventLog *m_eventLog;
    QStringList m_sshHostKeyFingerprints;
};
