#pragma once

#include "HttpMethod.h"
#include "Role.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

// A request as a route handler sees it: what was asked (path parameters already matched), and
// who asked, once authenticated.
struct RedfishRequest
{
    HttpMethod method = HttpMethod::Get;
    QString path; // without a trailing slash
    QStringList params;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QString address;

    QString user; // empty when unauthenticated
    Role role = Role::ReadOnly;
    QString sessionId;      // the Redfish session the request came in, if any
    bool viaCookie = false; // authenticated by the web UI's session cookie

    // A web page's own request (fetch or XMLHttpRequest), as bmcweb's web UI marks it: it gets
    // no Basic challenge and, at login, the session in cookies.
    bool isFromPage() const { return header("x-requested-with").compare("XMLHttpRequest", Qt::CaseInsensitive) == 0; }

    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
};
