#pragma once

#include "WebSocketEndpoint.h"

class ConsoleHub;
class ScreenRowCache;
class ServiceSettings;

// wss://<host>/console0, bmcweb's path for the host console, and wss://<host>/console0/screen, the
// same console as the BMC's terminal model draws it (decisions.md#115): a ConsoleWebSocket or a
// ConsoleScreenWebSocket for each accepted connection, with console.privilege and one connection
// limit for both paths. Each connection is a web console in the RemoteSessionRegistry.
class ConsoleWebSocketEndpoint : public WebSocketEndpoint
{
    Q_OBJECT
public:
    static constexpr QByteArrayView path = "/console0";
    static constexpr QByteArrayView screenPath = "/console0/screen";

    // `services` gives console.privilege, read at each connection.
    ConsoleWebSocketEndpoint(Parts parts, ConsoleHub *console, const ServiceSettings *services,
                             HttpHeaderList answerHeaders, Limits limits, QObject *parent = nullptr);

protected:
    bool servesPath(QByteArrayView path) const override;
    Role requiredRole() const override;
    WebSocketSession *createSession(QTcpSocket *socket, QByteArrayView path,
                                    const RedfishAuthenticator::Identity &identity,
                                    WebSocketSession::Settings settings) override;

private:
    ConsoleHub *m_console;
    const ServiceSettings *m_services;
    ScreenRowCache *m_screenRows; // a child; shared by every screen client
};
