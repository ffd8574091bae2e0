#include "HttpHeaders.h"

namespace HttpHeaders {

HttpHeaderList everyAnswer(bool tls)
{
    // The web UI's policy, on the API's answers as well: a JSON body opened as a page must not
    // run anything either. No inline script or style, nothing from elsewhere, no framing
    // (docs/decisions.md#116).
    HttpHeaderList headers{
        {"X-Content-Type-Options", "nosniff"},
        {"Content-Security-Policy",
         "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
         "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
        {"Referrer-Policy", "no-referrer"},
    };
    // A year, as bmcweb sends it. Browsers ignore it while the certificate is not trusted
    // (RFC 6797 section 8.1), so a self-signed BMC stays reachable.
    if (tls)
        headers.emplaceBack("Strict-Transport-Security", "max-age=31536000");
    return headers;
}

QByteArray closingAnswer(int status, QByteArrayView reason, const QByteArray &json, const HttpHeaderList &headers)
{
    QByteArray answer = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason.toByteArray() + "\r\n"
        + "Content-Type: application/json; charset=utf-8\r\nOData-Version: 4.0\r\nConnection: close\r\n";
    for (const auto &[name, value] : headers)
        answer += name + ": " + value + "\r\n";
    answer += "Content-Length: " + QByteArray::number(json.size()) + "\r\n\r\n" + json;
    return answer;
}

} // namespace HttpHeaders
