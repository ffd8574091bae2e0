#pragma once

#include <QByteArray>
#include <QList>

#include <utility>

using HttpHeaderList = QList<std::pair<QByteArray, QByteArray>>;

// Headers every answer of the Redfish listener carries, whoever writes it: the route table, the
// guard's refusals and the event stream (decisions.md#97).
namespace HttpHeaders {

// X-Content-Type-Options: nosniff always; Strict-Transport-Security as well over HTTPS.
HttpHeaderList everyAnswer(bool tls);

} // namespace HttpHeaders
