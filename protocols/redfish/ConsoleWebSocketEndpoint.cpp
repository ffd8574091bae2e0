#include "ConsoleWebSocketEndpoint.h"

#include "ConsoleHub.h"
#include "ConsoleScreenWebSocket.h"
#include "ConsoleWebSocket.h"
#include "ScreenRowCache.h"
#include "ServiceSettings.h"

using namespace Qt::StringLiterals;

ConsoleWebSocketEndpoint::ConsoleWebSocketEndpoint(Parts parts, ConsoleHub *console, const ServiceSettings *services,
                                                   HttpHeaderList answerHeaders, Limits limits, QObject *parent)
    : WebSocketEndpoint(parts, std::move(answerHeaders), limits, RemoteSession::Protocol::ConsoleWebSocket,
                        u"console WebSocket"_s, parent)
    , m_console(console)
    , m_services(services)
    , m_screenRows(new ScreenRowCache(console->terminal(), this))
{
}

bool ConsoleWebSocketEndpoint::servesPath(QByteArrayView target) const
{
    return target == path || target == screenPath;
}

Role ConsoleWebSocketEndpoint::requiredRole() const
{
    return m_services->consolePrivilege();
}

WebSocketSession *ConsoleWebSocketEndpoint::createSession(QTcpSocket *socket, QByteArrayView target,
                                                          const RedfishAuthenticator::Identity &,
                                                          WebSocketSession::Settings settings)
{
    if (target == screenPath)
        return new ConsoleScreenWebSocket(socket, m_console, parts().eventLog, m_screenRows, std::move(settings));
    return new ConsoleWebSocket(socket, m_console, parts().eventLog, std::move(settings));
}
