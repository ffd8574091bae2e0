#pragma once

#include "Actor.h"
#include "ConsoleHub.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QWebSocketProtocol>

#include <memory>

class ConsoleAttachment;
class EventLog;
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

// One client of wss://<host>/console0, already authenticated: the WebSocket handshake on the
// connection the guard handed over, then the host console's raw bytes both ways through a
// ConsoleAttachment (docs/decisions.md#109, #111). Output goes out as binary messages only while
// less than `maxQueuedBytes` wait in the socket, so a client that never reads costs that much and
// no more; what it misses is skipped and it is told. Text and binary messages are both input.
// The screen's WebSocket (ConsoleScreenWebSocket) is this connection with other messages.
class ConsoleWebSocket : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        QString user;
        QString address;
        QString subprotocol;        // to select in the handshake: the token the browser offered
        quint64 redfishSession = 0; // its RemoteSessionRegistry id; 0 for Basic authentication
        qint64 maxMessageBytes = 64 * 1024;
        qint64 maxQueuedBytes = 64 * 1024;
    };

    ConsoleWebSocket(QTcpSocket *socket, ConsoleHub *hub, EventLog *eventLog, Settings settings,
                     QObject *parent = nullptr);
    ~ConsoleWebSocket() override;

    // Answers the upgrade request still unread in the socket; call it once the guard and
    // QHttpServer have let go of the socket.
    void start();
    // Tells the client why in the stream, then closes with `code`.
    void end(QWebSocketProtocol::CloseCode code, const QString &reason);

    const Settings &settings() const { return m_settings; }

signals:
    // The connection is gone (or its handshake failed); the owner deletes this.
    void finished();

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
    virtual void sendOutput();
    // A message from the client, while the connection is not ending.
    virtual void receive(const QByteArray &message, bool isText);
    // Something the client's user should read.
    virtual void writeNotice(const QString &text);
    // The screen took the input over from this client: a byte client's connection ends, as SoL's does.
    virtual void inputTakenOver(const QString &reason);

    QWebSocket *webSocket() const;
    ConsoleAttachment *attachment() const { return m_attachment.get(); }
    ConsoleHub *hub() const { return m_hub; }
    bool isEnding() const { return !m_endReason.isEmpty(); }
    // Bytes waiting in the socket, counting what the TLS layer has encrypted but not sent.
    qint64 queuedBytes() const;

private:
    void onUpgraded();
    void onMessage(const QByteArray &message, bool isText);
    void notify(const QString &text);
    void checkAlive();
    void finish();

    QPointer<QTcpSocket> m_socket; // owned by the listener; gone when the client is
    ConsoleHub *m_hub;
    EventLog *m_eventLog;
    Settings m_settings;
    QString m_name;    // for the event log: "Console WebSocket"
    QString m_logName; // for qbmc's log: "console WebSocket"
    ConsoleHub::QueryAnswers m_queryAnswers;
    Actor m_actor;
    QWebSocketServer *m_handshake = nullptr;
    // A child of the socket: QWebSocket, destroyed while its socket lives, disconnects every
    // signal of the socket, the listener's clean-up too; destroyed with it, it does not.
    QPointer<QWebSocket> m_webSocket;
    std::unique_ptr<ConsoleAttachment> m_attachment;
    QTimer m_deadline; // for the handshake, then for a close the client does not take
    QTimer m_liveness;
    QElapsedTimer m_lastHeard;
    QString m_endReason;
    bool m_finished = false;
};
