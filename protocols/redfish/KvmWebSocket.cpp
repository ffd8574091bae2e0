#include "KvmWebSocket.h"

#include "KeyboardLayout.h"
#include "RedfishLogging.h"
#include "RfbServer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QWebSocket>

#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
// RFB output goes out in messages of at most this much.
constexpr qint64 outputChunkBytes = 64 * 1024;
} // namespace

KvmWebSocket::KvmWebSocket(QTcpSocket *socket, EventLog *eventLog, RfbServer *rfb, Settings settings,
                           bool mayDriveInput, QObject *parent)
    : WebSocketSession(socket, eventLog, std::move(settings), u"KVM WebSocket"_s, parent)
    , m_rfb(rfb)
    , m_mayDriveInput(mayDriveInput)
{
}

KvmWebSocket::~KvmWebSocket()
{
    if (m_viewer != 0)
        m_rfb->closeViewer(m_viewer);
}

void KvmWebSocket::opened()
{
    int ends[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0) {
        qCWarning(lcRedfish, "KVM WebSocket: no socket pair for the RFB server: %s", strerror(errno));
        return end(QWebSocketProtocol::CloseCodeAbnormalDisconnection, u"qbmc could not reach its RFB server"_s);
    }
    m_bridge = new QLocalSocket(this);
    if (!m_bridge->setSocketDescriptor(ends[0])) {
        ::close(ends[0]);
        ::close(ends[1]);
        return end(QWebSocketProtocol::CloseCodeAbnormalDisconnection, u"qbmc could not reach its RFB server"_s);
    }
    connect(m_bridge, &QLocalSocket::readyRead, this, &KvmWebSocket::forward);
    connect(m_bridge, &QLocalSocket::disconnected, this,
            [this] { end(QWebSocketProtocol::CloseCodeNormal, u"the RFB connection ended"_s); });
    m_viewer = m_rfb->addViewer(ends[1], m_mayDriveInput);
}

void KvmWebSocket::forward()
{
    if (!webSocket() || isEnding())
        return;
    while (m_bridge->bytesAvailable() > 0) {
        webSocket()->sendBinaryMessage(m_bridge->read(outputChunkBytes));
        if (queuedBytes() > settings().maxQueuedBytes)
            return end(QWebSocketProtocol::CloseCodePolicyViolated, u"the viewer does not read its updates"_s);
    }
}

void KvmWebSocket::receive(const QByteArray &message, bool isText)
{
    if (isText)
        return control(message);
    m_bridge->write(message);
    // The RFB thread reads as fast as it parses; a backlog this large is a flood, not typing.
    if (m_bridge->bytesToWrite() > settings().maxQueuedBytes)
        end(QWebSocketProtocol::CloseCodePolicyViolated, u"the viewer sends faster than RFB is read"_s);
}

void KvmWebSocket::control(const QByteArray &message)
{
    // RFB is binary; text messages are the web UI's: {"type": "typeText", "text": …, "layout": "us"}.
    const QJsonObject request = QJsonDocument::fromJson(message).object();
    const std::optional<KeyboardLayout::Name> layout =
        KeyboardLayout::fromName(request.value(u"layout"_s).toString(u"us"_s));
    if (request.value(u"type"_s) != u"typeText"_s || !request.value(u"text"_s).isString() || !layout)
        return end(QWebSocketProtocol::CloseCodeWrongDatatype, u"not a KVM control message"_s);
    QStringList unsupported;
    const QList<KeyStroke> strokes =
        KeyboardLayout::strokesFor(request.value(u"text"_s).toString(), *layout, &unsupported);
    if (!unsupported.isEmpty())
        qCInfo(lcRedfish, "KVM WebSocket of %s: %lld characters the layout cannot type were left out",
               qPrintable(settings().user), qlonglong(unsupported.size()));
    if (!m_rfb->typeText(m_viewer, strokes))
        qCInfo(lcRedfish, "KVM WebSocket of %s: text not typed (not driving, or too long)",
               qPrintable(settings().user));
}

void KvmWebSocket::closed()
{
    if (m_viewer != 0)
        m_rfb->closeViewer(std::exchange(m_viewer, 0));
    if (m_bridge) {
        m_bridge->disconnect(this);
        m_bridge->abort();
    }
}
