#include "ConsoleScreenWebSocket.h"

#include "ConsoleAttachment.h"
#include "ScreenClientMessage.h"
#include "ScreenRowCache.h"
#include "ScreenUpdateEncoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QWebSocket>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
// Notices are rare (who holds the input, a busy line); a client that reads none of them needs
// only the latest few when it reads again.
constexpr qsizetype maxUnsentNotices = 8;
constexpr auto floodWindow = 1s;
} // namespace

ConsoleScreenWebSocket::ConsoleScreenWebSocket(QTcpSocket *socket, ConsoleHub *hub, EventLog *eventLog,
                                               ScreenRowCache *rows, Settings settings, QObject *parent)
    : ConsoleWebSocket(socket, hub, eventLog, std::move(settings), u"Console screen WebSocket"_s,
                       ConsoleHub::QueryAnswers::ByModel, parent)
    , m_rows(rows)
{
    m_updateTimer.setSingleShot(true);
    connect(&m_updateTimer, &QTimer::timeout, this, &ConsoleScreenWebSocket::sendUpdate);
}

ConsoleScreenWebSocket::~ConsoleScreenWebSocket() = default;

void ConsoleScreenWebSocket::upgraded()
{
    connect(hub()->terminal(), &TerminalScreen::changed, this, &ConsoleScreenWebSocket::scheduleUpdate);
    connect(hub(), &ConsoleHub::remoteAttachedChanged, this, &ConsoleScreenWebSocket::scheduleUpdate);
    m_floodWindow.start();
    sendUpdate();
}

void ConsoleScreenWebSocket::sendOutput()
{
    // The console's output is drawn into the model, which the timer reads; socket room too
    // brings us here, and may let a held-back update go.
    scheduleUpdate();
}

void ConsoleScreenWebSocket::scheduleUpdate()
{
    if (!webSocket() || isEnding() || m_updateTimer.isActive())
        return;
    const auto since = std::chrono::milliseconds(m_sinceUpdate.isValid() ? m_sinceUpdate.elapsed() : 0);
    m_updateTimer.start(std::max(0ms, screenInterval - since));
}

void ConsoleScreenWebSocket::sendUpdate()
{
    // A full socket gets nothing more: the next bytesWritten brings us back, and then the rows
    // that changed meanwhile go in one message, however many changes they saw.
    if (!webSocket() || isEnding() || !hasRoom())
        return;
    m_sinceUpdate.start();
    for (const QString &notice : std::exchange(m_unsentNotices, {}))
        send(QJsonObject{{u"type"_s, u"notice"_s}, {u"text"_s, notice}});
    sendInputState();
    sendScreen();
}

void ConsoleScreenWebSocket::sendScreen()
{
    m_rows->refresh();
    const int rows = m_rows->rows();
    const int columns = m_rows->columns();
    const bool full = m_sentColumns != columns || m_sentSerials.size() != rows;
    if (full)
        m_sentSerials = QList<quint64>(rows);
    QJsonArray lines;
    for (int row = 0; row < rows; ++row) {
        if (!full && m_rows->serial(row) == m_sentSerials.at(row))
            continue;
        lines.append(ScreenUpdateEncoder::lineObject(row, m_rows->runs(row)));
        m_sentSerials[row] = m_rows->serial(row);
    }
    const QJsonObject cursor = ScreenUpdateEncoder::cursorOf(*m_rows->terminal());
    if (!full && lines.isEmpty() && cursor == m_sentCursor)
        return;
    m_sentColumns = columns;
    m_sentCursor = cursor;
    send(ScreenUpdateEncoder::screenMessage(full, columns, rows, cursor, lines));
}

void ConsoleScreenWebSocket::sendInputState()
{
    const InputState state = inputState();
    if (m_sentInput == state)
        return;
    m_sentInput = state;
    send(QJsonObject{
        {u"type"_s, u"input"_s},
        {u"mine"_s, state.mine},
        {u"holder"_s, state.holder.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(state.holder)},
    });
}

ConsoleScreenWebSocket::InputState ConsoleScreenWebSocket::inputState() const
{
    InputState state;
    state.mine = attachment() && attachment()->holdsInput();
    if (const std::optional<Actor> holder = hub()->remoteActor()) {
        const QString origin = Actor::originName(holder->origin);
        state.holder = holder->user.isEmpty() ? origin : u"%1 (%2)"_s.arg(holder->user, origin);
    }
    return state;
}

void ConsoleScreenWebSocket::receive(const QByteArray &message, bool isText)
{
    if (isFlooding()) {
        end(QWebSocketProtocol::CloseCodePolicyViolated, u"more than %1 messages a second"_s.arg(maxMessagesPerSecond));
        return;
    }
    if (!isText)
        return sendError(u"messages are JSON text"_s);
    const Expected<ScreenClientMessage, QString> parsed = ScreenClientMessage::parse(message);
    if (!parsed)
        return sendError(parsed.failure());
    if (parsed->type == ScreenClientMessage::Type::TakeOver) {
        attachment()->takeOver();
        scheduleUpdate();
        return;
    }
    const QByteArray bytes = parsed->encodeFor(*hub()->terminal());
    if (!bytes.isEmpty())
        attachment()->write(bytes);
}

bool ConsoleScreenWebSocket::isFlooding()
{
    if (m_floodWindow.elapsed() >= std::chrono::milliseconds(floodWindow).count()) {
        m_floodWindow.start();
        m_messagesInWindow = 0;
    }
    return ++m_messagesInWindow > maxMessagesPerSecond;
}

void ConsoleScreenWebSocket::writeNotice(const QString &text)
{
    if (m_unsentNotices.isEmpty() && hasRoom()) {
        send(QJsonObject{{u"type"_s, u"notice"_s}, {u"text"_s, text}});
        return;
    }
    m_unsentNotices.append(text);
    if (m_unsentNotices.size() > maxUnsentNotices)
        m_unsentNotices.removeFirst();
}

void ConsoleScreenWebSocket::inputTakenOver(const QString &reason)
{
    // A page that lost the input still shows the console: it is told, and reads on.
    if (isEnding())
        return;
    writeNotice(reason);
    scheduleUpdate();
}

void ConsoleScreenWebSocket::sendError(const QString &text)
{
    // A client that sends and does not read gets no answers piling up.
    if (hasRoom())
        send(QJsonObject{{u"type"_s, u"error"_s}, {u"text"_s, text}});
}

bool ConsoleScreenWebSocket::hasRoom() const
{
    return queuedBytes() < settings().maxQueuedBytes;
}

void ConsoleScreenWebSocket::send(const QJsonObject &message)
{
    if (webSocket())
        webSocket()->sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}
