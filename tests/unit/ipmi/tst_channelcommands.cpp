#include "ChannelCommands.h"
#include "CipherSuite.h"
#include "CommandTesting.h"
#include "IpmiSessionTable.h"
#include "NetFn.h"
#include "RemoteSessionRegistry.h"

#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using CommandTesting::bytes;

// The LAN channel as clients discover it, over a real session table (Get Channel Info counts its
// active sessions) and the cipher suites the server would be configured with.
class tst_ChannelCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void authenticationCapabilities_data();
    void authenticationCapabilities();
    void authenticationCapabilitiesRefusals();
    void cipherSuites_data();
    void cipherSuites();
    void cipherSuitesRefusals();
    void beforeASession();
    void channelAccess();
    void channelInfoCountsActiveSessions();
    void payloadSupport();
    void payloadVersion_data();
    void payloadVersion();
    void privileges_data();
    void privileges();
    void requestLengths_data();
    void requestLengths();

private:
    IpmiResponse call(quint8 command, const QByteArray &data, Privilege privilege = Privilege::User);
    void make(const QList<int> &cipherSuites);

    std::unique_ptr<RemoteSessionRegistry> m_registry;
    std::unique_ptr<IpmiSessionTable> m_sessions;
    std::unique_ptr<CommandTable> m_table;
    std::unique_ptr<ChannelCommands> m_commands;
};

void tst_ChannelCommands::init()
{
    m_registry = std::make_unique<RemoteSessionRegistry>();
    m_sessions = std::make_unique<IpmiSessionTable>(m_registry.get(), IpmiSessionTable::Limits{});
    make({17, 3});
}

void tst_ChannelCommands::make(const QList<int> &cipherSuites)
{
    m_commands.reset();
    m_table = std::make_unique<CommandTable>();
    m_commands = CommandTesting::registered<ChannelCommands>(*m_table, m_sessions.get(), cipherSuites);
}

void tst_ChannelCommands::cleanup()
{
    m_commands.reset();
    m_table.reset();
    m_sessions.reset();
    m_registry.reset();
}

IpmiResponse tst_ChannelCommands::call(quint8 command, const QByteArray &data, Privilege privilege)
{
    return m_table->dispatch(CommandTesting::request(NetFn::app, command, data, privilege));
}

void tst_ChannelCommands::authenticationCapabilities_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("capabilities");
    // Channel 1; no IPMI v1.5 authentication type, only (bit 7) the v2.0 extended data; non-null
    // user names only, per-message and user-level authentication on, default KG; IPMI v2.0
    // connections only; no OEM.
    QTest::newRow("IPMI v2.0") << bytes("81 04") << QByteArray("01 80 04 02 00 00 00 00");
    QTest::newRow("IPMI v2.0, current channel") << bytes("8e 02") << QByteArray("01 80 04 02 00 00 00 00");
    // A v1.5 client learns that there is nothing for it.
    QTest::newRow("IPMI v1.5") << bytes("0e 04") << QByteArray("01 00 04 00 00 00 00 00");
}

void tst_ChannelCommands::authenticationCapabilities()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, capabilities);
    const IpmiResponse response = call(0x38, request, Privilege::Callback);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(response.data.toHex(' '), capabilities);
}

void tst_ChannelCommands::authenticationCapabilitiesRefusals()
{
    QCOMPARE(call(0x38, bytes("82 04")).completionCode, CompletionCode::InvalidDataField); // channel 2
    QCOMPARE(call(0x38, bytes("8e 00")).completionCode, CompletionCode::InvalidDataField); // no privilege level
    QCOMPARE(call(0x38, bytes("8e 06")).completionCode, CompletionCode::InvalidDataField);
}

void tst_ChannelCommands::cipherSuites_data()
{
    QTest::addColumn<QList<int>>("suites");
    QTest::addColumn<quint8>("selector");
    QTest::addColumn<QByteArray>("records");
    // By cipher suite (bit 7): C0h, the suite id, then authentication, integrity (tagged 01b) and
    // confidentiality (tagged 10b) algorithms. Suite 17: RAKP-HMAC-SHA256, HMAC-SHA256-128,
    // AES-CBC-128; suite 3: RAKP-HMAC-SHA1, HMAC-SHA1-96, AES-CBC-128.
    const QList<int> offered{17, 3};
    QTest::newRow("by suite") << offered << quint8(0x80) << QByteArray("01 c0 11 03 44 81 c0 03 01 41 81");
    QTest::newRow("algorithms") << offered << quint8(0x00) << QByteArray("01 03 44 81 01 41 81");
    QTest::newRow("suite 3 only") << QList<int>{3} << quint8(0x80) << QByteArray("01 c0 03 01 41 81");
    QTest::newRow("unknown suites left out")
        << QList<int>{0, 17, 99} << quint8(0x80) << QByteArray("01 c0 11 03 44 81");
    // 16 bytes a request; a shorter answer tells the client it has them all.
    const QList<int> many{17, 3, 17, 3};
    QTest::newRow("first block") << many << quint8(0x80)
                                 << QByteArray("01 c0 11 03 44 81 c0 03 01 41 81 c0 11 03 44 81 c0");
    QTest::newRow("second block") << many << quint8(0x81) << QByteArray("01 03 01 41 81");
    QTest::newRow("past the end") << offered << quint8(0x81) << QByteArray("01");
}

void tst_ChannelCommands::cipherSuites()
{
    QFETCH(QList<int>, suites);
    QFETCH(quint8, selector);
    QFETCH(QByteArray, records);
    make(suites);
    // Channel 0Eh ("this one"), IPMI payload.
    const IpmiResponse response = call(0x54, bytes("0e 00") + char(selector), Privilege::Callback);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(response.data.toHex(' '), records);
}

void tst_ChannelCommands::cipherSuitesRefusals()
{
    QCOMPARE(call(0x54, bytes("03 00 80")).completionCode, CompletionCode::InvalidDataField);
    QCOMPARE(call(0x54, bytes("01 01 80")).completionCode, CompletionCode::InvalidDataField); // SoL payload
}

void tst_ChannelCommands::beforeASession()
{
    // Clients ask for both before they open a session; the rest needs one.
    IpmiRequest request = CommandTesting::request(NetFn::app, 0x38, bytes("8e 04"), Privilege::Callback);
    request.caller.sessionId = 0;
    QCOMPARE(m_table->dispatch(request).completionCode, CompletionCode::Success);
    request.command = 0x54;
    request.data = bytes("0e 00 80");
    QCOMPARE(m_table->dispatch(request).completionCode, CompletionCode::Success);
    const QList<std::pair<quint8, QByteArray>> sessionOnly{
        {0x41, bytes("01 40")}, {0x42, bytes("01")}, {0x4E, bytes("01")}, {0x4F, bytes("01 00")}};
    for (const auto &[command, data] : sessionOnly) {
        request.command = command;
        request.data = data;
        QCOMPARE(m_table->dispatch(request).completionCode, CompletionCode::InsufficientPrivilege);
    }
}

void tst_ChannelCommands::channelAccess()
{
    // Bits 7:6 of byte 2: 01b non-volatile, 10b present setting; both read alike. Always
    // available, PEF alerting disabled (bit 5), privilege limit Administrator.
    QCOMPARE(call(0x41, bytes("01 40")).data.toHex(' '), QByteArray("22 04"));
    QCOMPARE(call(0x41, bytes("0e 80")).data.toHex(' '), QByteArray("22 04"));
    QCOMPARE(call(0x41, bytes("01 00")).completionCode, CompletionCode::InvalidDataField);
    QCOMPARE(call(0x41, bytes("01 c0")).completionCode, CompletionCode::InvalidDataField);
    QCOMPARE(call(0x41, bytes("02 40")).completionCode, CompletionCode::InvalidDataField);
}

void tst_ChannelCommands::channelInfoCountsActiveSessions()
{
    // Channel 1, 802.3 LAN, IPMB-1.0 protocol, multi-session with no session active, the IPMI
    // forum's IANA number (7154), no auxiliary information.
    QCOMPARE(call(0x42, bytes("01")).data.toHex(' '), QByteArray("01 04 01 80 f2 1b 00 00 00"));
    const CipherSuite suite = *CipherSuite::byId(17);
    const IpmiPeer peer{QHostAddress(u"192.0.2.7"_s), 40000};
    IpmiSession *active = m_sessions->open(peer, 0x1111, suite);
    active->user = u"admin"_s;
    m_sessions->activate(active);
    m_sessions->open(peer, 0x2222, suite); // still in setup: not counted
    QCOMPARE(call(0x42, bytes("0e")).data.toHex(' '), QByteArray("01 04 01 81 f2 1b 00 00 00"));
    QCOMPARE(call(0x42, bytes("02")).completionCode, CompletionCode::InvalidDataField);
}

void tst_ChannelCommands::payloadSupport()
{
    // Standard payloads 0 and 1 (IPMI, SoL); session setup payloads 10h-15h (Open Session, RAKP).
    QCOMPARE(call(0x4E, bytes("01")).data.toHex(' '), QByteArray("03 00 3f 00 00 00 00 00"));
    QCOMPARE(call(0x4E, bytes("0e")).data.toHex(' '), QByteArray("03 00 3f 00 00 00 00 00"));
    QCOMPARE(call(0x4E, bytes("0f")).completionCode, CompletionCode::InvalidDataField);
}

void tst_ChannelCommands::payloadVersion_data()
{
    QTest::addColumn<quint8>("payload");
    QTest::addColumn<CompletionCode>("expected");
    const auto notAvailable = CompletionCode(0x80);
    QTest::newRow("IPMI") << quint8(0x00) << CompletionCode::Success;
    QTest::newRow("SoL") << quint8(0x01) << CompletionCode::Success;
    QTest::newRow("Open Session request") << quint8(0x10) << CompletionCode::Success;
    QTest::newRow("RAKP 4") << quint8(0x15) << CompletionCode::Success;
    QTest::newRow("OEM explicit") << quint8(0x02) << notAvailable;
    QTest::newRow("past RAKP 4") << quint8(0x16) << notAvailable;
    QTest::newRow("OEM 0") << quint8(0x20) << notAvailable;
}

void tst_ChannelCommands::payloadVersion()
{
    QFETCH(quint8, payload);
    QFETCH(CompletionCode, expected);
    const IpmiResponse response = call(0x4F, bytes("01") + char(payload));
    QCOMPARE(response.completionCode, expected);
    QCOMPARE(response.data.toHex(' '), QByteArray(expected == CompletionCode::Success ? "10" : "")); // version 1.0
    QCOMPARE(call(0x4F, bytes("02") + char(payload)).completionCode, CompletionCode::InvalidDataField);
}

void tst_ChannelCommands::privileges_data()
{
    QTest::addColumn<quint8>("command");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<Privilege>("needed");
    QTest::newRow("Get Channel Authentication Capabilities") << quint8(0x38) << bytes("8e 04") << Privilege::Callback;
    QTest::newRow("Get Channel Cipher Suites") << quint8(0x54) << bytes("0e 00 80") << Privilege::Callback;
    QTest::newRow("Get Channel Access") << quint8(0x41) << bytes("01 40") << Privilege::User;
    QTest::newRow("Get Channel Info") << quint8(0x42) << bytes("01") << Privilege::User;
    QTest::newRow("Get Channel Payload Support") << quint8(0x4E) << bytes("01") << Privilege::User;
    QTest::newRow("Get Channel Payload Version") << quint8(0x4F) << bytes("01 00") << Privilege::User;
}

void tst_ChannelCommands::privileges()
{
    QFETCH(quint8, command);
    QFETCH(QByteArray, data);
    QFETCH(Privilege, needed);
    // Callback is the lowest level a session has: nothing is below it.
    if (needed > Privilege::Callback)
        QCOMPARE(call(command, data, Privilege(quint8(needed) - 1)).completionCode,
                 CompletionCode::InsufficientPrivilege);
    QCOMPARE(call(command, data, needed).completionCode, CompletionCode::Success);
}

void tst_ChannelCommands::requestLengths_data()
{
    QTest::addColumn<quint8>("command");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<CompletionCode>("expected");
    const auto accepted = CompletionCode::Success;
    const auto refused = CompletionCode::RequestDataLengthInvalid;
    QTest::newRow("authentication capabilities, 1") << quint8(0x38) << bytes("8e") << refused;
    QTest::newRow("authentication capabilities, 2") << quint8(0x38) << bytes("8e 04") << accepted;
    QTest::newRow("authentication capabilities, 3") << quint8(0x38) << bytes("8e 04 00") << refused;
    QTest::newRow("cipher suites, 2") << quint8(0x54) << bytes("0e 00") << refused;
    QTest::newRow("cipher suites, 3") << quint8(0x54) << bytes("0e 00 80") << accepted;
    QTest::newRow("cipher suites, 4") << quint8(0x54) << bytes("0e 00 80 00") << refused;
    QTest::newRow("access, 1") << quint8(0x41) << bytes("01") << refused;
    QTest::newRow("access, 2") << quint8(0x41) << bytes("01 40") << accepted;
    QTest::newRow("access, 3") << quint8(0x41) << bytes("01 40 00") << refused;
    QTest::newRow("info, none") << quint8(0x42) << QByteArray() << refused;
    QTest::newRow("info, 1") << quint8(0x42) << bytes("01") << accepted;
    QTest::newRow("info, 2") << quint8(0x42) << bytes("01 00") << refused;
    QTest::newRow("payload support, none") << quint8(0x4E) << QByteArray() << refused;
    QTest::newRow("payload support, 1") << quint8(0x4E) << bytes("01") << accepted;
    QTest::newRow("payload support, 2") << quint8(0x4E) << bytes("01 00") << refused;
    QTest::newRow("payload version, 1") << quint8(0x4F) << bytes("01") << refused;
    QTest::newRow("payload version, 2") << quint8(0x4F) << bytes("01 00") << accepted;
    QTest::newRow("payload version, 3") << quint8(0x4F) << bytes("01 00 00") << refused;
}

void tst_ChannelCommands::requestLengths()
{
    QFETCH(quint8, command);
    QFETCH(QByteArray, data);
    QFETCH(CompletionCode, expected);
    QCOMPARE(call(command, data).completionCode, expected);
}

QTEST_GUILESS_MAIN(tst_ChannelCommands)
#include "tst_channelcommands.moc"
