#pragma once

#include "RedfishResource.h"

class BootOverride;
class InstallationIdentity;
class PowerController;
class PowerRestorePolicy;

// The host as a ComputerSystem: power state from the power model, the boot override it shares
// with IPMI's boot options, the power-restore policy, and the Reset action with every reset type
// the backend can do (and its ActionInfo).
class SystemResource : public RedfishResource
{
    Q_OBJECT
public:
    SystemResource(PowerController *power, BootOverride *bootOverride, PowerRestorePolicy *restorePolicy,
                   const InstallationIdentity *installation, QObject *parent = nullptr);
    void registerIn(ServiceDirectory &directory) override;

private:
    RedfishReply collection() const;
    RedfishReply get() const;
    RedfishReply patch(const RedfishRequest &request);
    RedfishReply reset(const RedfishRequest &request);
    RedfishReply resetActionInfo() const;
    QStringList resetTypes() const;

    PowerController *m_power;
    BootOverride *m_bootOverride;
    PowerRestorePolicy *m_restorePolicy;
    const InstallationIdentity *m_installation;
};
