#pragma once

#include "HttpHeaders.h"
#include "HttpRequestHead.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <chrono>
#include <functional>

// What QHttpServer 6.4 lacks, in front of it: a connection cap (the longest idle connection makes
// room, one that never sent a byte before one that did), an idle keep-alive time-out, a time-out for a request still
// arriving (slowloris), header and body size limits answered with 431 and 413 as the bytes arrive, and `Connection:
// close` honoured, and a head two parsers could read two ways refused with 400 (HttpRequestHead). It sees every socket
// before QHttpServer does and follows the request stream with a small parser of its own (heads, Content-Length and
// chunked bodies).
class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        int maxConnections = 256;
        std::chrono::milliseconds idleTimeout = std::chrono::seconds(60);
        std::chrono::milliseconds requestTimeout = std::chrono::seconds(10);
        qsizetype maxHeaderBytes = 16 * 1024;
        qint64 maxBodyBytes = 1024 * 1024;
    };

    explicit ConnectionGuard(Limits limits, QObject *parent = nullptr);

    // Takes a new connection; false when it was refused (and closed) at once.
    bool watch(QTcpSocket *socket);
    // For a listener's incomingConnection(): gives `socket` the descriptor and watches it. When the
    // descriptor is bad or the connection refused, the socket is gone and the answer is false.
    bool adopt(QTcpSocket *socket, qintptr descriptor);

    // Headers the guard's own refusals carry, as every other answer does.
    void setAnswerHeaders(HttpHeaderList headers) { m_answerHeaders = std::move(headers); }

    // An event stream: long-lived by design, so neither idle time-out nor eviction applies.
    void markStreaming(QTcpSocket *socket);

    // Offered every complete request head that asks to switch protocols (an Upgrade header), before
    // QHttpServer reads it. True: the handler has taken the connection, to upgrade it or to answer
    // it itself, and reads it from now on; neither the guard nor QHttpServer reads it again. It stays
    // counted against maxConnections until it closes and, like an event stream, is neither timed out
    // nor evicted. The handler must not destroy the socket before it returns. False: QHttpServer
    // gets the request as before (docs/decisions.md#111).
    using UpgradeHandler = std::function<bool(QTcpSocket *socket, const HttpRequestHead &head)>;
    void setUpgradeHandler(UpgradeHandler handler) { m_upgradeHandler = std::move(handler); }

    int connectionCount() const { return int(m_connections.size()); }
    const Limits &limits() const { return m_limits; }

    struct Counters
    {
        quint64 accepted = 0;
        quint64 evicted = 0;
        quint64 idleClosed = 0;
        quint64 slowClosed = 0;
        quint64 headerTooLarge = 0;
        quint64 bodyTooLarge = 0;
        quint64 malformed = 0;
    };
    const Counters &counters() const { return m_counters; }

private:
    enum class Phase { Head, Body, ChunkedBody };

    struct Connection
    {
        QPointer<QTcpSocket> socket;
        Phase phase = Phase::Head;
        QByteArray head;          // the head being collected
        qint64 bodyRemaining = 0; // Content-Length bytes still to come
        qint64 chunkedSeen = 0;
        QByteArray chunkedTail; // last bytes, to find the end of a chunked body
        bool closeAfterResponse = false;
        bool streaming = false;
        bool takenOver = false; // by the upgrade handler
        bool spoken = false;    // the client has sent something: a request, or its TLS handshake
        QElapsedTimer lastActivity;
        QElapsedTimer requestStarted; // valid while a request is arriving
    };

    void onReadyRead(QTcpSocket *socket);
    void onBytesWritten(QTcpSocket *socket);
    void forget(QTcpSocket *socket);
    void noteSpoken(QTcpSocket *socket);
    void sweep();
    bool evictIdle();
    bool consume(Connection &connection, QByteArrayView data);
    bool offerUpgrade(Connection &connection, const HttpRequestHead &head);
    bool startBody(Connection &connection);
    void refuse(Connection &connection, int status, const QByteArray &reason, const QByteArray &message);

    Limits m_limits;
    HttpHeaderList m_answerHeaders;
    UpgradeHandler m_upgradeHandler;
    QHash<QTcpSocket *, Connection> m_connections;
    QTimer m_sweep;
    Counters m_counters;
};
