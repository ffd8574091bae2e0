#pragma once

#include <QString>

// One DMTF schema a resource follows, at the version it follows: "ComputerSystem" v1_27_0, or an
// unversioned collection schema. A resource declares its schemas once, uses them for
// "@odata.type", and registers them, so that $metadata and JsonSchemas list exactly what the
// service uses.
struct RedfishSchema
{
    constexpr RedfishSchema(const char *schemaName, const char *schemaVersion = "")
        : name(schemaName)
        , version(schemaVersion)
    {
    }

    // "ComputerSystem.v1_27_0", or "ComputerSystemCollection" when unversioned.
    QString namespaceName() const
    {
        const QString base = QString::fromLatin1(name);
        return *version ? base + u'.' + QString::fromLatin1(version) : base;
    }
    // "#ComputerSystem.v1_27_0.ComputerSystem", the value of "@odata.type".
    QString odataType() const { return u'#' + namespaceName() + u'.' + QString::fromLatin1(name); }

    const char *name;
    const char *version; // empty for a schema without versions (collections)
};
