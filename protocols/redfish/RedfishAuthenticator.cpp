#include "RedfishAuthenticator.h"

#include "AccountStore.h"
#include "RedfishLogging.h"
#include "RemoteSessionRegistry.h"

#include <QCryptographicHash>

#include <openssl/crypto.h>
#include <openssl/rand.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
// A Basic login verified this long ago is verified again: a password changed outside qbmc's
// own paths (there are none today) cannot live on in the cache for long.
constexpr auto basicCacheLifetime = 10min;

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), count) != 1)
        qFatal("OpenSSL has no random bytes");
    return bytes;
}

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}
} // namespace

RedfishAuthenticator::RedfishAuthenticator(AccountStore *accounts, RemoteSessionRegistry *registry, Settings settings,
                                           QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_registry(registry)
    , m_settings(settings)
    , m_cacheSalt(randomBytes(32))
{
    connect(accounts, &AccountStore::credentialsChanged, this, &RedfishAuthenticator::forgetUser);
    m_expiry.setInterval(1s);
    connect(&m_expiry, &QTimer::timeout, this, &RedfishAuthenticator::expireSessions);
    m_expiry.start();
    connect(registry, &RemoteSessionRegistry::endRequested, this,
            [this](const RemoteSession &ending, const Actor &actor) {
                if (ending.protocol != RemoteSession::Protocol::Redfish)
                    return;
                for (const Session &session : std::as_const(m_sessions)) {
                    if (session.registryId == ending.id) {
                        qCInfo(lcRedfish, "session %s of %s ended by %s", qPrintable(session.id),
                               qPrintable(session.user), qPrintable(actor.toString()));
                        deleteSession(QString(session.id));
                        return;
                    }
                }
            });
}

RedfishAuthenticator::~RedfishAuthenticator()
{
    for (const Session &session : std::as_const(m_sessions))
        m_registry->remove(session.registryId);
}

std::optional<RedfishAuthenticator::Identity> RedfishAuthenticator::identityOf(const QString &user,
                                                                               const QString &address) const
{
    const std::optional<Account> account = m_accounts->account(user);
    if (!account || !account->enabled || m_accounts->isLockedOut(user, address))
        return std::nullopt;
    return Identity{account->name, account->role, {}};
}

Expected<RedfishAuthenticator::Identity, RedfishAuthenticator::Refusal>
RedfishAuthenticator::authenticate(const QByteArray &authorization, const QByteArray &token, const QString &address)
{
    if (!token.isEmpty()) {
        const QString id = m_sessionByToken.value(sha256(token));
        auto it = m_sessions.find(id);
        if (id.isEmpty() || it == m_sessions.end())
            return Refusal::BadCredentials;
        std::optional<Identity> identity = identityOf(it->user, address);
        if (!identity)
            return Refusal::BadCredentials;
        it->lastUsed.start();
        identity->sessionId = id;
        return *identity;
    }

    if (!authorization.startsWith("Basic "))
        return Refusal::NoCredentials;
    const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
    const qsizetype colon = decoded.indexOf(':');
    if (colon <= 0)
        return Refusal::BadCredentials;
    const QString user = QString::fromUtf8(decoded.left(colon));
    const QByteArray password = decoded.mid(colon + 1);
    const QByteArray key = sha256(m_cacheSalt + decoded);
    auto cached = m_basicCache.find(key);
    if (cached != m_basicCache.end()
        && cached->verified.elapsed() < std::chrono::milliseconds(basicCacheLifetime).count()) {
        if (std::optional<Identity> identity = identityOf(user, address))
            return *identity;
    }
    switch (m_accounts->authenticate(user, password, Actor::Origin::Redfish, address)) {
    case AccountStore::LoginResult::Success: break;
    case AccountStore::LoginResult::LockedOut: return Refusal::LockedOut;
    default: return Refusal::BadCredentials;
    }
    CachedLogin login{user, {}};
    login.verified.start();
    m_basicCache.insert(key, login);
    const std::optional<Identity> identity = identityOf(user, address);
    if (!identity)
        return Refusal::BadCredentials;
    return *identity;
}

QByteArray RedfishAuthenticator::cookieValue(const QByteArray &cookieHeader, QByteArrayView name)
{
    for (const QByteArray &pair : cookieHeader.split(';')) {
        const QByteArray trimmed = pair.trimmed();
        if (trimmed.size() > name.size() && trimmed.startsWith(name) && trimmed.at(name.size()) == '=')
            return trimmed.mid(name.size() + 1);
    }
    return {};
}

Expected<RedfishAuthenticator::Identity, RedfishAuthenticator::Refusal>
RedfishAuthenticator::authenticateCookie(const QByteArray &cookie, const QByteArray &csrfToken, bool changesState,
                                         const QString &address)
{
    if (cookie.isEmpty())
        return Refusal::NoCredentials;
    const QString id = m_sessionByToken.value(sha256(cookie));
    auto it = m_sessions.find(id);
    if (id.isEmpty() || it == m_sessions.end())
        return Refusal::BadCredentials;
    if (changesState) {
        // Another site's page can make the browser send the cookie, never read the CSRF token.
        // Compared as hashes of equal length, in constant time.
        const QByteArray offered = sha256(csrfToken);
        if (csrfToken.isEmpty()
            || CRYPTO_memcmp(offered.constData(), it->csrfTokenHash.constData(), size_t(offered.size())) != 0)
            return Refusal::MissingCsrfToken;
    }
    std::optional<Identity> identity = identityOf(it->user, address);
    if (!identity)
        return Refusal::BadCredentials;
    it->lastUsed.start();
    identity->sessionId = id;
    return *identity;
}

Expected<RedfishAuthenticator::NewSession, RedfishAuthenticator::Refusal>
RedfishAuthenticator::createSession(const QString &user, const QByteArray &password, const QString &address)
{
    switch (m_accounts->authenticate(user, password, Actor::Origin::Redfish, address)) {
    case AccountStore::LoginResult::Success: break;
    case AccountStore::LoginResult::LockedOut: return Refusal::LockedOut;
    case AccountStore::LoginResult::Disabled: return Refusal::Disabled;
    case AccountStore::LoginResult::BadCredentials: return Refusal::BadCredentials;
    }
    const std::optional<Identity> identity = identityOf(user, address);
    if (!identity)
        return Refusal::BadCredentials;
    // Only now, with the role known: the Administrators' reserve depends on it (decisions.md#98).
    const RemoteSessionRegistry::Admission admission =
        m_registry->admission(RemoteSession::Protocol::Redfish, identity->user, identity->role,
                              SessionLimits{m_settings.maxSessions, m_settings.maxSessionsPerUser});
    if (!admission.admitted)
        return Refusal::SessionLimit;
    if (admission.evict != 0)
        endOldestSession(admission.evict);
    const QByteArray token = randomBytes(24).toHex();
    const QByteArray csrfToken = randomBytes(24).toHex();
    Session session;
    session.id = QString::number(m_nextSessionId++);
    session.user = identity->user;
    session.address = address;
    session.created = QDateTime::currentDateTimeUtc();
    session.tokenHash = sha256(token);
    session.csrfTokenHash = sha256(csrfToken);
    session.lastUsed.start();
    session.registryId = m_registry->add(RemoteSession::Protocol::Redfish, session.user, address, identity->role);
    m_sessions.insert(session.id, session);
    m_sessionByToken.insert(session.tokenHash, session.id);
    qCInfo(lcRedfish, "session %s of %s from %s opened", qPrintable(session.id), qPrintable(session.user),
           qPrintable(address));
    return NewSession{session, token, csrfToken};
}

void RedfishAuthenticator::endOldestSession(quint64 registryId)
{
    for (const Session &session : std::as_const(m_sessions)) {
        if (session.registryId == registryId) {
            qCInfo(lcRedfish, "session %s of %s ends: the user opened more than %d", qPrintable(session.id),
                   qPrintable(session.user), m_settings.maxSessionsPerUser);
            deleteSession(QString(session.id));
            return;
        }
    }
}

bool RedfishAuthenticator::deleteSession(const QString &id)
{
    const auto it = m_sessions.find(id);
    if (it == m_sessions.end())
        return false;
    m_registry->remove(it->registryId);
    m_sessionByToken.remove(it->tokenHash);
    qCInfo(lcRedfish, "session %s of %s closed", qPrintable(id), qPrintable(it->user));
    m_sessions.erase(it);
    emit sessionEnded(id);
    return true;
}

const RedfishAuthenticator::Session *RedfishAuthenticator::session(const QString &id) const
{
    const auto it = m_sessions.constFind(id);
    return it == m_sessions.cend() ? nullptr : &it.value();
}

QList<const RedfishAuthenticator::Session *> RedfishAuthenticator::sessions() const
{
    QList<const Session *> list;
    for (const Session &session : m_sessions)
        list.append(&session);
    std::sort(list.begin(), list.end(),
              [](const Session *a, const Session *b) { return a->id.toULongLong() < b->id.toULongLong(); });
    return list;
}

void RedfishAuthenticator::forgetUser(const QString &user)
{
    for (auto it = m_basicCache.begin(); it != m_basicCache.end();) {
        if (it->user == user)
            it = m_basicCache.erase(it);
        else
            ++it;
    }
    QStringList ended;
    for (const Session &session : std::as_const(m_sessions)) {
        if (session.user == user)
            ended.append(session.id);
    }
    for (const QString &id : std::as_const(ended))
        deleteSession(id);
}

void RedfishAuthenticator::expireSessions()
{
    QStringList expired;
    const qint64 timeout = std::chrono::milliseconds(m_settings.sessionTimeout).count();
    for (const Session &session : std::as_const(m_sessions)) {
        if (session.lastUsed.elapsed() > timeout)
            expired.append(session.id);
    }
    for (const QString &id : std::as_const(expired))
        deleteSession(id);
}
