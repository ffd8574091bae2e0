#include "ManagerResource.h"

#include "BaseMessages.h"
#include "GraphicalConsoleProperty.h"
#include "InstallationIdentity.h"
#include "MediaStoreResource.h"
#include "NetworkFacts.h"
#include "RedfishJson.h"
#include "ServiceSettings.h"
#include "VirtualMediaResource.h"

#include <QDateTime>
#include <QSysInfo>
#include <QTimeZone>
#include <QTimer>

using namespace Qt::StringLiterals;
using RedfishJson::link;

namespace {
const RedfishSchema managerSchema{"Manager", "v1_24_0"};
const RedfishSchema collectionSchema{"ManagerCollection"};
const RedfishSchema protocolSchema{"ManagerNetworkProtocol", "v1_12_0"};
const RedfishSchema interfaceSchema{"EthernetInterface", "v1_12_4"};
const RedfishSchema interfaceCollectionSchema{"EthernetInterfaceCollection"};
const QString collectionPath = u"/redfish/v1/Managers"_s;
const QString managerPath = u"/redfish/v1/Managers/bmc"_s;
const QString protocolPath = managerPath + u"/NetworkProtocol"_s;
const QString interfacesPath = managerPath + u"/EthernetInterfaces"_s;

QString offsetText(int seconds)
{
    const int minutes = std::abs(seconds) / 60;
    return QString::asprintf("%c%02d:%02d", seconds < 0 ? '-' : '+', minutes / 60, minutes % 60);
}
} // namespace

ManagerResource::ManagerResource(ServiceSettings *services, const InstallationIdentity *installation,
                                 const NetworkFacts *network, Ports ports, int kvmMaxSessions, QObject *parent)
    : RedfishResource(parent)
    , m_services(services)
    , m_kvmMaxSessions(kvmMaxSessions)
    , m_installation(installation)
    , m_network(network)
    , m_ports(ports)
{
}

void ManagerResource::registerIn(ServiceDirectory &directory)
{
    directory.addRootLink(u"Managers"_s, collectionPath);
    directory.addSchemas({managerSchema, collectionSchema, protocolSchema, interfaceSchema, interfaceCollectionSchema});
    RouteTable &routes = directory.routes();
    using enum HttpMethod;
    using enum RedfishPrivilege;
    routes.add(Get, collectionPath, Login, this, &ManagerResource::collection);
    routes.add(Get, managerPath, Login, this, &ManagerResource::get);
    routes.add(Patch, managerPath, ConfigureManager, this, &ManagerResource::patch);
    routes.add(Post, managerPath + u"/Actions/Manager.Reset"_s, ConfigureManager, this, &ManagerResource::reset);
    routes.add(Get, protocolPath, Login, this, &ManagerResource::networkProtocol);
    routes.add(Patch, protocolPath, ConfigureManager, this, &ManagerResource::patchNetworkProtocol);
    routes.add(Get, interfacesPath, Login, this, &ManagerResource::ethernetInterfaces);
    routes.add(Get, interfacesPath + u"/{id}"_s, Login, this, &ManagerResource::ethernetInterface);
}

RedfishReply ManagerResource::collection() const
{
    return RedfishReply::ok(
        RedfishJson::collection(collectionPath, collectionSchema, u"Manager Collection"_s, {managerPath}));
}

RedfishReply ManagerResource::get() const
{
    const QDateTime now = QDateTime::currentDateTime();
    const QString offset = offsetText(now.offsetFromUtc());
    return RedfishReply::ok(QJsonObject{
        {u"@odata.id"_s, managerPath},
        {u"@odata.type"_s, managerSchema.odataType()},
        {u"Id"_s, u"bmc"_s},
        {u"Name"_s, u"qbmc"_s},
        {u"ManagerType"_s, u"BMC"_s},
        {u"Model"_s, u"qbmc"_s},
        {u"FirmwareVersion"_s, QStringLiteral(QBMC_VERSION)},
        {u"UUID"_s, m_installation->deviceUuid().toString(QUuid::WithoutBraces)},
        {u"PowerState"_s, u"On"_s},
        {u"DateTime"_s, now.toString(u"yyyy-MM-ddTHH:mm:ss"_s) + offset},
        {u"DateTimeLocalOffset"_s, offset},
        {u"Status"_s, QJsonObject{{u"State"_s, u"Enabled"_s}, {u"Health"_s, u"OK"_s}}},
        {u"SerialConsole"_s,
         QJsonObject{
             {u"ServiceEnabled"_s, m_services->isSolEnabled() || m_services->isSshEnabled()},
             {u"MaxConcurrentSessions"_s, 1},
             {u"ConnectTypesSupported"_s, QJsonArray{u"IPMI"_s, u"SSH"_s}},
         }},
        {u"GraphicalConsole"_s, GraphicalConsoleProperty::json(m_services, m_kvmMaxSessions)},
        {u"NetworkProtocol"_s, link(protocolPath)},
        {u"EthernetInterfaces"_s, link(interfacesPath)},
        {u"LogServices"_s, link(managerPath + u"/LogServices"_s)},
        {u"VirtualMedia"_s, link(VirtualMediaResource::collectionPath)},
        {u"Oem"_s, QJsonObject{{u"Qbmc"_s, QJsonObject{{u"MediaStore"_s, link(MediaStoreResource::path)}}}}},
        {u"Links"_s,
         QJsonObject{{u"ManagerForServers"_s, QJsonArray{link(u"/redfish/v1/Systems/system"_s)}},
                     {u"ManagerForChassis"_s, QJsonArray{link(u"/redfish/v1/Chassis/chassis"_s)}}}},
        {u"Actions"_s,
         QJsonObject{{u"#Manager.Reset"_s,
                      QJsonObject{
                          {u"target"_s, managerPath + u"/Actions/Manager.Reset"_s},
                          {u"ResetType@Redfish.AllowableValues"_s, QJsonArray{u"GracefulRestart"_s, u"ForceRestart"_s}},
                      }}}},
    });
}

RedfishReply ManagerResource::patch(const RedfishRequest &request)
{
    const Expected<QJsonObject, RedfishReply> body = RedfishJson::body(request);
    if (!body)
        return body.failure();
    const QJsonObject current = get().json;
    QList<RedfishMessage> problems;
    bool changed = false;
    for (auto it = body->begin(); it != body->end(); ++it) {
        if (it.key() == u"GraphicalConsole"_s)
            changed = GraphicalConsoleProperty::patch(*it, current, m_services, m_kvmMaxSessions,
                                                      Actor::redfish(request.user), &problems)
                || changed;
        else
            problems.append(BaseMessages::refusedProperty(current, it.key()));
    }
    return RedfishReply::patched(get(), changed, problems);
}

RedfishReply ManagerResource::reset(const RedfishRequest &request)
{
    const Expected<QJsonObject, RedfishReply> body = RedfishJson::body(request);
    if (!body)
        return body.failure();
    const QString action = u"Manager.Reset"_s;
    for (auto it = body->begin(); it != body->end(); ++it) {
        if (it.key() != u"ResetType"_s)
            return RedfishReply::error(400, BaseMessages::make("ActionParameterNotSupported", {it.key(), action}));
    }
    const QString type = body->value(u"ResetType"_s).toString(u"GracefulRestart"_s);
    // The parameter is supported; its value is not one of those allowed.
    if (type != u"GracefulRestart"_s && type != u"ForceRestart"_s)
        return RedfishReply::error(400,
                                   BaseMessages::make("ActionParameterValueNotInList", {type, u"ResetType"_s, action}));
    // After the answer is on its way: qbmc restarts in place, state written first.
    const QString reason = u"Redfish Manager.Reset by %1"_s.arg(request.user);
    QTimer::singleShot(200, this, [this, reason] { emit restartRequested(reason); });
    return RedfishReply::noContent();
}

RedfishReply ManagerResource::networkProtocol() const
{
    return RedfishReply::ok(QJsonObject{
        {u"@odata.id"_s, protocolPath},
        {u"@odata.type"_s, protocolSchema.odataType()},
        {u"Id"_s, u"NetworkProtocol"_s},
        {u"Name"_s, u"Manager Network Protocol"_s},
        {u"HostName"_s, QSysInfo::machineHostName()},
        {u"HTTPS"_s, QJsonObject{{u"ProtocolEnabled"_s, m_ports.tls}, {u"Port"_s, m_ports.https}}},
        {u"HTTP"_s,
         QJsonObject{{u"ProtocolEnabled"_s, !m_ports.tls},
                     {u"Port"_s, m_ports.tls ? QJsonValue(QJsonValue::Null) : QJsonValue(m_ports.https)}}},
        {u"IPMI"_s, QJsonObject{{u"ProtocolEnabled"_s, m_services->isIpmiEnabled()}, {u"Port"_s, m_ports.ipmi}}},
        {u"SSH"_s, QJsonObject{{u"ProtocolEnabled"_s, m_services->isSshEnabled()}, {u"Port"_s, m_services->sshPort()}}},
        {u"Status"_s, QJsonObject{{u"State"_s, u"Enabled"_s}, {u"Health"_s, u"OK"_s}}},
    });
}

RedfishReply ManagerResource::patchNetworkProtocol(const RedfishRequest &request)
{
    const Expected<QJsonObject, RedfishReply> body = RedfishJson::body(request);
    if (!body)
        return body.failure();
    const QJsonObject current = networkProtocol().json;
    QList<RedfishMessage> problems;
    bool changed = false;
    for (auto it = body->begin(); it != body->end(); ++it) {
        const QString &key = it.key();
        if (key == u"IPMI"_s && it->isObject()) {
            const QJsonObject ipmi = it->toObject();
            for (auto p = ipmi.begin(); p != ipmi.end(); ++p) {
                if (p.key() == u"ProtocolEnabled"_s) {
                    if (!p->isBool()) {
                        problems.append(BaseMessages::propertyValueTypeError(RedfishJson::valueText(*p),
                                                                             u"IPMI/ProtocolEnabled"_s));
                        continue;
                    }
                    if (const auto failure = m_services->setIpmiEnabled(p->toBool(), Actor::redfish(request.user))) {
                        RedfishMessage message = BaseMessages::make(
                            "PropertyValueIncorrect", {u"IPMI/ProtocolEnabled"_s, RedfishJson::valueText(*p)});
                        message.resolution = failure->message;
                        return RedfishReply::error(400, message);
                    }
                    changed = true;
                } else {
                    problems.append(BaseMessages::propertyNotWritable(u"IPMI/"_s + p.key()));
                }
            }
        } else if (key == u"SSH"_s && it->isObject()) {
            if (auto refused = patchSsh(it->toObject(), Actor::redfish(request.user), &problems, &changed))
                return *refused;
        } else {
            problems.append(BaseMessages::refusedProperty(current, key));
        }
    }
    return RedfishReply::patched(networkProtocol(), changed, problems);
}

std::optional<RedfishReply> ManagerResource::patchSsh(const QJsonObject &ssh, const Actor &actor,
                                                      QList<RedfishMessage> *problems, bool *changed)
{
    std::optional<bool> enabled;
    std::optional<int> port;
    for (auto p = ssh.begin(); p != ssh.end(); ++p) {
        if (p.key() == u"ProtocolEnabled"_s) {
            if (p->isBool())
                enabled = p->toBool();
            else
                problems->append(
                    BaseMessages::propertyValueTypeError(RedfishJson::valueText(*p), u"SSH/ProtocolEnabled"_s));
        } else if (p.key() == u"Port"_s) {
            const Expected<qint64, RedfishMessage> number = RedfishJson::wholeNumber(*p, u"SSH/Port"_s, 1, 65535);
            if (number)
                port = int(*number);
            else
                problems->append(number.failure());
        } else {
            problems->append(BaseMessages::propertyNotWritable(u"SSH/"_s + p.key()));
        }
    }
    // Port and switch together: a new port with the switch turned on opens only the new port.
    if (const auto failure = m_services->setSsh(enabled, port, actor)) {
        RedfishMessage message = BaseMessages::make("PropertyValueIncorrect", {u"SSH"_s, RedfishJson::valueText(ssh)});
        message.resolution = failure->message;
        return RedfishReply::error(400, message);
    }
    if (enabled || port)
        *changed = true;
    return std::nullopt;
}

RedfishReply ManagerResource::ethernetInterfaces() const
{
    QStringList members;
    const QString name = m_network ? m_network->primaryInterface().name : QString();
    if (!name.isEmpty())
        members.append(interfacesPath + u'/' + name);
    return RedfishReply::ok(RedfishJson::collection(interfacesPath, interfaceCollectionSchema,
                                                    u"Ethernet Network Interface Collection"_s, members));
}

RedfishReply ManagerResource::ethernetInterface(const RedfishRequest &request) const
{
    const QString id = request.params.at(0);
    const NetworkFacts::Interface interface = m_network ? m_network->primaryInterface() : NetworkFacts::Interface{};
    if (interface.name.isEmpty() || interface.name != id)
        return RedfishReply::notFound(u"EthernetInterface"_s, id);
    QJsonObject json{
        {u"@odata.id"_s, interfacesPath + u'/' + id},
        {u"@odata.type"_s, interfaceSchema.odataType()},
        {u"Id"_s, id},
        {u"Name"_s, u"Manager Ethernet Interface"_s},
        {u"InterfaceEnabled"_s, true},
        {u"LinkStatus"_s, interface.isUp ? u"LinkUp"_s : u"LinkDown"_s},
        {u"HostName"_s, QSysInfo::machineHostName()},
        {u"Status"_s, QJsonObject{{u"State"_s, u"Enabled"_s}, {u"Health"_s, u"OK"_s}}},
    };
    if (!interface.macAddress.isEmpty())
        json.insert(u"MACAddress"_s, interface.macAddress);
    if (!interface.ipv4Address.isEmpty()) {
        QJsonObject address{
            {u"Address"_s, interface.ipv4Address},
            {u"AddressOrigin"_s, interface.source == NetworkFacts::AddressSource::Dhcp ? u"DHCP"_s : u"Static"_s}};
        if (!interface.ipv4Netmask.isEmpty())
            address.insert(u"SubnetMask"_s, interface.ipv4Netmask);
        if (!interface.ipv4Gateway.isEmpty())
            address.insert(u"Gateway"_s, interface.ipv4Gateway);
        json.insert(u"IPv4Addresses"_s, QJsonArray{address});
    }
    return RedfishReply::ok(json);
}
