#include "AccountRules.h"
#include "AccountStore.h"
#include "AdministratorRecovery.h"
#include "EventLog.h"
#include "IpmiPasswordFile.h"
#include "ManualClock.h"
#include "linux/CryptPasswordHasher.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <chrono>
#include <memory>
#include <optional>

using namespace std::chrono_literals;
using namespace Qt::StringLiterals;
using Error = Failure::Code;
using LoginResult = AccountStore::LoginResult;
using IpmiAccess = AccountStore::IpmiAccess;
using Origin = Actor::Origin;
using Severity = EventLogEntry::Severity;

namespace {

// What generatePassword() draws from: no 0/O, 1/l/I.
constexpr auto generatedAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"_L1;

const QString admin = u"admin"_s;
const QString alice = u"alice"_s;
const QString bob = u"bob"_s;
const QString carol = u"carol"_s;
const QByteArray adminPassword = "Admin-Pass-1";
const QByteArray alicePassword = "Alice-Pass-1";
const QByteArray bobPassword = "Bob-Pass-12";
const QByteArray wrongPassword = "Wrong-Pass-9";
const QString address = u"192.0.2.7"_s;
const Actor root = Actor::redfish(u"root"_s);
const QString aliceKey =
    u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIN779FMc7pNmnHOinhcN2dqI1xQ8eoTWrPXbynlODks/ alice@laptop"_s;

AccountStore::Policy testPolicy(int lockoutThreshold = 3, std::chrono::milliseconds lockoutDuration = 10min)
{
    AccountStore::Policy policy;
    policy.lockoutThreshold = lockoutThreshold;
    policy.lockoutDuration = lockoutDuration;
    policy.minPasswordLength = 8;
    return policy;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QString describe(const Account &account)
{
    return QStringList{
        account.name,
        RoleNames::toString(account.role),
        account.enabled ? u"enabled"_s : u"disabled"_s,
        account.ipmiEnabled ? u"ipmi"_s : u"no-ipmi"_s,
        account.source == Account::Source::Store ? u"store"_s : u"file"_s,
        account.weakPassword ? u"weak"_s : u"strong"_s,
        QString::fromLatin1(account.passwordHash),
        QString::fromLatin1(account.ipmiPassword.toHex()),
    }
        .join(u' ');
}

QStringList describe(const QList<Account> &accounts)
{
    QStringList descriptions;
    for (const Account &account : accounts)
        descriptions.append(describe(account));
    descriptions.sort();
    return descriptions;
}

QStringList names(const QList<Account> &accounts)
{
    QStringList names;
    for (const Account &account : accounts)
        names.append(account.name);
    names.sort();
    return names;
}

QStringList namesSignalled(const QSignalSpy &spy)
{
    QStringList names;
    for (const QList<QVariant> &arguments : spy)
        names.append(arguments.first().toString());
    names.sort();
    return names;
}

QByteArray ipmiPasswordOf(const AccountStore &store, const QString &name)
{
    return store.ipmiPassword(name).value_or(QByteArray("(none)"));
}

bool anyEntryContains(const EventLog &log, const QString &text)
{
    return std::any_of(log.entries().cbegin(), log.entries().cend(), [&](const EventLogEntry &entry) {
        return entry.message.contains(text) || entry.actor.user.contains(text);
    });
}

QList<IpmiPasswordFile::Entry> passwordFile(const QByteArray &content)
{
    const IpmiPasswordFile::Result parsed = IpmiPasswordFile::parse(u"/etc/kvmd/ipmipasswd"_s, content);
    if (parsed.error)
        qWarning().noquote() << parsed.error->toString();
    return parsed.entries;
}

QJsonObject storedAccount(const QString &name, const QString &role = u"Operator"_s, bool ipmi = false)
{
    QJsonObject object{
        {u"name"_s, name},
        {u"role"_s, role},
        {u"enabled"_s, true},
        {u"ipmi"_s, ipmi},
        {u"hash"_s, u"$y$j9T$notreal$notreal"_s},
    };
    if (ipmi)
        object.insert(u"ipmiPassword"_s, u"Stored-Pass-1"_s);
    return object;
}

QByteArray accountsFile(const QJsonArray &accounts, int version = 1)
{
    return QJsonDocument(QJsonObject{{u"version"_s, version}, {u"accounts"_s, accounts}}).toJson();
}

// Collects what the code under test logs, and passes it on to Qt Test's own handler.
class LogCapture
{
public:
    LogCapture()
    {
        s_current = this;
        m_previous = qInstallMessageHandler(&LogCapture::handle);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        s_current = nullptr;
    }
    LogCapture(const LogCapture &) = delete;
    LogCapture &operator=(const LogCapture &) = delete;

    qsizetype count(const QString &text) const
    {
        return std::count_if(m_messages.cbegin(), m_messages.cend(),
                             [&](const QString &message) { return message.contains(text); });
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        s_current->m_messages.append(message);
        if (s_current->m_previous)
            s_current->m_previous(type, context, message);
    }

    static inline LogCapture *s_current = nullptr;
    QtMessageHandler m_previous = nullptr;
    QStringList m_messages;
};

// A state directory with an event log and an account store on it, as the daemon has them.
class Harness
{
public:
    explicit Harness(AccountStore::Policy policy = testPolicy(), const std::optional<QByteArray> &accountsJson = {})
        : m_policy(policy)
    {
        if (!dir.isValid())
            qFatal("cannot create a temporary directory: %s", qPrintable(dir.errorString()));
        log = std::make_unique<EventLog>(dir.path(), EventLog::defaultCapacity);
        if (accountsJson && !writeFile(accountsPath(), *accountsJson))
            qFatal("cannot write %s", qPrintable(accountsPath()));
        start();
    }

    // As after a restart of the daemon: a new store reads the same state directory.
    void restart()
    {
        store.reset();
        start();
    }

    QString accountsPath() const { return dir.filePath(u"accounts.json"_s); }
    QByteArray accountsJson() const { return readFile(accountsPath()); }
    QJsonObject storedAccountJson(const QString &name) const
    {
        const QJsonArray accounts = QJsonDocument::fromJson(accountsJson()).object().value(u"accounts"_s).toArray();
        for (const QJsonValue &value : accounts) {
            if (value.toObject().value(u"name"_s).toString() == name)
                return value.toObject();
        }
        return {};
    }

    qsizetype mark() const { return log->entries().size(); }
    QList<EventLogEntry> entriesSince(qsizetype mark) const { return log->entries().mid(mark); }

    [[nodiscard]] bool created(const QString &name, const QByteArray &password, Role role,
                               IpmiAccess ipmi = IpmiAccess::Disabled)
    {
        return !store->createAccount(name, password, role, ipmi, root);
    }

    QTemporaryDir dir;
    CryptPasswordHasher hasher;
    ManualClock clock;
    std::unique_ptr<EventLog> log;
    std::unique_ptr<AccountStore> store;

private:
    void start() { store = std::make_unique<AccountStore>(dir.path(), &hasher, log.get(), m_policy, clock); }

    AccountStore::Policy m_policy;
};

} // namespace

class tst_AccountStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();

    // First start
    void firstStartCreatesAdministratorWithGeneratedPassword();
    void generatedPasswordIsPendingUntilAcknowledged();
    void passwordChangeEndsPendingPassword_data();
    void passwordChangeEndsPendingPassword();
    void generatedPasswordsAreRandomAndUnambiguous();
    void presetAdministratorPassword_data();
    void presetAdministratorPassword();
    void presetPasswordBreakingTheRulesCreatesNothing_data();
    void presetPasswordBreakingTheRulesCreatesNothing();
    void ensureAdministratorDoesNothingWhenAccountsExist();

    // Changes
    void createAccount();
    void createAccountAtTheLimits_data();
    void createAccountAtTheLimits();
    void createAccountErrors_data();
    void createAccountErrors();
    void removeAccount();
    void setPassword();
    void setPasswordErrors_data();
    void setPasswordErrors();
    void setRole();
    void setEnabled();
    void setIpmiAccess();
    void setIpmiAccessErrors_data();
    void setIpmiAccessErrors();
    void lastEnabledAdministratorStays();
    void errorTextForEveryError();

    // Logins
    void authenticate_data();
    void authenticate();
    void failedLoginIsLogged_data();
    void failedLoginIsLogged();
    void lockoutAfterThresholdEvenWithTheRightPassword();
    void lockoutEndsAfterTheDuration();
    void successResetsTheFailureCount();
    void zeroThresholdNeverLocks();
    void unknownUsersAreNeverTracked();
    void ipmiLoginRecords();
    void ipmiPasswordOnlyForEnabledIpmiAccounts();
    void aFloodOfFailedLoginsLeavesTheHistory();

    // Persistence
    void reloadKeepsAccountsHashesAndIpmiPasswords();
    void ipmiPasswordBytesSurviveReload_data();
    void ipmiPasswordBytesSurviveReload();
    void accountsFileIsOwnerOnly();
    void handWrittenFileLoads();
    void damagedFileIsKeptAside_data();
    void damagedFileIsKeptAside();
    void damagedFileIsReplacedByItsLastGoodCopy();
    void newerFileIsLeftUntouched();

    // Ids (IPMI user IDs, Redfish account Ids)
    void idsAreTheLowestFreeAndPersist();
    void createAtARequestedId_data();
    void createAtARequestedId();
    void atMostFifteenAccounts();
    void idsInDamagedFiles_data();
    void idsInDamagedFiles();
    void renameKeepsTheIdAndTheLogin();
    void renameErrors_data();
    void renameErrors();
    void passwordFileAccountsGetIds();

    // SSH public keys
    void sshKeysAreAddedListedAndRemoved();
    void sshKeyRefusals();
    void sshKeysPersistAndRaiseTheFormat();
    void sshKeyCheckOfTheFaceApplies();

    // PiKVM password file
    void passwordFileAccountsAreIpmiAdministrators();
    void passwordFileAccountShadowsStoredAccount();
    void passwordFileAccountsCannotBeChanged();
    void passwordFileAccountsAreNeverSaved();
    void replacingPasswordFileAccountsSignalsEveryName();

    // Recovery at the screen
    void recoveryResetsTheLockedOutAdministrator();
    void recoveryPrefersAnEnabledAdministrator();
    void recoveryRecreatesAnAdministratorWhenNoneIsLeft();
};

void tst_AccountStore::initTestCase()
{
    // The event log echoes every entry; the tests read the log itself.
    QLoggingCategory::setFilterRules(u"qbmc.events=false"_s);
}

// ---------------------------------------------------------------------------------------------
// First start

void tst_AccountStore::firstStartCreatesAdministratorWithGeneratedPassword()
{
    Harness h;
    QVERIFY(h.store->accounts().isEmpty());
    QVERIFY(h.store->pendingInitialPassword().isEmpty());
    QSignalSpy accountsChanged(h.store.get(), &AccountStore::accountsChanged);
    QSignalSpy credentialsChanged(h.store.get(), &AccountStore::credentialsChanged);

    QString password;
    {
        LogCapture capture;
        QCOMPARE(h.store->ensureAdministrator(), std::nullopt);
        password = h.store->pendingInitialPassword();
        QVERIFY(!password.isEmpty());
        // Logged once, for whoever reads the daemon's log at first start.
        QCOMPARE(capture.count(password), 1);
    }

    QCOMPARE(password.size(), 16);
    for (const QChar c : password)
        QVERIFY2(generatedAlphabet.contains(c), qPrintable(password));

    const QList<Account> accounts = h.store->accounts();
    QCOMPARE(accounts.size(), 1);
    const Account &account = accounts.first();
    QCOMPARE(account.name, admin);
    QCOMPARE(RoleNames::toString(account.role), u"Administrator"_s);
    QVERIFY(account.enabled);
    QVERIFY(account.ipmiEnabled);
    QCOMPARE(account.source, Account::Source::Store);
    QVERIFY(!account.weakPassword);
    QVERIFY(account.passwordHash.startsWith("$y$"));
    QVERIFY(!account.passwordHash.contains(password.toLatin1()));

    QCOMPARE(ipmiPasswordOf(*h.store, admin), password.toLatin1());
    QCOMPARE(h.store->authenticate(admin, password.toLatin1(), Origin::Screen, {}), LoginResult::Success);

    QCOMPARE(accountsChanged.size(), 1);
    QCOMPARE(namesSignalled(credentialsChanged), QStringList{admin});

    // The event log says what happened, never the password: every face shows it to other users.
    QVERIFY(h.log->count() >= 1);
    QVERIFY(!anyEntryContains(*h.log, password));
    h.log->flush();
    const QByteArray eventLogFile = readFile(h.dir.filePath(u"eventlog.jsonl"_s));
    QVERIFY(!eventLogFile.isEmpty());
    QVERIFY(!eventLogFile.contains(password.toLatin1()));
}

void tst_AccountStore::generatedPasswordIsPendingUntilAcknowledged()
{
    Harness h;
    QCOMPARE(h.store->ensureAdministrator(), std::nullopt);
    const QString password = h.store->pendingInitialPassword();
    QCOMPARE(password.size(), 16);

    h.restart();
    QCOMPARE(h.store->pendingInitialPassword(), password);
    QCOMPARE(ipmiPasswordOf(*h.store, admin), password.toLatin1());
    QCOMPARE(h.store->authenticate(admin, password.toLatin1(), Origin::Redfish, address), LoginResult::Success);

    const qsizetype mark = h.mark();
    h.store->acknowledgeInitialPassword(Actor::screen());
    QVERIFY(h.store->pendingInitialPassword().isEmpty());
    const QList<EventLogEntry> entries = h.entriesSince(mark).mid(0, 1);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().actor, Actor::screen());
    QVERIFY(!entries.first().message.contains(password));

    // A second acknowledgement has nothing to record.
    h.store->acknowledgeInitialPassword(Actor::screen());
    QCOMPARE(h.mark(), mark + 1);

    // Acknowledged stays acknowledged; the password itself is unchanged.
    h.restart();
    QVERIFY(h.store->pendingInitialPassword().isEmpty());
    QCOMPARE(h.store->authenticate(admin, password.toLatin1(), Origin::Redfish, address), LoginResult::Success);
    QVERIFY(!anyEntryContains(*h.log, password));
}

void tst_AccountStore::passwordChangeEndsPendingPassword_data()
{
    QTest::addColumn<bool>("throughIpmiAccess");

    QTest::newRow("setPassword") << false;
    QTest::newRow("setIpmiAccess") << true;
}

void tst_AccountStore::passwordChangeEndsPendingPassword()
{
    QFETCH(bool, throughIpmiAccess);

    Harness h;
    QCOMPARE(h.store->ensureAdministrator(), std::nullopt);
    const QString generated = h.store->pendingInitialPassword();
    QVERIFY(!generated.isEmpty());

    const QByteArray changed = "Changed-Pass-1";
    if (throughIpmiAccess)
        QCOMPARE(h.store->setIpmiAccess(admin, IpmiAccess::Enabled, changed, root), std::nullopt);
    else
        QCOMPARE(h.store->setPassword(admin, changed, root), std::nullopt);

    // The screen must not go on showing a password that no longer works.
    QVERIFY(h.store->pendingInitialPassword().isEmpty());
    QCOMPARE(h.store->authenticate(admin, generated.toLatin1(), Origin::Screen, {}), LoginResult::BadCredentials);
    QCOMPARE(h.store->authenticate(admin, changed, Origin::Screen, {}), LoginResult::Success);
    QCOMPARE(ipmiPasswordOf(*h.store, admin), changed);

    h.restart();
    QVERIFY(h.store->pendingInitialPassword().isEmpty());
    QCOMPARE(ipmiPasswordOf(*h.store, admin), changed);
    QCOMPARE(h.store->authenticate(admin, changed, Origin::Screen, {}), LoginResult::Success);
    QVERIFY(!anyEntryContains(*h.log, generated));
    QVERIFY(!anyEntryContains(*h.log, QString::fromLatin1(changed)));
}

void tst_AccountStore::generatedPasswordsAreRandomAndUnambiguous()
{
    QSet<QString> seen;
    for (int i = 0; i < 200; ++i) {
        const QString password = AccountStore::generatePassword();
        QCOMPARE(password.size(), 16);
        for (const QChar c : password)
            QVERIFY2(generatedAlphabet.contains(c), qPrintable(password));
        seen.insert(password);
    }
    QCOMPARE(seen.size(), 200);
    for (const QChar lookAlike : u"0O1lI"_s)
        QVERIFY(!generatedAlphabet.contains(lookAlike));
}

void tst_AccountStore::presetAdministratorPassword_data()
{
    QTest::addColumn<QByteArray>("password");

    QTest::newRow("typical") << adminPassword;
    QTest::newRow("8 characters") << QByteArray("Abcdef-1");
    QTest::newRow("20 bytes") << QByteArray(20, 'p');
    QTest::newRow("UTF-8") << u"Grüße-123"_s.toUtf8();
}

void tst_AccountStore::presetAdministratorPassword()
{
    QFETCH(QByteArray, password);

    Harness h;
    QSignalSpy accountsChanged(h.store.get(), &AccountStore::accountsChanged);
    QCOMPARE(h.store->ensureAdministrator(password), std::nullopt);
    QVERIFY(h.store->pendingInitialPassword().isEmpty());
    QCOMPARE(accountsChanged.size(), 1);

    const std::optional<Account> account = h.store->account(admin);
    QVERIFY(account);
    QCOMPARE(RoleNames::toString(account->role), u"Administrator"_s);
    QVERIFY(account->enabled);
    QVERIFY(account->ipmiEnabled);
    QCOMPARE(ipmiPasswordOf(*h.store, admin), password);
    QCOMPARE(h.store->authenticate(admin, password, Origin::Redfish, address), LoginResult::Success);
    QVERIFY(!anyEntryContains(*h.log, QString::fromUtf8(password)));

    h.restart();
    QVERIFY(h.store->pendingInitialPassword().isEmpty());
    QCOMPARE(ipmiPasswordOf(*h.store, admin), password);
    QCOMPARE(h.store->authenticate(admin, password, Origin::Redfish, address), LoginResult::Success);
}

void tst_AccountStore::presetPasswordBreakingTheRulesCreatesNothing_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<Error>("error");

    QTest::newRow("7 characters") << QByteArray("Short-1") << Error::PasswordTooShort;
    QTest::newRow("21 bytes") << QByteArray(21, 'p') << Error::PasswordTooLongForIpmi;
    QTest::newRow("22 bytes in 11 characters") << u"ääääääääääa"_s.toUtf8() << Error::PasswordTooLongForIpmi;
    QTest::newRow("65 bytes") << QByteArray(65, 'p') << Error::PasswordTooLong;
    QTest::newRow("newline") << QByteArray("Admin-Pass-1\n") << Error::InvalidPassword;
}

void tst_AccountStore::presetPasswordBreakingTheRulesCreatesNothing()
{
    QFETCH(QByteArray, password);
    QFETCH(Error, error);

    Harness h;
    QSignalSpy accountsChanged(h.store.get(), &AccountStore::accountsChanged);
    QCOMPARE(h.store->ensureAdministrator(password), error);
    QVERIFY(h.store->accounts().isEmpty());
    QVERIFY(h.store->pendingInitialPassword().isEmpty());
    QVERIFY(!QFile::exists(h.accountsPath()));
    QCOMPARE(accountsChanged.size(), 0);

    // Nothing was half done: a valid preset still makes the first administrator.
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QCOMPARE(names(h.store->accounts()), QStringList{admin});
}

void tst_AccountStore::ensureAdministratorDoesNothingWhenAccountsExist()
{
    {
        Harness h;
        QCOMPARE(h.store->ensureAdministrator(), std::nullopt);
        const QString password = h.store->pendingInitialPassword();
        const QStringList before = describe(h.store->accounts());
        QSignalSpy accountsChanged(h.store.get(), &AccountStore::accountsChanged);
        const qsizetype mark = h.mark();

        QCOMPARE(h.store->ensureAdministrator(), std::nullopt);
        QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
        QCOMPARE(describe(h.store->accounts()), before);
        QCOMPARE(h.store->pendingInitialPassword(), password);
        QCOMPARE(accountsChanged.size(), 0);
        QCOMPARE(h.mark(), mark);

        // Nor after a restart.
        h.restart();
        QCOMPARE(h.store->ensureAdministrator(), std::nullopt);
        QCOMPARE(describe(h.store->accounts()), before);
        QCOMPARE(h.store->pendingInitialPassword(), password);
    }
    {
        // Any account counts, even one that is not an administrator, and the preset is not checked.
        Harness h;
        QVERIFY(h.created(alice, alicePassword, Role::ReadOnly));
        QCOMPARE(h.store->ensureAdministrator(), std::nullopt);
        QCOMPARE(h.store->ensureAdministrator("short"), std::nullopt);
        QCOMPARE(names(h.store->accounts()), QStringList{alice});
        QVERIFY(h.store->pendingInitialPassword().isEmpty());
    }
}

// ---------------------------------------------------------------------------------------------
// Changes

void tst_AccountStore::createAccount()
{
    Harness h;
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QSignalSpy accountsChanged(h.store.get(), &AccountStore::accountsChanged);
    QSignalSpy credentialsChanged(h.store.get(), &AccountStore::credentialsChanged);
    const qsizetype mark = h.mark();

    QCOMPARE(h.store->createAccount(alice, alicePassword, Role::Operator, IpmiAccess::Disabled, root), std::nullopt);
    std::optional<Account> account = h.store->account(alice);
    QVERIFY(account);
    QCOMPARE(account->name, alice);
    QCOMPARE(RoleNames::toString(account->role), u"Operator"_s);
    QVERIFY(account->enabled);
    QVERIFY(!account->ipmiEnabled);
    QCOMPARE(account->source, Account::Source::Store);
    QVERIFY(!account->weakPassword);
    QVERIFY(account->passwordHash.startsWith("$y$"));
    QVERIFY(account->ipmiPassword.isEmpty());
    QVERIFY(!h.store->ipmiPassword(alice));
    QVERIFY(!h.accountsJson().contains(alicePassword));
    QCOMPARE(h.store->authenticate(alice, alicePassword, Origin::Redfish, address), LoginResult::Success);
    QCOMPARE(accountsChanged.size(), 1);
    QCOMPARE(namesSignalled(credentialsChanged), QStringList{alice});

    QList<EventLogEntry> entries = h.entriesSince(mark);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().severity, Severity::Info);
    QCOMPARE(entries.first().actor, root);
    QVERIFY(entries.first().message.contains(alice));
    QVERIFY(!entries.first().message.contains(QString::fromLatin1(alicePassword)));

    const Actor ipmiAdmin = Actor::ipmi(admin);
    QCOMPARE(h.store->createAccount(bob, bobPassword, Role::ReadOnly, IpmiAccess::Enabled, ipmiAdmin), std::nullopt);
    account = h.store->account(bob);
    QVERIFY(account);
    QCOMPARE(RoleNames::toString(account->role), u"ReadOnly"_s);
    QVERIFY(account->ipmiEnabled);
    QCOMPARE(account->ipmiPassword, bobPassword);
    QCOMPARE(ipmiPasswordOf(*h.store, bob), bobPassword);
    QCOMPARE(h.entriesSince(mark).size(), 2);
    QCOMPARE(h.entriesSince(mark).last().actor, ipmiAdmin);
    QVERIFY(h.entriesSince(mark).last().message.contains(bob));
    QVERIFY(!anyEntryContains(*h.log, QString::fromLatin1(bobPassword)));
    QCOMPARE(accountsChanged.size(), 2);
    QCOMPARE(namesSignalled(credentialsChanged), (QStringList{alice, bob}));

    QCOMPARE(names(h.store->accounts()), (QStringList{admin, alice, bob}));
}

void tst_AccountStore::createAccountAtTheLimits_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<bool>("ipmi");

    QTest::newRow("16-character name") << u"abcdefghijklmnop"_s << alicePassword << false;
    QTest::newRow("1-character name") << u"a"_s << alicePassword << false;
    QTest::newRow("leading underscore") << u"_svc"_s << alicePassword << false;
    QTest::newRow("digits, dot, dash") << u"ops-2.b_9"_s << alicePassword << false;
    QTest::newRow("8 characters") << alice << QByteArray("Abcdef-1") << false;
    QTest::newRow("8 characters in 16 bytes") << alice << u"ääääääää"_s.toUtf8() << false;
    QTest::newRow("64 bytes") << alice << QByteArray(64, 'p') << false;
    QTest::newRow("20 bytes, IPMI") << alice << QByteArray(20, 'p') << true;
    QTest::newRow("spaces and symbols") << alice << QByteArray(" !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~") << false;
}

void tst_AccountStore::createAccountAtTheLimits()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, password);
    QFETCH(bool, ipmi);

    Harness h;
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QCOMPARE(
        h.store->createAccount(name, password, Role::ReadOnly, ipmi ? IpmiAccess::Enabled : IpmiAccess::Disabled, root),
        std::nullopt);
    QCOMPARE(h.store->authenticate(name, password, Origin::Redfish, address), LoginResult::Success);
    QCOMPARE(h.store->ipmiPassword(name).has_value(), ipmi);

    h.restart();
    QCOMPARE(h.store->authenticate(name, password, Origin::Redfish, address), LoginResult::Success);
    if (ipmi)
        QCOMPARE(ipmiPasswordOf(*h.store, name), password);
}

void tst_AccountStore::createAccountErrors_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<bool>("ipmi");
    QTest::addColumn<Error>("error");

    QTest::newRow("empty name") << QString() << alicePassword << false << Error::InvalidName;
    QTest::newRow("17-character name") << u"abcdefghijklmnopq"_s << alicePassword << false << Error::InvalidName;
    QTest::newRow("leading dash") << u"-alice"_s << alicePassword << false << Error::InvalidName;
    QTest::newRow("leading dot") << u".alice"_s << alicePassword << false << Error::InvalidName;
    QTest::newRow("space") << u"al ice"_s << alicePassword << false << Error::InvalidName;
    QTest::newRow("colon") << u"al:ice"_s << alicePassword << false << Error::InvalidName;
    QTest::newRow("slash") << u"al/ice"_s << alicePassword << false << Error::InvalidName;
    QTest::newRow("trailing newline") << u"alice\n"_s << alicePassword << false << Error::InvalidName;
    QTest::newRow("inner newline") << u"al\nice"_s << alicePassword << false << Error::InvalidName;
    QTest::newRow("non-ASCII") << u"älice"_s << alicePassword << false << Error::InvalidName;
    QTest::newRow("existing") << admin << alicePassword << false << Error::AccountExists;
    QTest::newRow("empty password") << alice << QByteArray() << false << Error::PasswordTooShort;
    QTest::newRow("7 characters") << alice << QByteArray("Short-1") << false << Error::PasswordTooShort;
    QTest::newRow("7 characters in 14 bytes") << alice << u"äääääää"_s.toUtf8() << false << Error::PasswordTooShort;
    QTest::newRow("65 bytes") << alice << QByteArray(65, 'p') << false << Error::PasswordTooLong;
    QTest::newRow("65 bytes, IPMI") << alice << QByteArray(65, 'p') << true << Error::PasswordTooLong;
    QTest::newRow("21 bytes, IPMI") << alice << QByteArray(21, 'p') << true << Error::PasswordTooLongForIpmi;
    QTest::newRow("22 bytes in 11 characters, IPMI")
        << alice << u"ääääääääääa"_s.toUtf8() << true << Error::PasswordTooLongForIpmi;
    QTest::newRow("tab") << alice << QByteArray("Alice\tPass-1") << false << Error::InvalidPassword;
    QTest::newRow("NUL") << alice << QByteArray("Alice-Pass\0-1", 13) << false << Error::InvalidPassword;
    QTest::newRow("DEL") << alice << QByteArray("Alice-Pass\x7f-1") << false << Error::InvalidPassword;
    QTest::newRow("escape, IPMI") << alice << QByteArray("\x1b[2JAlice-1") << true << Error::InvalidPassword;
}

void tst_AccountStore::createAccountErrors()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, password);
    QFETCH(bool, ipmi);
    QFETCH(Error, error);

    Harness h;
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    const QStringList before = describe(h.store->accounts());
    const QByteArray fileBefore = h.accountsJson();
    QSignalSpy accountsChanged(h.store.get(), &AccountStore::accountsChanged);
    QSignalSpy credentialsChanged(h.store.get(), &AccountStore::credentialsChanged);
    const qsizetype mark = h.mark();

    QCOMPARE(
        h.store->createAccount(name, password, Role::Operator, ipmi ? IpmiAccess::Enabled : IpmiAccess::Disabled, root),
        error);
    QCOMPARE(describe(h.store->accounts()), before);
    QCOMPARE(h.accountsJson(), fileBefore);
    QCOMPARE(accountsChanged.size(), 0);
    QCOMPARE(credentialsChanged.size(), 0);
    QCOMPARE(h.mark(), mark);
}

void tst_AccountStore::removeAccount()
{
    Harness h;
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QVERIFY(h.created(alice, alicePassword, Role::Operator, IpmiAccess::Enabled));
    QSignalSpy accountsChanged(h.store.get(), &AccountStore::accountsChanged);
    QSignalSpy credentialsChanged(h.store.get(), &AccountStore::credentialsChanged);
    const qsizetype mark = h.mark();
    const Actor actor = Actor::screen(admin);

    QCOMPARE(h.store->removeAccount(alice, actor), std::nullopt);
    QVERIFY(!h.store->account(alice));
    QVERIFY(!h.store->ipmiPassword(alice));
    QCOMPARE(names(h.store->accounts()), QStringList{admin});
    QCOMPARE(accountsChanged.size(), 1);
    QCOMPARE(namesSignalled(credentialsChanged), QStringList{alice});
    QList<EventLogEntry> entries = h.entriesSince(mark);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().severity, Severity::Info);
    QCOMPARE(entries.first().actor, actor);
    QVERIFY(entries.first().message.contains(alice));
    QCOMPARE(h.store->authenticate(alice, alicePassword, Origin::Redfish, address), LoginResult::BadCredentials);
    QVERIFY(!h.accountsJson().contains(alicePassword));

    QCOMPARE(h.store->removeAccount(alice, actor), Error::NoSuchAccount);
    QCOMPARE(h.store->removeAccount(QString(), actor), Error::NoSuchAccount);
    QCOMPARE(h.store->removeAccount(u"bad name!"_s, actor), Error::NoSuchAccount);
    QCOMPARE(accountsChanged.size(), 1);

    h.restart();
    QCOMPARE(names(h.store->accounts()), QStringList{admin});

    // The name can be used again, with a new password.
    QVERIFY(h.created(alice, bobPassword, Role::ReadOnly));
    QCOMPARE(h.store->authenticate(alice, alicePassword, Origin::Redfish, address), LoginResult::BadCredentials);
    QCOMPARE(h.store->authenticate(alice, bobPassword, Origin::Redfish, address), LoginResult::Success);
}

void tst_AccountStore::setPassword()
{
    Harness h;
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QVERIFY(h.created(alice, alicePassword, Role::Operator, IpmiAccess::Enabled));
    QVERIFY(h.created(carol, alicePassword, Role::ReadOnly));
    QSignalSpy accountsChanged(h.store.get(), &AccountStore::accountsChanged);
    QSignalSpy credentialsChanged(h.store.get(), &AccountStore::credentialsChanged);
    const qsizetype mark = h.mark();
    const Actor actor = Actor::ipmi(admin);
    const QByteArray newPassword = "New-Alice-22";

    QCOMPARE(h.store->setPassword(alice, newPassword, actor), std::nullopt);
    QCOMPARE(h.store->authenticate(alice, alicePassword, Origin::Redfish, address), LoginResult::BadCredentials);
    QCOMPARE(h.store->authenticate(alice, newPassword, Origin::Redfish, address), LoginResult::Success);
    QCOMPARE(ipmiPasswordOf(*h.store, alice), newPassword);
    QCOMPARE(accountsChanged.size(), 1);
    QCOMPARE(namesSignalled(credentialsChanged), QStringList{alice});
    QList<EventLogEntry> entries = h.entriesSince(mark);
    QVERIFY(entries.size() >= 1);
    QCOMPARE(entries.first().severity, Severity::Info);
    QCOMPARE(entries.first().actor, actor);
    QVERIFY(entries.first().message.contains(alice));
    QVERIFY(!anyEntryContains(*h.log, QString::fromLatin1(newPassword)));
    QVERIFY(!anyEntryContains(*h.log, QString::fromLatin1(alicePassword)));

    // Without IPMI access the IPMI limit does not apply, and nothing is kept but the hash.
    const QByteArray longPassword(40, 'q');
    QCOMPARE(h.store->setPassword(carol, longPassword, root), std::nullopt);
    QCOMPARE(h.store->authenticate(carol, longPassword, Origin::Redfish, address), LoginResult::Success);
    QVERIFY(!h.store->ipmiPassword(carol));
    QVERIFY(!h.accountsJson().contains(longPassword));

    h.restart();
    QCOMPARE(ipmiPasswordOf(*h.store, alice), newPassword);
    QCOMPARE(h.store->authenticate(alice, newPassword, Origin::Redfish, address), LoginResult::Success);
    QCOMPARE(h.store->authenticate(carol, longPassword, Origin::Redfish, address), LoginResult::Success);
}

void tst_AccountStore::setPasswordErrors_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<Error>("error");

    QTest::newRow("unknown") << u"nobody"_s << bobPassword << Error::NoSuchAccount;
    QTest::newRow("invalid name") << u"-x"_s << bobPassword << Error::NoSuchAccount;
    QTest::newRow("empty") << alice << QByteArray() << Error::PasswordTooShort;
    QTest::newRow("7 characters") << alice << QByteArray("Short-1") << Error::PasswordTooShort;
    QTest::newRow("65 bytes") << alice << QByteArray(65, 'p') << Error::PasswordTooLong;
    QTest::newRow("65 bytes, no IPMI") << carol << QByteArray(65, 'p') << Error::PasswordTooLong;
    QTest::newRow("21 bytes, IPMI") << alice << QByteArray(21, 'p') << Error::PasswordTooLongForIpmi;
    QTest::newRow("carriage return") << alice << QByteArray("Alice-Pass-2\r") << Error::InvalidPassword;
}

void tst_AccountStore::setPasswordErrors()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, password);
    QFETCH(Error, error);

    Harness h;
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QVERIFY(h.created(alice, alicePassword, Role::Operator, IpmiAccess::Enabled));
    QVERIFY(h.created(carol, alicePassword, Role::Operator));
    const QStringList before = describe(h.store->accounts());
    QSignalSpy accountsChanged(h.store.get(), &AccountStore::accountsChanged);
    QSignalSpy credentialsChanged(h.store.get(), &AccountStore::credentialsChanged);
    const qsizetype mark = h.mark();

    QCOMPARE(h.store->setPassword(name, password, root), error);
    QCOMPARE(describe(h.store->accounts()), before);
    QCOMPARE(accountsChanged.size(), 0);
    QCOMPARE(credentialsChanged.size(), 0);
    QCOMPARE(h.mark(), mark);
    QCOMPARE(h.store->authenticate(alice, alicePassword, Origin::Redfish, address), LoginResult::Success);
}

void tst_AccountStore::setRole()
{
    Harness h;
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QVERIFY(h.created(alice, alicePassword, Role::Operator));
    QSignalSpy accountsChanged(h.store.get(), &AccountStore::accountsChanged);
    QSignalSpy credentialsChanged(h.store.get(), &AccountStore::credentialsChanged);
    const qsizetype mark = h.mark();

    QCOMPARE(h.store->setRole(alice, Role::ReadOnly, root), std::nullopt);
    QCOMPARE(RoleNames::toString(h.store->account(alice)->role), u"ReadOnly"_s);
    QCOMPARE(accountsChanged.size(), 1);
    QCOMPARE(namesSignalled(credentialsChanged), QStringList{alice});
    QCOMPARE(h.entriesSince(mark).size(), 1);
    QCOMPARE(h.entriesSince(mark).first().actor, root);
    QVERIFY(h.entriesSince(mark).first().message.contains(alice));

    // The same role again changes nothing.
    QCOMPARE(h.store->setRole(alice, Role::ReadOnly, root), std::nullopt);
    QCOMPARE(accountsChanged.size(), 1);
    QCOMPARE(h.mark(), mark + 1);

    QCOMPARE(h.store->setRole(alice, Role::Administrator, root), std::nullopt);
    QCOMPARE(RoleNames::toString(h.store->account(alice)->role), u"Administrator"_s);
    QCOMPARE(accountsChanged.size(), 2);

    QCOMPARE(h.store->setRole(u"nobody"_s, Role::Operator, root), Error::NoSuchAccount);
    QCOMPARE(accountsChanged.size(), 2);

    h.restart();
    QCOMPARE(RoleNames::toString(h.store->account(alice)->role), u"Administrator"_s);
    // Two enabled administrators now: either may be demoted.
    QCOMPARE(h.store->setRole(admin, Role::Operator, root), std::nullopt);
    QCOMPARE(RoleNames::toString(h.store->account(admin)->role), u"Operator"_s);
}

void tst_AccountStore::setEnabled()
{
    Harness h;
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QVERIFY(h.created(alice, alicePassword, Role::Operator, IpmiAccess::Enabled));
    QSignalSpy accountsChanged(h.store.get(), &AccountStore::accountsChanged);
    QSignalSpy credentialsChanged(h.store.get(), &AccountStore::credentialsChanged);
    const qsizetype mark = h.mark();

    QCOMPARE(h.store->setEnabled(alice, false, root), std::nullopt);
    QVERIFY(!h.store->account(alice)->enabled);
    QCOMPARE(h.store->authenticate(alice, alicePassword, Origin::Redfish, address), LoginResult::Disabled);
    QVERIFY(!h.store->ipmiPassword(alice));
    QCOMPARE(accountsChanged.size(), 1);
    QCOMPARE(namesSignalled(credentialsChanged), QStringList{alice});
    QCOMPARE(h.entriesSince(mark).size(), 1);
    QCOMPARE(h.entriesSince(mark).first().actor, root);
    QVERIFY(h.entriesSince(mark).first().message.contains(alice));

    QCOMPARE(h.store->setEnabled(alice, false, root), std::nullopt);
    QCOMPARE(accountsChanged.size(), 1);

    h.restart();
    QVERIFY(!h.store->account(alice)->enabled);
    QCOMPARE(h.store->authenticate(alice, alicePassword, Origin::Redfish, address), LoginResult::Disabled);
    QSignalSpy afterRestart(h.store.get(), &AccountStore::accountsChanged);

    QCOMPARE(h.store->setEnabled(alice, true, root), std::nullopt);
    QVERIFY(h.store->account(alice)->enabled);
    QCOMPARE(afterRestart.size(), 1);
    QCOMPARE(h.store->authenticate(alice, alicePassword, Origin::Redfish, address), LoginResult::Success);
    QCOMPARE(ipmiPasswordOf(*h.store, alice), alicePassword);

    QCOMPARE(h.store->setEnabled(u"nobody"_s, false, root), Error::NoSuchAccount);
    QCOMPARE(h.store->setEnabled(u"nobody"_s, true, root), Error::NoSuchAccount);
}

void tst_AccountStore::setIpmiAccess()
{
    Harness h;
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QVERIFY(h.created(alice, alicePassword, Role::Operator, IpmiAccess::Enabled));
    QVERIFY(h.accountsJson().contains(alicePassword));
    QSignalSpy accountsChanged(h.store.get(), &AccountStore::accountsChanged);
    QSignalSpy credentialsChanged(h.store.get(), &AccountStore::credentialsChanged);
    const qsizetype mark = h.mark();

    // Disabling forgets the recoverable copy, in memory and on disk; the hash stays.
    QCOMPARE(h.store->setIpmiAccess(alice, IpmiAccess::Disabled, {}, root), std::nullopt);
    QVERIFY(!h.store->ipmiPassword(alice));
    QVERIFY(!h.store->account(alice)->ipmiEnabled);
    QVERIFY(h.store->account(alice)->ipmiPassword.isEmpty());
    QVERIFY(!h.accountsJson().contains(alicePassword));
    const QJsonObject stored = h.storedAccountJson(alice);
    QVERIFY(!stored.isEmpty());
    QVERIFY(!stored.contains(u"ipmiPassword"_s));
    QCOMPARE(h.store->authenticate(alice, alicePassword, Origin::Redfish, address), LoginResult::Success);
    QCOMPARE(accountsChanged.size(), 1);
    QCOMPARE(namesSignalled(credentialsChanged), QStringList{alice});
    QCOMPARE(h.entriesSince(mark).size(), 1);
    QCOMPARE(h.entriesSince(mark).first().actor, root);

    QCOMPARE(h.store->setIpmiAccess(alice, IpmiAccess::Disabled, {}, root), std::nullopt);
    QCOMPARE(accountsChanged.size(), 1);

    h.restart();
    QVERIFY(!h.store->ipmiPassword(alice));
    QVERIFY(!h.store->account(alice)->ipmiEnabled);
    QSignalSpy afterRestart(h.store.get(), &AccountStore::credentialsChanged);

    // Enabling sets the one password of the account.
    const QByteArray ipmiPassword = "Alice-Ipmi-2";
    QCOMPARE(h.store->setIpmiAccess(alice, IpmiAccess::Enabled, ipmiPassword, Actor::screen(admin)), std::nullopt);
    QVERIFY(h.store->account(alice)->ipmiEnabled);
    QCOMPARE(ipmiPasswordOf(*h.store, alice), ipmiPassword);
    QCOMPARE(h.store->authenticate(alice, ipmiPassword, Origin::Redfish, address), LoginResult::Success);
    QCOMPARE(h.store->authenticate(alice, alicePassword, Origin::Redfish, address), LoginResult::BadCredentials);
    QCOMPARE(namesSignalled(afterRestart), QStringList{alice});
    QVERIFY(!anyEntryContains(*h.log, QString::fromLatin1(ipmiPassword)));

    h.restart();
    QCOMPARE(ipmiPasswordOf(*h.store, alice), ipmiPassword);
}

void tst_AccountStore::setIpmiAccessErrors_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<Error>("error");

    QTest::newRow("no password") << carol << QByteArray() << Error::IpmiNeedsPassword;
    QTest::newRow("unknown") << u"nobody"_s << bobPassword << Error::NoSuchAccount;
    QTest::newRow("7 characters") << carol << QByteArray("Short-1") << Error::PasswordTooShort;
    QTest::newRow("21 bytes") << carol << QByteArray(21, 'p') << Error::PasswordTooLongForIpmi;
    QTest::newRow("65 bytes") << carol << QByteArray(65, 'p') << Error::PasswordTooLong;
    QTest::newRow("control character") << carol << QByteArray("Carol\x01Pass-1") << Error::InvalidPassword;
}

void tst_AccountStore::setIpmiAccessErrors()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, password);
    QFETCH(Error, error);

    Harness h;
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QVERIFY(h.created(carol, alicePassword, Role::Operator));
    const QStringList before = describe(h.store->accounts());
    QSignalSpy accountsChanged(h.store.get(), &AccountStore::accountsChanged);
    const qsizetype mark = h.mark();

    QCOMPARE(h.store->setIpmiAccess(name, IpmiAccess::Enabled, password, root), error);
    QCOMPARE(describe(h.store->accounts()), before);
    QVERIFY(!h.store->ipmiPassword(carol));
    QCOMPARE(accountsChanged.size(), 0);
    QCOMPARE(h.mark(), mark);
    QCOMPARE(h.store->authenticate(carol, alicePassword, Origin::Redfish, address), LoginResult::Success);

    if (name == carol)
        return;
    QCOMPARE(h.store->setIpmiAccess(name, IpmiAccess::Disabled, {}, root), error);
}

void tst_AccountStore::lastEnabledAdministratorStays()
{
    Harness h;
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QSignalSpy accountsChanged(h.store.get(), &AccountStore::accountsChanged);
    const qsizetype mark = h.mark();

    const auto refusedForAdmin = [&] {
        return h.store->removeAccount(admin, root) == Error::LastAdministrator
            && h.store->setEnabled(admin, false, root) == Error::LastAdministrator
            && h.store->setRole(admin, Role::Operator, root) == Error::LastAdministrator
            && h.store->setRole(admin, Role::ReadOnly, root) == Error::LastAdministrator;
    };

    QVERIFY(refusedForAdmin());
    QCOMPARE(accountsChanged.size(), 0);
    QCOMPARE(h.mark(), mark);
    const std::optional<Account> account = h.store->account(admin);
    QVERIFY(account);
    QVERIFY(account->enabled);
    QCOMPARE(RoleNames::toString(account->role), u"Administrator"_s);

    // Other accounts are not administrators; a disabled administrator does not count either.
    QVERIFY(h.created(alice, alicePassword, Role::Operator));
    QVERIFY(h.created(bob, bobPassword, Role::Administrator));
    QCOMPARE(h.store->setEnabled(bob, false, root), std::nullopt);
    QVERIFY(refusedForAdmin());

    // With a second enabled administrator the first may go, and then the second is the last.
    QCOMPARE(h.store->setEnabled(bob, true, root), std::nullopt);
    QCOMPARE(h.store->setRole(admin, Role::Operator, root), std::nullopt);
    QCOMPARE(h.store->removeAccount(bob, root), Error::LastAdministrator);
    QCOMPARE(h.store->setEnabled(bob, false, root), Error::LastAdministrator);
    QCOMPARE(h.store->setRole(bob, Role::ReadOnly, root), Error::LastAdministrator);
    // Keeping a role is no change, and promoting is always allowed.
    QCOMPARE(h.store->setRole(bob, Role::Administrator, root), std::nullopt);
    QCOMPARE(h.store->setRole(admin, Role::Administrator, root), std::nullopt);
    QCOMPARE(h.store->removeAccount(bob, root), std::nullopt);
    QCOMPARE(h.store->removeAccount(admin, root), Error::LastAdministrator);
    // A disabled administrator may be demoted or removed; the rule is about enabled ones.
    QVERIFY(h.created(bob, bobPassword, Role::Administrator));
    QCOMPARE(h.store->setEnabled(bob, false, root), std::nullopt);
    QCOMPARE(h.store->setRole(bob, Role::ReadOnly, root), std::nullopt);
    QCOMPARE(h.store->removeAccount(bob, root), std::nullopt);
}

void tst_AccountStore::errorTextForEveryError()
{
    Harness h;
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QVERIFY(h.created(alice, alicePassword, Role::Operator, IpmiAccess::Enabled));
    QVERIFY(h.created(carol, alicePassword, Role::Operator));
    // Every refusal an account change can meet, provoked for real; the password file's
    // administrator comes last, so that admin is the last enabled administrator until then.
    QList<std::optional<Failure>> refusals{
        h.store->setPassword(u"nobody"_s, alicePassword, root),
        h.store->createAccount(alice, alicePassword, Role::Operator, IpmiAccess::Disabled, root),
        h.store->createAccount(u"-x"_s, alicePassword, Role::Operator, IpmiAccess::Disabled, root),
        h.store->createAccount(bob, bobPassword, Role::Operator, IpmiAccess::Disabled, root, 2),
        h.store->setPassword(alice, "Short-1", root),
        h.store->setPassword(carol, QByteArray(65, 'p'), root),
        h.store->setPassword(alice, QByteArray(21, 'p'), root),
        h.store->setPassword(alice, "Alice\tPass-1", root),
        h.store->setIpmiAccess(carol, IpmiAccess::Enabled, {}, root),
        h.store->removeAccount(admin, root),
    };
    QCOMPARE(h.store->setPasswordFileAccounts(passwordFile("dave:Dave-File-1\n"), u"f"_s), std::nullopt);
    refusals.append(h.store->setPassword(u"dave"_s, alicePassword, root));
    QSet<QString> codes;
    QSet<QString> texts;
    for (const std::optional<Failure> &refusal : refusals) {
        QVERIFY(refusal);
        QVERIFY2(!refusal->message.trimmed().isEmpty(), qPrintable(Failure::codeName(refusal->code)));
        codes.insert(Failure::codeName(refusal->code));
        texts.insert(refusal->message);
    }
    // Each refusal says something of its own.
    QCOMPARE(codes.size(), refusals.size());
    QCOMPARE(texts.size(), refusals.size());
    QVERIFY(refusals.at(4)->message.contains(u"8"_s));
    QVERIFY(refusals.at(5)->message.contains(u"64"_s));
    QVERIFY(refusals.at(6)->message.contains(u"20"_s));
    QVERIFY(refusals.at(2)->message.contains(u"16"_s));
}

// ---------------------------------------------------------------------------------------------
// Logins

void tst_AccountStore::authenticate_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<LoginResult>("result");

    QTest::newRow("right password") << alice << alicePassword << LoginResult::Success;
    QTest::newRow("wrong password") << alice << wrongPassword << LoginResult::BadCredentials;
    QTest::newRow("empty password") << alice << QByteArray() << LoginResult::BadCredentials;
    QTest::newRow("another account's password") << alice << bobPassword << LoginResult::BadCredentials;
    QTest::newRow("other case of name") << u"Alice"_s << alicePassword << LoginResult::BadCredentials;
    QTest::newRow("unknown user") << u"nobody"_s << alicePassword << LoginResult::BadCredentials;
    QTest::newRow("invalid name") << u"bad name!"_s << alicePassword << LoginResult::BadCredentials;
    QTest::newRow("disabled, right password") << bob << bobPassword << LoginResult::Disabled;
    QTest::newRow("disabled, wrong password") << bob << wrongPassword << LoginResult::BadCredentials;
    // The hasher in daemons (libcrypt) reads up to a NUL; the store refuses control characters first.
    QTest::newRow("NUL and more") << alice << alicePassword + QByteArray("\0junk", 5) << LoginResult::BadCredentials;
    QTest::newRow("a tab") << alice << alicePassword + '\t' << LoginResult::BadCredentials;
    QTest::newRow("NUL in the name") << alice + QChar(0) << alicePassword << LoginResult::BadCredentials;
}

void tst_AccountStore::authenticate()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, password);
    QFETCH(LoginResult, result);

    Harness h;
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QVERIFY(h.created(alice, alicePassword, Role::Operator));
    QVERIFY(h.created(bob, bobPassword, Role::Operator));
    QCOMPARE(h.store->setEnabled(bob, false, root), std::nullopt);

    QCOMPARE(h.store->authenticate(name, password, Origin::Redfish, address), result);
}

void tst_AccountStore::failedLoginIsLogged_data()
{
    QTest::addColumn<Origin>("origin");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("logged");

    QTest::newRow("wrong password, Redfish") << Origin::Redfish << alice << alice;
    QTest::newRow("wrong password, panel") << Origin::Screen << alice << alice;
    QTest::newRow("unknown user") << Origin::Redfish << u"nobody"_s << u"nobody"_s;
    QTest::newRow("invalid name") << Origin::Redfish << u"bad name!"_s << u"(invalid name)"_s;
    QTest::newRow("empty name") << Origin::Screen << QString() << u"(invalid name)"_s;
    QTest::newRow("over-long name") << Origin::Redfish << QString(40, u'x') << u"(invalid name)"_s;
    QTest::newRow("trailing newline") << Origin::Redfish << u"admin\n"_s << u"(invalid name)"_s;
    QTest::newRow("forged log line") << Origin::Redfish << u"x\n[bmc] admin logged in"_s << u"(invalid name)"_s;
}

void tst_AccountStore::failedLoginIsLogged()
{
    QFETCH(Origin, origin);
    QFETCH(QString, name);
    QFETCH(QString, logged);

    Harness h;
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QVERIFY(h.created(alice, alicePassword, Role::Operator));
    const qsizetype mark = h.mark();

    QCOMPARE(h.store->authenticate(name, wrongPassword, origin, address), LoginResult::BadCredentials);
    const QList<EventLogEntry> entries = h.entriesSince(mark).mid(0, 1);
    QCOMPARE(entries.size(), 1);
    const EventLogEntry &entry = entries.first();
    QCOMPARE(entry.severity, Severity::Warning);
    QCOMPARE(entry.actor.origin, origin);
    QCOMPARE(entry.actor.user, logged);
    QVERIFY2(entry.message.contains(address), qPrintable(entry.message));
    QVERIFY(!entry.message.contains(QString::fromLatin1(wrongPassword)));
    if (logged != name && !name.isEmpty())
        QVERIFY(!entry.message.contains(name));
}

void tst_AccountStore::lockoutAfterThresholdEvenWithTheRightPassword()
{
    Harness h(testPolicy(3, 10min));
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QVERIFY(h.created(alice, alicePassword, Role::Operator, IpmiAccess::Enabled));
    QSignalSpy credentialsChanged(h.store.get(), &AccountStore::credentialsChanged);
    const qsizetype mark = h.mark();

    for (int i = 0; i < 2; ++i)
        QCOMPARE(h.store->authenticate(alice, wrongPassword, Origin::Redfish, address), LoginResult::BadCredentials);
    QVERIFY(!h.store->isLockedOut(alice, address));
    QCOMPARE(h.entriesSince(mark).size(), 2);
    QCOMPARE(credentialsChanged.size(), 0);

    QCOMPARE(h.store->authenticate(alice, wrongPassword, Origin::Redfish, address), LoginResult::BadCredentials);
    QVERIFY(h.store->isLockedOut(alice, address));
    QVERIFY(h.store->isLockedAnywhere(alice));
    // Locked for that address only: the credentials did not change, the account's sessions stay.
    QCOMPARE(credentialsChanged.size(), 0);

    const QList<EventLogEntry> entries = h.entriesSince(mark);
    QCOMPARE(entries.size(), 4);
    const EventLogEntry &lockout = entries.last();
    QCOMPARE(lockout.severity, Severity::Warning);
    QCOMPARE(lockout.actor.origin, Origin::Redfish);
    QVERIFY(lockout.message.contains(alice));
    QVERIFY2(lockout.message.contains(u"lock"_s, Qt::CaseInsensitive), qPrintable(lockout.message));

    QCOMPARE(h.store->authenticate(alice, alicePassword, Origin::Redfish, address), LoginResult::LockedOut);
    QCOMPARE(h.store->authenticate(alice, wrongPassword, Origin::Redfish, address), LoginResult::LockedOut);
    QVERIFY(h.store->isLockedOut(alice, address));
    // The right password from anywhere else still works: a stranger cannot lock an account out.
    QCOMPARE(h.store->authenticate(alice, alicePassword, Origin::Screen, u"screen"_s), LoginResult::Success);
    QCOMPARE(h.store->authenticate(alice, alicePassword, Origin::Redfish, u"192.0.2.77"_s), LoginResult::Success);
    QVERIFY(h.store->isLockedOut(alice, address));
    // A success reported by a protocol that checks the password itself does not lift the lockout.
    h.store->recordLoginSuccess(alice, address);
    QVERIFY(h.store->isLockedOut(alice, address));

    // Only that account.
    QVERIFY(!h.store->isLockedOut(admin, address));
    QCOMPARE(h.store->authenticate(admin, adminPassword, Origin::Redfish, address), LoginResult::Success);
}

void tst_AccountStore::lockoutEndsAfterTheDuration()
{
    const auto duration = 300ms;
    Harness h(testPolicy(1, duration));
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QVERIFY(h.created(alice, alicePassword, Role::Operator));
    const qsizetype mark = h.mark();

    QCOMPARE(h.store->authenticate(alice, wrongPassword, Origin::Redfish, address), LoginResult::BadCredentials);
    // Failure and lockout.
    QCOMPARE(h.entriesSince(mark).size(), 2);

    // Locked until the duration has passed, to the millisecond, and not a moment longer.
    h.clock.advance(duration - 1ms);
    QCOMPARE(h.store->authenticate(alice, alicePassword, Origin::Redfish, address), LoginResult::LockedOut);
    h.clock.advance(1ms);
    QCOMPARE(h.store->authenticate(alice, alicePassword, Origin::Redfish, address), LoginResult::Success);
    QVERIFY(!h.store->isLockedOut(alice, address));

    // The count starts again: one more failure locks again.
    QCOMPARE(h.store->authenticate(alice, wrongPassword, Origin::Redfish, address), LoginResult::BadCredentials);
    QCOMPARE(h.entriesSince(mark).size(), 4);
}

void tst_AccountStore::successResetsTheFailureCount()
{
    Harness h(testPolicy(3, 10min));
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QVERIFY(h.created(alice, alicePassword, Role::Operator));

    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 2; ++i)
            QCOMPARE(h.store->authenticate(alice, wrongPassword, Origin::Redfish, address),
                     LoginResult::BadCredentials);
        QVERIFY(!h.store->isLockedOut(alice, address));
        QCOMPARE(h.store->authenticate(alice, alicePassword, Origin::Redfish, address), LoginResult::Success);
    }
    QVERIFY(!h.store->isLockedOut(alice, address));
}

void tst_AccountStore::zeroThresholdNeverLocks()
{
    Harness h(testPolicy(0, 10min));
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QVERIFY(h.created(alice, alicePassword, Role::Operator));
    const qsizetype mark = h.mark();

    for (int i = 0; i < 12; ++i)
        QCOMPARE(h.store->authenticate(alice, wrongPassword, Origin::Redfish, address), LoginResult::BadCredentials);
    for (int i = 0; i < 12; ++i)
        h.store->recordLoginFailure(alice, Origin::Ipmi, address);
    QVERIFY(!h.store->isLockedOut(alice, address));
    QCOMPARE(h.store->authenticate(alice, alicePassword, Origin::Redfish, address), LoginResult::Success);
    // Every failure is still logged, and nothing else: the first three one by one, the other 21
    // in one summary once their minute is over.
    QCOMPARE(h.entriesSince(mark).size(), 3);
    h.clock.advance(1min);
    h.store->logFailedLoginSummaries();
    const QList<EventLogEntry> entries = h.entriesSince(mark);
    QCOMPARE(entries.size(), 4);
    QVERIFY2(entries.last().message.startsWith(u"21 more failed logins from %1 for 1 user names"_s.arg(address)),
             qPrintable(entries.last().message));
}

void tst_AccountStore::unknownUsersAreNeverTracked()
{
    Harness h(testPolicy(1, 10min));
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QSignalSpy credentialsChanged(h.store.get(), &AccountStore::credentialsChanged);
    const qsizetype mark = h.mark();

    for (int i = 0; i < 5; ++i) {
        QCOMPARE(h.store->authenticate(carol, wrongPassword, Origin::Redfish, address), LoginResult::BadCredentials);
        h.store->recordLoginFailure(carol, Origin::Ipmi, address);
    }
    QVERIFY(!h.store->isLockedOut(carol, address));
    QCOMPARE(credentialsChanged.size(), 0);
    // Three one by one, the other seven summarised a minute later.
    QCOMPARE(h.entriesSince(mark).size(), 3);
    h.clock.advance(1min);
    h.store->logFailedLoginSummaries();
    QCOMPARE(h.entriesSince(mark).size(), 4);

    // An account created later under that name starts clean.
    QVERIFY(h.created(carol, alicePassword, Role::ReadOnly));
    QVERIFY(!h.store->isLockedOut(carol, address));
    QCOMPARE(h.store->authenticate(carol, alicePassword, Origin::Redfish, address), LoginResult::Success);
}

void tst_AccountStore::ipmiLoginRecords()
{
    Harness h(testPolicy(2, 10min));
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QVERIFY(h.created(alice, alicePassword, Role::Operator, IpmiAccess::Enabled));
    const QString ipmiAddress = u"198.51.100.4"_s;
    const qsizetype mark = h.mark();

    QVERIFY(!h.store->isLockedOut(alice, ipmiAddress));
    h.store->recordLoginFailure(alice, Origin::Ipmi, ipmiAddress);
    QVERIFY(!h.store->isLockedOut(alice, ipmiAddress));
    QList<EventLogEntry> entries = h.entriesSince(mark);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().severity, Severity::Warning);
    QCOMPARE(entries.first().actor, Actor::ipmi(alice));
    QVERIFY(entries.first().message.contains(ipmiAddress));

    // A success in between starts the count again.
    h.store->recordLoginSuccess(alice, ipmiAddress);
    h.store->recordLoginFailure(alice, Origin::Ipmi, ipmiAddress);
    QVERIFY(!h.store->isLockedOut(alice, ipmiAddress));
    h.store->recordLoginFailure(alice, Origin::Ipmi, ipmiAddress);
    QVERIFY(h.store->isLockedOut(alice, ipmiAddress));
    entries = h.entriesSince(mark);
    QCOMPARE(entries.size(), 4);
    QCOMPARE(entries.last().severity, Severity::Warning);
    QCOMPARE(entries.last().actor.origin, Origin::Ipmi);
    QVERIFY(entries.last().message.contains(alice));

    // One lockout for every face, for that address.
    QCOMPARE(h.store->authenticate(alice, alicePassword, Origin::Redfish, ipmiAddress), LoginResult::LockedOut);
    QCOMPARE(h.store->authenticate(alice, alicePassword, Origin::Redfish, address), LoginResult::Success);

    // Unknown and invalid names are logged, never tracked (in a new minute: the one before had
    // its three failures logged one by one).
    h.clock.advance(1min);
    h.store->recordLoginFailure(u"nobody"_s, Origin::Ipmi, ipmiAddress);
    h.store->recordLoginFailure(u"nobody"_s, Origin::Ipmi, ipmiAddress);
    h.store->recordLoginFailure(u"nobody"_s, Origin::Ipmi, ipmiAddress);
    QVERIFY(!h.store->isLockedOut(u"nobody"_s, ipmiAddress));
    const QString otherAddress = u"198.51.100.5"_s;
    h.store->recordLoginFailure(u"-bad"_s, Origin::Ipmi, otherAddress);
    entries = h.entriesSince(mark);
    QCOMPARE(entries.size(), 8);
    QCOMPARE(entries.at(4).actor, Actor::ipmi(u"nobody"_s));
    QCOMPARE(entries.last().actor, Actor::ipmi(u"(invalid name)"_s));
    QVERIFY(entries.last().message.contains(otherAddress));
}

void tst_AccountStore::ipmiPasswordOnlyForEnabledIpmiAccounts()
{
    Harness h;
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QVERIFY(h.created(alice, alicePassword, Role::Operator, IpmiAccess::Enabled));
    QVERIFY(h.created(bob, bobPassword, Role::Operator));

    QCOMPARE(ipmiPasswordOf(*h.store, admin), adminPassword);
    QCOMPARE(ipmiPasswordOf(*h.store, alice), alicePassword);
    QVERIFY(!h.store->ipmiPassword(bob));
    QVERIFY(!h.store->ipmiPassword(u"nobody"_s));
    QVERIFY(!h.store->ipmiPassword(QString()));

    QCOMPARE(h.store->setEnabled(alice, false, root), std::nullopt);
    QVERIFY(!h.store->ipmiPassword(alice));
    QCOMPARE(h.store->setEnabled(alice, true, root), std::nullopt);
    QCOMPARE(ipmiPasswordOf(*h.store, alice), alicePassword);

    QCOMPARE(h.store->setIpmiAccess(alice, IpmiAccess::Disabled, {}, root), std::nullopt);
    QVERIFY(!h.store->ipmiPassword(alice));
}

// ---------------------------------------------------------------------------------------------
// Persistence

void tst_AccountStore::reloadKeepsAccountsHashesAndIpmiPasswords()
{
    Harness h;
    QCOMPARE(h.store->ensureAdministrator(), std::nullopt);
    QVERIFY(h.created(alice, alicePassword, Role::Operator, IpmiAccess::Enabled));
    QVERIFY(h.created(bob, bobPassword, Role::ReadOnly));
    QVERIFY(h.created(carol, u"Grüße-Carol"_s.toUtf8(), Role::Administrator, IpmiAccess::Enabled));
    QCOMPARE(h.store->setEnabled(bob, false, root), std::nullopt);
    const QStringList before = describe(h.store->accounts());
    QCOMPARE(before.size(), 4);

    h.restart();
    QCOMPARE(describe(h.store->accounts()), before);
    QCOMPARE(ipmiPasswordOf(*h.store, alice), alicePassword);
    QCOMPARE(ipmiPasswordOf(*h.store, carol), u"Grüße-Carol"_s.toUtf8());
    QCOMPARE(h.store->authenticate(alice, alicePassword, Origin::Redfish, address), LoginResult::Success);
    QCOMPARE(h.store->authenticate(bob, bobPassword, Origin::Redfish, address), LoginResult::Disabled);
    QCOMPARE(h.store->authenticate(carol, u"Grüße-Carol"_s.toUtf8(), Origin::Redfish, address), LoginResult::Success);

    // A store that has only read the file leaves it as it was.
    const QByteArray file = h.accountsJson();
    h.restart();
    QCOMPARE(h.accountsJson(), file);
}

void tst_AccountStore::ipmiPasswordBytesSurviveReload_data()
{
    QTest::addColumn<QByteArray>("password");

    QTest::newRow("ASCII") << QByteArray("Plain-Pass-1");
    QTest::newRow("UTF-8") << u"Grüße-€-1"_s.toUtf8();
    // IPMI's Set User Password carries bytes, not text: a Latin-1 terminal sends these.
    QTest::newRow("Latin-1") << QByteArray("Gr\xfc\xdf"
                                           "e-Pass-1");
    QTest::newRow("high bytes") << QByteArray("\x80\xff\xfe\xc3(Pass-1");
}

void tst_AccountStore::ipmiPasswordBytesSurviveReload()
{
    QFETCH(QByteArray, password);

    Harness h;
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QVERIFY(h.created(alice, password, Role::Operator, IpmiAccess::Enabled));
    QCOMPARE(ipmiPasswordOf(*h.store, alice), password);

    // RAKP and the hash must go on agreeing on one password after a restart.
    h.restart();
    QCOMPARE(ipmiPasswordOf(*h.store, alice), password);
    QCOMPARE(h.store->authenticate(alice, password, Origin::Redfish, address), LoginResult::Success);
}

void tst_AccountStore::accountsFileIsOwnerOnly()
{
    const auto mode = [](const QString &path) {
        struct stat status = {};
        return ::stat(QFile::encodeName(path).constData(), &status) == 0 ? int(status.st_mode & 07777) : -1;
    };

    Harness h;
    QCOMPARE(h.store->ensureAdministrator(), std::nullopt);
    QCOMPARE(mode(h.accountsPath()), 0600);

    QVERIFY(QFile::setPermissions(h.accountsPath(),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                      | QFileDevice::ReadOther));
    QCOMPARE(mode(h.accountsPath()), 0644);
    QVERIFY(h.created(alice, alicePassword, Role::Operator, IpmiAccess::Enabled));
    QCOMPARE(mode(h.accountsPath()), 0600);

    // No temporary file left behind with the passwords in it; the last good copy is as private.
    const QStringList leftovers = QDir(h.dir.path()).entryList({u"accounts*"_s}, QDir::Files | QDir::Hidden);
    QCOMPARE(leftovers, (QStringList{u"accounts.json"_s, u"accounts.json.last-good"_s}));
    QCOMPARE(mode(h.accountsPath() + u".last-good"_s), 0600);
}

void tst_AccountStore::handWrittenFileLoads()
{
    // The base of the damaged files below, so each of them is damaged in one way only.
    const QByteArray content =
        accountsFile({storedAccount(alice, u"Administrator"_s, true), storedAccount(bob, u"ReadOnly"_s)});
    Harness h(testPolicy(), content);
    QCOMPARE(names(h.store->accounts()), (QStringList{alice, bob}));
    QCOMPARE(ipmiPasswordOf(*h.store, alice), QByteArray("Stored-Pass-1"));
    QCOMPARE(RoleNames::toString(h.store->account(bob)->role), u"ReadOnly"_s);
    QCOMPARE(h.log->count(), 0);
    QCOMPARE(h.store->ensureAdministrator(), std::nullopt);
    QVERIFY(!h.store->account(admin));
}

void tst_AccountStore::damagedFileIsKeptAside_data()
{
    QTest::addColumn<QByteArray>("content");

    const QJsonObject alicesAccount = storedAccount(alice);
    const QJsonObject bobsAccount = storedAccount(bob);
    const auto without = [](QJsonObject object, const QString &key) {
        object.remove(key);
        return object;
    };
    const auto with = [](QJsonObject object, const QString &key, const QJsonValue &value) {
        object.insert(key, value);
        return object;
    };

    QTest::newRow("not JSON") << QByteArray("{\"version\": 1, \"accounts\": [");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe garbage", 11);
    QTest::newRow("not an object") << QByteArray("[1, 2, 3]");
    QTest::newRow("unknown version") << accountsFile({alicesAccount}, 0);
    QTest::newRow("no accounts list") << QJsonDocument(QJsonObject{{u"version"_s, 1}}).toJson();
    QTest::newRow("duplicate name") << accountsFile({alicesAccount, bobsAccount, alicesAccount});
    QTest::newRow("account not an object") << accountsFile({alicesAccount, 42});
    QTest::newRow("unknown role") << accountsFile({with(alicesAccount, u"role"_s, u"Root"_s), bobsAccount});
    QTest::newRow("invalid name") << accountsFile({with(alicesAccount, u"name"_s, u"-alice"_s)});
    QTest::newRow("no hash") << accountsFile({without(alicesAccount, u"hash"_s)});
    QTest::newRow("enabled not a boolean") << accountsFile({with(alicesAccount, u"enabled"_s, u"yes"_s)});
    QTest::newRow("IPMI account without ipmiPassword")
        << accountsFile({bobsAccount, without(storedAccount(alice, u"Administrator"_s, true), u"ipmiPassword"_s)});
    QTest::newRow("ipmiPassword beyond Latin-1")
        << accountsFile({with(storedAccount(alice, u"Administrator"_s, true), u"ipmiPassword"_s, u"Pass-€-123"_s)});
    QTest::newRow("IPMI account with empty ipmiPassword")
        << accountsFile({with(storedAccount(alice, u"Administrator"_s, true), u"ipmiPassword"_s, u""_s)});
}

void tst_AccountStore::damagedFileIsKeptAside()
{
    QFETCH(QByteArray, content);

    Harness h(testPolicy(), content);
    QVERIFY(h.store->accounts().isEmpty());

    const QStringList aside = QDir(h.dir.path()).entryList({u"accounts.json.corrupt-*"_s}, QDir::Files);
    QCOMPARE(aside.size(), 1);
    const QString asidePath = h.dir.filePath(aside.first());
    QCOMPARE(readFile(asidePath), content);
    QVERIFY(h.accountsJson().contains("\"awaitingRecovery\": true"));

    const QList<EventLogEntry> entries = h.log->entries();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().severity, Severity::Critical);
    QCOMPARE(entries.first().actor, Actor::bmc());
    QVERIFY2(entries.first().message.contains(aside.first()), qPrintable(entries.first().message));

    QVERIFY2(entries.first().message.contains(u"no account exists and none is created"_s),
             qPrintable(entries.first().message));

    // Nothing is created behind anyone's back, on this start or the next: no generated password
    // on the journal, and the missing file is not taken for a first start.
    QVERIFY(h.store->isAwaitingRecovery());
    QCOMPARE(h.store->ensureAdministrator(), std::nullopt);
    QVERIFY(h.store->accounts().isEmpty());
    QVERIFY(h.store->pendingInitialPassword().isEmpty());
    h.restart();
    QVERIFY(h.store->isAwaitingRecovery());
    QCOMPARE(h.store->ensureAdministrator(), std::nullopt);
    QVERIFY(h.store->accounts().isEmpty());

    // QBMC_ADMIN_PASSWORD given for a start sets up the administrator, and the log says how.
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QCOMPARE(names(h.store->accounts()), QStringList{admin});
    QVERIFY(!h.store->isAwaitingRecovery());
    QVERIFY(h.log->entries().last().message.contains(u"created with the password from QBMC_ADMIN_PASSWORD, as no "
                                                     "usable account file was left"_s));
    QCOMPARE(readFile(asidePath), content);
    h.restart();
    QCOMPARE(names(h.store->accounts()), QStringList{admin});
    QVERIFY(!h.store->isAwaitingRecovery());
    QCOMPARE(QDir(h.dir.path()).entryList({u"accounts.json.corrupt-*"_s}, QDir::Files), aside);
}

void tst_AccountStore::damagedFileIsReplacedByItsLastGoodCopy()
{
    Harness h;
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QVERIFY(h.created(alice, alicePassword, Role::Operator, IpmiAccess::Enabled));
    QVERIFY(h.created(bob, bobPassword, Role::ReadOnly));
    // The last change is what a damaged file loses: the copy is the file before it.
    const QByteArray lastGood = readFile(h.accountsPath() + u".last-good"_s);
    QVERIFY(writeFile(h.accountsPath(), h.accountsJson().left(100)));

    h.restart();
    QCOMPARE(names(h.store->accounts()), (QStringList{admin, alice}));
    QCOMPARE(ipmiPasswordOf(*h.store, alice), alicePassword);
    QVERIFY(!h.store->isAwaitingRecovery());
    QCOMPARE(h.accountsJson(), lastGood);

    const EventLogEntry notice = h.log->entries().last();
    QCOMPARE(notice.severity, Severity::Critical);
    const QStringList aside = QDir(h.dir.path()).entryList({u"accounts.json.corrupt-*"_s}, QDir::Files);
    QCOMPARE(aside.size(), 1);
    for (const QString &named : {h.accountsPath(), h.accountsPath() + u".last-good"_s, aside.first()})
        QVERIFY2(notice.message.contains(named), qPrintable(notice.message));
}

void tst_AccountStore::newerFileIsLeftUntouched()
{
    const QByteArray newer = accountsFile({storedAccount(alice, u"Administrator"_s, true)}, 3);
    Harness h(testPolicy(), newer);
    QVERIFY(h.store->accounts().isEmpty());
    QCOMPARE(h.store->ensureAdministrator(), std::nullopt);
    QVERIFY(h.store->accounts().isEmpty());
    QCOMPARE(h.accountsJson(), newer);
    QCOMPARE(QDir(h.dir.path()).entryList({u"accounts*"_s}, QDir::Files), QStringList{u"accounts.json"_s});
}

// ---------------------------------------------------------------------------------------------
// SSH public keys

void tst_AccountStore::sshKeysAreAddedListedAndRemoved()
{
    Harness h;
    QVERIFY(h.created(alice, alicePassword, Role::Operator));
    QSignalSpy credentials(h.store.get(), &AccountStore::credentialsChanged);
    const qsizetype mark = h.mark();
    const Expected<SshPublicKey> added = h.store->addSshKey(alice, aliceKey, root);
    QVERIFY(added);
    QCOMPARE(added->id, 1);
    QCOMPARE(h.store->account(alice)->sshKeys, QList<SshPublicKey>{*added});
    QCOMPARE(credentials.count(), 1);
    QCOMPARE(h.entriesSince(mark).size(), 1);
    QCOMPARE(h.entriesSince(mark).at(0).actor, root);
    QVERIFY(h.entriesSince(mark).at(0).message.contains(added->fingerprint()));

    QCOMPARE(h.store->removeSshKey(alice, 1, root), std::nullopt);
    QVERIFY(h.store->account(alice)->sshKeys.isEmpty());
    QCOMPARE(credentials.count(), 2);
    QVERIFY(h.entriesSince(mark).last().message.contains(u"removed"_s));
}

void tst_AccountStore::sshKeyRefusals()
{
    Harness h;
    QVERIFY(h.created(alice, alicePassword, Role::Operator));
    QVERIFY(h.store->addSshKey(alice, aliceKey, root));
    QCOMPARE(h.store->addSshKey(alice, aliceKey, root).failure().code, Error::SshKeyExists);
    QCOMPARE(h.store->addSshKey(alice, u"ssh-ed25519 AAAA"_s, root).failure().code, Error::InvalidSshKey);
    QCOMPARE(h.store->addSshKey(u"nobody"_s, aliceKey, root).failure().code, Error::NoSuchAccount);
    QCOMPARE(h.store->removeSshKey(alice, 7, root), Error::NoSuchSshKey);
    // Keys differ in their blob: the same 32 bytes with one changed are another key.
    for (int i = 1; i < AccountRules::maxSshKeys; ++i) {
        QByteArray blob = h.store->account(alice)->sshKeys.first().blob;
        blob[blob.size() - 1] = char(i);
        QVERIFY(h.store->addSshKey(alice, u"ssh-ed25519 "_s + QString::fromLatin1(blob.toBase64()), root));
    }
    QCOMPARE(h.store->account(alice)->sshKeys.size(), AccountRules::maxSshKeys);
    QByteArray blob = h.store->account(alice)->sshKeys.first().blob;
    blob[blob.size() - 2] = 'x';
    QCOMPARE(h.store->addSshKey(alice, u"ssh-ed25519 "_s + QString::fromLatin1(blob.toBase64()), root).failure().code,
             Error::TooManySshKeys);
}

void tst_AccountStore::sshKeysPersistAndRaiseTheFormat()
{
    Harness h;
    QVERIFY(h.created(alice, alicePassword, Role::Operator));
    // Without keys the file stays version 1, which an older qbmc reads.
    QCOMPARE(QJsonDocument::fromJson(h.accountsJson()).object().value(u"version"_s).toInt(), 1);
    QVERIFY(h.store->addSshKey(alice, aliceKey, root));
    QCOMPARE(QJsonDocument::fromJson(h.accountsJson()).object().value(u"version"_s).toInt(), 2);
    h.restart();
    QCOMPARE(h.store->account(alice)->sshKeys.size(), 1);
    QCOMPARE(h.store->account(alice)->sshKeys.first().toOpenSsh(), aliceKey);
    QCOMPARE(h.store->removeSshKey(alice, 1, root), std::nullopt);
    QCOMPARE(QJsonDocument::fromJson(h.accountsJson()).object().value(u"version"_s).toInt(), 1);
    // A damaged key makes the file damaged, as any other malformed field does.
    QJsonObject broken = storedAccount(bob);
    broken.insert(u"sshKeys"_s, QJsonArray{QJsonObject{{u"id"_s, 1}, {u"key"_s, u"ssh-ed25519 AAAA"_s}}});
    Harness damaged(testPolicy(), accountsFile({storedAccount(alice), broken}, 2));
    QVERIFY(damaged.store->accounts().isEmpty());
}

void tst_AccountStore::sshKeyCheckOfTheFaceApplies()
{
    Harness h;
    QVERIFY(h.created(alice, alicePassword, Role::Operator));
    h.store->setSshKeyCheck([](const SshPublicKey &) { return std::optional<QString>(u"not on the curve"_s); });
    const Expected<SshPublicKey> refused = h.store->addSshKey(alice, aliceKey, root);
    QVERIFY(!refused);
    QCOMPARE(refused.failure().message, u"not on the curve"_s);
}

// ---------------------------------------------------------------------------------------------
// PiKVM password file

void tst_AccountStore::idsAreTheLowestFreeAndPersist()
{
    Harness h;
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QCOMPARE(h.store->account(admin)->id, 2);
    QVERIFY(h.created(alice, alicePassword, Role::Operator));
    QVERIFY(h.created(bob, bobPassword, Role::ReadOnly));
    QCOMPARE(h.store->account(alice)->id, 3);
    QCOMPARE(h.store->account(bob)->id, 4);
    QCOMPARE(h.store->removeAccount(alice, root), std::nullopt);
    QVERIFY(h.created(carol, alicePassword, Role::ReadOnly));
    QCOMPARE(h.store->account(carol)->id, 3);

    h.restart();
    const QList<Account> accounts = h.store->accounts();
    QCOMPARE(accounts.size(), 3);
    QCOMPARE(accounts.at(0).name, admin);
    QCOMPARE(accounts.at(1).name, carol);
    QCOMPARE(accounts.at(2).name, bob);
    QCOMPARE(h.store->accountById(3)->name, carol);
    QVERIFY(!h.store->accountById(1));
    QVERIFY(!h.store->accountById(5));
    QCOMPARE(h.storedAccountJson(bob).value(u"id"_s).toInt(), 4);
}

void tst_AccountStore::createAtARequestedId_data()
{
    QTest::addColumn<int>("id");
    QTest::addColumn<std::optional<Error>>("expected");
    QTest::newRow("free slot") << 10 << std::optional<Error>();
    QTest::newRow("last slot") << 16 << std::optional<Error>();
    QTest::newRow("taken by admin") << 2 << std::optional(Error::InvalidId);
    QTest::newRow("IPMI's null user") << 1 << std::optional(Error::InvalidId);
    QTest::newRow("beyond the last") << 17 << std::optional(Error::InvalidId);
}

void tst_AccountStore::createAtARequestedId()
{
    QFETCH(int, id);
    QFETCH(std::optional<Error>, expected);
    Harness h;
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QCOMPARE(h.store->createAccount(alice, alicePassword, Role::Operator, IpmiAccess::Enabled, root, id), expected);
    if (!expected)
        QCOMPARE(h.store->account(alice)->id, id);
    else
        QVERIFY(!h.store->account(alice));
}

void tst_AccountStore::atMostFifteenAccounts()
{
    Harness h;
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    for (int i = 1; i < 15; ++i)
        QVERIFY(h.created(u"user%1"_s.arg(i), alicePassword, Role::ReadOnly));
    QCOMPARE(h.store->accounts().size(), 15);
    QCOMPARE(h.store->accounts().last().id, 16);
    QCOMPARE(h.store->createAccount(alice, alicePassword, Role::ReadOnly, IpmiAccess::Disabled, root),
             Error::TooManyAccounts);
    QVERIFY(
        !h.store->createAccount(alice, alicePassword, Role::ReadOnly, IpmiAccess::Disabled, root)->message.isEmpty());
}

void tst_AccountStore::idsInDamagedFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("problem");
    QJsonObject first = storedAccount(alice);
    first.insert(u"id"_s, 3);
    QJsonObject second = storedAccount(bob);
    second.insert(u"id"_s, 3);
    QTest::newRow("same id twice") << accountsFile({first, second}) << u"account id 3 is used twice"_s;
    QJsonObject outOfRange = storedAccount(alice);
    outOfRange.insert(u"id"_s, 1);
    QTest::newRow("IPMI's null user id") << accountsFile({outOfRange}) << u"account 1 is malformed"_s;
}

void tst_AccountStore::idsInDamagedFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, problem);
    Harness h(testPolicy(), content);
    QVERIFY(h.store->accounts().isEmpty());
    QVERIFY2(anyEntryContains(*h.log, problem), qPrintable(h.log->entries().last().message));
    QCOMPARE(QDir(h.dir.path()).entryList({u"accounts.json.corrupt-*"_s}).size(), 1);
}

void tst_AccountStore::renameKeepsTheIdAndTheLogin()
{
    Harness h;
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QVERIFY(h.created(alice, alicePassword, Role::Operator, IpmiAccess::Enabled));
    QSignalSpy credentials(h.store.get(), &AccountStore::credentialsChanged);
    QCOMPARE(h.store->renameAccount(alice, u"alicia"_s, root), std::nullopt);
    QCOMPARE(namesSignalled(credentials), (QStringList{alice, u"alicia"_s}));
    QVERIFY(!h.store->account(alice));
    QCOMPARE(h.store->account(u"alicia"_s)->id, 3);
    QCOMPARE(h.store->authenticate(u"alicia"_s, alicePassword, Origin::Ipmi, address), LoginResult::Success);
    QCOMPARE(ipmiPasswordOf(*h.store, u"alicia"_s), alicePassword);
    QCOMPARE(h.log->entries().last().message, u"Account \"alice\" renamed to \"alicia\""_s);
    h.restart();
    QCOMPARE(h.store->accountById(3)->name, u"alicia"_s);
}

void tst_AccountStore::renameErrors_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<std::optional<Error>>("expected");
    QTest::newRow("taken") << alice << admin << std::optional(Error::AccountExists);
    QTest::newRow("invalid") << alice << u"-alice"_s << std::optional(Error::InvalidName);
    QTest::newRow("unknown") << carol << u"caroline"_s << std::optional(Error::NoSuchAccount);
    QTest::newRow("from the password file") << bob << u"robert"_s << std::optional(Error::ManagedByPasswordFile);
    QTest::newRow("same name") << alice << alice << std::optional<Error>();
}

void tst_AccountStore::renameErrors()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(std::optional<Error>, expected);
    Harness h;
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QVERIFY(h.created(alice, alicePassword, Role::Operator));
    QCOMPARE(h.store->setPasswordFileAccounts(passwordFile("bob:Bob-Pass-12\n"), u"ipmipasswd"_s), std::nullopt);
    QCOMPARE(h.store->renameAccount(from, to, root), expected);
    QVERIFY(h.store->account(alice));
}

void tst_AccountStore::passwordFileAccountsGetIds()
{
    Harness h;
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QVERIFY(h.created(alice, alicePassword, Role::Operator));
    QCOMPARE(h.store->setPasswordFileAccounts(passwordFile("bob:Bob-Pass-12\nalice:Alice-File-1\n"), u"ipmipasswd"_s),
             std::nullopt);
    // The file's alice takes the stored alice's id; bob gets the lowest free one.
    QCOMPARE(h.store->account(alice)->id, 3);
    QCOMPARE(h.store->account(alice)->source, Account::Source::PasswordFile);
    QCOMPARE(h.store->account(bob)->id, 4);
    QCOMPARE(h.store->accounts().size(), 3);
}

void tst_AccountStore::passwordFileAccountsAreIpmiAdministrators()
{
    Harness h;
    QSignalSpy accountsChanged(h.store.get(), &AccountStore::accountsChanged);
    QSignalSpy credentialsChanged(h.store.get(), &AccountStore::credentialsChanged);
    const QList<IpmiPasswordFile::Entry> entries = passwordFile("# PiKVM users\n"
                                                                "admin:admin -> admin:admin\n"
                                                                "bob:bob\n"
                                                                "carol:Carol-File-1\n"
                                                                "dave:admin\n");
    QCOMPARE(entries.size(), 4);

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^/etc/kvmd/ipmipasswd:2: .*password.*\"admin\""_s));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^/etc/kvmd/ipmipasswd:3: .*password.*\"bob\""_s));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^/etc/kvmd/ipmipasswd:5: .*password.*\"dave\""_s));
    QCOMPARE(h.store->setPasswordFileAccounts(entries, u"/etc/kvmd/ipmipasswd"_s), std::nullopt);

    QCOMPARE(names(h.store->accounts()), (QStringList{admin, bob, carol, u"dave"_s}));
    for (const Account &account : h.store->accounts()) {
        QCOMPARE(RoleNames::toString(account.role), u"Administrator"_s);
        QVERIFY(account.enabled);
        QVERIFY(account.ipmiEnabled);
        QCOMPARE(account.source, Account::Source::PasswordFile);
        QVERIFY(account.passwordHash.startsWith("$y$"));
        QCOMPARE(account.weakPassword, account.name != carol);
    }
    QCOMPARE(ipmiPasswordOf(*h.store, admin), QByteArray("admin"));
    QCOMPARE(ipmiPasswordOf(*h.store, bob), QByteArray("bob"));
    QCOMPARE(ipmiPasswordOf(*h.store, carol), QByteArray("Carol-File-1"));
    QCOMPARE(ipmiPasswordOf(*h.store, u"dave"_s), QByteArray("admin"));
    // Weak, and shorter than the rules for stored passwords, yet accepted: the file is the user's.
    QCOMPARE(h.store->authenticate(bob, "bob", Origin::Redfish, address), LoginResult::Success);
    QCOMPARE(h.store->authenticate(carol, "Carol-File-1", Origin::Redfish, address), LoginResult::Success);
    QCOMPARE(h.store->authenticate(carol, "carol", Origin::Redfish, address), LoginResult::BadCredentials);

    QCOMPARE(accountsChanged.size(), 1);
    QCOMPARE(namesSignalled(credentialsChanged), (QStringList{admin, bob, carol, u"dave"_s}));

    // The file's accounts are enough: no generated administrator next to them.
    QCOMPARE(h.store->ensureAdministrator(), std::nullopt);
    QVERIFY(h.store->pendingInitialPassword().isEmpty());
    QCOMPARE(h.store->accounts().size(), 4);
    QVERIFY(!QFile::exists(h.accountsPath()));
}

void tst_AccountStore::passwordFileAccountShadowsStoredAccount()
{
    Harness h;
    QCOMPARE(h.store->ensureAdministrator(), std::nullopt);
    const QString generated = h.store->pendingInitialPassword();
    QVERIFY(h.created(bob, bobPassword, Role::ReadOnly));
    QVERIFY(h.created(alice, alicePassword, Role::Operator));
    const QStringList storedBefore = describe(h.store->accounts());

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^ipmipasswd:1: .*password.*\"admin\""_s));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^ipmipasswd:2: .*password.*\"bob\""_s));
    const QList<IpmiPasswordFile::Entry> entries = passwordFile("admin:admin\nbob:bob\n");
    QCOMPARE(h.store->setPasswordFileAccounts(entries, u"ipmipasswd"_s), std::nullopt);

    const QList<Account> accounts = h.store->accounts();
    QCOMPARE(accounts.size(), 3);
    QCOMPARE(names(accounts), (QStringList{admin, alice, bob}));
    for (const QString &name : {admin, bob}) {
        const std::optional<Account> account = h.store->account(name);
        QVERIFY(account);
        QCOMPARE(account->source, Account::Source::PasswordFile);
        QCOMPARE(RoleNames::toString(account->role), u"Administrator"_s);
        QVERIFY(account->ipmiEnabled);
        QVERIFY(account->weakPassword);
        QCOMPARE(ipmiPasswordOf(*h.store, name), name.toUtf8());
    }
    QCOMPARE(h.store->account(alice)->source, Account::Source::Store);

    // The file's password is the one that works.
    QCOMPARE(h.store->authenticate(admin, "admin", Origin::Redfish, address), LoginResult::Success);
    QCOMPARE(h.store->authenticate(admin, generated.toLatin1(), Origin::Redfish, address), LoginResult::BadCredentials);
    QCOMPARE(h.store->authenticate(bob, "bob", Origin::Redfish, address), LoginResult::Success);
    QCOMPARE(h.store->authenticate(bob, bobPassword, Origin::Redfish, address), LoginResult::BadCredentials);

    // Without the file the stored accounts are back as they were.
    QCOMPARE(h.store->setPasswordFileAccounts({}, u"ipmipasswd"_s), std::nullopt);
    QCOMPARE(describe(h.store->accounts()), storedBefore);
    QCOMPARE(h.store->authenticate(bob, bobPassword, Origin::Redfish, address), LoginResult::Success);
    QCOMPARE(h.store->authenticate(admin, generated.toLatin1(), Origin::Redfish, address), LoginResult::Success);
}

void tst_AccountStore::passwordFileAccountsCannotBeChanged()
{
    Harness h;
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QVERIFY(h.created(bob, bobPassword, Role::ReadOnly));
    // carol exists only in the file; bob shadows a stored account.
    const QList<IpmiPasswordFile::Entry> entries = passwordFile("bob:Bob-File-1\ncarol:Carol-File-1\n");
    QCOMPARE(h.store->setPasswordFileAccounts(entries, u"ipmipasswd"_s), std::nullopt);
    const QStringList before = describe(h.store->accounts());
    const QByteArray fileBefore = h.accountsJson();
    QSignalSpy accountsChanged(h.store.get(), &AccountStore::accountsChanged);
    QSignalSpy credentialsChanged(h.store.get(), &AccountStore::credentialsChanged);
    const qsizetype mark = h.mark();

    for (const QString &name : {bob, carol}) {
        QCOMPARE(h.store->removeAccount(name, root), Error::ManagedByPasswordFile);
        QCOMPARE(h.store->setPassword(name, "Changed-Pass-1", root), Error::ManagedByPasswordFile);
        QCOMPARE(h.store->setRole(name, Role::ReadOnly, root), Error::ManagedByPasswordFile);
        QCOMPARE(h.store->setRole(name, Role::Administrator, root), Error::ManagedByPasswordFile);
        QCOMPARE(h.store->setEnabled(name, false, root), Error::ManagedByPasswordFile);
        QCOMPARE(h.store->setIpmiAccess(name, IpmiAccess::Disabled, {}, root), Error::ManagedByPasswordFile);
        QCOMPARE(h.store->setIpmiAccess(name, IpmiAccess::Enabled, "Changed-Pass-1", root),
                 Error::ManagedByPasswordFile);
        QCOMPARE(h.store->createAccount(name, "Changed-Pass-1", Role::Operator, IpmiAccess::Disabled, root),
                 Error::AccountExists);
    }

    QCOMPARE(describe(h.store->accounts()), before);
    QCOMPARE(h.accountsJson(), fileBefore);
    QCOMPARE(accountsChanged.size(), 0);
    QCOMPARE(credentialsChanged.size(), 0);
    QCOMPARE(h.mark(), mark);

    // Stored accounts next to them are still the store's to change.
    QCOMPARE(h.store->setPassword(admin, "Changed-Pass-1", root), std::nullopt);
    QVERIFY(h.created(alice, alicePassword, Role::Operator));
}

void tst_AccountStore::passwordFileAccountsAreNeverSaved()
{
    Harness h;
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QVERIFY(h.created(bob, bobPassword, Role::ReadOnly));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^ipmipasswd:1: .*password.*\"admin\""_s));
    const QList<IpmiPasswordFile::Entry> entries = passwordFile("admin:admin\nbob:Bob-File-1\ncarol:Carol-File-1\n");
    QCOMPARE(h.store->setPasswordFileAccounts(entries, u"ipmipasswd"_s), std::nullopt);

    // A change to a stored account writes the file.
    QVERIFY(h.created(alice, alicePassword, Role::Operator, IpmiAccess::Enabled));
    const QByteArray file = h.accountsJson();
    QVERIFY(file.contains(alicePassword));
    QVERIFY(!file.contains("Bob-File-1"));
    QVERIFY(!file.contains("Carol-File-1"));
    QVERIFY(!file.contains("carol"));
    QCOMPARE(h.storedAccountJson(bob).value(u"role"_s).toString(), u"ReadOnly"_s);
    QCOMPARE(h.storedAccountJson(admin).value(u"ipmiPassword"_s).toString(), QString::fromLatin1(adminPassword));

    // After a restart without the file, the stored accounts are as they were.
    h.restart();
    QCOMPARE(names(h.store->accounts()), (QStringList{admin, alice, bob}));
    for (const Account &account : h.store->accounts())
        QCOMPARE(account.source, Account::Source::Store);
    QCOMPARE(RoleNames::toString(h.store->account(bob)->role), u"ReadOnly"_s);
    QCOMPARE(h.store->authenticate(bob, bobPassword, Origin::Redfish, address), LoginResult::Success);
    QCOMPARE(h.store->authenticate(admin, adminPassword, Origin::Redfish, address), LoginResult::Success);
    QCOMPARE(ipmiPasswordOf(*h.store, admin), adminPassword);
}

void tst_AccountStore::replacingPasswordFileAccountsSignalsEveryName()
{
    Harness h;
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    QCOMPARE(h.store->setPasswordFileAccounts(passwordFile("bob:Bob-File-1\ncarol:Carol-File-1\n"), u"f"_s),
             std::nullopt);
    QSignalSpy accountsChanged(h.store.get(), &AccountStore::accountsChanged);
    QSignalSpy credentialsChanged(h.store.get(), &AccountStore::credentialsChanged);

    // Whoever left the file and whoever came in: their sessions were built on other credentials.
    QCOMPARE(h.store->setPasswordFileAccounts(passwordFile("carol:Carol-File-2\ndave:Dave-File-1\n"), u"f"_s),
             std::nullopt);
    QCOMPARE(accountsChanged.size(), 1);
    QCOMPARE(namesSignalled(credentialsChanged), (QStringList{bob, carol, u"dave"_s}));
    QCOMPARE(names(h.store->accounts()), (QStringList{admin, carol, u"dave"_s}));
    QVERIFY(!h.store->account(bob));
    QCOMPARE(ipmiPasswordOf(*h.store, carol), QByteArray("Carol-File-2"));
}

// 2,000 failed logins for made-up names from one address: a handful of entries, and what the log
// held before is all still there.
void tst_AccountStore::aFloodOfFailedLoginsLeavesTheHistory()
{
    Harness h;
    QCOMPARE(h.store->ensureAdministrator(adminPassword), std::nullopt);
    for (int i = 0; i < 100; ++i)
        h.log->info(Actor::bmc(), u"history %1"_s.arg(i));
    const QList<EventLogEntry> before = h.log->entries();
    for (int i = 0; i < 2000; ++i)
        h.store->recordLoginFailure(u"guess%1"_s.arg(i), Origin::Redfish, u"192.0.2.66"_s);
    h.clock.advance(1min);
    h.store->logFailedLoginSummaries();
    const QList<EventLogEntry> after = h.log->entries();
    qInfo("event-log entries added by 2,000 failed logins: %lld", qlonglong(after.size() - before.size()));
    QCOMPARE(after.size() - before.size(), 4);
    for (qsizetype i = 0; i < before.size(); ++i)
        QCOMPARE(after.at(i).message, before.at(i).message);
    QVERIFY2(after.last().message.startsWith(u"1997 more failed logins from 192.0.2.66 for 64+ user names"_s),
             qPrintable(after.last().message));
}

// ---------------------------------------------------------------------------------------------
// Recovery at the screen

void tst_AccountStore::recoveryResetsTheLockedOutAdministrator()
{
    Harness h;
    QVERIFY(h.created(admin, adminPassword, Role::Administrator, IpmiAccess::Enabled));
    for (int i = 0; i < testPolicy().lockoutThreshold; ++i)
        h.store->authenticate(admin, wrongPassword, Origin::Redfish, u"192.0.2.9"_s);
    QVERIFY(h.store->isLockedOut(admin, u"192.0.2.9"_s));
    const qsizetype mark = h.mark();

    const Expected<AdministratorRecovery::Credentials> recovery =
        AdministratorRecovery(h.store.get(), h.log.get()).recover(Actor::screen());
    QVERIFY(recovery);
    QCOMPARE(recovery->name, admin);
    QCOMPARE(recovery->password.size(), 16);
    QVERIFY(!h.store->isLockedAnywhere(admin));
    QCOMPARE(h.store->authenticate(admin, recovery->password.toLatin1(), Origin::Redfish, {}), LoginResult::Success);
    QCOMPARE(h.store->ipmiPassword(admin), recovery->password.toLatin1());
    QCOMPARE(h.store->authenticate(admin, adminPassword, Origin::Redfish, {}), LoginResult::BadCredentials);

    const QList<EventLogEntry> entries = h.entriesSince(mark).mid(0, 1);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.constFirst().actor.origin, Origin::Screen);
    QCOMPARE(entries.constFirst().severity, Severity::Warning);
    QVERIFY(!entries.constFirst().message.contains(recovery->password));

    h.restart();
    QCOMPARE(h.store->authenticate(admin, recovery->password.toLatin1(), Origin::Redfish, {}), LoginResult::Success);
}

void tst_AccountStore::recoveryPrefersAnEnabledAdministrator()
{
    Harness h;
    QVERIFY(h.created(admin, adminPassword, Role::Administrator));
    QVERIFY(h.created(alice, alicePassword, Role::Administrator));
    QVERIFY(h.created(bob, bobPassword, Role::Operator));
    QCOMPARE(h.store->setEnabled(admin, false, Actor::redfish(alice)), std::nullopt);

    const Expected<AdministratorRecovery::Credentials> recovery =
        AdministratorRecovery(h.store.get(), h.log.get()).recover(Actor::screen());
    QVERIFY(recovery);
    QCOMPARE(recovery->name, alice);
    QVERIFY(!h.store->account(admin)->enabled);
}

void tst_AccountStore::recoveryRecreatesAnAdministratorWhenNoneIsLeft()
{
    Harness h;
    QVERIFY(h.created(alice, alicePassword, Role::Operator));
    const Expected<AdministratorRecovery::Credentials> recovery =
        AdministratorRecovery(h.store.get(), h.log.get()).recover(Actor::screen());
    QVERIFY(recovery);
    QCOMPARE(recovery->name, admin);
    QVERIFY(h.store->account(admin)->role == Role::Administrator);
    QCOMPARE(h.store->authenticate(admin, recovery->password.toLatin1(), Origin::Screen, {}), LoginResult::Success);
}

QTEST_GUILESS_MAIN(tst_AccountStore)
#include "tst_accountstore.moc"
