#include "AccessViewModel.h"
#include "AccountStore.h"
#include "Configuration.h"
#include "EventLog.h"
#include "FastPasswordHasher.h"
#include "ManualClock.h"
#include "RemoteSessionModel.h"
#include "RemoteSessionRegistry.h"
#include "ServiceSettings.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
const QByteArray adminPassword = "Adm1n-passw0rd";
const QByteArray operatorPassword = "0perator-passw0rd";

// The view model over a real account store whose lockouts run on a clock the test moves.
struct Fixture
{
    Fixture()
    {
        AccountStore::Policy policy;
        policy.lockoutThreshold = 3;
        policy.lockoutDuration = 60s;
        accounts = std::make_unique<AccountStore>(dir.path(), &hasher, &log, policy, clock);
        const Actor root = Actor::screen(u"test"_s);
        if (accounts->ensureAdministrator(adminPassword)
            || accounts->createAccount(u"operator"_s, operatorPassword, Role::Operator,
                                       AccountStore::IpmiAccess::Disabled, root))
            qFatal("fixture: accounts not created");
        access = std::make_unique<AccessViewModel>(AccessViewModel::Facts{}, &services, accounts.get(), &sessions);
    }

    void failLogins(const QString &name, const QString &address)
    {
        for (int i = 0; i < accounts->policy().lockoutThreshold; ++i)
            accounts->authenticate(name, "wrong", Actor::Origin::Redfish, address);
    }

    QTemporaryDir dir;
    EventLog log{dir.path(), 256};
    Configuration configuration;
    ServiceSettings services{&configuration, &log};
    RemoteSessionRegistry registry;
    RemoteSessionModel sessions{&registry};
    FastPasswordHasher hasher;
    ManualClock clock;
    std::unique_ptr<AccountStore> accounts;
    std::unique_ptr<AccessViewModel> access;
};
} // namespace

class tst_AccessViewModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLoggingCategory::setFilterRules(u"qbmc.events=false"_s); }
    void lockedAccountsAreListed();
    void anAdministratorUnlocksWithTheirPassword();
    void unlockingNeedsAnAdministrator_data();
    void unlockingNeedsAnAdministrator();
    void aLockoutThatRunsOutLeavesTheList();
    void anAdministratorSwitchesTheSshConsole();
};

void tst_AccessViewModel::lockedAccountsAreListed()
{
    Fixture fixture;
    QSignalSpy changed(fixture.access.get(), &AccessViewModel::lockedAccountsChanged);
    QVERIFY(fixture.access->lockedAccounts().isEmpty());
    fixture.failLogins(u"admin"_s, u"192.0.2.9"_s);
    QCOMPARE(fixture.access->lockedAccounts(), QStringList{u"admin"_s});
    QCOMPARE(changed.size(), 1);
    // A second address locks nothing new for the list.
    fixture.failLogins(u"admin"_s, u"192.0.2.10"_s);
    fixture.failLogins(u"operator"_s, u"192.0.2.9"_s);
    QCOMPARE(fixture.access->lockedAccounts(), (QStringList{u"admin"_s, u"operator"_s}));
    QCOMPARE(changed.size(), 2);
}

void tst_AccessViewModel::anAdministratorUnlocksWithTheirPassword()
{
    Fixture fixture;
    fixture.failLogins(u"admin"_s, u"192.0.2.9"_s);
    fixture.failLogins(u"operator"_s, u"192.0.2.9"_s);
    // Locked from the network, the administrator still confirms at the screen.
    QCOMPARE(fixture.access->unlockAccount(u"admin"_s, u"admin"_s, QString::fromUtf8(adminPassword)), QString());
    QCOMPARE(fixture.access->lockedAccounts(), QStringList{u"operator"_s});
    QCOMPARE(fixture.accounts->authenticate(u"admin"_s, adminPassword, Actor::Origin::Redfish, u"192.0.2.9"_s),
             AccountStore::LoginResult::Success);
    const EventLogEntry &last = fixture.log.entries().constLast();
    QCOMPARE(last.actor.origin, Actor::Origin::Screen);
    QCOMPARE(last.actor.user, u"admin"_s);
    QVERIFY(last.message.contains(u"\"admin\" unlocked"_s));
    QVERIFY(!last.message.contains(QString::fromUtf8(adminPassword)));

    QCOMPARE(fixture.access->unlockAccount(u"operator"_s, u"admin"_s, QString::fromUtf8(adminPassword)), QString());
    QVERIFY(fixture.access->lockedAccounts().isEmpty());
    // Nobody of that name: the core's own refusal, and nothing else changes.
    QVERIFY(!fixture.access->unlockAccount(u"nobody"_s, u"admin"_s, QString::fromUtf8(adminPassword)).isEmpty());
}

void tst_AccessViewModel::unlockingNeedsAnAdministrator_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("refusal");
    QTest::newRow("wrong password") << u"admin"_s << u"guess"_s << u"BadCredentials"_s;
    QTest::newRow("unknown user") << u"root"_s << u"guess"_s << u"BadCredentials"_s;
    QTest::newRow("operator") << u"operator"_s << QString::fromUtf8(operatorPassword) << u"NotAdministrator"_s;
}

void tst_AccessViewModel::unlockingNeedsAnAdministrator()
{
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, refusal);
    Fixture fixture;
    fixture.failLogins(u"admin"_s, u"192.0.2.9"_s);
    QCOMPARE(fixture.access->unlockAccount(u"admin"_s, user, password), refusal);
    QCOMPARE(fixture.access->lockedAccounts(), QStringList{u"admin"_s});
}

void tst_AccessViewModel::aLockoutThatRunsOutLeavesTheList()
{
    Fixture fixture;
    fixture.failLogins(u"operator"_s, u"192.0.2.9"_s);
    QCOMPARE(fixture.access->lockedAccounts(), QStringList{u"operator"_s});
    QSignalSpy changed(fixture.access.get(), &AccessViewModel::lockedAccountsChanged);
    fixture.clock.advance(61s);
    QVERIFY(changed.wait(3000));
    QVERIFY(fixture.access->lockedAccounts().isEmpty());
}

void tst_AccessViewModel::anAdministratorSwitchesTheSshConsole()
{
    Fixture fixture;
    QVERIFY(fixture.access->isSshEnabled());
    QSignalSpy changed(fixture.access.get(), &AccessViewModel::sshChanged);
    // An operator cannot, and nothing changes.
    QVERIFY(!fixture.access->setSshEnabled(false, u"operator"_s, QString::fromUtf8(operatorPassword)).isEmpty());
    QVERIFY(fixture.access->isSshEnabled());
    QCOMPARE(fixture.access->setSshEnabled(false, u"admin"_s, QString::fromUtf8(adminPassword)), QString());
    QVERIFY(!fixture.access->isSshEnabled());
    QVERIFY(!fixture.services.isSshEnabled());
    QVERIFY(changed.size() >= 1);
    const EventLogEntry &last = fixture.log.entries().constLast();
    QCOMPARE(last.actor, Actor::screen(u"admin"_s));
    QCOMPARE(fixture.access->setSshEnabled(true, u"admin"_s, QString::fromUtf8(adminPassword)), QString());
    QVERIFY(fixture.access->isSshEnabled());
}

QTEST_GUILESS_MAIN(tst_AccessViewModel)

#include "tst_accessviewmodel.moc"
