#pragma once

#include "HttpHeaders.h"
#include "Role.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QObject>

#include <functional>

class AccountStore;
class ConsoleHub;
class ConsoleWebSocket;
class EventLog;
class HttpRequestHead;
class QTcpSocket;
class RedfishAuthenticator;
class RemoteSessionRegistry;
class ScreenRowCache;
class ServiceSettings;
struct RedfishMessage;

// wss://<host>/console0, bmcweb's path for the host console, and wss://<host>/console0/screen, the
// same console as the BMC's terminal model draws it (decisions.md#115), on the Redfish listener: the
// connection guard offers it each upgrade request before QHttpServer reads it (decisions.md#111).
// It authenticates the request as Redfish does (X-Auth-Token; the session cookie with its CSRF
// token offered as the WebSocket subprotocol, as a page of the web UI connects; a session token
// offered as the subprotocol; or Basic from a client that is not a browser), checks
// console.privilege and its connection limit, one for both paths, answers a refusal itself (401,
// 403 also for a cookie without its CSRF token, 503, then close) and hands an accepted connection
// to a ConsoleWebSocket or a ConsoleScreenWebSocket. A connection ends with its Redfish session, or, under Basic, when
// the account's credentials or role change. Each connection is a session of its own in the
// RemoteSessionRegistry (a web console), which an administrator may end.
class ConsoleWebSocketEndpoint : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        int maxConnections = 16;
        qint64 maxMessageBytes = 64 * 1024; // a frame or a message from the client
        qint64 maxQueuedBytes = 64 * 1024;  // output waiting in one connection's socket
    };

    struct Parts
    {
        ConsoleHub *console = nullptr;
        EventLog *eventLog = nullptr;
        RedfishAuthenticator *authenticator = nullptr;
        RemoteSessionRegistry *sessions = nullptr;
        AccountStore *accounts = nullptr;
        const ServiceSettings *services = nullptr; // console.privilege, read at each connection
    };

    static constexpr QByteArrayView path = "/console0";
    static constexpr QByteArrayView screenPath = "/console0/screen";

    ConsoleWebSocketEndpoint(Parts parts, HttpHeaderList answerHeaders, Limits limits, QObject *parent = nullptr);
    ~ConsoleWebSocketEndpoint() override;

    // A ConnectionGuard::UpgradeHandler: takes an upgrade request for `path`, to accept or refuse
    // it; leaves every other request to QHttpServer.
    bool offer(QTcpSocket *socket, const HttpRequestHead &head);

    int connectionCount() const { return int(m_connections.size()); }

private:
    void refuse(QTcpSocket *socket, int status, QByteArrayView reason, const RedfishMessage &message,
                const HttpHeaderList &extraHeaders = {});
    void endWhere(const std::function<bool(const ConsoleWebSocket *)> &matches, const QString &reason);

    Parts m_parts;
    HttpHeaderList m_answerHeaders;
    Limits m_limits;
    ScreenRowCache *m_screenRows;            // a child; shared by every screen client
    QList<ConsoleWebSocket *> m_connections; // children
    QHash<const ConsoleWebSocket *, quint64> m_registryIds;
};
