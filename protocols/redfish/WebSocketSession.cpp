#include "WebSocketSession.h"

#include "EventLog.h"
#include "RedfishLogging.h"

#include <QSslSocket>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
// The request is in the socket already; a handshake that is not answered by then never will be.
constexpr auto handshakeTime = 10s;
// After the close frame: a client that does not read it is cut off.
constexpr auto closeGrace = 5s;
// A client that answers no ping for this long has gone without a word (a cable pulled): it would
// otherwise hold its place, since these WebSockets have no idle time-out.
constexpr auto pingInterval = 30s;
constexpr auto silenceLimit = 90s;
// A close frame's reason is at most 123 bytes (RFC 6455 section 5.5).
constexpr qsizetype closeReasonBytes = 120;
} // namespace

WebSocketSession::WebSocketSession(QTcpSocket *socket, EventLog *eventLog, Settings settings, const QString &name,
                                   QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_eventLog(eventLog)
    , m_settings(std::move(settings))
    , m_name(name)
    // "Console WebSocket" is "console WebSocket" within a line; "KVM WebSocket" stays as it is.
    , m_logName(name.size() > 1 && name.at(1).isUpper() ? name : name.left(1).toLower() + name.mid(1))
    , m_actor(Actor::redfish(m_settings.user))
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        if (m_socket)
            m_socket->abort();
        finish();
    });
    m_liveness.setInterval(pingInterval);
    connect(&m_liveness, &QTimer::timeout, this, &WebSocketSession::checkAlive);
}

WebSocketSession::~WebSocketSession()
{
    // Closing below may disconnect the socket at once; that is no news for a half-destroyed object.
    if (m_socket)
        m_socket->disconnect(this);
    if (m_webSocket) {
        m_webSocket->disconnect(this);
        if (m_webSocket->state() == QAbstractSocket::ConnectedState)
            m_webSocket->close(QWebSocketProtocol::CloseCodeGoingAway, u"qbmc stops"_s);
    }
    if (m_opened && !m_finished)
        m_eventLog->info(m_actor, u"%1 from %2 closed: qbmc stops"_s.arg(m_name, m_settings.address));
}

void WebSocketSession::start()
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return finish();
    connect(m_socket, &QAbstractSocket::disconnected, this, &WebSocketSession::finish);
    connect(m_socket, &QObject::destroyed, this, &WebSocketSession::finish);
    // QHttpServer may have read the head's first part inside a transaction; the handshake reads
    // the whole head again.
    if (m_socket->isTransactionStarted())
        m_socket->rollbackTransaction();
    // A server of its own for each connection: it selects this connection's subprotocol, the
    // token its browser offered, and no other.
    m_handshake = new QWebSocketServer(u"qbmc"_s, QWebSocketServer::NonSecureMode, this);
    if (!m_settings.subprotocol.isEmpty())
        m_handshake->setSupportedSubprotocols({m_settings.subprotocol});
    connect(m_handshake, &QWebSocketServer::newConnection, this, &WebSocketSession::onUpgraded);
    m_deadline.start(handshakeTime);
    m_handshake->handleConnection(m_socket);
}

void WebSocketSession::onUpgraded()
{
    m_deadline.stop();
    m_webSocket = m_handshake->nextPendingConnection();
    if (!m_webSocket || !m_socket)
        return;
    m_webSocket->setParent(m_socket);
    m_webSocket->setMaxAllowedIncomingFrameSize(quint64(m_settings.maxMessageBytes));
    m_webSocket->setMaxAllowedIncomingMessageSize(quint64(m_settings.maxMessageBytes));
    connect(m_webSocket, &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &message) { onMessage(message, false); });
    connect(m_webSocket, &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { onMessage(text.toUtf8(), true); });
    connect(m_webSocket, &QWebSocket::pong, this, [this] { m_lastHeard.start(); });
    connect(m_webSocket, &QWebSocket::disconnected, this, &WebSocketSession::finish);
    // Room in the socket: plain bytes encrypted, encrypted bytes sent.
    connect(m_socket, &QIODevice::bytesWritten, this, &WebSocketSession::sendOutput);
    if (auto *tls = qobject_cast<QSslSocket *>(m_socket.data()))
        connect(tls, &QSslSocket::encryptedBytesWritten, this, &WebSocketSession::sendOutput);

    m_opened = true;
    m_eventLog->info(m_actor, u"%1 from %2 opened"_s.arg(m_name, m_settings.address));
    qCInfo(lcRedfish, "%s of %s from %s opened", qPrintable(m_logName), qPrintable(m_settings.user),
           qPrintable(m_settings.address));
    m_lastHeard.start();
    m_liveness.start();
    opened();
}

void WebSocketSession::onMessage(const QByteArray &message, bool isText)
{
    m_lastHeard.start();
    if (m_opened && m_endReason.isEmpty())
        receive(message, isText);
}

void WebSocketSession::end(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (!m_endReason.isEmpty() || m_finished)
        return;
    m_endReason = reason;
    if (!m_webSocket) {
        if (m_socket)
            m_socket->abort();
        return finish();
    }
    writeNotice(reason);
    m_webSocket->close(code, reason.left(closeReasonBytes));
    m_deadline.start(closeGrace);
}

void WebSocketSession::checkAlive()
{
    if (!m_webSocket)
        return;
    if (m_lastHeard.elapsed() > std::chrono::milliseconds(silenceLimit).count()) {
        end(QWebSocketProtocol::CloseCodeGoingAway, u"no answer to pings"_s);
        return;
    }
    m_webSocket->ping();
}

void WebSocketSession::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    m_liveness.stop();
    if (m_opened) {
        QString reason = m_endReason;
        if (reason.isEmpty() && m_webSocket && m_webSocket->closeCode() != QWebSocketProtocol::CloseCodeNormal)
            reason = u"close code %1 %2"_s.arg(int(m_webSocket->closeCode())).arg(m_webSocket->closeReason()).trimmed();
        if (reason.isEmpty())
            reason = u"closed by the client"_s;
        m_eventLog->info(m_actor, u"%1 from %2 closed: %3"_s.arg(m_name, m_settings.address, reason));
        qCInfo(lcRedfish, "%s of %s from %s closed: %s", qPrintable(m_logName), qPrintable(m_settings.user),
               qPrintable(m_settings.address), qPrintable(reason));
        closed();
    }
    emit finished();
}

QWebSocket *WebSocketSession::webSocket() const
{
    return m_webSocket;
}

qint64 WebSocketSession::queuedBytes() const
{
    if (!m_socket)
        return 0;
    // A TLS socket encrypts all it is given at once and queues the result in its plain socket,
    // which its bytesToWrite() does not count.
    qint64 queued = m_socket->bytesToWrite();
    if (const auto *tls = qobject_cast<const QSslSocket *>(m_socket.data()))
        queued += tls->encryptedBytesToWrite();
    return queued;
}
