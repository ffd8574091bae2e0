#pragma once

#include "Configuration.h"
#include "Dashboard.h"
#include "PowerController.h"
#include "linux/CryptPasswordHasher.h"
#include "linux/PseudoTerminal.h"
#include "serial/SerialConsoleTransport.h"
#include "sim/SimulatedHost.h"

#include <QObject>
#include <QTemporaryDir>

#include <memory>

class Bmc;

// The dashboard over a real core: a simulated host with quick timings, its serial console on a
// pseudo-terminal the test writes to as the host would, and the view models on top. QML tests
// reach it as the context property "fixture".
class DashboardFixture : public QObject
{
    Q_OBJECT
public:
    explicit DashboardFixture(QObject *parent = nullptr);
    ~DashboardFixture() override;

    Bmc *bmc() const { return m_bmc.get(); }
    Dashboard *dashboard() const { return m_dashboard.get(); }

    // As IPMI would: the same core slot, another actor.
    Q_INVOKABLE PowerController::Admission requestAsIpmi(PowerController::Action action);
    Q_INVOKABLE void writeHostConsole(const QString &text);
    // The simulated host's firmware on the console, from its power-on message; it then reads the
    // keys that reach the host; its settings stay in memory.
    Q_INVOKABLE void startFirmware();
    Q_INVOKABLE QString firmwareSetting(const QString &name) const;
    // What reached the host's end of the console.
    Q_INVOKABLE QString hostReceived() const { return QString::fromUtf8(m_hostReceived); }
    Q_INVOKABLE void attachSol(const QString &user);
    Q_INVOKABLE bool isSolAttached() const;
    Q_INVOKABLE void setIdentify(bool on);
    // A small image put in the media store and inserted in `slot` ("CD", "USBStick"), as a
    // Redfish client would; false when the core refused.
    Q_INVOKABLE bool insertMedia(const QString &slot, const QString &imageName);
    Q_INVOKABLE QString lastEventOrigin() const;
    Q_INVOKABLE QString lastEventMessage() const;
    // Wrong passwords from `address` until the account is locked for it, as a Redfish client would.
    Q_INVOKABLE void lockOut(const QString &name, const QString &address);
    Q_INVOKABLE bool isLockedAnywhere(const QString &name) const;
    // The generated first-start password of "admin".
    Q_INVOKABLE QString administratorPassword() const { return m_administratorPassword; }
    // Content for screenshots: sessions, events, console text.
    void populate();

private:
    QTemporaryDir m_stateDirectory;
    Configuration m_configuration;
    SimulatedHost m_host;
    CryptPasswordHasher m_hasher;
    PseudoTerminal m_hostConsole;
    QByteArray m_hostReceived;
    std::unique_ptr<SimulatedFirmware> m_firmware;
    std::unique_ptr<SerialConsoleTransport> m_transport;
    std::unique_ptr<Bmc> m_bmc;
    std::unique_ptr<Dashboard> m_dashboard;
    QString m_administratorPassword;
};
