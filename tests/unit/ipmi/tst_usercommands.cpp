#include "AccountStore.h"
#include "BmcOnFakeHost.h"
#include "CommandTesting.h"
#include "EventLog.h"
#include "NetFn.h"
#include "UserCommands.h"

#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using CommandTesting::bytes;
using IpmiAccess = AccountStore::IpmiAccess;

// IPMI user slots over the accounts of a Bmc: "admin" (ID 2, Administrator, IPMI on) and "viewer"
// (ID 3, ReadOnly, IPMI off). Passwords are really hashed, so that a password set through IPMI
// is seen to log in.
class tst_UserCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void getUserAccess_data();
    void getUserAccess();
    void getUserAccessRefusals();
    void getUserName();
    void setUserNameRenames();
    void setUserNameRefusals_data();
    void setUserNameRefusals();
    void aNameWaitsForItsPassword();
    void aPasswordNeedsANameOnAnEmptySlot();
    void setPasswordTurnsOnIpmi();
    void setPasswordRefusals_data();
    void setPasswordRefusals();
    void testPassword_data();
    void testPassword();
    void enableAndDisable();
    void enableAndDisableRefusals();
    void setUserAccess_data();
    void setUserAccess();
    void setUserAccessRefusals_data();
    void setUserAccessRefusals();
    void aRefusedSetUserAccessChangesNothing();
    void aWaitingNameIsNotGivenTwice();
    void privileges_data();
    void privileges();
    void requestLengths_data();
    void requestLengths();

private:
    IpmiResponse call(quint8 command, const QByteArray &data, Privilege privilege = Privilege::Administrator);
    std::optional<Account> account(int id) const { return m_bmc->accounts()->accountById(id); }
    const EventLogEntry &lastEntry() const { return m_bmc->eventLog()->entries().last(); }

    std::unique_ptr<BmcOnFakeHost> m_host;
    FakeHostBackend *m_backend = nullptr;
    Bmc *m_bmc = nullptr;
    std::unique_ptr<CommandTable> m_table;
    std::unique_ptr<UserCommands> m_commands;
};

namespace {
// IPMI's fixed-width text and password fields: NUL-padded.
QByteArray field(const QByteArray &text, qsizetype width)
{
    return text.leftJustified(width, '\0', true);
}
} // namespace

void tst_UserCommands::init()
{
    m_host = std::make_unique<BmcOnFakeHost>();
    m_backend = &m_host->backend;
    m_bmc = &m_host->bmc;
    AccountStore *accounts = m_bmc->accounts();
    QVERIFY(!accounts->ensureAdministrator("Admin-Pass-1"));
    QVERIFY(
        !accounts->createAccount(u"viewer"_s, "Viewer-Pass-1", Role::ReadOnly, IpmiAccess::Disabled, Actor::screen()));
    m_table = std::make_unique<CommandTable>();
    m_commands = CommandTesting::registered<UserCommands>(*m_table, accounts);
}

void tst_UserCommands::cleanup()
{
    m_commands.reset();
    m_table.reset();
    m_host.reset();
}

IpmiResponse tst_UserCommands::call(quint8 command, const QByteArray &data, Privilege privilege)
{
    return m_table->dispatch(CommandTesting::request(NetFn::app, command, data, privilege));
}

void tst_UserCommands::getUserAccess_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("access");
    // 16 user IDs, enabled or disabled (bits 7:6) and two enabled accounts, one fixed name (the
    // null user's), then messaging (bit 4) and the privilege limit (Fh: no access).
    QTest::newRow("administrator") << bytes("01 02") << QByteArray("10 42 01 14");
    QTest::newRow("current channel") << bytes("0e 02") << QByteArray("10 42 01 14");
    QTest::newRow("IPMI messaging off") << bytes("01 03") << QByteArray("10 42 01 02");
    QTest::newRow("null user") << bytes("01 01") << QByteArray("10 82 01 0f");
    QTest::newRow("empty slot") << bytes("01 10") << QByteArray("10 82 01 0f");
}

void tst_UserCommands::getUserAccess()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, access);
    const IpmiResponse response = call(0x44, request, Privilege::Operator);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(response.data.toHex(' '), access);
}

void tst_UserCommands::getUserAccessRefusals()
{
    QCOMPARE(call(0x44, bytes("01 00")).completionCode, CompletionCode::InvalidDataField); // ID 0 is reserved
    QCOMPARE(call(0x44, bytes("01 11")).completionCode, CompletionCode::InvalidDataField);
    QCOMPARE(call(0x44, bytes("02 02")).completionCode, CompletionCode::InvalidDataField);
}

void tst_UserCommands::getUserName()
{
    QCOMPARE(call(0x46, bytes("02"), Privilege::Operator).data, field("admin", 16));
    QCOMPARE(call(0x46, bytes("01")).data, QByteArray(16, '\0')); // the null user has no name
    QCOMPARE(call(0x46, bytes("09")).data, QByteArray(16, '\0'));
    QCOMPARE(call(0x46, bytes("00")).completionCode, CompletionCode::InvalidDataField);
    QCOMPARE(call(0x46, bytes("11")).completionCode, CompletionCode::InvalidDataField);
}

void tst_UserCommands::setUserNameRenames()
{
    QCOMPARE(call(0x45, bytes("03") + field("reader", 16)).completionCode, CompletionCode::Success);
    QCOMPARE(account(3)->name, u"reader"_s);
    QCOMPARE(lastEntry().message, u"Account \"viewer\" renamed to \"reader\""_s);
    QCOMPARE(lastEntry().actor, Actor::ipmi(u"admin"_s));
    QCOMPARE(call(0x46, bytes("03")).data, field("reader", 16));
}

void tst_UserCommands::setUserNameRefusals_data()
{
    QTest::addColumn<quint8>("user");
    QTest::addColumn<QByteArray>("name");
    QTest::newRow("null user") << quint8(0x01) << QByteArray("nobody");
    QTest::newRow("user ID 0") << quint8(0x00) << QByteArray("nobody");
    QTest::newRow("user ID 17") << quint8(0x11) << QByteArray("nobody");
    QTest::newRow("empty name") << quint8(0x03) << QByteArray();
    QTest::newRow("not a valid name") << quint8(0x03) << QByteArray(".hidden");
    QTest::newRow("another account's name") << quint8(0x03) << QByteArray("admin");
    QTest::newRow("an account's name on an empty slot") << quint8(0x05) << QByteArray("admin");
    QTest::newRow("a NUL inside") << quint8(0x03) << QByteArray("read\0er", 7);
}

void tst_UserCommands::setUserNameRefusals()
{
    QFETCH(quint8, user);
    QFETCH(QByteArray, name);
    QCOMPARE(call(0x45, char(user) + field(name, 16)).completionCode, CompletionCode::InvalidDataField);
    QCOMPARE(account(3)->name, u"viewer"_s);
    QCOMPARE(call(0x46, bytes("05")).data, QByteArray(16, '\0'));
}

void tst_UserCommands::aNameWaitsForItsPassword()
{
    QCOMPARE(call(0x45, bytes("05") + field("newuser", 16)).completionCode, CompletionCode::Success);
    QVERIFY(!account(5));
    QCOMPARE(call(0x46, bytes("05")).data, field("newuser", 16));
    QCOMPARE(call(0x44, bytes("01 05")).data.toHex(' '), QByteArray("10 82 01 0f"));

    QCOMPARE(call(0x47, bytes("05 02") + field("New-Pass-123", 16)).completionCode, CompletionCode::Success);
    QVERIFY(account(5));
    QCOMPARE(account(5)->name, u"newuser"_s);
    QVERIFY(account(5)->role == Role::ReadOnly);
    QVERIFY(account(5)->ipmiEnabled);
    QCOMPARE(m_bmc->accounts()->ipmiPassword(u"newuser"_s), QByteArray("New-Pass-123"));
    QCOMPARE(m_bmc->accounts()->authenticate(u"newuser"_s, "New-Pass-123", Actor::Origin::Redfish, u"192.0.2.1"_s),
             AccountStore::LoginResult::Success);
    QCOMPARE(lastEntry().actor, Actor::ipmi(u"admin"_s));
    QCOMPARE(call(0x44, bytes("01 05")).data.toHex(' '), QByteArray("10 43 01 12"));
}

void tst_UserCommands::aPasswordNeedsANameOnAnEmptySlot()
{
    QCOMPARE(call(0x47, bytes("06 02") + field("Some-Pass-123", 16)).completionCode, CompletionCode::InvalidDataField);
    QCOMPARE(m_bmc->accounts()->accounts().size(), 2);
}

void tst_UserCommands::setPasswordTurnsOnIpmi()
{
    // Bit 7 of the user ID byte: a 20-byte password field.
    const QByteArray password = "Viewer-Password-1234";
    QCOMPARE(call(0x47, bytes("83 02") + field(password, 20)).completionCode, CompletionCode::Success);
    QVERIFY(account(3)->ipmiEnabled);
    QCOMPARE(m_bmc->accounts()->ipmiPassword(u"viewer"_s), password);
    QCOMPARE(lastEntry().actor, Actor::ipmi(u"admin"_s));
    QCOMPARE(call(0x47, bytes("83 03") + field(password, 20)).completionCode, CompletionCode::Success);
    // A 20-byte password tested in a 16-byte field: "wrong password size".
    QCOMPARE(call(0x47, bytes("03 03") + field(password, 16)).completionCode, CompletionCode::PasswordWrongSize);
}

void tst_UserCommands::setPasswordRefusals_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<CompletionCode>("expected");
    const auto invalid = CompletionCode::InvalidDataField;
    const auto length = CompletionCode::RequestDataLengthInvalid;
    QTest::newRow("too short") << bytes("02 02") + field("short", 16) << invalid;
    QTest::newRow("null user") << bytes("01 02") + field("Some-Pass-123", 16) << invalid;
    QTest::newRow("no password at all") << bytes("02 02") + QByteArray(16, '\0')
                                        << CompletionCode::NotSupportedInPresentState;
    QTest::newRow("set without a field") << bytes("02 02") << length;
    QTest::newRow("17-byte field") << bytes("02 02") + field("Some-Pass-123", 17) << length;
    QTest::newRow("16-byte flag, 20 bytes") << bytes("02 02") + field("Some-Pass-123", 20) << length;
    QTest::newRow("20-byte flag, 16 bytes") << bytes("82 02") + field("Some-Pass-123", 16) << length;
    QTest::newRow("enable with a short field") << bytes("03 01") + QByteArray(5, '\0') << length;
    QTest::newRow("a NUL inside") << bytes("02 02")
            + field(QByteArray("Some-Pass\0"
                               "123",
                               13),
                    16) << invalid;
}

void tst_UserCommands::setPasswordRefusals()
{
    QFETCH(QByteArray, request);
    QFETCH(CompletionCode, expected);
    const qsizetype logged = m_bmc->eventLog()->count();
    QCOMPARE(call(0x47, request).completionCode, expected);
    QCOMPARE(m_bmc->accounts()->ipmiPassword(u"admin"_s), QByteArray("Admin-Pass-1"));
    QCOMPARE(m_bmc->eventLog()->count(), logged);
}

void tst_UserCommands::testPassword_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<CompletionCode>("expected");
    QTest::newRow("right") << bytes("02 03") + field("Admin-Pass-1", 16) << CompletionCode::Success;
    QTest::newRow("right, 20-byte field") << bytes("82 03") + field("Admin-Pass-1", 20) << CompletionCode::Success;
    QTest::newRow("wrong") << bytes("02 03") + field("Admin-Pass-2", 16) << CompletionCode::PasswordTestFailed;
    QTest::newRow("a prefix") << bytes("02 03") + field("Admin-Pass", 16) << CompletionCode::PasswordTestFailed;
    QTest::newRow("right, then NUL and more")
        << bytes("02 03") + field(QByteArray("Admin-Pass-1\0x", 14), 16) << CompletionCode::PasswordTestFailed;
    // IPMI has no copy of a password it may not use.
    QTest::newRow("IPMI off") << bytes("03 03") + field("Viewer-Pass-1", 16) << CompletionCode::PasswordTestFailed;
    QTest::newRow("empty slot") << bytes("09 03") + field("Admin-Pass-1", 16) << CompletionCode::InvalidDataField;
}

void tst_UserCommands::testPassword()
{
    QFETCH(QByteArray, request);
    QFETCH(CompletionCode, expected);
    QCOMPARE(call(0x47, request).completionCode, expected);
}

void tst_UserCommands::enableAndDisable()
{
    QCOMPARE(call(0x47, bytes("03 00")).completionCode, CompletionCode::Success);
    QVERIFY(!account(3)->enabled);
    QCOMPARE(lastEntry().message, u"Account \"viewer\" disabled"_s);
    QCOMPARE(lastEntry().actor, Actor::ipmi(u"admin"_s));
    QCOMPARE(call(0x44, bytes("01 03")).data.toHex(' '), QByteArray("10 81 01 02"));
    // Clients may send an empty password field with enable and disable.
    QCOMPARE(call(0x47, bytes("03 01") + QByteArray(16, '\0')).completionCode, CompletionCode::Success);
    QVERIFY(account(3)->enabled);
    QCOMPARE(call(0x47, bytes("83 00") + QByteArray(20, '\0')).completionCode, CompletionCode::Success);
    QVERIFY(!account(3)->enabled);
}

void tst_UserCommands::enableAndDisableRefusals()
{
    QCOMPARE(call(0x47, bytes("02 00")).completionCode, CompletionCode::NotSupportedInPresentState); // last admin
    QVERIFY(account(2)->enabled);
    QCOMPARE(call(0x47, bytes("09 01")).completionCode, CompletionCode::InvalidDataField);
    QCOMPARE(call(0x47, bytes("01 01")).completionCode, CompletionCode::InvalidDataField); // stays disabled
}

void tst_UserCommands::setUserAccess_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<Role>("role");
    QTest::addColumn<bool>("ipmi");
    // Byte 1: bit 7 makes bit 4 (IPMI messaging) count, bits 3:0 the channel; then the user ID,
    // the privilege limit and an optional session limit. "viewer" has IPMI access here.
    QTest::newRow("operator") << bytes("01 03 03") << Role::Operator << true;
    QTest::newRow("administrator, current channel") << bytes("0e 03 04") << Role::Administrator << true;
    QTest::newRow("messaging off") << bytes("81 03 02") << Role::ReadOnly << false;
    QTest::newRow("messaging on, as it was") << bytes("91 03 03") << Role::Operator << true;
    QTest::newRow("no access") << bytes("01 03 0f") << Role::ReadOnly << false;
    QTest::newRow("with a session limit") << bytes("01 03 03 01") << Role::Operator << true;
}

void tst_UserCommands::setUserAccess()
{
    QFETCH(QByteArray, request);
    QFETCH(Role, role);
    QFETCH(bool, ipmi);
    QVERIFY(!m_bmc->accounts()->setIpmiAccess(u"viewer"_s, IpmiAccess::Enabled, "Viewer-Pass-1", Actor::screen()));
    QCOMPARE(call(0x43, request).completionCode, CompletionCode::Success);
    QVERIFY(account(3)->role == role);
    QCOMPARE(account(3)->ipmiEnabled, ipmi);
    QCOMPARE(lastEntry().actor, Actor::ipmi(u"admin"_s));
}

void tst_UserCommands::setUserAccessRefusals_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<CompletionCode>("expected");
    const auto invalid = CompletionCode::InvalidDataField;
    QTest::newRow("callback") << bytes("01 03 01") << invalid;
    QTest::newRow("OEM") << bytes("01 03 05") << invalid;
    QTest::newRow("privilege 0") << bytes("01 03 00") << invalid;
    QTest::newRow("another channel") << bytes("02 03 02") << invalid;
    QTest::newRow("empty slot") << bytes("01 09 02") << invalid;
    QTest::newRow("user ID 17") << bytes("01 11 02") << invalid;
    QTest::newRow("null user, some access") << bytes("01 01 02") << invalid;
    // Only Set User Password gives IPMI the password it needs.
    QTest::newRow("messaging on without a password") << bytes("91 03 02") << CompletionCode::NotSupportedInPresentState;
    QTest::newRow("the last administrator demoted") << bytes("01 02 03") << CompletionCode::NotSupportedInPresentState;
}

void tst_UserCommands::setUserAccessRefusals()
{
    QFETCH(QByteArray, request);
    QFETCH(CompletionCode, expected);
    const qsizetype logged = m_bmc->eventLog()->count();
    QCOMPARE(call(0x43, request).completionCode, expected);
    QCOMPARE(m_bmc->eventLog()->count(), logged);
    QCOMPARE(call(0x43, bytes("01 01 0f")).completionCode, CompletionCode::Success); // the null user has none
}

void tst_UserCommands::aRefusedSetUserAccessChangesNothing()
{
    // Messaging off and demoted to User: the last administrator may not be demoted, so the whole
    // request is refused, and a refused request should leave the account as it was.
    QCOMPARE(call(0x43, bytes("81 02 02")).completionCode, CompletionCode::NotSupportedInPresentState);
    QVERIFY(account(2)->role == Role::Administrator);
    QEXPECT_FAIL("", "qbmc turns IPMI messaging off before it finds the role change refused", Continue);
    QVERIFY(account(2)->ipmiEnabled);
}

void tst_UserCommands::aWaitingNameIsNotGivenTwice()
{
    // The name is checked when it is set so that the password step cannot fail on it; a name
    // already waiting in another slot is as taken as an account's.
    QCOMPARE(call(0x45, bytes("05") + field("twin", 16)).completionCode, CompletionCode::Success);
    QEXPECT_FAIL("", "qbmc accepts a name that already waits in another slot", Continue);
    QCOMPARE(call(0x45, bytes("06") + field("twin", 16)).completionCode, CompletionCode::InvalidDataField);
}

void tst_UserCommands::privileges_data()
{
    QTest::addColumn<quint8>("command");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<Privilege>("needed");
    QTest::newRow("Get User Access") << quint8(0x44) << bytes("01 02") << Privilege::Operator;
    QTest::newRow("Get User Name") << quint8(0x46) << bytes("02") << Privilege::Operator;
    QTest::newRow("Set User Name") << quint8(0x45) << bytes("05") + field("someone", 16) << Privilege::Administrator;
    QTest::newRow("Set User Password") << quint8(0x47) << bytes("03 01") << Privilege::Administrator;
    QTest::newRow("Set User Access") << quint8(0x43) << bytes("01 03 03") << Privilege::Administrator;
}

void tst_UserCommands::privileges()
{
    QFETCH(quint8, command);
    QFETCH(QByteArray, data);
    QFETCH(Privilege, needed);
    QCOMPARE(call(command, data, Privilege(quint8(needed) - 1)).completionCode, CompletionCode::InsufficientPrivilege);
    QVERIFY(account(3)->role == Role::ReadOnly);
    QCOMPARE(call(command, data, needed).completionCode, CompletionCode::Success);
}

void tst_UserCommands::requestLengths_data()
{
    QTest::addColumn<quint8>("command");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<CompletionCode>("expected");
    const auto accepted = CompletionCode::Success;
    const auto refused = CompletionCode::RequestDataLengthInvalid;
    QTest::newRow("Get User Access, 1") << quint8(0x44) << bytes("01") << refused;
    QTest::newRow("Get User Access, 2") << quint8(0x44) << bytes("01 02") << accepted;
    QTest::newRow("Get User Access, 3") << quint8(0x44) << bytes("01 02 00") << refused;
    QTest::newRow("Get User Name, none") << quint8(0x46) << QByteArray() << refused;
    QTest::newRow("Get User Name, 1") << quint8(0x46) << bytes("02") << accepted;
    QTest::newRow("Get User Name, 2") << quint8(0x46) << bytes("02 00") << refused;
    QTest::newRow("Set User Name, 16") << quint8(0x45) << bytes("05") + field("someone", 15) << refused;
    QTest::newRow("Set User Name, 17") << quint8(0x45) << bytes("05") + field("someone", 16) << accepted;
    QTest::newRow("Set User Name, 18") << quint8(0x45) << bytes("05") + field("someone", 17) << refused;
    QTest::newRow("Set User Password, 1") << quint8(0x47) << bytes("03") << refused;
    QTest::newRow("Set User Password, 2") << quint8(0x47) << bytes("03 01") << accepted;
    QTest::newRow("Set User Password, 18") << quint8(0x47) << bytes("02 03") + field("Admin-Pass-1", 16) << accepted;
    QTest::newRow("Set User Password, 22") << quint8(0x47) << bytes("82 03") + field("Admin-Pass-1", 20) << accepted;
    QTest::newRow("Set User Password, 23") << quint8(0x47) << bytes("82 03") + field("Admin-Pass-1", 21) << refused;
    QTest::newRow("Set User Access, 2") << quint8(0x43) << bytes("01 03") << refused;
    QTest::newRow("Set User Access, 3") << quint8(0x43) << bytes("01 03 02") << accepted;
    QTest::newRow("Set User Access, 4") << quint8(0x43) << bytes("01 03 02 00") << accepted;
    QTest::newRow("Set User Access, 5") << quint8(0x43) << bytes("01 03 02 00 00") << refused;
}

void tst_UserCommands::requestLengths()
{
    QFETCH(quint8, command);
    QFETCH(QByteArray, data);
    QFETCH(CompletionCode, expected);
    QCOMPARE(call(command, data).completionCode, expected);
}

QTEST_GUILESS_MAIN(tst_UserCommands)
#include "tst_usercommands.moc"
