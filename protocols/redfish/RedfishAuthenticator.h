#pragma once

#include "Expected.h"
#include "Role.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <optional>

class AccountStore;
class RemoteSessionRegistry;

// Who a request comes from: HTTP Basic, an X-Auth-Token session (SessionService) or, for the web
// UI, that session's cookie with its CSRF token (decisions.md#114). Basic
// verifications are cached so the slow password hash runs once per user and password, not once
// per request; the cache is keyed by a hash of both and dropped when the account's credentials,
// role or state change. Failed logins and lockout go through the AccountStore.
class RedfishAuthenticator : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        std::chrono::seconds sessionTimeout{1800};
        int maxSessions = 64;
        int maxSessionsPerUser = 16;
    };

    struct Identity
    {
        QString user;
        Role role = Role::ReadOnly;
        QString sessionId; // empty for Basic
    };

    struct Session
    {
        QString id;
        QString user;
        QString address;
        QDateTime created; // UTC
        QByteArray tokenHash;
        QByteArray csrfTokenHash;
        QElapsedTimer lastUsed;
        quint64 registryId = 0;
    };

    // Why a request or a login gets no identity; each face answers it its own way (401, 503).
    enum class Refusal { NoCredentials, BadCredentials, LockedOut, Disabled, SessionLimit, MissingCsrfToken };

    struct NewSession
    {
        Session session;
        QByteArray token;     // shown once, to its creator
        QByteArray csrfToken; // for a browser: readable by the page, sent back with every change
    };

    // The cookies a browser keeps the session in: the token itself, out of the page's reach
    // (HttpOnly), and the CSRF token, which the page reads and sends back in X-XSRF-TOKEN (as
    // bmcweb's XSRF-TOKEN cookie and header, which its web UI uses).
    static constexpr QByteArrayView sessionCookieName = "QBMC-SESSION";
    static constexpr QByteArrayView csrfCookieName = "XSRF-TOKEN";
    // The value of the cookie `name` in a Cookie header; empty when absent.
    static QByteArray cookieValue(const QByteArray &cookieHeader, QByteArrayView name);

    RedfishAuthenticator(AccountStore *accounts, RemoteSessionRegistry *registry, Settings settings,
                         QObject *parent = nullptr);
    ~RedfishAuthenticator() override;

    // From the Authorization or X-Auth-Token header value.
    Expected<Identity, Refusal> authenticate(const QByteArray &authorization, const QByteArray &token,
                                             const QString &address);

    // From the session cookie. `csrfToken` is the X-XSRF-TOKEN header or the WebSocket's offered
    // subprotocol; it must match the session's unless the request changes nothing (GET, HEAD).
    Expected<Identity, Refusal> authenticateCookie(const QByteArray &cookie, const QByteArray &csrfToken,
                                                   bool changesState, const QString &address);

    Expected<NewSession, Refusal> createSession(const QString &user, const QByteArray &password,
                                                const QString &address);
    bool deleteSession(const QString &id);
    const Session *session(const QString &id) const;
    QList<const Session *> sessions() const;
    const Settings &settings() const { return m_settings; }
    void setSessionTimeout(std::chrono::seconds timeout) { m_settings.sessionTimeout = timeout; }

signals:
    // The session is gone: logged out, expired, replaced or its account changed.
    void sessionEnded(const QString &id);

private:
    struct CachedLogin
    {
        QString user;
        QElapsedTimer verified;
    };

    std::optional<Identity> identityOf(const QString &user, const QString &address) const;
    void forgetUser(const QString &user);
    // The user's oldest session, which makes room for their newest (RemoteSessionRegistry::admission).
    void endOldestSession(quint64 registryId);
    void expireSessions();

    AccountStore *m_accounts;
    RemoteSessionRegistry *m_registry;
    Settings m_settings;
    QByteArray m_cacheSalt;
    QHash<QByteArray, CachedLogin> m_basicCache; // SHA-256(salt, user, password)
    QHash<QString, Session> m_sessions;          // by id
    QHash<QByteArray, QString> m_sessionByToken; // SHA-256(token) to id
    quint64 m_nextSessionId = 1;
    QTimer m_expiry;
};
