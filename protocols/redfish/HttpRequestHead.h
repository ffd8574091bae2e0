#pragma once

#include "Expected.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <utility>

// What the connection guard needs to know of one request head (the request line and header fields,
// without the blank line that ends them), read strictly: anything two HTTP parsers could read in
// two ways is refused, so that what the guard counts is what QHttpServer reads (decisions.md#97).
class HttpRequestHead
{
public:
    // Why a head was refused: the header (or "request line") at fault, for HeaderInvalid.
    struct Problem
    {
        QByteArray where;
        const char *reason; // for the log
    };

    // A head with a NUL, a CR not followed by LF, a folded line (obs-fold), a field without a
    // valid name, more than one Content-Length, a Content-Length that is not a number, both
    // Content-Length and Transfer-Encoding, or a Transfer-Encoding that does not end in chunked,
    // is a Problem. Lines may end in CRLF or LF alone.
    static Expected<HttpRequestHead, Problem> parse(QByteArrayView head);

    bool chunked() const { return m_chunked; }
    qint64 contentLength() const { return m_contentLength; }
    // Connection: close, or HTTP/1.0 without Connection: keep-alive.
    bool closeAfterResponse() const { return m_closeAfterResponse; }

    // The request line's method and target, as sent ("GET", "/console0?x").
    const QByteArray &method() const { return m_method; }
    const QByteArray &target() const { return m_target; }
    // Every value of the header `name` (any case), in order; trimmed.
    QList<QByteArray> values(QByteArrayView name) const;
    // The client asks to switch protocols (an Upgrade header field, as a WebSocket does).
    bool wantsUpgrade() const { return !values("Upgrade").isEmpty(); }

private:
    QByteArray m_method;
    QByteArray m_target;
    QList<std::pair<QByteArray, QByteArray>> m_fields; // name as sent, value trimmed
    bool m_chunked = false;
    qint64 m_contentLength = 0;
    bool m_closeAfterResponse = false;
};
