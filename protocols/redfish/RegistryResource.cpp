#include "RegistryResource.h"

#include "BaseMessages.h"
#include "RedfishJson.h"
#include "RedfishTypes.h"

using namespace Qt::StringLiterals;

namespace {
const QString registriesPath = u"/redfish/v1/Registries"_s;
const QString schemasPath = u"/redfish/v1/JsonSchemas"_s;

// Registry id, its prefix in MessageIds, and its published file.
const std::tuple<QString, QString, QString> registryFiles[] = {
    {u"Base"_s, u"Base.1.22"_s, u"https://redfish.dmtf.org/registries/Base.1.22.1.json"_s},
    {u"ResourceEvent"_s, u"ResourceEvent.1.3"_s, u"https://redfish.dmtf.org/registries/ResourceEvent.1.3.0.json"_s},
};

QJsonArray location(const QString &uri)
{
    return QJsonArray{QJsonObject{{u"Language"_s, u"en"_s}, {u"PublicationUri"_s, uri}}};
}
} // namespace

RegistryResource::RegistryResource(RouteTable &routes, QObject *parent)
    : QObject(parent)
{
    routes.add(registriesPath, u"GET"_s, RedfishPrivilege::Login,
               [this](const RedfishRequest &) { return registries(); });
    routes.add(registriesPath + u"/{id}"_s, u"GET"_s, RedfishPrivilege::Login,
               [this](const RedfishRequest &request) { return registry(request.params.at(0)); });
    routes.add(schemasPath, u"GET"_s, RedfishPrivilege::Login, [this](const RedfishRequest &) { return schemas(); });
    routes.add(schemasPath + u"/{id}"_s, u"GET"_s, RedfishPrivilege::Login,
               [this](const RedfishRequest &request) { return schema(request.params.at(0)); });
}

RedfishReply RegistryResource::registries() const
{
    QStringList members;
    for (const auto &[id, prefix, uri] : registryFiles)
        members.append(registriesPath + u'/' + id);
    return RedfishReply::ok(RedfishJson::collection(registriesPath, u"MessageRegistryFileCollection"_s,
                                                    u"Registry File Collection"_s, members));
}

RedfishReply RegistryResource::registry(const QString &wanted) const
{
    for (const auto &[id, prefix, uri] : registryFiles) {
        if (id != wanted)
            continue;
        return RedfishReply::ok(QJsonObject{
            {u"@odata.id"_s, registriesPath + u'/' + id},
            {u"@odata.type"_s, RedfishTypes::of(u"MessageRegistryFile"_s)},
            {u"Id"_s, id},
            {u"Name"_s, id + u" Message Registry File"_s},
            {u"Registry"_s, prefix},
            {u"Languages"_s, QJsonArray{u"en"_s}},
            {u"Location"_s, location(uri)},
        });
    }
    return RedfishReply::error(404, BaseMessages::resourceNotFound(u"MessageRegistryFile"_s, wanted));
}

RedfishReply RegistryResource::schemas() const
{
    QStringList members;
    for (const QString &name : RedfishTypes::namespaces())
        members.append(schemasPath + u'/' + name.section(u'.', 0, 0));
    return RedfishReply::ok(
        RedfishJson::collection(schemasPath, u"JsonSchemaFileCollection"_s, u"JSON Schema File Collection"_s, members));
}

RedfishReply RegistryResource::schema(const QString &id) const
{
    for (const QString &name : RedfishTypes::namespaces()) {
        if (name.section(u'.', 0, 0) != id)
            continue;
        return RedfishReply::ok(QJsonObject{
            {u"@odata.id"_s, schemasPath + u'/' + id},
            {u"@odata.type"_s, RedfishTypes::of(u"JsonSchemaFile"_s)},
            {u"Id"_s, id},
            {u"Name"_s, id + u" Schema File"_s},
            {u"Schema"_s, u'#' + name + u'.' + id},
            {u"Languages"_s, QJsonArray{u"en"_s}},
            {u"Location"_s, location(u"http://redfish.dmtf.org/schemas/v1/"_s + name + u".json"_s)},
        });
    }
    return RedfishReply::error(404, BaseMessages::resourceNotFound(u"JsonSchemaFile"_s, id));
}
