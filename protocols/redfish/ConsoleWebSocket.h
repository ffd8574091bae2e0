#pragma once

#include "ConsoleHub.h"
#include "WebSocketSession.h"

#include <memory>

class ConsoleAttachment;

// One client of wss://<host>/console0, already authenticated: the host console's raw bytes both
// ways through a ConsoleAttachment (docs/decisions.md#109, #111). Output goes out as binary
// messages only while less than `maxQueuedBytes` wait in the socket, so a client that never reads
// costs that much and no more; what it misses is skipped and it is told. Text and binary messages
// are both input. The screen's WebSocket (ConsoleScreenWebSocket) is this connection with other
// messages.
class ConsoleWebSocket : public WebSocketSession
{
    Q_OBJECT
public:
    ConsoleWebSocket(QTcpSocket *socket, ConsoleHub *hub, EventLog *eventLog, Settings settings,
                     QObject *parent = nullptr);
    ~ConsoleWebSocket() override;

protected:
    // For a face that carries the console in messages of its own. `name` is what the event log
    // calls its connections ("Console WebSocket"); `queryAnswers` says whether the client has a
    // terminal of its own that answers the host's queries.
    ConsoleWebSocket(QTcpSocket *socket, ConsoleHub *hub, EventLog *eventLog, Settings settings, const QString &name,
                     ConsoleHub::QueryAnswers queryAnswers, QObject *parent);

    // What a face does its own way; each is called only on an upgraded connection. The
    // attachment has started and the face may send its first messages.
    virtual void upgraded() { }
    // The console has output, or the socket has room again.
    void sendOutput() override;
    void receive(const QByteArray &message, bool isText) override;
    void writeNotice(const QString &text) override;
    // The screen took the input over from this client: a byte client's connection ends, as SoL's does.
    virtual void inputTakenOver(const QString &reason);

    ConsoleAttachment *attachment() const { return m_attachment.get(); }
    ConsoleHub *hub() const { return m_hub; }

private:
    void opened() override;
    void closed() override;
    void notify(const QString &text);

    ConsoleHub *m_hub;
    ConsoleHub::QueryAnswers m_queryAnswers;
    std::unique_ptr<ConsoleAttachment> m_attachment;
};
