#pragma once

#include <QTcpServer>

class ConnectionGuard;

// The plain-HTTP listener (redfish.tls: false, for loopback use): every connection passes the
// guard before QHttpServer sees it.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    GuardedTcpServer(ConnectionGuard *guard, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    ConnectionGuard *m_guard;
};
