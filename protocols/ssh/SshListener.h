#pragma once

#include <QTcpServer>

// The listening socket: hands each accepted connection on as a bare descriptor, which libssh
// then owns (a QTcpSocket would want to read it too).
class SshListener : public QTcpServer
{
    Q_OBJECT
public:
    using QTcpServer::QTcpServer;

signals:
    void connectionAccepted(qintptr descriptor);

protected:
    void incomingConnection(qintptr descriptor) override { emit connectionAccepted(descriptor); }
};
