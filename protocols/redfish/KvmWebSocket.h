#pragma once

#include "WebSocketSession.h"

class QLocalSocket;
class RfbServer;

// One viewer of wss://<host>/kvm/0, already authenticated: a bridge between its binary WebSocket
// messages and an RFB connection of the RfbServer, through a socket pair whose other end the
// server serves. The RFB thread writes a whole update before it reads again, so the bridge never
// stops draining its end; a viewer that does not read what it asked for (more than
// `maxQueuedBytes` waiting for it) is dropped, and with it only what it held. Text messages are
// the web UI's own, beside RFB: {"type": "typeText", "text": …, "layout": "us" | "de"} types text
// as keys on that layout (paste as typing); anything else closes the connection (1007).
class KvmWebSocket : public WebSocketSession
{
    Q_OBJECT
public:
    KvmWebSocket(QTcpSocket *socket, EventLog *eventLog, RfbServer *rfb, Settings settings, bool mayDriveInput,
                 QObject *parent = nullptr);
    ~KvmWebSocket() override;

private:
    void opened() override;
    void receive(const QByteArray &message, bool isText) override;
    void closed() override;
    void forward();
    void control(const QByteArray &message);

    RfbServer *m_rfb;
    bool m_mayDriveInput;
    QLocalSocket *m_bridge = nullptr; // a child
    quint64 m_viewer = 0;
};
