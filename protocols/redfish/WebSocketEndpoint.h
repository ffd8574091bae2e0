#pragma once

#include "HttpHeaders.h"
#include "RedfishAuthenticator.h"
#include "RemoteSession.h"
#include "Role.h"
#include "WebSocketSession.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QObject>

#include <functional>

class AccountStore;
class EventLog;
class HttpRequestHead;
class QTcpSocket;
class RemoteSessionRegistry;
struct RedfishMessage;

// A WebSocket on the Redfish listener (the console's, the KVM's): the connection guard offers it
// each upgrade request before QHttpServer reads it (decisions.md#111). It authenticates the
// request as Redfish does (X-Auth-Token; the session cookie with its CSRF token offered as the
// WebSocket subprotocol, as a page of the web UI connects; a session token offered as the
// subprotocol; or Basic from a client that is not a browser), checks the face's privilege and its
// connection limit, answers a refusal itself (401, 403 also for a cookie without its CSRF token,
// 503, then close) and hands an accepted connection to the face's WebSocketSession. A connection
// ends with its Redfish session, or, under Basic, when the account's credentials or role change.
// Each connection is a session of its own in the RemoteSessionRegistry, which an administrator
// may end.
class WebSocketEndpoint : public QObject
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
        EventLog *eventLog = nullptr;
        RedfishAuthenticator *authenticator = nullptr;
        RemoteSessionRegistry *sessions = nullptr;
        AccountStore *accounts = nullptr;
    };

    // `protocol` is how the registry lists the connections; `logName` how qbmc's log calls them.
    WebSocketEndpoint(Parts parts, HttpHeaderList answerHeaders, Limits limits, RemoteSession::Protocol protocol,
                      const QString &logName, QObject *parent = nullptr);
    ~WebSocketEndpoint() override;

    // A ConnectionGuard::UpgradeHandler: takes an upgrade request for one of the face's paths, to
    // accept or refuse it; leaves every other request to the next handler and QHttpServer.
    bool offer(QTcpSocket *socket, const HttpRequestHead &head);

    int connectionCount() const { return int(m_connections.size()); }

protected:
    virtual bool servesPath(QByteArrayView path) const = 0;
    // The least role that may connect, read at each connection.
    virtual Role requiredRole() const = 0;
    // Why the face takes no connection now (it is switched off), or nothing.
    virtual std::optional<RedfishMessage> unavailable() const;
    // The face's connection for an accepted request; `path` is one servesPath() took.
    virtual WebSocketSession *createSession(QTcpSocket *socket, QByteArrayView path,
                                            const RedfishAuthenticator::Identity &identity,
                                            WebSocketSession::Settings settings) = 0;

    const Parts &parts() const { return m_parts; }
    const Limits &limits() const { return m_limits; }
    // Ends the connections `matches` picks, telling them why.
    void endWhere(const std::function<bool(const WebSocketSession *)> &matches, const QString &reason);

private:
    void refuse(QTcpSocket *socket, int status, QByteArrayView reason, const RedfishMessage &message,
                const HttpHeaderList &extraHeaders = {});

    Parts m_parts;
    HttpHeaderList m_answerHeaders;
    Limits m_limits;
    RemoteSession::Protocol m_protocol;
    QString m_logName;
    QList<WebSocketSession *> m_connections; // children
    QHash<const WebSocketSession *, quint64> m_registryIds;
};
