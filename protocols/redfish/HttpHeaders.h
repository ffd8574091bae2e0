#pragma once

#include <QByteArray>
#include <QList>

#include <utility>

using HttpHeaderList = QList<std::pair<QByteArray, QByteArray>>;

// Headers every answer of the Redfish listener carries, whoever writes it: the route table, the
// guard's refusals and the event stream (decisions.md#97).
namespace HttpHeaders {

// X-Content-Type-Options, Content-Security-Policy and Referrer-Policy always;
// Strict-Transport-Security as well over HTTPS.
HttpHeaderList everyAnswer(bool tls);

// A whole answer for a listener that writes its own and then closes the connection (the guard's
// refusals, a refused WebSocket upgrade): status line, a JSON body, `Connection: close`, `headers`.
QByteArray closingAnswer(int status, QByteArrayView reason, const QByteArray &json, const HttpHeaderList &headers);

} // namespace HttpHeaders
