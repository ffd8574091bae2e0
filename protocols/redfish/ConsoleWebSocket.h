#pragma once

#include "Actor.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QWebSocketProtocol>

#include <memory>

class ConsoleAttachment;
class ConsoleHub;
class EventLog;
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

// One client of wss://<host>/console0, already authenticated: the WebSocket handshake on the
// connection the guard handed over, then the host console's raw bytes both ways through a
// ConsoleAttachment (docs/decisions.md#109, #111). Output goes out as binary messages only while
// less than `maxQueuedBytes` wait in the socket, so a client that never reads costs that much and
// no more; what it misses is skipped and it is told. Text and binary messages are both input.
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

private:
    void onUpgraded();
    void sendOutput();
    void sendNotice(const QString &text);
    void takeInput(const QByteArray &bytes);
    void checkAlive();
    void finish();
    qint64 queuedBytes() const;

    QPointer<QTcpSocket> m_socket; // owned by the listener; gone when the client is
    ConsoleHub *m_hub;
    EventLog *m_eventLog;
    Settings m_settings;
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
