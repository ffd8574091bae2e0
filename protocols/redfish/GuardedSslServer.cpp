#include "GuardedSslServer.h"

#include "ConnectionGuard.h"

#include <QSslSocket>

GuardedSslServer::GuardedSslServer(ConnectionGuard *guard, QObject *parent)
    : QSslServer(parent)
    , m_guard(guard)
{
    // Connections still in their handshake count against this; the guard is the real limit.
    setMaxPendingConnections(guard->limits().maxConnections * 2);
}

void GuardedSslServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QSslSocket(this);
    if (!m_guard->adopt(socket, descriptor))
        return;
    socket->setSslConfiguration(sslConfiguration());
    connect(socket, &QSslSocket::encrypted, this, [this, socket] { addPendingConnection(socket); });
    connect(socket, &QSslSocket::errorOccurred, socket, [socket] {
        if (!socket->isEncrypted())
            socket->deleteLater(); // a failed handshake never reaches QHttpServer
    });
    connect(socket, &QSslSocket::disconnected, socket, [socket] {
        if (!socket->isEncrypted())
            socket->deleteLater();
    });
    socket->startServerEncryption();
}
