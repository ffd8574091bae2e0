#pragma once

#include "HostInventory.h"
#include "RedfishResource.h"

// UpdateService with its FirmwareInventory: qbmc itself and, when host.bios_version says it, the
// host's firmware. Read-only: qbmc is updated as a Debian package, so the service offers no update
// action and says so (ServiceEnabled false).
class UpdateServiceResource : public RedfishResource
{
    Q_OBJECT
public:
    explicit UpdateServiceResource(HostInventory inventory, QObject *parent = nullptr);
    void registerIn(ServiceDirectory &directory) override;

private:
    RedfishReply service() const;
    RedfishReply firmwareCollection() const;
    RedfishReply firmware(const RedfishRequest &request) const;
    QStringList firmwareIds() const;

    HostInventory m_inventory;
};
