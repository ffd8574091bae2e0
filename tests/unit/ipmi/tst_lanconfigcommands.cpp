#include "CommandTesting.h"
#include "LanConfigCommands.h"
#include "NetFn.h"
#include "NetworkFacts.h"

#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
class FakeNetworkFacts : public NetworkFacts
{
public:
    Interface primaryInterface() const override { return interface; }
    Interface interface;
};
} // namespace

class tst_LanConfigCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void parameters_data();
    void parameters();
    void addressSources_data();
    void addressSources();
    void nothingKnown();
    void revisionOnly();
    void channels_data();
    void channels();
    void unsupportedParameters_data();
    void unsupportedParameters();
    void cipherSuitePrivilegesFollowTheSuites();
    void setRefusesEveryAddress_data();
    void setRefusesEveryAddress();
    void setInProgress();
    void setErrors_data();
    void setErrors();
    void requestLengths();
    void privileges();

private:
    void make(const NetworkFacts *facts, QList<int> suites = {17, 3});
    IpmiResponse get(quint8 channel, quint8 parameter, Privilege privilege = Privilege::User);
    IpmiResponse set(const QByteArray &data, Privilege privilege = Privilege::Administrator);

    FakeNetworkFacts m_facts;
    std::unique_ptr<CommandTable> m_table;
    std::unique_ptr<LanConfigCommands> m_commands;
};

void tst_LanConfigCommands::init()
{
    m_facts.interface = {u"eth0"_s,
                         u"b8:27:eb:12:34:56"_s,
                         u"192.168.1.20"_s,
                         u"255.255.255.0"_s,
                         u"192.168.1.1"_s,
                         NetworkFacts::AddressSource::Dhcp,
                         u"00:11:22:aa:bb:cc"_s,
                         true};
    make(&m_facts);
}

void tst_LanConfigCommands::make(const NetworkFacts *facts, QList<int> suites)
{
    m_commands.reset();
    m_table = std::make_unique<CommandTable>();
    m_commands = CommandTesting::registered<LanConfigCommands>(*m_table, facts, suites);
}

IpmiResponse tst_LanConfigCommands::get(quint8 channel, quint8 parameter, Privilege privilege)
{
    QByteArray data;
    data.append(char(channel)).append(char(parameter)).append('\0').append('\0');
    return m_table->dispatch(CommandTesting::request(NetFn::transport, 0x02, data, privilege));
}

IpmiResponse tst_LanConfigCommands::set(const QByteArray &data, Privilege privilege)
{
    return m_table->dispatch(CommandTesting::request(NetFn::transport, 0x01, data, privilege));
}

void tst_LanConfigCommands::parameters_data()
{
    QTest::addColumn<quint8>("parameter");
    QTest::addColumn<QByteArray>("value"); // after the revision byte
    QTest::newRow("set in progress") << quint8(0) << QByteArray("00");
    QTest::newRow("authentication type support: none") << quint8(1) << QByteArray("00");
    QTest::newRow("authentication type enables") << quint8(2) << QByteArray("00 00 00 00 00");
    QTest::newRow("IP address") << quint8(3) << QByteArray("c0 a8 01 14");
    QTest::newRow("IP address source: DHCP") << quint8(4) << QByteArray("02");
    QTest::newRow("MAC address") << quint8(5) << QByteArray("b8 27 eb 12 34 56");
    QTest::newRow("subnet mask") << quint8(6) << QByteArray("ff ff ff 00");
    QTest::newRow("default gateway") << quint8(12) << QByteArray("c0 a8 01 01");
    QTest::newRow("default gateway MAC") << quint8(13) << QByteArray("00 11 22 aa bb cc");
    QTest::newRow("VLAN id: disabled") << quint8(20) << QByteArray("00 00");
    QTest::newRow("VLAN priority") << quint8(21) << QByteArray("00");
    QTest::newRow("cipher suite entry support") << quint8(22) << QByteArray("02");
    QTest::newRow("cipher suite entries") << quint8(23) << QByteArray("00 11 03");
    QTest::newRow("cipher suite privileges") << quint8(24) << QByteArray("00 44 00 00 00 00 00 00 00");
}

void tst_LanConfigCommands::parameters()
{
    QFETCH(quint8, parameter);
    QFETCH(QByteArray, value);
    const IpmiResponse response = get(0x01, parameter);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(quint8(response.data[0]), quint8(0x11));
    QCOMPARE(response.data.sliced(1).toHex(' '), value);
}

void tst_LanConfigCommands::addressSources_data()
{
    QTest::addColumn<NetworkFacts::AddressSource>("source");
    QTest::addColumn<quint8>("value");
    QTest::newRow("static") << NetworkFacts::AddressSource::Static << quint8(1);
    QTest::newRow("DHCP") << NetworkFacts::AddressSource::Dhcp << quint8(2);
    QTest::newRow("unknown") << NetworkFacts::AddressSource::Unknown << quint8(0);
}

void tst_LanConfigCommands::addressSources()
{
    QFETCH(NetworkFacts::AddressSource, source);
    QFETCH(quint8, value);
    m_facts.interface.source = source;
    QCOMPARE(quint8(get(0x01, 4).data[1]), value);
}

void tst_LanConfigCommands::nothingKnown()
{
    make(nullptr);
    QCOMPARE(get(0x01, 3).data.toHex(' '), QByteArray("11 00 00 00 00"));
    QCOMPARE(get(0x01, 4).data.toHex(' '), QByteArray("11 00"));
    QCOMPARE(get(0x01, 5).data.toHex(' '), QByteArray("11 00 00 00 00 00 00"));
    m_facts.interface = {};
    m_facts.interface.macAddress = u"not a mac"_s;
    m_facts.interface.ipv4Address = u"fe80::1"_s;
    make(&m_facts);
    QCOMPARE(get(0x01, 5).data.toHex(' '), QByteArray("11 00 00 00 00 00 00"));
    QCOMPARE(get(0x01, 3).data.toHex(' '), QByteArray("11 00 00 00 00"));
}

void tst_LanConfigCommands::revisionOnly()
{
    const IpmiResponse response = get(0x81, 3);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(response.data.toHex(' '), QByteArray("11"));
}

void tst_LanConfigCommands::channels_data()
{
    QTest::addColumn<quint8>("channel");
    QTest::addColumn<CompletionCode>("expected");
    QTest::newRow("the LAN channel") << quint8(0x01) << CompletionCode::Success;
    QTest::newRow("this channel") << quint8(0x0E) << CompletionCode::Success;
    QTest::newRow("this channel, revision only") << quint8(0x8E) << CompletionCode::Success;
    QTest::newRow("channel 2") << quint8(0x02) << CompletionCode::InvalidDataField;
    QTest::newRow("channel 15") << quint8(0x0F) << CompletionCode::InvalidDataField;
}

void tst_LanConfigCommands::channels()
{
    QFETCH(quint8, channel);
    QFETCH(CompletionCode, expected);
    QCOMPARE(get(channel, 3).completionCode, expected);
    if (expected != CompletionCode::Success)
        QCOMPARE(set(QByteArray(1, char(channel)) + char(0) + char(0)).completionCode, expected);
}

void tst_LanConfigCommands::unsupportedParameters_data()
{
    QTest::addColumn<quint8>("parameter");
    QTest::newRow("IP header") << quint8(7);
    QTest::newRow("backup gateway") << quint8(14);
    QTest::newRow("community string") << quint8(16);
    QTest::newRow("bad password threshold") << quint8(26);
    QTest::newRow("OEM") << quint8(0xC0);
    QTest::newRow("FFh") << quint8(0xFF);
}

void tst_LanConfigCommands::unsupportedParameters()
{
    QFETCH(quint8, parameter);
    QCOMPARE(get(0x01, parameter).completionCode, CompletionCode::ParameterNotSupported);
    QCOMPARE(get(0x81, parameter).completionCode, CompletionCode::ParameterNotSupported);
    QCOMPARE(set(QByteArray(1, '\1') + char(parameter) + char(0)).completionCode,
             CompletionCode::ParameterNotSupported);
}

void tst_LanConfigCommands::cipherSuitePrivilegesFollowTheSuites()
{
    make(&m_facts, {3});
    QCOMPARE(get(0x01, 22).data.toHex(' '), QByteArray("11 01"));
    QCOMPARE(get(0x01, 23).data.toHex(' '), QByteArray("11 00 03"));
    QCOMPARE(get(0x01, 24).data.toHex(' '), QByteArray("11 00 04 00 00 00 00 00 00 00"));
}

void tst_LanConfigCommands::setRefusesEveryAddress_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("IP address") << QByteArray::fromHex("0103 0a000001");
    QTest::newRow("IP address source") << QByteArray::fromHex("0104 02");
    QTest::newRow("MAC") << QByteArray::fromHex("0105 020000000001");
    QTest::newRow("subnet mask") << QByteArray::fromHex("0106 ffff0000");
    QTest::newRow("gateway") << QByteArray::fromHex("010c 0a0000fe");
    QTest::newRow("VLAN") << QByteArray::fromHex("0114 0a80");
    QTest::newRow("cipher suite privileges") << QByteArray::fromHex("0118 00 33 00 00 00 00 00 00 00");
    QTest::newRow("authentication enables") << QByteArray::fromHex("0102 0000000000");
}

void tst_LanConfigCommands::setRefusesEveryAddress()
{
    QFETCH(QByteArray, data);
    QCOMPARE(set(data).completionCode, CompletionCode::ParameterReadOnly);
    QCOMPARE(get(0x01, 3).data.toHex(' '), QByteArray("11 c0 a8 01 14"));
}

void tst_LanConfigCommands::setInProgress()
{
    QCOMPARE(set(QByteArray::fromHex("010001")).completionCode, CompletionCode::Success);
    QCOMPARE(get(0x01, 0).data.toHex(' '), QByteArray("11 01"));
    QCOMPARE(set(QByteArray::fromHex("010002")).completionCode, CompletionCode::Success); // commit write
    QCOMPARE(get(0x01, 0).data.toHex(' '), QByteArray("11 00"));
    QCOMPARE(set(QByteArray::fromHex("0e0001")).completionCode, CompletionCode::Success);
    QCOMPARE(set(QByteArray::fromHex("010000")).completionCode, CompletionCode::Success);
    QCOMPARE(get(0x01, 0).data.toHex(' '), QByteArray("11 00"));
}

void tst_LanConfigCommands::setErrors_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<CompletionCode>("expected");
    QTest::newRow("set in progress: reserved state")
        << QByteArray::fromHex("010003") << CompletionCode::InvalidDataField;
    QTest::newRow("set in progress: reserved bits")
        << QByteArray::fromHex("010041") << CompletionCode::InvalidDataField;
    QTest::newRow("set in progress: two bytes")
        << QByteArray::fromHex("01000000") << CompletionCode::RequestDataLengthInvalid;
    QTest::newRow("no value") << QByteArray::fromHex("0100") << CompletionCode::RequestDataLengthInvalid;
}

void tst_LanConfigCommands::setErrors()
{
    QFETCH(QByteArray, data);
    QFETCH(CompletionCode, expected);
    QCOMPARE(set(data).completionCode, expected);
    QCOMPARE(get(0x01, 0).data.toHex(' '), QByteArray("11 00"));
}

void tst_LanConfigCommands::requestLengths()
{
    const auto dispatch = [&](const QByteArray &data) {
        return m_table->dispatch(CommandTesting::request(NetFn::transport, 0x02, data)).completionCode;
    };
    QCOMPARE(dispatch(QByteArray::fromHex("010300")), CompletionCode::RequestDataLengthInvalid);
    QCOMPARE(dispatch(QByteArray::fromHex("0103000000")), CompletionCode::RequestDataLengthInvalid);
    QCOMPARE(set(QByteArray(67, '\1')).completionCode, CompletionCode::RequestDataLengthInvalid);
}

void tst_LanConfigCommands::privileges()
{
    QCOMPARE(get(0x01, 3, Privilege::Callback).completionCode, CompletionCode::InsufficientPrivilege);
    QCOMPARE(get(0x01, 3, Privilege::User).completionCode, CompletionCode::Success);
    // Network configuration is the administrator's, as the specification has it.
    QCOMPARE(set(QByteArray::fromHex("010001"), Privilege::Operator).completionCode,
             CompletionCode::InsufficientPrivilege);
}

QTEST_GUILESS_MAIN(tst_LanConfigCommands)
#include "tst_lanconfigcommands.moc"
