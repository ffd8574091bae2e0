#include "ServiceRootResource.h"

#include "Bmc.h"
#include "InstallationIdentity.h"
#include "QueryOptions.h"
#include "RedfishJson.h"
#include "RedfishTypes.h"

using namespace Qt::StringLiterals;
using RedfishJson::link;

ServiceRootResource::ServiceRootResource(Bmc *bmc, RouteTable &routes, QObject *parent)
    : QObject(parent)
    , m_bmc(bmc)
{
    routes.add(u"/redfish"_s, u"GET"_s, RedfishPrivilege::None, [](const RedfishRequest &) {
        return RedfishReply::ok(QJsonObject{{u"v1"_s, u"/redfish/v1/"_s}});
    });
    routes.add(u"/redfish/v1"_s, u"GET"_s, RedfishPrivilege::None, [this](const RedfishRequest &) { return root(); });
    routes.add(u"/redfish/v1/odata"_s, u"GET"_s, RedfishPrivilege::None,
               [this](const RedfishRequest &) { return serviceDocument(); });
    routes.add(u"/redfish/v1/$metadata"_s, u"GET"_s, RedfishPrivilege::None,
               [this](const RedfishRequest &) { return metadata(); });
}

RedfishReply ServiceRootResource::root() const
{
    return RedfishReply::ok(QJsonObject{
        {u"@odata.id"_s, u"/redfish/v1"_s},
        {u"@odata.type"_s, RedfishTypes::of(u"ServiceRoot"_s)},
        {u"Id"_s, u"RootService"_s},
        {u"Name"_s, u"qbmc Redfish Service"_s},
        {u"RedfishVersion"_s, u"1.20.0"_s},
        {u"UUID"_s, m_bmc->installationIdentity()->deviceUuid().toString(QUuid::WithoutBraces)},
        {u"Product"_s, u"qbmc"_s},
        {u"Vendor"_s, u"qbmc"_s},
        {u"Systems"_s, link(u"/redfish/v1/Systems"_s)},
        {u"SessionService"_s, link(u"/redfish/v1/SessionService"_s)},
        {u"AccountService"_s, link(u"/redfish/v1/AccountService"_s)},
        {u"Chassis"_s, link(u"/redfish/v1/Chassis"_s)},
        {u"Managers"_s, link(u"/redfish/v1/Managers"_s)},
        {u"EventService"_s, link(u"/redfish/v1/EventService"_s)},
        {u"Registries"_s, link(u"/redfish/v1/Registries"_s)},
        {u"JsonSchemas"_s, link(u"/redfish/v1/JsonSchemas"_s)},
        {u"Links"_s, QJsonObject{{u"Sessions"_s, link(u"/redfish/v1/SessionService/Sessions"_s)}}},
        {u"ProtocolFeaturesSupported"_s,
         QJsonObject{
             {u"ExcerptQuery"_s, false},
             {u"FilterQuery"_s, false},
             {u"OnlyMemberQuery"_s, false},
             {u"SelectQuery"_s, true},
             {u"TopSkipQuery"_s, true},
             {u"ExpandQuery"_s,
              QJsonObject{{u"ExpandAll"_s, true},
                          {u"Levels"_s, true},
                          {u"MaxLevels"_s, QueryOptions::maxLevels},
                          {u"Links"_s, true},
                          {u"NoLinks"_s, true}}},
         }},
    });
}

RedfishReply ServiceRootResource::serviceDocument() const
{
    QJsonArray value;
    const std::pair<QString, QString> singletons[] = {
        {u"Service"_s, u"/redfish/v1"_s},
        {u"Systems"_s, u"/redfish/v1/Systems"_s},
        {u"SessionService"_s, u"/redfish/v1/SessionService"_s},
        {u"Sessions"_s, u"/redfish/v1/SessionService/Sessions"_s},
        {u"AccountService"_s, u"/redfish/v1/AccountService"_s},
        {u"Chassis"_s, u"/redfish/v1/Chassis"_s},
        {u"Managers"_s, u"/redfish/v1/Managers"_s},
        {u"EventService"_s, u"/redfish/v1/EventService"_s},
        {u"Registries"_s, u"/redfish/v1/Registries"_s},
        {u"JsonSchemas"_s, u"/redfish/v1/JsonSchemas"_s},
    };
    for (const auto &[name, url] : singletons)
        value.append(QJsonObject{{u"name"_s, name}, {u"kind"_s, u"Singleton"_s}, {u"url"_s, url}});
    return RedfishReply::ok(QJsonObject{{u"@odata.context"_s, u"/redfish/v1/$metadata"_s}, {u"value"_s, value}});
}

RedfishReply ServiceRootResource::metadata() const
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<edmx:Edmx xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\" Version=\"4.0\">\n";
    for (const QString &versioned : RedfishTypes::namespaces()) {
        const QString schema = versioned.section(u'.', 0, 0);
        xml += "  <edmx:Reference Uri=\"http://redfish.dmtf.org/schemas/v1/" + schema.toUtf8()
            + "_v1.xml\">\n"
              "    <edmx:Include Namespace=\""
            + schema.toUtf8() + "\"/>\n";
        if (versioned != schema)
            xml += "    <edmx:Include Namespace=\"" + versioned.toUtf8() + "\"/>\n";
        xml += "  </edmx:Reference>\n";
    }
    xml += "  <edmx:DataServices>\n"
           "    <Schema xmlns=\"http://docs.oasis-open.org/odata/ns/edm\" Namespace=\"Service\">\n"
           "      <EntityContainer Name=\"Service\" Extends=\""
        + RedfishTypes::namespaceOf(u"ServiceRoot"_s).toUtf8()
        + ".ServiceContainer\"/>\n"
          "    </Schema>\n"
          "  </edmx:DataServices>\n"
          "</edmx:Edmx>\n";
    RedfishReply reply;
    reply.raw = xml;
    reply.contentType = "application/xml";
    return reply;
}
