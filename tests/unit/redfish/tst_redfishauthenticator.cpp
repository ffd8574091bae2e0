#include "AccountStore.h"
#include "EventLog.h"
#include "PasswordHasher.h"
#include "RedfishAuthenticator.h"
#include "RemoteSessionRegistry.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
// Counts verifications: the slow hash must not run on every Basic request.
class CountingHasher : public PasswordHasher
{
public:
    QByteArray hash(const QByteArray &password) const override
    {
        return "test$" + QCryptographicHash::hash(password, QCryptographicHash::Sha256).toHex();
    }
    bool verify(const QByteArray &password, const QByteArray &hash) const override
    {
        ++verifications;
        return this->hash(password) == hash;
    }
    mutable int verifications = 0;
};

QByteArray basic(const QByteArray &user, const QByteArray &password)
{
    return "Basic " + (user + ':' + password).toBase64();
}
} // namespace

class tst_RedfishAuthenticator : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void basicIsVerifiedOnceThenCached();
    void cacheIsDroppedWhenThePasswordChanges();
    void wrongPasswordsCountTowardsLockout();
    void noCredentials();
    void sessionsLiveUntilDeletedOrIdle();
    void sessionLimit();
    void cookieNeedsItsCsrfTokenToChangeState();
    void cookieValueIsFoundAmongOthers();
    void lockedAndDisabledAccountsAreToldApart();
    void oneUserCannotTakeEverySession();

private:
    Expected<RedfishAuthenticator::Identity, RedfishAuthenticator::Refusal> login(const QByteArray &authorization,
                                                                                  const QByteArray &token = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    CountingHasher m_hasher;
    std::unique_ptr<EventLog> m_log;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<RemoteSessionRegistry> m_registry;
    std::unique_ptr<RedfishAuthenticator> m_authenticator;
};

void tst_RedfishAuthenticator::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_log = std::make_unique<EventLog>(m_dir->path(), 100);
    AccountStore::Policy policy;
    policy.lockoutThreshold = 3;
    m_accounts = std::make_unique<AccountStore>(m_dir->path(), &m_hasher, m_log.get(), policy);
    QCOMPARE(m_accounts->ensureAdministrator("Admin-Pass-1"), std::nullopt);
    m_registry = std::make_unique<RemoteSessionRegistry>();
    RedfishAuthenticator::Settings settings;
    settings.sessionTimeout = 1s;
    settings.maxSessions = 2;
    m_authenticator = std::make_unique<RedfishAuthenticator>(m_accounts.get(), m_registry.get(), settings);
    m_hasher.verifications = 0;
}

void tst_RedfishAuthenticator::cleanup()
{
    m_authenticator.reset();
    m_registry.reset();
    m_accounts.reset();
    m_log.reset();
    m_dir.reset();
}

Expected<RedfishAuthenticator::Identity, RedfishAuthenticator::Refusal>
tst_RedfishAuthenticator::login(const QByteArray &authorization, const QByteArray &token)
{
    return m_authenticator->authenticate(authorization, token, u"127.0.0.1"_s);
}

void tst_RedfishAuthenticator::basicIsVerifiedOnceThenCached()
{
    for (int i = 0; i < 20; ++i) {
        const auto identity = login(basic("admin", "Admin-Pass-1"));
        QVERIFY(identity);
        QCOMPARE(identity->user, u"admin"_s);
        QVERIFY(identity->role == Role::Administrator);
    }
    QCOMPARE(m_hasher.verifications, 1);
    // A different password is never answered from the cache.
    QVERIFY(!login(basic("admin", "Admin-Pass-2")));
    QCOMPARE(m_hasher.verifications, 2);
}

void tst_RedfishAuthenticator::cacheIsDroppedWhenThePasswordChanges()
{
    QVERIFY(login(basic("admin", "Admin-Pass-1")));
    QCOMPARE(m_accounts->setPassword(u"admin"_s, "Admin-Pass-9", Actor::bmc()), std::nullopt);
    QVERIFY(!login(basic("admin", "Admin-Pass-1")));
    QVERIFY(login(basic("admin", "Admin-Pass-9")));
    QCOMPARE(m_accounts->setEnabled(u"admin"_s, false, Actor::bmc()), Failure::Code::LastAdministrator);
}

void tst_RedfishAuthenticator::wrongPasswordsCountTowardsLockout()
{
    for (int i = 0; i < 3; ++i)
        QVERIFY(!m_authenticator->authenticate(basic("admin", "wrong"), {}, u"10.0.0.1"_s));
    QVERIFY(m_accounts->isLockedOut(u"admin"_s, u"10.0.0.1"_s));
    // Locked out from that address: even the right password (and a cached login) is refused.
    const auto locked = m_authenticator->authenticate(basic("admin", "Admin-Pass-1"), {}, u"10.0.0.1"_s);
    QVERIFY(!locked);
    QCOMPARE(locked.failure(), RedfishAuthenticator::Refusal::LockedOut);
    // From any other address the right password works, and an administrator can lift the lock.
    QVERIFY(m_authenticator->authenticate(basic("admin", "Admin-Pass-1"), {}, u"10.0.0.2"_s));
    QCOMPARE(m_accounts->unlock(u"admin"_s, Actor::redfish(u"admin"_s)), std::nullopt);
    QVERIFY(m_authenticator->authenticate(basic("admin", "Admin-Pass-1"), {}, u"10.0.0.1"_s));
}

void tst_RedfishAuthenticator::noCredentials()
{
    const auto none = m_authenticator->authenticate({}, {}, u"10.0.0.1"_s);
    QVERIFY(!none);
    QCOMPARE(none.failure(), RedfishAuthenticator::Refusal::NoCredentials);
    const auto garbled = m_authenticator->authenticate("Basic !!!", {}, u"10.0.0.1"_s);
    QVERIFY(!garbled);
    QCOMPARE(garbled.failure(), RedfishAuthenticator::Refusal::BadCredentials);
    QVERIFY(!m_authenticator->authenticate("Bearer abc", {}, u"10.0.0.1"_s));
}

void tst_RedfishAuthenticator::sessionsLiveUntilDeletedOrIdle()
{
    const auto created = m_authenticator->createSession(u"admin"_s, "Admin-Pass-1", u"10.0.0.2"_s);
    QVERIFY(created);
    const auto &[session, token, csrfToken] = *created;
    QCOMPARE(m_registry->count(RemoteSession::Protocol::Redfish), 1);
    const auto identity = login({}, token);
    QVERIFY(identity);
    QCOMPARE(identity->sessionId, session.id);
    QVERIFY(!login({}, token + "x"));

    QVERIFY(m_authenticator->deleteSession(session.id));
    QVERIFY(!login({}, token));
    QCOMPARE(m_registry->count(RemoteSession::Protocol::Redfish), 0);

    const auto idle = m_authenticator->createSession(u"admin"_s, "Admin-Pass-1", u"10.0.0.2"_s);
    QVERIFY(idle);
    QTRY_VERIFY_WITH_TIMEOUT(!m_authenticator->session(idle->session.id), 5000);
    QVERIFY(!login({}, idle->token));
}

void tst_RedfishAuthenticator::sessionLimit()
{
    QVERIFY(m_authenticator->createSession(u"admin"_s, "Admin-Pass-1", {}));
    QVERIFY(m_authenticator->createSession(u"admin"_s, "Admin-Pass-1", {}));
    const auto refused = m_authenticator->createSession(u"admin"_s, "Admin-Pass-1", {});
    QVERIFY(!refused);
    QCOMPARE(refused.failure(), RedfishAuthenticator::Refusal::SessionLimit);
}

void tst_RedfishAuthenticator::oneUserCannotTakeEverySession()
{
    QCOMPARE(m_accounts->createAccount(u"viewer"_s, "Viewer-Pass-1", Role::ReadOnly, AccountStore::IpmiAccess::Disabled,
                                       Actor::bmc()),
             std::nullopt);
    RedfishAuthenticator::Settings settings;
    settings.maxSessions = 16;
    settings.maxSessionsPerUser = 4;
    RedfishAuthenticator authenticator(m_accounts.get(), m_registry.get(), settings);
    QStringList viewerSessions;
    for (int i = 0; i < 10; ++i) {
        const auto created = authenticator.createSession(u"viewer"_s, "Viewer-Pass-1", u"10.0.0.9"_s);
        QVERIFY(created);
        viewerSessions.append(created->session.id);
    }
    // Each login past the fourth ended the user's own oldest session.
    QCOMPARE(authenticator.sessions().size(), 4);
    QVERIFY(!authenticator.session(viewerSessions.at(5)));
    QVERIFY(authenticator.session(viewerSessions.at(6)));
    QVERIFY(authenticator.createSession(u"admin"_s, "Admin-Pass-1", u"10.0.0.1"_s));
}

QTEST_GUILESS_MAIN(tst_RedfishAuthenticator)
#include "tst_redfishauthenticator.moc"

void tst_RedfishAuthenticator::cookieNeedsItsCsrfTokenToChangeState()
{
    const auto created = m_authenticator->createSession(u"admin"_s, "Admin-Pass-1", u"10.0.0.2"_s);
    QVERIFY(created);
    const QByteArray cookie = created->token;
    const QByteArray csrf = created->csrfToken;
    QVERIFY(!csrf.isEmpty());
    QVERIFY(csrf != cookie);
    const QString address = u"10.0.0.2"_s;

    const auto read = m_authenticator->authenticateCookie(cookie, {}, false, address);
    QVERIFY(read);
    QCOMPARE(read->sessionId, created->session.id);
    QVERIFY(m_authenticator->authenticateCookie(cookie, csrf, true, address));
    for (const QByteArray &wrong : {QByteArray(), csrf.left(csrf.size() - 1), csrf + 'x', cookie}) {
        const auto refused = m_authenticator->authenticateCookie(cookie, wrong, true, address);
        QVERIFY(!refused);
        QCOMPARE(refused.failure(), RedfishAuthenticator::Refusal::MissingCsrfToken);
    }
    // The CSRF token is no key to the session by itself.
    QCOMPARE(m_authenticator->authenticateCookie(csrf, csrf, true, address).failure(),
             RedfishAuthenticator::Refusal::BadCredentials);
    QCOMPARE(m_authenticator->authenticateCookie({}, csrf, true, address).failure(),
             RedfishAuthenticator::Refusal::NoCredentials);

    QSignalSpy ended(m_authenticator.get(), &RedfishAuthenticator::sessionEnded);
    QVERIFY(m_authenticator->deleteSession(created->session.id));
    QCOMPARE(ended.count(), 1);
    QCOMPARE(ended.at(0).at(0).toString(), created->session.id);
    QVERIFY(!m_authenticator->authenticateCookie(cookie, csrf, true, address));
}

void tst_RedfishAuthenticator::cookieValueIsFoundAmongOthers()
{
    const QByteArrayView name = RedfishAuthenticator::sessionCookieName;
    QCOMPARE(RedfishAuthenticator::cookieValue("QBMC-SESSION=abc", name), "abc");
    QCOMPARE(RedfishAuthenticator::cookieValue("a=1; QBMC-SESSION=abc;b=2", name), "abc");
    QCOMPARE(RedfishAuthenticator::cookieValue("XQBMC-SESSION=abc; QBMC-SESSIONX=d", name), QByteArray());
    QCOMPARE(RedfishAuthenticator::cookieValue("QBMC-SESSION", name), QByteArray());
    QCOMPARE(RedfishAuthenticator::cookieValue({}, name), QByteArray());
}

void tst_RedfishAuthenticator::lockedAndDisabledAccountsAreToldApart()
{
    const QString address = u"10.0.0.3"_s;
    for (int i = 0; i < 3; ++i)
        QCOMPARE(m_authenticator->createSession(u"admin"_s, "wrong", address).failure(),
                 RedfishAuthenticator::Refusal::BadCredentials);
    QCOMPARE(m_authenticator->createSession(u"admin"_s, "Admin-Pass-1", address).failure(),
             RedfishAuthenticator::Refusal::LockedOut);

    QCOMPARE(m_accounts->createAccount(u"oper"_s, "Oper-Pass-12", Role::Operator, AccountStore::IpmiAccess::Disabled,
                                       Actor::bmc()),
             std::nullopt);
    QCOMPARE(m_accounts->setEnabled(u"oper"_s, false, Actor::bmc()), std::nullopt);
    QCOMPARE(m_authenticator->createSession(u"oper"_s, "wrong", address).failure(),
             RedfishAuthenticator::Refusal::BadCredentials);
    QCOMPARE(m_authenticator->createSession(u"oper"_s, "Oper-Pass-12", address).failure(),
             RedfishAuthenticator::Refusal::Disabled);
}
