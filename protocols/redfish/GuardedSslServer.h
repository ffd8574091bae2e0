#pragma once

#include <QSslServer>

class ConnectionGuard;

// The HTTPS listener: every connection passes the guard before the TLS handshake and before
// QHttpServer sees it. A handshake that has not finished in the guard's request time-out is
// closed like any slow request.
class GuardedSslServer : public QSslServer
{
    Q_OBJECT
public:
    GuardedSslServer(ConnectionGuard *guard, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    ConnectionGuard *m_guard;
};
