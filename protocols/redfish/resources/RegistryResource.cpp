#include "RegistryResource.h"

#include "RedfishJson.h"

using namespace Qt::StringLiterals;

namespace {
const RedfishSchema registryFileSchema{"MessageRegistryFile", "v1_1_5"};
const RedfishSchema registryCollectionSchema{"MessageRegistryFileCollection"};
const RedfishSchema schemaFileSchema{"JsonSchemaFile", "v1_1_5"};
const RedfishSchema schemaCollectionSchema{"JsonSchemaFileCollection"};
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

RegistryResource::RegistryResource(const ServiceDirectory *directory, QObject *parent)
    : RedfishResource(parent)
    , m_directory(directory)
{
}

void RegistryResource::registerIn(ServiceDirectory &directory)
{
    directory.addRootLink(u"Registries"_s, registriesPath);
    directory.addRootLink(u"JsonSchemas"_s, schemasPath);
    directory.addSchemas({registryFileSchema, registryCollectionSchema, schemaFileSchema, schemaCollectionSchema});
    RouteTable &routes = directory.routes();
    using enum HttpMethod;
    using enum RedfishPrivilege;
    routes.add(Get, registriesPath, Login, this, &RegistryResource::registries);
    routes.add(Get, registriesPath + u"/{id}"_s, Login, this, &RegistryResource::registry);
    routes.add(Get, schemasPath, Login, this, &RegistryResource::schemas);
    routes.add(Get, schemasPath + u"/{id}"_s, Login, this, &RegistryResource::schema);
}

RedfishReply RegistryResource::registries() const
{
    QStringList members;
    for (const auto &[id, prefix, uri] : registryFiles)
        members.append(registriesPath + u'/' + id);
    return RedfishReply::ok(
        RedfishJson::collection(registriesPath, registryCollectionSchema, u"Registry File Collection"_s, members));
}

RedfishReply RegistryResource::registry(const RedfishRequest &request) const
{
    const QString wanted = request.params.at(0);
    for (const auto &[id, prefix, uri] : registryFiles) {
        if (id != wanted)
            continue;
        return RedfishReply::ok(QJsonObject{
            {u"@odata.id"_s, registriesPath + u'/' + id},
            {u"@odata.type"_s, registryFileSchema.odataType()},
            {u"Id"_s, id},
            {u"Name"_s, id + u" Message Registry File"_s},
            {u"Registry"_s, prefix},
            {u"Languages"_s, QJsonArray{u"en"_s}},
            {u"Location"_s, location(uri)},
        });
    }
    return RedfishReply::notFound(u"MessageRegistryFile"_s, wanted);
}

RedfishReply RegistryResource::schemas() const
{
    QStringList members;
    for (const RedfishSchema &registered : m_directory->schemas())
        members.append(schemasPath + u'/' + QString::fromLatin1(registered.name));
    return RedfishReply::ok(
        RedfishJson::collection(schemasPath, schemaCollectionSchema, u"JSON Schema File Collection"_s, members));
}

RedfishReply RegistryResource::schema(const RedfishRequest &request) const
{
    const QString id = request.params.at(0);
    for (const RedfishSchema &registered : m_directory->schemas()) {
        if (QString::fromLatin1(registered.name) != id)
            continue;
        const QString name = registered.namespaceName();
        return RedfishReply::ok(QJsonObject{
            {u"@odata.id"_s, schemasPath + u'/' + id},
            {u"@odata.type"_s, schemaFileSchema.odataType()},
            {u"Id"_s, id},
            {u"Name"_s, id + u" Schema File"_s},
            {u"Schema"_s, u'#' + name + u'.' + id},
            {u"Languages"_s, QJsonArray{u"en"_s}},
            {u"Location"_s, location(u"http://redfish.dmtf.org/schemas/v1/"_s + name + u".json"_s)},
        });
    }
    return RedfishReply::notFound(u"JsonSchemaFile"_s, id);
}
