#pragma once

#include "ConsoleWebSocket.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QTimer>

#include <optional>

class ScreenRowCache;

// One client of wss://<host>/console0/screen, already authenticated: the console as the BMC's
// own terminal model draws it, for a web page that renders cells instead of running a terminal
// emulator (docs/decisions.md#115). The connection, its limits and its end are ConsoleWebSocket's;
// the messages are JSON text:
//   to the client: {"type":"screen", …} (ScreenUpdateEncoder), every row first and then the rows
//   that changed since the last one sent, at most one every screenInterval and only while the
//   socket has room, so a client that does not read is sent nothing until it drains and then the
//   rows that changed meanwhile; {"type":"input","mine":…,"holder":"admin (redfish)"|null} when
//   who holds the console's input changes; {"type":"notice","text":…}, the notices a byte client
//   reads in its stream; {"type":"error","text":…} for a message it could not take.
//   from the client: ScreenClientMessage. Keys and text are encoded by the terminal model in the
//   host's current modes and go through a ConsoleAttachment, so the input is held as by any
//   console client; while this client holds it, the model answers the host's queries.
// A take-over by the screen or another client leaves this one connected as a reader.
class ConsoleScreenWebSocket : public ConsoleWebSocket
{
    Q_OBJECT
public:
    // Screen messages to one client are at least this far apart: the host's output comes in
    // pieces of a few bytes, and a page redraws no faster than this anyway.
    static constexpr std::chrono::milliseconds screenInterval{30};
    // More messages than this in a second from one client close its connection (1008).
    static constexpr int maxMessagesPerSecond = 200;

    ConsoleScreenWebSocket(QTcpSocket *socket, ConsoleHub *hub, EventLog *eventLog, ScreenRowCache *rows,
                           Settings settings, QObject *parent = nullptr);
    ~ConsoleScreenWebSocket() override;

protected:
    void upgraded() override;
    void sendOutput() override;
    void receive(const QByteArray &message, bool isText) override;
    void writeNotice(const QString &text) override;
    void inputTakenOver(const QString &reason) override;

private:
    struct InputState
    {
        bool mine = false;
        QString holder; // empty: nobody remote
        friend bool operator==(const InputState &, const InputState &) = default;
    };

    void scheduleUpdate();
    void sendUpdate();
    void sendScreen();
    void sendInputState();
    void sendError(const QString &text);
    bool hasRoom() const;
    void send(const QJsonObject &message);
    InputState inputState() const;
    bool isFlooding();

    ScreenRowCache *m_rows;
    QTimer m_updateTimer;
    QElapsedTimer m_sinceUpdate;
    QList<quint64> m_sentSerials; // per row, the serial last sent; empty: nothing sent yet
    int m_sentColumns = 0;
    QJsonObject m_sentCursor;
    std::optional<InputState> m_sentInput;
    QStringList m_unsentNotices; // notices that found the socket full, the last few
    QElapsedTimer m_floodWindow;
    int m_messagesInWindow = 0;
};
