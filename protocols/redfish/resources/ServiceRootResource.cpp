#include "ServiceRootResource.h"

#include "InstallationIdentity.h"
#include "QueryOptions.h"
#include "RedfishJson.h"

using namespace Qt::StringLiterals;
using RedfishJson::link;

namespace {
const RedfishSchema serviceRootSchema{"ServiceRoot", "v1_20_0"};
// Every resource's messages and common properties (Status, ...) come from these two.
const RedfishSchema messageSchema{"Message", "v1_3_0"};
const RedfishSchema resourceSchema{"Resource"};
} // namespace

ServiceRootResource::ServiceRootResource(const ServiceDirectory *directory, const InstallationIdentity *installation,
                                         QObject *parent)
    : RedfishResource(parent)
    , m_directory(directory)
    , m_installation(installation)
{
}

void ServiceRootResource::registerIn(ServiceDirectory &directory)
{
    directory.addSchemas({serviceRootSchema, messageSchema, resourceSchema});
    RouteTable &routes = directory.routes();
    using enum HttpMethod;
    // Fixed once the resources have registered.
    routes.addCached(u"/redfish"_s, RedfishPrivilege::None, this, &ServiceRootResource::versions);
    routes.addCached(u"/redfish/v1"_s, RedfishPrivilege::None, this, &ServiceRootResource::root);
    routes.addCached(u"/redfish/v1/odata"_s, RedfishPrivilege::None, this, &ServiceRootResource::serviceDocument);
    routes.addCached(u"/redfish/v1/$metadata"_s, RedfishPrivilege::None, this, &ServiceRootResource::metadata);
}

RedfishReply ServiceRootResource::versions() const
{
    return RedfishReply::ok(QJsonObject{{u"v1"_s, u"/redfish/v1/"_s}});
}

RedfishReply ServiceRootResource::root() const
{
    QJsonObject json{
        {u"@odata.id"_s, u"/redfish/v1"_s},
        {u"@odata.type"_s, serviceRootSchema.odataType()},
        {u"Id"_s, u"RootService"_s},
        {u"Name"_s, u"qbmc Redfish Service"_s},
        {u"RedfishVersion"_s, u"1.20.0"_s},
        {u"UUID"_s, m_installation->deviceUuid().toString(QUuid::WithoutBraces)},
        {u"Product"_s, u"qbmc"_s},
        {u"Vendor"_s, u"qbmc"_s},
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
    };
    QJsonObject links;
    for (const ServiceDirectory::RootLink &rootLink : m_directory->rootLinks()) {
        if (rootLink.placement == ServiceDirectory::RootLink::Placement::InLinks)
            links.insert(rootLink.name, link(rootLink.path));
        else
            json.insert(rootLink.name, link(rootLink.path));
    }
    json.insert(u"Links"_s, links);
    return RedfishReply::ok(json);
}

RedfishReply ServiceRootResource::serviceDocument() const
{
    QJsonArray value{QJsonObject{{u"name"_s, u"Service"_s}, {u"kind"_s, u"Singleton"_s}, {u"url"_s, u"/redfish/v1"_s}}};
    for (const ServiceDirectory::RootLink &rootLink : m_directory->rootLinks())
        value.append(QJsonObject{{u"name"_s, rootLink.name}, {u"kind"_s, u"Singleton"_s}, {u"url"_s, rootLink.path}});
    return RedfishReply::ok(QJsonObject{{u"@odata.context"_s, u"/redfish/v1/$metadata"_s}, {u"value"_s, value}});
}

RedfishReply ServiceRootResource::metadata() const
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<edmx:Edmx xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\" Version=\"4.0\">\n";
    for (const RedfishSchema &registered : m_directory->schemas()) {
        const QString versioned = registered.namespaceName();
        const QString schema = QString::fromLatin1(registered.name);
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
        + serviceRootSchema.namespaceName().toUtf8()
        + ".ServiceContainer\"/>\n"
          "    </Schema>\n"
          "  </edmx:DataServices>\n"
          "</edmx:Edmx>\n";
    RedfishReply reply;
    reply.raw = xml;
    reply.contentType = "application/xml";
    return reply;
}
