#pragma once

#include "RedfishPrivilege.h"
#include "RedfishReply.h"
#include "RedfishRequest.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

// Redfish routes declared as data: a path template ("/redfish/v1/Systems/{id}"), a method, the
// privilege it needs, and the handler. Lookup tells apart an unknown path (404) from a known path
// asked with another method (405, with the methods that are allowed).
class RouteTable
{
public:
    using Handler = std::function<RedfishReply(const RedfishRequest &)>;

    struct Route
    {
        QString pattern;
        QString method;
        RedfishPrivilege privilege = RedfishPrivilege::Login;
        Handler handler;
        QStringList segments;
    };

    struct Match
    {
        const Route *route = nullptr;
        QStringList params;
        bool pathKnown = false;
        QStringList allowedMethods; // for 405's Allow; HEAD goes with GET
    };

    void add(const QString &pattern, const QString &method, RedfishPrivilege privilege, Handler handler);
    // `path` without a trailing slash; HEAD finds the GET route.
    Match find(const QString &path, const QString &method) const;

private:
    static bool matches(const QStringList &pattern, const QStringList &segments, QStringList *params);

    QList<Route> m_routes;
};
