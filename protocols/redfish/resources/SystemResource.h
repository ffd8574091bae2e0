#pragma once

#include "HostInventory.h"
#include "RedfishResource.h"

class BootOverride;
class InstallationIdentity;
class PowerController;
class PowerRestorePolicy;
class PowerTasks;
class ServiceSettings;

// The host as a ComputerSystem: what it is (the FRU product area's inventory), power state from
// the power model, the boot override it shares
// with IPMI's boot options, the power-restore policy, and the Reset action with every reset type
// the backend can do (and its ActionInfo). An accepted reset answers 202 with a task that ends
// when the action does (docs/decisions.md#105).
class SystemResource : public RedfishResource
{
    Q_OBJECT
public:
    SystemResource(PowerController *power, PowerTasks *powerTasks, BootOverride *bootOverride,
                   PowerRestorePolicy *restorePolicy, const InstallationIdentity *installation, HostInventory inventory,
                   ServiceSettings *services, quint16 ipmiPort, int kvmMaxSessions, QObject *parent = nullptr);
    void registerIn(ServiceDirectory &directory) override;

private:
    RedfishReply collection() const;
    RedfishReply get() const;
    RedfishReply patch(const RedfishRequest &request);
    RedfishReply reset(const RedfishRequest &request);
    RedfishReply resetActionInfo() const;
    QStringList resetTypes() const;

    PowerController *m_power;
    PowerTasks *m_powerTasks;
    BootOverride *m_bootOverride;
    PowerRestorePolicy *m_restorePolicy;
    const InstallationIdentity *m_installation;
    HostInventory m_inventory;
    ServiceSettings *m_services; // how to reach the serial console: SoL and SSH
    quint16 m_ipmiPort;
    int m_kvmMaxSessions; // 0: no KVM
};
