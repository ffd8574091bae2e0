#include "WebSocketEndpoint.h"

#include "AccountStore.h"
#include "BaseMessages.h"
#include "HttpRequestHead.h"
#include "NetworkAddresses.h"
#include "RedfishLogging.h"
#include "RemoteSessionRegistry.h"

#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace {
// Each offered subprotocol is tried as a CSRF token or a session token; a browser offers one, a
// handful is plenty.
constexpr qsizetype maxOfferedProtocols = 4;

QList<QByteArray> offeredSubprotocols(const HttpRequestHead &head)
{
    QList<QByteArray> offered;
    for (const QByteArray &value : head.values("Sec-WebSocket-Protocol")) {
        for (const QByteArray &entry : value.split(',')) {
            if (const QByteArray trimmed = entry.trimmed(); !trimmed.isEmpty())
                offered.append(trimmed);
        }
    }
    return offered;
}

QByteArray sessionCookie(const HttpRequestHead &head)
{
    // HTTP/1.1 clients send one Cookie header; should there be more, they are one list.
    return RedfishAuthenticator::cookieValue(head.values("Cookie").join("; "), RedfishAuthenticator::sessionCookieName);
}
} // namespace

WebSocketEndpoint::WebSocketEndpoint(Parts parts, HttpHeaderList answerHeaders, Limits limits,
                                     RemoteSession::Protocol protocol, const QString &logName, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
    , m_answerHeaders(std::move(answerHeaders))
    , m_limits(limits)
    , m_protocol(protocol)
    , m_logName(logName)
{
    connect(m_parts.sessions, &RemoteSessionRegistry::sessionRemoved, this, [this](quint64 id) {
        endWhere([id](const WebSocketSession *connection) { return connection->settings().redfishSession == id; },
                 u"the Redfish session ended"_s);
    });
    // A token's session ends when its account changes (RedfishAuthenticator); Basic has none.
    connect(m_parts.accounts, &AccountStore::credentialsChanged, this, [this](const QString &user) {
        endWhere(
            [&user](const WebSocketSession *connection) {
                return connection->settings().redfishSession == 0 && connection->settings().user == user;
            },
            u"the account changed"_s);
    });
    connect(m_parts.sessions, &RemoteSessionRegistry::endRequested, this,
            [this](const RemoteSession &ending, const Actor &actor) {
                if (ending.protocol != m_protocol)
                    return;
                endWhere(
                    [this, &ending](const WebSocketSession *connection) {
                        return m_registryIds.value(connection) == ending.id;
                    },
                    u"ended by %1"_s.arg(actor.toString()));
            });
}

WebSocketEndpoint::~WebSocketEndpoint()
{
    for (const quint64 id : std::as_const(m_registryIds))
        m_parts.sessions->remove(id);
    qDeleteAll(std::exchange(m_connections, {}));
}

std::optional<RedfishMessage> WebSocketEndpoint::unavailable() const
{
    return std::nullopt;
}

bool WebSocketEndpoint::offer(QTcpSocket *socket, const HttpRequestHead &head)
{
    const QByteArray &target = head.target();
    const qsizetype query = target.indexOf('?');
    const QByteArrayView targetPath = QByteArrayView(target).first(query < 0 ? target.size() : query);
    if (head.method() != "GET" || !servesPath(targetPath))
        return false;

    const QString address = NetworkAddresses::peerAddressText(socket->peerAddress());
    const QList<QByteArray> tokens = head.values("X-Auth-Token");
    const QList<QByteArray> authorizations = head.values("Authorization");
    if (tokens.size() > 1 || authorizations.size() > 1) {
        refuse(socket, 400, "Bad Request",
               BaseMessages::headerInvalid(tokens.size() > 1 ? u"X-Auth-Token"_s : u"Authorization"_s));
        return true;
    }

    RedfishAuthenticator *authenticator = m_parts.authenticator;
    std::optional<RedfishAuthenticator::Identity> identity;
    QString subprotocol;
    bool cookieLacksCsrfToken = false;
    if (!tokens.isEmpty()) {
        if (auto found = authenticator->authenticate({}, tokens.first(), address))
            identity = *found;
    } else {
        // A browser sends the session cookie with another site's WebSocket too, but only the web
        // UI's page can read the CSRF token to offer it (decisions.md#114, #115). Opening a
        // console or the KVM changes state, so the token is required.
        const QByteArray cookie = sessionCookie(head);
        const QList<QByteArray> offered = offeredSubprotocols(head);
        for (qsizetype i = 0; i < std::min(offered.size(), maxOfferedProtocols) && !identity; ++i) {
            if (!cookie.isEmpty()) {
                auto found = authenticator->authenticateCookie(cookie, offered.at(i), true, address);
                if (found)
                    identity = *found;
                else if (found.failure() == RedfishAuthenticator::Refusal::MissingCsrfToken)
                    cookieLacksCsrfToken = true;
            }
            if (!identity) {
                if (auto found = authenticator->authenticate({}, offered.at(i), address))
                    identity = *found;
            }
            if (identity)
                subprotocol = QString::fromLatin1(offered.at(i));
        }
        // No subprotocol offered, or more than were tried: is it the cookie of a live session?
        if (!identity && !cookie.isEmpty() && !cookieLacksCsrfToken) {
            const auto found = authenticator->authenticateCookie(cookie, {}, true, address);
            cookieLacksCsrfToken = !found && found.failure() == RedfishAuthenticator::Refusal::MissingCsrfToken;
        }
        // A browser sends the Basic credentials it remembers with any page's WebSocket, cross-site
        // ones too; a browser always sends Origin, so only other clients may use Basic here.
        if (!identity && !authorizations.isEmpty() && head.values("Origin").isEmpty()) {
            if (auto found = authenticator->authenticate(authorizations.first(), {}, address))
                identity = *found;
        }
    }
    if (!identity && cookieLacksCsrfToken) {
        qCInfo(lcRedfish, "%s from %s refused: a session cookie without its CSRF token", qPrintable(m_logName),
               qPrintable(address));
        refuse(socket, 403, "Forbidden", BaseMessages::make("AccessDenied", {QString::fromLatin1(targetPath)}));
        return true;
    }
    if (!identity) {
        qCInfo(lcRedfish, "%s from %s refused: no valid credentials", qPrintable(m_logName), qPrintable(address));
        refuse(socket, 401, "Unauthorized", BaseMessages::noValidSession(),
               {{"WWW-Authenticate", "Basic realm=\"qbmc\", charset=\"UTF-8\""}});
        return true;
    }
    if (identity->role < requiredRole()) {
        qCInfo(lcRedfish, "%s of %s from %s refused: role %s is below %s", qPrintable(m_logName),
               qPrintable(identity->user), qPrintable(address), qPrintable(RoleNames::toString(identity->role)),
               qPrintable(RoleNames::toString(requiredRole())));
        refuse(socket, 403, "Forbidden", BaseMessages::insufficientPrivilege());
        return true;
    }
    if (const std::optional<RedfishMessage> why = unavailable()) {
        qCInfo(lcRedfish, "%s of %s from %s refused: the service is off", qPrintable(m_logName),
               qPrintable(identity->user), qPrintable(address));
        refuse(socket, 503, "Service Unavailable", *why);
        return true;
    }
    if (m_connections.size() >= m_limits.maxConnections) {
        qCInfo(lcRedfish, "%s of %s from %s refused: %d are open", qPrintable(m_logName), qPrintable(identity->user),
               qPrintable(address), m_limits.maxConnections);
        refuse(socket, 503, "Service Unavailable", BaseMessages::make("SessionLimitExceeded"));
        return true;
    }

    WebSocketSession::Settings settings;
    settings.user = identity->user;
    settings.address = address;
    settings.subprotocol = subprotocol;
    if (const RedfishAuthenticator::Session *session = authenticator->session(identity->sessionId))
        settings.redfishSession = session->registryId;
    settings.maxMessageBytes = m_limits.maxMessageBytes;
    settings.maxQueuedBytes = m_limits.maxQueuedBytes;
    WebSocketSession *connection = createSession(socket, targetPath, *identity, settings);
    connection->setParent(this);
    m_connections.append(connection);
    // Not counted against Redfish's sessions: the face's own limit (maxConnections) applies.
    m_registryIds.insert(connection, m_parts.sessions->add(m_protocol, identity->user, address, identity->role));
    connect(connection, &WebSocketSession::finished, this, [this, connection] {
        m_connections.removeOne(connection);
        m_parts.sessions->remove(m_registryIds.take(connection));
        connection->deleteLater();
    });
    // Once the guard and QHttpServer have let go of the socket, after this call returns.
    QMetaObject::invokeMethod(connection, &WebSocketSession::start, Qt::QueuedConnection);
    return true;
}

void WebSocketEndpoint::refuse(QTcpSocket *socket, int status, QByteArrayView reason, const RedfishMessage &message,
                               const HttpHeaderList &extraHeaders)
{
    socket->write(
        HttpHeaders::closingAnswer(status, reason, BaseMessages::error(message), extraHeaders + m_answerHeaders));
    socket->disconnectFromHost();
}

void WebSocketEndpoint::endWhere(const std::function<bool(const WebSocketSession *)> &matches, const QString &reason)
{
    const QList<WebSocketSession *> connections = m_connections; // ending one may remove it
    for (WebSocketSession *connection : connections) {
        if (matches(connection))
            connection->end(QWebSocketProtocol::CloseCodePolicyViolated, reason);
    }
}
