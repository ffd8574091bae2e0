#include "HttpHeaders.h"

namespace HttpHeaders {

HttpHeaderList everyAnswer(bool tls)
{
    HttpHeaderList headers{{"X-Content-Type-Options", "nosniff"}};
    // A year, as bmcweb sends it. Browsers ignore it while the certificate is not trusted
    // (RFC 6797 section 8.1), so a self-signed BMC stays reachable.
    if (tls)
        headers.emplaceBack("Strict-Transport-Security", "max-age=31536000");
    return headers;
}

} // namespace HttpHeaders
