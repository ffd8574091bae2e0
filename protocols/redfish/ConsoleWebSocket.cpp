#include "ConsoleWebSocket.h"

#include "ConsoleAttachment.h"

#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace {
// Output goes out in messages of at most this much, so the socket's bound is kept closely.
constexpr qsizetype outputChunkBytes = 16 * 1024;
} // namespace

ConsoleWebSocket::ConsoleWebSocket(QTcpSocket *socket, ConsoleHub *hub, EventLog *eventLog, Settings settings,
                                   QObject *parent)
    : ConsoleWebSocket(socket, hub, eventLog, std::move(settings), u"Console WebSocket"_s,
                       ConsoleHub::QueryAnswers::ByClient, parent)
{
}

ConsoleWebSocket::ConsoleWebSocket(QTcpSocket *socket, ConsoleHub *hub, EventLog *eventLog, Settings settings,
                                   const QString &name, ConsoleHub::QueryAnswers queryAnswers, QObject *parent)
    : WebSocketSession(socket, eventLog, std::move(settings), name, parent)
    , m_hub(hub)
    , m_queryAnswers(queryAnswers)
{
}

ConsoleWebSocket::~ConsoleWebSocket() = default;

void ConsoleWebSocket::opened()
{
    m_attachment = std::make_unique<ConsoleAttachment>(m_hub, actor(), m_queryAnswers);
    connect(m_attachment.get(), &ConsoleAttachment::outputAvailable, this, &ConsoleWebSocket::sendOutput);
    connect(m_attachment.get(), &ConsoleAttachment::notice, this, &ConsoleWebSocket::notify);
    connect(m_attachment.get(), &ConsoleAttachment::ended, this, &ConsoleWebSocket::inputTakenOver);
    m_attachment->start();
    upgraded();
}

void ConsoleWebSocket::closed()
{
    if (!m_attachment)
        return;
    // Gives the input back now, for the next client; the object itself may be the one whose
    // signal brought us here.
    m_attachment->disconnect(this);
    m_attachment->release();
    m_attachment.release()->deleteLater();
}

void ConsoleWebSocket::sendOutput()
{
    if (!webSocket() || !m_attachment || isEnding())
        return;
    while (queuedBytes() < settings().maxQueuedBytes) {
        const QByteArray chunk = m_attachment->takeOutput(outputChunkBytes);
        if (chunk.isEmpty())
            return;
        webSocket()->sendBinaryMessage(chunk);
    }
}

void ConsoleWebSocket::notify(const QString &text)
{
    if (webSocket() && !isEnding())
        writeNotice(text);
}

void ConsoleWebSocket::writeNotice(const QString &text)
{
    webSocket()->sendBinaryMessage(ConsoleAttachment::noticeLine(text));
}

void ConsoleWebSocket::receive(const QByteArray &message, bool)
{
    if (!message.isEmpty())
        m_attachment->write(message);
}

void ConsoleWebSocket::inputTakenOver(const QString &reason)
{
    end(QWebSocketProtocol::CloseCodeNormal, reason);
}
