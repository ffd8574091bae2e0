#include "UpdateServiceResource.h"

#include "RedfishJson.h"

using namespace Qt::StringLiterals;
using RedfishJson::link;

namespace {
const RedfishSchema serviceSchema{"UpdateService", "v1_14_0"};
const RedfishSchema inventorySchema{"SoftwareInventory", "v1_13_0"};
const RedfishSchema collectionSchema{"SoftwareInventoryCollection"};
const QString servicePath = u"/redfish/v1/UpdateService"_s;
const QString firmwarePath = u"/redfish/v1/UpdateService/FirmwareInventory"_s;
} // namespace

UpdateServiceResource::UpdateServiceResource(HostInventory inventory, QObject *parent)
    : RedfishResource(parent)
    , m_inventory(std::move(inventory))
{
}

void UpdateServiceResource::registerIn(ServiceDirectory &directory)
{
    directory.addRootLink(u"UpdateService"_s, servicePath);
    directory.addSchemas({serviceSchema, inventorySchema, collectionSchema});
    RouteTable &routes = directory.routes();
    using enum HttpMethod;
    using enum RedfishPrivilege;
    routes.add(Get, servicePath, Login, this, &UpdateServiceResource::service);
    routes.add(Get, firmwarePath, Login, this, &UpdateServiceResource::firmwareCollection);
    routes.add(Get, firmwarePath + u"/{id}"_s, Login, this, &UpdateServiceResource::firmware);
}

RedfishReply UpdateServiceResource::service() const
{
    return RedfishReply::ok(QJsonObject{
        {u"@odata.id"_s, servicePath},
        {u"@odata.type"_s, serviceSchema.odataType()},
        {u"Id"_s, u"UpdateService"_s},
        {u"Name"_s, u"Update Service"_s},
        {u"Description"_s, u"qbmc is updated as a Debian package; this service only lists firmware versions."_s},
        {u"ServiceEnabled"_s, false},
        {u"FirmwareInventory"_s, link(firmwarePath)},
        {u"Status"_s, QJsonObject{{u"State"_s, u"Disabled"_s}, {u"Health"_s, u"OK"_s}}},
    });
}

QStringList UpdateServiceResource::firmwareIds() const
{
    QStringList ids{u"bmc"_s};
    if (!m_inventory.biosVersion.isEmpty())
        ids.append(u"bios"_s);
    return ids;
}

RedfishReply UpdateServiceResource::firmwareCollection() const
{
    QStringList members;
    for (const QString &id : firmwareIds())
        members.append(firmwarePath + u'/' + id);
    return RedfishReply::ok(RedfishJson::collection(firmwarePath, collectionSchema, u"Firmware Inventory"_s, members));
}

RedfishReply UpdateServiceResource::firmware(const RedfishRequest &request) const
{
    const QString id = request.params.value(0);
    if (!firmwareIds().contains(id))
        return RedfishReply::notFound(u"SoftwareInventory"_s, id);
    const bool bmc = id == u"bmc"_s;
    return RedfishReply::ok(QJsonObject{
        {u"@odata.id"_s, firmwarePath + u'/' + id},
        {u"@odata.type"_s, inventorySchema.odataType()},
        {u"Id"_s, id},
        {u"Name"_s, bmc ? u"qbmc"_s : u"Host firmware"_s},
        {u"Version"_s, bmc ? QStringLiteral(QBMC_VERSION) : m_inventory.biosVersion},
        {u"SoftwareId"_s, bmc ? u"qbmc"_s : u"host-firmware"_s},
        {u"Updateable"_s, false},
        {u"Status"_s, QJsonObject{{u"State"_s, u"Enabled"_s}, {u"Health"_s, u"OK"_s}}},
        {u"RelatedItem"_s, QJsonArray{link(bmc ? u"/redfish/v1/Managers/bmc"_s : u"/redfish/v1/Systems/system"_s)}},
    });
}
