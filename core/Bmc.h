#pragma once

#include <QObject>

#include <memory>

class AccountStore;
class BootOverride;
class ChassisIdentify;
class ConsoleHub;
class Configuration;
class EventLog;
class HostBackend;
class InstallationIdentity;
class MediaStore;
class PasswordHasher;
class PowerController;
class PowerRestorePolicy;
class SensorRegistry;
class ServiceSettings;
class RemoteSessionRegistry;
class VirtualMedia;

// The one model every face renders: power, accounts, event log, boot override, sessions, sensors,
// identify, service settings, the serial console and virtual media, built from the configuration
// over one host backend and wired so that the rules that span them (a boot qbmc starts uses up a
// Once override) hold for every face.
class Bmc : public QObject
{
    Q_OBJECT
public:
    Bmc(Configuration *configuration, HostBackend *backend, const PasswordHasher *hasher, const QString &stateDirectory,
        QObject *parent = nullptr);
    ~Bmc() override;

    // Logs the start and applies the power-restore policy.
    void start();

    Configuration *configuration() const { return m_configuration; }
    HostBackend *backend() const { return m_backend; }
    EventLog *eventLog() const { return m_eventLog; }
    AccountStore *accounts() const { return m_accounts; }
    PowerController *power() const { return m_power; }
    PowerRestorePolicy *powerRestorePolicy() const { return m_powerRestorePolicy; }
    BootOverride *bootOverride() const { return m_bootOverride; }
    RemoteSessionRegistry *remoteSessions() const { return m_sessions; }
    SensorRegistry *sensors() const { return m_sensors; }
    ServiceSettings *services() const { return m_services; }
    ChassisIdentify *chassisIdentify() const { return m_identify; }
    ConsoleHub *console() const { return m_console; }
    MediaStore *mediaStore() const { return m_mediaStore; }
    VirtualMedia *virtualMedia() const { return m_virtualMedia; }
    const InstallationIdentity *installationIdentity() const { return m_identity.get(); }

private:
    Configuration *m_configuration;
    HostBackend *m_backend;
    EventLog *m_eventLog;
    AccountStore *m_accounts;
    PowerController *m_power;
    PowerRestorePolicy *m_powerRestorePolicy;
    BootOverride *m_bootOverride;
    RemoteSessionRegistry *m_sessions;
    SensorRegistry *m_sensors;
    ServiceSettings *m_services;
    ChassisIdentify *m_identify;
    ConsoleHub *m_console;
    MediaStore *m_mediaStore;
    VirtualMedia *m_virtualMedia;
    std::unique_ptr<InstallationIdentity> m_identity;
};
