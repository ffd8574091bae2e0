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
    QString sessionId; // the Redfish session the request came in, if any

    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
};
