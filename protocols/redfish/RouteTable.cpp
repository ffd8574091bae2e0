#include "RouteTable.h"

void RouteTable::add(HttpMethod method, const QString &pattern, RedfishPrivilege privilege, Handler handler)
{
    m_routes.append({method, pattern, privilege, std::move(handler), pattern.split(u'/', Qt::SkipEmptyParts)});
}

bool RouteTable::matches(const QStringList &pattern, const QStringList &segments, QStringList *params)
{
    if (pattern.size() != segments.size())
        return false;
    QStringList captured;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QString &expected = pattern.at(i);
        if (expected.startsWith(u'{') && expected.endsWith(u'}'))
            captured.append(segments.at(i));
        else if (expected != segments.at(i))
            return false;
    }
    *params = captured;
    return true;
}

RouteTable::Match RouteTable::find(const QString &path, HttpMethod method) const
{
    const QStringList segments = path.split(u'/', Qt::SkipEmptyParts);
    const HttpMethod wanted = method == HttpMethod::Head ? HttpMethod::Get : method;
    Match match;
    for (const Route &route : m_routes) {
        QStringList params;
        if (!matches(route.segments, segments, &params))
            continue;
        match.pathKnown = true;
        if (!match.allowedMethods.contains(route.method)) {
            match.allowedMethods.append(route.method);
            if (route.method == HttpMethod::Get)
                match.allowedMethods.append(HttpMethod::Head);
        }
        if (!match.route && route.method == wanted) {
            match.route = &route;
            match.params = params;
        }
    }
    return match;
}
