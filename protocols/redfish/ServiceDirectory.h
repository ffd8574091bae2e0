#pragma once

#include "RedfishSchema.h"
#include "RouteTable.h"

#include <QList>
#include <QString>

// What the Redfish service consists of, as its resources register it: the routes, the links the
// service root and the OData service document show, and the DMTF schemas the resources follow.
// The service root, $metadata and JsonSchemas read it, so nothing is listed twice by hand.
class ServiceDirectory
{
public:
    struct RootLink
    {
        enum class Placement { Property, InLinks }; // "Systems" at the top, "Links/Sessions"
        QString name;
        QString path;
        Placement placement = Placement::Property;
    };

    RouteTable &routes() { return m_routes; }
    const RouteTable &routes() const { return m_routes; }

    void addRootLink(const QString &name, const QString &path,
                     RootLink::Placement placement = RootLink::Placement::Property);
    // Each schema once, in the order first registered.
    void addSchemas(std::initializer_list<RedfishSchema> schemas);

    const QList<RootLink> &rootLinks() const { return m_rootLinks; }
    const QList<RedfishSchema> &schemas() const { return m_schemas; }

private:
    RouteTable m_routes;
    QList<RootLink> m_rootLinks;
    QList<RedfishSchema> m_schemas;
};
