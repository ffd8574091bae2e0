#include "GuardedTcpServer.h"

#include "ConnectionGuard.h"

#include <QTcpSocket>

GuardedTcpServer::GuardedTcpServer(ConnectionGuard *guard, QObject *parent)
    : QTcpServer(parent)
    , m_guard(guard)
{
    setMaxPendingConnections(guard->limits().maxConnections * 2);
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    if (!m_guard->watch(socket)) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    addPendingConnection(socket);
}
