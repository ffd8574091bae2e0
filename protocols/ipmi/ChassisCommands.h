#pragma once

#include "Actor.h"
#include "CommandTable.h"

#include <QObject>

class Bmc;

// Chassis commands: capabilities and status, power control on the PowerController, identify,
// power-restore policy, restart cause, and the boot options (parameters 0-5) on the shared boot
// override.
class ChassisCommands : public QObject
{
    Q_OBJECT
public:
    explicit ChassisCommands(Bmc *bmc, QObject *parent = nullptr);
    void registerIn(CommandTable &table);

private:
    IpmiResponse getCapabilities(const IpmiRequest &request) const;
    IpmiResponse getStatus(const IpmiRequest &request) const;
    IpmiResponse control(const IpmiRequest &request);
    IpmiResponse identify(const IpmiRequest &request);
    IpmiResponse setPowerRestorePolicy(const IpmiRequest &request);
    IpmiResponse getRestartCause(const IpmiRequest &request) const;
    IpmiResponse setBootOptions(const IpmiRequest &request);
    IpmiResponse getBootOptions(const IpmiRequest &request) const;
    void onHostStarting(const Actor &actor);

    Bmc *m_bmc;
    quint8 m_restartCause = 0x00; // unknown until qbmc starts the host
    quint8 m_setInProgress = 0x00;
    quint8 m_validBitClearing = 0x00;
    quint8 m_bootInfoAcknowledge = 0x00;
};
