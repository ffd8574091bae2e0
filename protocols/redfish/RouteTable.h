#pragma once

#include "HttpMethod.h"
#include "RedfishPrivilege.h"
#include "RedfishReply.h"
#include "RedfishRequest.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <type_traits>

// Redfish routes declared as data: a method, a path ("/redfish/v1/Systems/system", or with a
// placeholder for members that come and go: "/redfish/v1/AccountService/Accounts/{id}"), the
// privilege it needs, and the handler. Lookup tells apart an unknown path (404) from a known path
// asked with another method (405, with the methods that are allowed).
class RouteTable
{
public:
    using Handler = std::function<RedfishReply(const RedfishRequest &)>;

    struct Route
    {
        HttpMethod method = HttpMethod::Get;
        QString pattern;
        RedfishPrivilege privilege = RedfishPrivilege::Login;
        Handler handler;
        QStringList segments;
        // Set for a GET whose answer depends on the model alone, never on who asks or when: its
        // representation is kept until this resource says it changed (RepresentationCache).
        const QObject *cacheOwner = nullptr;
    };

    struct Match
    {
        const Route *route = nullptr;
        QStringList params;
        bool pathKnown = false;
        QList<HttpMethod> allowedMethods; // for 405's Allow; HEAD goes with GET
    };

    void add(HttpMethod method, const QString &pattern, RedfishPrivilege privilege, Handler handler);
    // A resource's member function as the handler: RedfishReply handler() const, or
    // RedfishReply handler(const RedfishRequest &request) [const] when it needs the request.
    template <typename Resource, typename Method>
    void add(HttpMethod method, const QString &pattern, RedfishPrivilege privilege, Resource *resource, Method handler);

    // A GET answered from the cached representation until `resource` emits
    // representationChanged(); only for answers that are the same for every caller.
    template <typename Resource, typename Method>
    void addCached(const QString &pattern, RedfishPrivilege privilege, Resource *resource, Method handler)
    {
        add(HttpMethod::Get, pattern, privilege, resource, handler);
        m_routes.last().cacheOwner = resource;
    }

    // `path` without a trailing slash; HEAD finds the GET route.
    Match find(const QString &path, HttpMethod method) const;

private:
    static bool matches(const QStringList &pattern, const QStringList &segments, QStringList *params);

    QList<Route> m_routes;
};

template <typename Resource, typename Method>
void RouteTable::add(HttpMethod method, const QString &pattern, RedfishPrivilege privilege, Resource *resource,
                     Method handler)
{
    add(method, pattern, privilege, [resource, handler](const RedfishRequest &request) {
        if constexpr (std::is_invocable_v<Method, Resource *, const RedfishRequest &>)
            return (resource->*handler)(request);
        else
            return (resource->*handler)();
    });
}
