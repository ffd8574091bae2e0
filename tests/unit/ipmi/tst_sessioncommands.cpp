#include "CipherSuite.h"
#include "CommandTesting.h"
#include "IpmiSessionTable.h"
#include "NetFn.h"
#include "RemoteSessionRegistry.h"
#include "SessionCommands.h"

#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using CommandTesting::bytes;

// Session commands over real sessions of an IpmiSessionTable, set up as RAKP leaves them (user,
// user ID, the highest privilege it may take) and activated; each request comes from one of them.
class tst_SessionCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void setPrivilege_data();
    void setPrivilege();
    void setPrivilegeRefusals();
    void closeOwnSessionAfterTheReply();
    void closeAnotherSession_data();
    void closeAnotherSession();
    void closingAnotherSessionNeedsAdministrator();
    void closeRefusals();
    void infoOfThisSession();
    void infoByIndexHandleAndId();
    void infoOfNoSession();
    void infoOfAnIpv6Peer();
    void privileges_data();
    void privileges();
    void requestLengths_data();
    void requestLengths();

private:
    IpmiSession *openSession(const QString &user, int userId, Privilege maximum, const IpmiPeer &peer);
    IpmiResponse call(quint8 command, const QByteArray &data, const IpmiSession *from);
    quint32 unusedId() const;

    const IpmiPeer m_peer{QHostAddress(u"192.0.2.10"_s), 50000};
    const IpmiPeer m_otherPeer{QHostAddress(u"192.0.2.11"_s), 50001};
    std::unique_ptr<RemoteSessionRegistry> m_registry;
    std::unique_ptr<IpmiSessionTable> m_sessions;
    std::unique_ptr<CommandTable> m_table;
    std::unique_ptr<SessionCommands> m_commands;
    IpmiSession *m_admin = nullptr; // handle 1, user ID 2, up to Administrator
    IpmiSession *m_user = nullptr;  // handle 2, user ID 3, up to User, from another peer
};

namespace {
QByteArray le32(quint32 value)
{
    QByteArray bytes;
    for (int shift = 0; shift < 32; shift += 8)
        bytes.append(char(value >> shift & 0xFF));
    return bytes;
}
} // namespace

void tst_SessionCommands::init()
{
    m_registry = std::make_unique<RemoteSessionRegistry>();
    m_sessions = std::make_unique<IpmiSessionTable>(m_registry.get(), IpmiSessionTable::Limits{});
    m_table = std::make_unique<CommandTable>();
    m_commands = CommandTesting::registered<SessionCommands>(*m_table, m_sessions.get());
    m_admin = openSession(u"admin"_s, 2, Privilege::Administrator, m_peer);
    m_user = openSession(u"viewer"_s, 3, Privilege::User, m_otherPeer);
}

void tst_SessionCommands::cleanup()
{
    m_commands.reset();
    m_table.reset();
    m_sessions.reset();
    m_registry.reset();
}

IpmiSession *tst_SessionCommands::openSession(const QString &user, int userId, Privilege maximum, const IpmiPeer &peer)
{
    IpmiSession *session = m_sessions->open(peer, 0x1000 + quint32(userId), *CipherSuite::byId(17));
    session->user = user;
    session->userId = userId;
    session->maximumPrivilege = maximum;
    m_sessions->activate(session); // starts at User, or lower
    return session;
}

IpmiResponse tst_SessionCommands::call(quint8 command, const QByteArray &data, const IpmiSession *from)
{
    IpmiRequest request = CommandTesting::request(NetFn::app, command, data, from->privilege);
    request.caller.sessionId = from->id;
    request.caller.user = from->user;
    request.caller.peer = from->peer;
    return m_table->dispatch(request);
}

quint32 tst_SessionCommands::unusedId() const
{
    quint32 id = 1;
    while (m_sessions->find(id))
        ++id;
    return id;
}

void tst_SessionCommands::setPrivilege_data()
{
    QTest::addColumn<quint8>("asked");
    QTest::addColumn<CompletionCode>("expected");
    QTest::addColumn<Privilege>("privilege");
    QTest::newRow("administrator") << quint8(0x04) << CompletionCode::Success << Privilege::Administrator;
    QTest::newRow("operator") << quint8(0x03) << CompletionCode::Success << Privilege::Operator;
    QTest::newRow("user") << quint8(0x02) << CompletionCode::Success << Privilege::User;
    QTest::newRow("0: the present level") << quint8(0x00) << CompletionCode::Success << Privilege::User;
    // Callback and OEM are not levels a session works at here; 6h and above are reserved.
    QTest::newRow("callback") << quint8(0x01) << CompletionCode::InvalidDataField << Privilege::User;
    QTest::newRow("OEM") << quint8(0x05) << CompletionCode::InvalidDataField << Privilege::User;
    QTest::newRow("reserved") << quint8(0x06) << CompletionCode::InvalidDataField << Privilege::User;
}

void tst_SessionCommands::setPrivilege()
{
    QFETCH(quint8, asked);
    QFETCH(CompletionCode, expected);
    QFETCH(Privilege, privilege);
    const IpmiResponse response = call(0x3B, QByteArray(1, char(asked)), m_admin);
    QCOMPARE(response.completionCode, expected);
    if (expected == CompletionCode::Success)
        QCOMPARE(response.data, QByteArray(1, char(privilege))); // the level the session now has
    QCOMPARE(m_admin->privilege, privilege);
    // The screen and Redfish list the session with its new level.
    const auto entry = std::find_if(m_registry->all().cbegin(), m_registry->all().cend(),
                                    [this](const RemoteSession &s) { return s.id == m_admin->registryId; });
    QVERIFY(entry != m_registry->all().cend());
    QVERIFY(entry->privilege == Privileges::toRole(privilege));
}

void tst_SessionCommands::setPrivilegeRefusals()
{
    // Above what the session may take: "exceeds the user's privilege limit".
    QCOMPARE(call(0x3B, bytes("03"), m_user).completionCode, CompletionCode(0x81));
    QCOMPARE(m_user->privilege, Privilege::User);
    // A request naming the session but coming from another peer is not the session's.
    IpmiRequest request = CommandTesting::request(NetFn::app, 0x3B, bytes("04"), Privilege::User);
    request.caller.sessionId = m_admin->id;
    request.caller.peer = m_otherPeer;
    QCOMPARE(m_table->dispatch(request).completionCode, CompletionCode::Unspecified);
    QCOMPARE(m_admin->privilege, Privilege::User);
}

void tst_SessionCommands::closeOwnSessionAfterTheReply()
{
    const quint32 id = m_user->id;
    const IpmiResponse response = call(0x3C, le32(id), m_user);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QVERIFY(response.data.isEmpty());
    // The reply travels in the session it closes: it must still be there until the reply is out.
    QVERIFY(m_sessions->activeById(id));
    QVERIFY(response.afterReply);
    response.afterReply();
    QVERIFY(!m_sessions->find(id));
    QCOMPARE(m_sessions->activeCount(), 1);
    QCOMPARE(m_registry->count(), 1);
}

void tst_SessionCommands::closeAnotherSession_data()
{
    QTest::addColumn<bool>("byHandle");
    QTest::newRow("by id") << false;
    QTest::newRow("by handle (id 0)") << true;
}

void tst_SessionCommands::closeAnotherSession()
{
    QFETCH(bool, byHandle);
    m_sessions->setPrivilege(m_admin, Privilege::Administrator);
    const quint32 id = m_user->id;
    const QByteArray data = byHandle ? le32(0) + char(m_user->handle) : le32(id);
    const IpmiResponse response = call(0x3C, data, m_admin);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    response.afterReply();
    QVERIFY(!m_sessions->find(id));
    QVERIFY(m_sessions->activeById(m_admin->id));
}

void tst_SessionCommands::closingAnotherSessionNeedsAdministrator()
{
    m_sessions->setPrivilege(m_admin, Privilege::Operator);
    QCOMPARE(call(0x3C, le32(m_user->id), m_admin).completionCode, CompletionCode::InsufficientPrivilege);
    QCOMPARE(call(0x3C, le32(m_admin->id), m_user).completionCode, CompletionCode::InsufficientPrivilege);
    QCOMPARE(m_sessions->activeCount(), 2);
}

void tst_SessionCommands::closeRefusals()
{
    constexpr auto invalidSessionId = CompletionCode(0x87);
    constexpr auto invalidSessionHandle = CompletionCode(0x88);
    m_sessions->setPrivilege(m_admin, Privilege::Administrator);
    QCOMPARE(call(0x3C, le32(unusedId()), m_admin).completionCode, invalidSessionId);
    // A session still in setup cannot be closed by id or by handle.
    const IpmiSession *setup = m_sessions->open(m_otherPeer, 0x2000, *CipherSuite::byId(3));
    QCOMPARE(call(0x3C, le32(setup->id), m_admin).completionCode, invalidSessionId);
    QCOMPARE(call(0x3C, le32(0) + char(setup->handle), m_admin).completionCode, invalidSessionHandle);
    QCOMPARE(call(0x3C, le32(0) + char(0x09), m_admin).completionCode, invalidSessionHandle);
    // Id 0 names the session by its handle, which must then follow.
    QCOMPARE(call(0x3C, le32(0), m_admin).completionCode, CompletionCode::RequestDataLengthInvalid);
    QCOMPARE(m_sessions->count(), 3);
}

void tst_SessionCommands::infoOfThisSession()
{
    m_sessions->setPrivilege(m_admin, Privilege::Administrator);
    const IpmiResponse response = call(0x3D, bytes("00"), m_admin);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    // Handle 1, 16 possible and 2 active sessions, user ID 2 at Administrator, an IPMI v2.0 session
    // on channel 1, from 192.0.2.10 (most significant byte first), MAC unknown, port 50000 (least
    // significant byte first).
    QCOMPARE(response.data.toHex(' '), QByteArray("01 10 02 02 04 11 c0 00 02 0a 00 00 00 00 00 00 50 c3"));
}

void tst_SessionCommands::infoByIndexHandleAndId()
{
    const QByteArray second = "02 10 02 03 02 11 c0 00 02 0b 00 00 00 00 00 00 51 c3";
    QCOMPARE(call(0x3D, bytes("02"), m_admin).data.toHex(' '), second);
    QCOMPARE(call(0x3D, bytes("fe 02"), m_admin).data.toHex(' '), second);
    QCOMPARE(call(0x3D, bytes("ff") + le32(m_user->id), m_admin).data.toHex(' '), second);
    QCOMPARE(call(0x3D, bytes("01"), m_user).data.first(1).toHex(' '), QByteArray("01"));
}

void tst_SessionCommands::infoOfNoSession()
{
    // Only the handle (0: none) and the two counts.
    QCOMPARE(call(0x3D, bytes("03"), m_admin).data.toHex(' '), QByteArray("00 10 02"));
    QCOMPARE(call(0x3D, bytes("fe 09"), m_admin).data.toHex(' '), QByteArray("00 10 02"));
    QCOMPARE(call(0x3D, bytes("ff") + le32(unusedId()), m_admin).data.toHex(' '), QByteArray("00 10 02"));
    // The handle or the id must be there when the index says so.
    QCOMPARE(call(0x3D, bytes("fe"), m_admin).completionCode, CompletionCode::RequestDataLengthInvalid);
    QCOMPARE(call(0x3D, bytes("ff 01 02 03"), m_admin).completionCode, CompletionCode::RequestDataLengthInvalid);
}

void tst_SessionCommands::infoOfAnIpv6Peer()
{
    const IpmiSession *session = openSession(u"admin"_s, 2, Privilege::User, {QHostAddress(u"2001:db8::1"_s), 623});
    // No IPv4 address to give: zeros.
    QCOMPARE(call(0x3D, bytes("00"), session).data.toHex(' '),
             QByteArray("03 10 03 02 02 11 00 00 00 00 00 00 00 00 00 00 6f 02"));
}

void tst_SessionCommands::privileges_data()
{
    QTest::addColumn<quint8>("command");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<Privilege>("needed");
    QTest::newRow("Set Session Privilege Level") << quint8(0x3B) << bytes("00") << Privilege::User;
    QTest::newRow("Close Session") << quint8(0x3C) << bytes("00 00 00 00 01") << Privilege::Callback;
    QTest::newRow("Get Session Info") << quint8(0x3D) << bytes("00") << Privilege::User;
}

void tst_SessionCommands::privileges()
{
    QFETCH(quint8, command);
    QFETCH(QByteArray, data);
    QFETCH(Privilege, needed);
    // The admin's own session (handle 1), set to each level as RAKP 1 may have asked for it.
    if (needed > Privilege::Callback) {
        m_admin->privilege = Privilege(quint8(needed) - 1);
        QCOMPARE(call(command, data, m_admin).completionCode, CompletionCode::InsufficientPrivilege);
    }
    m_admin->privilege = needed;
    // IPMI v2.0 table G-1 lists Close Session at Callback: a Callback session must be able to end
    // itself.
    QEXPECT_FAIL("Close Session", "qbmc requires User for Close Session", Continue);
    QCOMPARE(call(command, data, m_admin).completionCode, CompletionCode::Success);
}

void tst_SessionCommands::requestLengths_data()
{
    QTest::addColumn<quint8>("command");
    QTest::addColumn<bool>("ownId"); // the calling session's id ends the data
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<CompletionCode>("expected");
    const auto accepted = CompletionCode::Success;
    const auto refused = CompletionCode::RequestDataLengthInvalid;
    QTest::newRow("set privilege, none") << quint8(0x3B) << false << QByteArray() << refused;
    QTest::newRow("set privilege, 1") << quint8(0x3B) << false << bytes("00") << accepted;
    QTest::newRow("set privilege, 2") << quint8(0x3B) << false << bytes("00 00") << refused;
    QTest::newRow("close, 3") << quint8(0x3C) << false << bytes("00 00 00") << refused;
    QTest::newRow("close, 4") << quint8(0x3C) << true << QByteArray() << accepted;
    QTest::newRow("close, 5") << quint8(0x3C) << false << bytes("00 00 00 00 01") << accepted;
    QTest::newRow("close, 6") << quint8(0x3C) << false << bytes("00 00 00 00 01 00") << refused;
    QTest::newRow("info, none") << quint8(0x3D) << false << QByteArray() << refused;
    QTest::newRow("info, 1") << quint8(0x3D) << false << bytes("00") << accepted;
    QTest::newRow("info, 5") << quint8(0x3D) << true << bytes("ff") << accepted;
    QTest::newRow("info, 6") << quint8(0x3D) << false << bytes("ff 00 00 00 00 00") << refused;
}

void tst_SessionCommands::requestLengths()
{
    QFETCH(quint8, command);
    QFETCH(bool, ownId);
    QFETCH(QByteArray, data);
    QFETCH(CompletionCode, expected);
    QCOMPARE(call(command, ownId ? data + le32(m_admin->id) : data, m_admin).completionCode, expected);
}

QTEST_GUILESS_MAIN(tst_SessionCommands)
#include "tst_sessioncommands.moc"
