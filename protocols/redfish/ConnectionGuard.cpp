#include "ConnectionGuard.h"

#include "BaseMessages.h"
#include "HttpRequestHead.h"
#include "RedfishLogging.h"

#include <QJsonDocument>
#include <QPointer>
#include <QSslSocket>

#include <sys/ioctl.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
constexpr QByteArrayView headEnd = "\r\n\r\n";
constexpr QByteArrayView chunkedEnd = "\r\n0\r\n\r\n";

// Whether the client has sent bytes that qbmc has not read yet: under load the event loop may not
// have got to them, and such a client is talking, not idle.
bool hasUnreadBytes(const QTcpSocket *socket)
{
    int pending = 0;
    return socket->bytesAvailable() > 0
        || (socket->socketDescriptor() >= 0 && ::ioctl(int(socket->socketDescriptor()), FIONREAD, &pending) == 0
            && pending > 0);
}
} // namespace

ConnectionGuard::ConnectionGuard(Limits limits, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
{
    m_sweep.setInterval(250ms);
    connect(&m_sweep, &QTimer::timeout, this, &ConnectionGuard::sweep);
    m_sweep.start();
}

bool ConnectionGuard::watch(QTcpSocket *socket)
{
    if (m_connections.size() >= m_limits.maxConnections && !evictIdle()) {
        qCInfo(lcRedfish, "connection from %s refused: %d connections, none idle",
               qPrintable(socket->peerAddress().toString()), m_limits.maxConnections);
        return false;
    }
    ++m_counters.accepted;
    Connection connection;
    connection.socket = socket;
    connection.lastActivity.start();
    m_connections.insert(socket, connection);
    // Connected before QHttpServer connects its own: this sees every byte first.
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] { onBytesWritten(socket); });
    // A TLS handshake shows no plain bytes; qbmc's answer to the client's hello shows it is there.
    if (auto *tls = qobject_cast<QSslSocket *>(socket))
        connect(tls, &QSslSocket::encryptedBytesWritten, this, [this, socket] { noteSpoken(socket); });
    connect(socket, &QObject::destroyed, this, [this, socket] { m_connections.remove(socket); });
    return true;
}

bool ConnectionGuard::adopt(QTcpSocket *socket, qintptr descriptor)
{
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return false;
    }
    if (!watch(socket)) {
        socket->abort();
        socket->deleteLater();
        return false;
    }
    return true;
}

void ConnectionGuard::markStreaming(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it != m_connections.end())
        it->streaming = true;
}

void ConnectionGuard::forget(QTcpSocket *socket)
{
    m_connections.remove(socket);
    socket->disconnect(this);
    socket->abort();
}

void ConnectionGuard::noteSpoken(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    it->spoken = true;
    it->lastActivity.start();
}

bool ConnectionGuard::evictIdle()
{
    // Connections that never said a word go first, so that a flood of bare connects cannot push
    // out a client in the middle of its handshake; among equals, the longest idle.
    QTcpSocket *oldest = nullptr;
    std::pair<bool, qint64> worst{true, -1}; // (spoken, idle ms): lower spoken, higher idle first
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        const Connection &connection = it.value();
        if (connection.requestStarted.isValid() || connection.streaming || !connection.socket)
            continue;
        const bool spoken = connection.spoken || hasUnreadBytes(connection.socket);
        const qint64 idle = connection.lastActivity.elapsed();
        if (!oldest || spoken < worst.first || (spoken == worst.first && idle > worst.second)) {
            worst = {spoken, idle};
            oldest = it.key();
        }
    }
    if (!oldest)
        return false;
    ++m_counters.evicted;
    forget(oldest);
    return true;
}

void ConnectionGuard::sweep()
{
    QList<QTcpSocket *> expired;
    for (auto it = m_connections.begin(); it != m_connections.end();) {
        Connection &connection = it.value();
        // Gone without the guard hearing of it: someone disconnected every signal of the socket.
        if (!connection.socket) {
            it = m_connections.erase(it);
            continue;
        }
        if (connection.requestStarted.isValid()) {
            if (connection.requestStarted.elapsed() > m_limits.requestTimeout.count()) {
                ++m_counters.slowClosed;
                expired.append(it.key());
            }
        } else if (!connection.streaming && connection.lastActivity.elapsed() > m_limits.idleTimeout.count()) {
            ++m_counters.idleClosed;
            expired.append(it.key());
        }
        ++it;
    }
    for (QTcpSocket *socket : std::as_const(expired))
        forget(socket);
}

void ConnectionGuard::onReadyRead(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end()) {
        socket->readAll(); // refused: nothing more reaches the server
        return;
    }
    it->lastActivity.start();
    it->spoken = true;
    const QByteArray data = socket->peek(socket->bytesAvailable());
    if (!consume(*it, data) && !m_connections.value(socket).takenOver)
        socket->readAll();
}

void ConnectionGuard::onBytesWritten(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    it->lastActivity.start();
    if (it->closeAfterResponse && socket->bytesToWrite() == 0 && !it->requestStarted.isValid()) {
        m_connections.erase(it);
        // Not from inside the socket's own signal: a QSslSocket closed there (Qt 6.4) frees its
        // TLS state under a flush it has already queued, which then crashes the daemon; any
        // client could set that off with "Connection: close" and an early hang-up (decisions.md#118).
        QMetaObject::invokeMethod(
            socket,
            [socket = QPointer<QTcpSocket>(socket)] {
                if (socket)
                    socket->disconnectFromHost();
            },
            Qt::QueuedConnection);
    }
}

bool ConnectionGuard::consume(Connection &connection, QByteArrayView data)
{
    while (!data.isEmpty()) {
        switch (connection.phase) {
        case Phase::Head: {
            if (!connection.requestStarted.isValid()) {
                // Blank lines between requests are allowed (RFC 9112 section 2.2).
                while (!data.isEmpty() && (data.front() == '\r' || data.front() == '\n'))
                    data = data.sliced(1);
                if (data.isEmpty())
                    return true;
                connection.requestStarted.start();
            }
            const qsizetype before = connection.head.size();
            connection.head.append(data.first(std::min<qsizetype>(data.size(), m_limits.maxHeaderBytes + 4)));
            const qsizetype end = connection.head.indexOf(headEnd);
            if (end < 0) {
                if (connection.head.size() > m_limits.maxHeaderBytes) {
                    ++m_counters.headerTooLarge;
                    refuse(connection, 431, "Request Header Fields Too Large",
                           BaseMessages::error(BaseMessages::headerTooLarge(m_limits.maxHeaderBytes)));
                    return false;
                }
                return true;
            }
            if (end > m_limits.maxHeaderBytes) {
                ++m_counters.headerTooLarge;
                refuse(connection, 431, "Request Header Fields Too Large",
                       BaseMessages::error(BaseMessages::headerTooLarge(m_limits.maxHeaderBytes)));
                return false;
            }
            data = data.sliced(end + headEnd.size() - before);
            const Expected<HttpRequestHead, HttpRequestHead::Problem> head =
                HttpRequestHead::parse(QByteArrayView(connection.head).first(end));
            connection.head.clear();
            if (!head) {
                ++m_counters.malformed;
                qCInfo(lcRedfish, "malformed request head: %s", head.failure().reason);
                refuse(connection, 400, "Bad Request",
                       BaseMessages::error(BaseMessages::headerInvalid(QString::fromLatin1(head.failure().where))));
                return false;
            }
            if (head->wantsUpgrade() && offerUpgrade(connection, *head))
                return false;
            connection.closeAfterResponse = head->closeAfterResponse();
            if (head->chunked()) {
                connection.phase = Phase::ChunkedBody;
                connection.chunkedSeen = 0;
                connection.chunkedTail.clear();
                continue;
            }
            connection.bodyRemaining = head->contentLength();
            if (!startBody(connection))
                return false;
            break;
        }
        case Phase::Body: {
            const qint64 taken = std::min<qint64>(connection.bodyRemaining, data.size());
            connection.bodyRemaining -= taken;
            data = data.sliced(taken);
            if (connection.bodyRemaining == 0) {
                connection.phase = Phase::Head;
                connection.requestStarted.invalidate();
            }
            break;
        }
        case Phase::ChunkedBody: {
            connection.chunkedSeen += data.size();
            if (connection.chunkedSeen > m_limits.maxBodyBytes + 64 * 1024) {
                ++m_counters.bodyTooLarge;
                refuse(connection, 413, "Content Too Large",
                       BaseMessages::error(BaseMessages::bodyTooLarge(m_limits.maxBodyBytes)));
                return false;
            }
            const QByteArray window = connection.chunkedTail + data.toByteArray();
            const qsizetype end = window.indexOf(chunkedEnd);
            if (end < 0) {
                connection.chunkedTail = window.right(chunkedEnd.size());
                return true;
            }
            // What follows the last chunk belongs to the next request.
            const qsizetype consumedHere = end + chunkedEnd.size() - connection.chunkedTail.size();
            data = data.sliced(std::clamp<qsizetype>(consumedHere, 0, data.size()));
            connection.phase = Phase::Head;
            connection.requestStarted.invalidate();
            break;
        }
        }
    }
    return true;
}

bool ConnectionGuard::offerUpgrade(Connection &connection, const HttpRequestHead &head)
{
    QTcpSocket *socket = connection.socket;
    if (!m_upgradeHandler || !socket || !m_upgradeHandler(socket, head))
        return false;
    const auto it = m_connections.find(socket);
    if (it != m_connections.end()) {
        it->takenOver = true;
        it->streaming = true;
        it->requestStarted.invalidate();
    }
    // Everyone's, QHttpServer's too (it comes after the guard in this very emission): from now on
    // the handler alone reads this connection.
    QObject::disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
    return true;
}

bool ConnectionGuard::startBody(Connection &connection)
{
    if (connection.bodyRemaining > m_limits.maxBodyBytes) {
        ++m_counters.bodyTooLarge;
        refuse(connection, 413, "Content Too Large",
               BaseMessages::error(BaseMessages::bodyTooLarge(m_limits.maxBodyBytes)));
        return false;
    }
    if (connection.bodyRemaining > 0) {
        connection.phase = Phase::Body;
    } else {
        connection.phase = Phase::Head;
        connection.requestStarted.invalidate();
    }
    return true;
}

void ConnectionGuard::refuse(Connection &connection, int status, const QByteArray &reason, const QByteArray &message)
{
    QTcpSocket *socket = connection.socket;
    if (!socket)
        return;
    qCInfo(lcRedfish, "request from %s refused with %d %s", qPrintable(socket->peerAddress().toString()), status,
           reason.constData());
    m_connections.remove(socket); // later bytes are read and dropped
    socket->write(HttpHeaders::closingAnswer(status, reason, message, m_answerHeaders));
    socket->disconnectFromHost();
}
