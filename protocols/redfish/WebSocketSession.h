#pragma once

#include "Actor.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QWebSocketProtocol>

class EventLog;
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

// One authenticated client of a WebSocket on the Redfish listener (the console's, the KVM's):
// the handshake on the connection the guard handed over (docs/decisions.md#111), pings that find
// a client gone without a word, the close with its reason, and the event log's "opened" and
// "closed" lines. What goes through it is the face's: a subclass carries the messages.
class WebSocketSession : public QObject
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

    // `name` is what the event log calls these connections ("Console WebSocket").
    WebSocketSession(QTcpSocket *socket, EventLog *eventLog, Settings settings, const QString &name,
                     QObject *parent = nullptr);
    ~WebSocketSession() override;

    // Answers the upgrade request still unread in the socket; call it once the guard and
    // QHttpServer have let go of the socket.
    void start();
    // Tells the client why (writeNotice), then closes with `code`.
    void end(QWebSocketProtocol::CloseCode code, const QString &reason);

    const Settings &settings() const { return m_settings; }

signals:
    // The connection is gone (or its handshake failed); the owner deletes this.
    void finished();

protected:
    // The handshake is done and logged: the face starts.
    virtual void opened() = 0;
    // The socket has room again.
    virtual void sendOutput() { }
    // A message from the client, while the connection is not ending.
    virtual void receive(const QByteArray &message, bool isText) = 0;
    // Something the client's user should read, before a close; faces without text say nothing.
    virtual void writeNotice(const QString &) { }
    // The connection is gone and logged: the face lets go of what it holds.
    virtual void closed() { }

    QWebSocket *webSocket() const;
    const Actor &actor() const { return m_actor; }
    bool isEnding() const { return !m_endReason.isEmpty(); }
    // Bytes waiting in the socket, counting what the TLS layer has encrypted but not sent.
    qint64 queuedBytes() const;

private:
    void onUpgraded();
    void onMessage(const QByteArray &message, bool isText);
    void checkAlive();
    void finish();

    QPointer<QTcpSocket> m_socket; // owned by the listener; gone when the client is
    EventLog *m_eventLog;
    Settings m_settings;
    QString m_name;    // for the event log: "Console WebSocket"
    QString m_logName; // for qbmc's log: "console WebSocket"
    Actor m_actor;
    QWebSocketServer *m_handshake = nullptr;
    // A child of the socket: QWebSocket, destroyed while its socket lives, disconnects every
    // signal of the socket, the listener's clean-up too; destroyed with it, it does not.
    QPointer<QWebSocket> m_webSocket;
    QTimer m_deadline; // for the handshake, then for a close the client does not take
    QTimer m_liveness;
    QElapsedTimer m_lastHeard;
    QString m_endReason;
    bool m_opened = false;
    bool m_finished = false;
};
