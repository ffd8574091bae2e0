#pragma once

#include "Actor.h"
#include "CommandGroup.h"

class BootOverride;
class ChassisIdentify;
class PowerController;
class PowerRestorePolicy;

// Chassis commands: capabilities and status, power control on the PowerController, identify,
// power-restore policy, restart cause, and the boot options (parameters 0-5) on the shared boot
// override.
class ChassisCommands : public CommandGroup
{
    Q_OBJECT
public:
    ChassisCommands(PowerController *power, PowerRestorePolicy *restorePolicy, BootOverride *bootOverride,
                    ChassisIdentify *identify, QObject *parent = nullptr);
    void registerIn(CommandTable &table) override;

private:
    using None = RequestFields::None;
    struct ControlRequest;
    struct IdentifyRequest;
    struct RestorePolicyRequest;
    struct SetBootOptionsRequest;
    struct GetBootOptionsRequest;

    IpmiResponse getCapabilities(const None &) const;
    IpmiResponse getStatus(const None &) const;
    IpmiResponse control(const ControlRequest &request, const IpmiCaller &caller);
    IpmiResponse identify(const IdentifyRequest &request, const IpmiCaller &caller);
    IpmiResponse setPowerRestorePolicy(const RestorePolicyRequest &request, const IpmiCaller &caller);
    IpmiResponse getRestartCause(const None &) const;
    IpmiResponse setBootOptions(const SetBootOptionsRequest &request, const IpmiCaller &caller);
    IpmiResponse getBootOptions(const GetBootOptionsRequest &request) const;
    void onHostStarting(const Actor &actor);

    PowerController *m_power;
    PowerRestorePolicy *m_restorePolicy;
    BootOverride *m_bootOverride;
    ChassisIdentify *m_identify;
    quint8 m_restartCause = 0x00; // unknown until qbmc starts the host
    quint8 m_setInProgress = 0x00;
    quint8 m_validBitClearing = 0x00;
    quint8 m_bootInfoAcknowledge = 0x00;
};
