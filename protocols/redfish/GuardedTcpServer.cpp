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
    if (m_guard->adopt(socket, descriptor))
        addPendingConnection(socket);
}
