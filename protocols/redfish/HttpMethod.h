#pragma once

#include <QHttpServerRequest>
#include <QString>

// The HTTP methods a Redfish route can be registered for. Anything else a client sends (OPTIONS,
// TRACE, CONNECT) is Other and meets 405 on a known path.
enum class HttpMethod { Get, Head, Post, Put, Patch, Delete, Other };

namespace HttpMethods {

// "GET", as the Allow header spells it.
inline QString name(HttpMethod method)
{
    switch (method) {
    case HttpMethod::Get: return QStringLiteral("GET");
    case HttpMethod::Head: return QStringLiteral("HEAD");
    case HttpMethod::Post: return QStringLiteral("POST");
    case HttpMethod::Put: return QStringLiteral("PUT");
    case HttpMethod::Patch: return QStringLiteral("PATCH");
    case HttpMethod::Delete: return QStringLiteral("DELETE");
    case HttpMethod::Other: break;
    }
    return QStringLiteral("OTHER");
}

inline HttpMethod fromRequest(QHttpServerRequest::Method method)
{
    using Method = QHttpServerRequest::Method;
    switch (method) {
    case Method::Get: return HttpMethod::Get;
    case Method::Head: return HttpMethod::Head;
    case Method::Post: return HttpMethod::Post;
    case Method::Put: return HttpMethod::Put;
    case Method::Patch: return HttpMethod::Patch;
    case Method::Delete: return HttpMethod::Delete;
    default: return HttpMethod::Other;
    }
}

// GET and HEAD read; everything else may change something.
inline bool isRead(HttpMethod method)
{
    return method == HttpMethod::Get || method == HttpMethod::Head;
}

} // namespace HttpMethods
