#include "CommandTesting.h"
#include "Configuration.h"
#include "EventLog.h"
#include "NetFn.h"
#include "ServiceSettings.h"
#include "SolConfigCommands.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class tst_SolConfigCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void defaults_data();
    void defaults();
    void revisionOnly();
    void setEnable();
    void setAuthentication();
    void setAccumulate();
    void setRetry();
    void setBitRate_data();
    void setBitRate();
    void changesPersist();
    void refusedValuesChangeNothing_data();
    void refusedValuesChangeNothing();
    void readOnlyAndUnknownParameters();
    void wrongChannel();
    void setInProgress();
    void requestLengths();
    void privileges();

private:
    IpmiResponse get(quint8 parameter, Privilege privilege = Privilege::User, quint8 channel = 0x01);
    IpmiResponse set(quint8 parameter, const QByteArray &value, Privilege privilege = Privilege::Administrator);
    void make();

    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<EventLog> m_log;
    std::unique_ptr<Configuration> m_configuration;
    std::unique_ptr<ServiceSettings> m_settings;
    std::unique_ptr<CommandTable> m_table;
    std::unique_ptr<SolConfigCommands> m_commands;
};

void tst_SolConfigCommands::init()
{
    m_dir = new QTemporaryDir;
    m_log = std::make_unique<EventLog>(m_dir->path(), 64);
    make();
}

void tst_SolConfigCommands::make()
{
    m_commands.reset();
    m_settings.reset();
    m_configuration = std::make_unique<Configuration>();
    m_configuration->attachState(m_dir->path());
    m_settings = std::make_unique<ServiceSettings>(m_configuration.get(), m_log.get());
    m_table = std::make_unique<CommandTable>();
    m_commands = CommandTesting::registered<SolConfigCommands>(*m_table, m_settings.get(), 6230);
}

void tst_SolConfigCommands::cleanup()
{
    m_commands.reset();
    m_table.reset();
    m_settings.reset();
    m_configuration.reset();
    m_log.reset();
    delete m_dir;
}

IpmiResponse tst_SolConfigCommands::get(quint8 parameter, Privilege privilege, quint8 channel)
{
    QByteArray data;
    data.append(char(channel)).append(char(parameter)).append('\0').append('\0');
    return m_table->dispatch(CommandTesting::request(NetFn::transport, 0x22, data, privilege));
}

IpmiResponse tst_SolConfigCommands::set(quint8 parameter, const QByteArray &value, Privilege privilege)
{
    QByteArray data;
    data.append(char(0x01)).append(char(parameter)).append(value);
    return m_table->dispatch(CommandTesting::request(NetFn::transport, 0x21, data, privilege));
}

void tst_SolConfigCommands::defaults_data()
{
    QTest::addColumn<quint8>("parameter");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("set in progress") << quint8(0) << QByteArray("00");
    QTest::newRow("enabled") << quint8(1) << QByteArray("01");
    QTest::newRow("encrypted, authenticated, operator") << quint8(2) << QByteArray("c3");
    QTest::newRow("100 ms, 1 character") << quint8(3) << QByteArray("14 01");
    QTest::newRow("7 retries, 100 ms") << quint8(4) << QByteArray("07 0a");
    QTest::newRow("non-volatile 115200") << quint8(5) << QByteArray("0a");
    QTest::newRow("volatile 115200") << quint8(6) << QByteArray("0a");
    QTest::newRow("channel 1") << quint8(7) << QByteArray("01");
    QTest::newRow("port 6230") << quint8(8) << QByteArray("56 18");
}

void tst_SolConfigCommands::defaults()
{
    QFETCH(quint8, parameter);
    QFETCH(QByteArray, value);
    const IpmiResponse response = get(parameter);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(quint8(response.data[0]), quint8(0x11));
    QCOMPARE(response.data.sliced(1).toHex(' '), value);
}

void tst_SolConfigCommands::revisionOnly()
{
    QCOMPARE(get(1, Privilege::User, 0x81).data.toHex(' '), QByteArray("11"));
    QCOMPARE(get(1, Privilege::User, 0x0E).data.toHex(' '), QByteArray("11 01"));
}

void tst_SolConfigCommands::setEnable()
{
    QCOMPARE(set(1, QByteArray(1, '\0')).completionCode, CompletionCode::Success);
    QVERIFY(!m_settings->isSolEnabled());
    QCOMPARE(get(1).data.toHex(' '), QByteArray("11 00"));
    QCOMPARE(m_log->entries().last().actor, Actor::ipmi(u"admin"_s));
    QCOMPARE(set(1, QByteArray(1, '\1')).completionCode, CompletionCode::Success);
    QVERIFY(m_settings->isSolEnabled());
}

void tst_SolConfigCommands::setAuthentication()
{
    QCOMPARE(set(2, QByteArray(1, char(0x44))).completionCode, CompletionCode::Success);
    const ServiceSettings::SolParameters sol = m_settings->solParameters();
    QVERIFY(!sol.forceEncryption);
    QVERIFY(sol.forceAuthentication);
    QVERIFY(sol.privilege == Role::Administrator);
    QCOMPARE(get(2).data.toHex(' '), QByteArray("11 44"));
    QCOMPARE(set(2, QByteArray(1, char(0x82))).completionCode, CompletionCode::Success);
    QVERIFY(m_settings->solParameters().privilege == Role::ReadOnly);
    QVERIFY(m_settings->solParameters().forceEncryption);
}

void tst_SolConfigCommands::setAccumulate()
{
    QCOMPARE(set(3, QByteArray::fromHex("0a20")).completionCode, CompletionCode::Success);
    QCOMPARE(m_settings->solParameters().accumulateInterval, 50ms);
    QCOMPARE(m_settings->solParameters().sendThreshold, 32);
    QCOMPARE(get(3).data.toHex(' '), QByteArray("11 0a 20"));
}

void tst_SolConfigCommands::setRetry()
{
    QCOMPARE(set(4, QByteArray::fromHex("0314")).completionCode, CompletionCode::Success);
    QCOMPARE(m_settings->solParameters().retryCount, 3);
    QCOMPARE(m_settings->solParameters().retryInterval, 200ms);
    QCOMPARE(get(4).data.toHex(' '), QByteArray("11 03 14"));
    QCOMPARE(m_log->entries().last().message, u"Setting ipmi.sol.retry_interval changed from 0.1 to 0.2"_s);
}

void tst_SolConfigCommands::setBitRate_data()
{
    QTest::addColumn<quint8>("parameter");
    QTest::addColumn<quint8>("code");
    QTest::addColumn<int>("bitRate");
    QTest::newRow("non-volatile 9600") << quint8(5) << quint8(6) << 9600;
    QTest::newRow("non-volatile 19200") << quint8(5) << quint8(7) << 19200;
    QTest::newRow("volatile 38400") << quint8(6) << quint8(8) << 38400;
    QTest::newRow("volatile 57600") << quint8(6) << quint8(9) << 57600;
}

void tst_SolConfigCommands::setBitRate()
{
    QFETCH(quint8, parameter);
    QFETCH(quint8, code);
    QFETCH(int, bitRate);
    QCOMPARE(set(parameter, QByteArray(1, char(code))).completionCode, CompletionCode::Success);
    QCOMPARE(m_settings->solParameters().bitRate, bitRate);
    // One serial port: both parameters show the same rate.
    QCOMPARE(quint8(get(5).data[1]), code);
    QCOMPARE(quint8(get(6).data[1]), code);
}

void tst_SolConfigCommands::changesPersist()
{
    QCOMPARE(set(4, QByteArray::fromHex("0505")).completionCode, CompletionCode::Success);
    make(); // a new configuration over the same state directory

    QCOMPARE(get(4).data.toHex(' '), QByteArray("11 05 05"));
}

void tst_SolConfigCommands::refusedValuesChangeNothing_data()
{
    QTest::addColumn<quint8>("parameter");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("enable: reserved bits") << quint8(1) << QByteArray::fromHex("02");
    QTest::newRow("privilege callback") << quint8(2) << QByteArray::fromHex("c1");
    QTest::newRow("privilege OEM") << quint8(2) << QByteArray::fromHex("c5");
    QTest::newRow("privilege 0") << quint8(2) << QByteArray::fromHex("c0");
    QTest::newRow("authentication reserved bits") << quint8(2) << QByteArray::fromHex("f3");
    QTest::newRow("accumulate interval 0") << quint8(3) << QByteArray::fromHex("0001");
    QTest::newRow("send threshold 0") << quint8(3) << QByteArray::fromHex("1400");
    QTest::newRow("retry count 8") << quint8(4) << QByteArray::fromHex("080a");
    QTest::newRow("retry interval 0") << quint8(4) << QByteArray::fromHex("0300");
    QTest::newRow("bit rate: the port's own") << quint8(5) << QByteArray::fromHex("00");
    QTest::newRow("bit rate: unknown code") << quint8(6) << QByteArray::fromHex("0b");
    QTest::newRow("set in progress: reserved") << quint8(0) << QByteArray::fromHex("03");
}

void tst_SolConfigCommands::refusedValuesChangeNothing()
{
    QFETCH(quint8, parameter);
    QFETCH(QByteArray, value);
    const qsizetype logged = m_log->count();
    QCOMPARE(set(parameter, value).completionCode, CompletionCode::InvalidDataField);
    QCOMPARE(m_settings->solParameters(), ServiceSettings::SolParameters{});
    QVERIFY(m_settings->isSolEnabled());
    QCOMPARE(m_log->count(), logged);
}

void tst_SolConfigCommands::readOnlyAndUnknownParameters()
{
    QCOMPARE(set(7, QByteArray(1, '\2')).completionCode, CompletionCode::ParameterReadOnly);
    QCOMPARE(set(8, QByteArray::fromHex("6f02")).completionCode, CompletionCode::ParameterReadOnly);
    QCOMPARE(get(9).completionCode, CompletionCode::ParameterNotSupported);
    QCOMPARE(get(0xC0).completionCode, CompletionCode::ParameterNotSupported);
    QCOMPARE(set(9, QByteArray(1, '\0')).completionCode, CompletionCode::ParameterNotSupported);
}

void tst_SolConfigCommands::wrongChannel()
{
    QCOMPARE(get(1, Privilege::User, 0x03).completionCode, CompletionCode::InvalidDataField);
    const QByteArray data = QByteArray::fromHex("030100");
    QCOMPARE(m_table->dispatch(CommandTesting::request(NetFn::transport, 0x21, data)).completionCode,
             CompletionCode::InvalidDataField);
    QVERIFY(m_settings->isSolEnabled());
}

void tst_SolConfigCommands::setInProgress()
{
    QCOMPARE(set(0, QByteArray(1, '\1')).completionCode, CompletionCode::Success);
    QCOMPARE(get(0).data.toHex(' '), QByteArray("11 01"));
    QCOMPARE(set(0, QByteArray(1, '\2')).completionCode, CompletionCode::Success); // commit write
    QCOMPARE(get(0).data.toHex(' '), QByteArray("11 00"));
}

void tst_SolConfigCommands::requestLengths()
{
    QCOMPARE(set(3, QByteArray(1, '\x14')).completionCode, CompletionCode::RequestDataLengthInvalid);
    QCOMPARE(set(1, QByteArray(2, '\0')).completionCode, CompletionCode::RequestDataLengthInvalid);
    QCOMPARE(set(4, QByteArray()).completionCode, CompletionCode::RequestDataLengthInvalid);
    const auto dispatch = [&](quint8 command, const QByteArray &data) {
        return m_table->dispatch(CommandTesting::request(NetFn::transport, command, data)).completionCode;
    };
    QCOMPARE(dispatch(0x22, QByteArray::fromHex("010100")), CompletionCode::RequestDataLengthInvalid);
    QCOMPARE(dispatch(0x22, QByteArray::fromHex("0101000000")), CompletionCode::RequestDataLengthInvalid);
    QCOMPARE(dispatch(0x21, QByteArray::fromHex("0101")), CompletionCode::RequestDataLengthInvalid);
    QCOMPARE(dispatch(0x21, QByteArray(19, '\1')), CompletionCode::RequestDataLengthInvalid);
}

void tst_SolConfigCommands::privileges()
{
    QCOMPARE(get(1, Privilege::Callback).completionCode, CompletionCode::InsufficientPrivilege);
    QCOMPARE(get(1, Privilege::User).completionCode, CompletionCode::Success);
    QCOMPARE(set(1, QByteArray(1, '\0'), Privilege::Operator).completionCode, CompletionCode::InsufficientPrivilege);
    QVERIFY(m_settings->isSolEnabled());
}

QTEST_GUILESS_MAIN(tst_SolConfigCommands)
#include "tst_solconfigcommands.moc"
