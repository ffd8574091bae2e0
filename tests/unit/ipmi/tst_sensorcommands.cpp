#include "CommandTesting.h"
#include "EventLog.h"
#include "FakeHostBackend.h"
#include "NetFn.h"
#include "PowerController.h"
#include "SensorCommands.h"
#include "SensorRegistry.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using LedState = HostBackend::LedState;

class tst_SensorCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void hostPowerReading_data();
    void hostPowerReading();
    void temperatureReading_data();
    void temperatureReading();
    void thresholds();
    void thresholdsOfASensorWithoutThem();
    void eventEnable();
    void hysteresis();
    void notForTheHostPower();
    void unknownSensors_data();
    void unknownSensors();
    void requestLengths_data();
    void requestLengths();
    void readingsNeedUser();

private:
    IpmiResponse call(quint8 command, const QByteArray &data, Privilege privilege = Privilege::User);
    void makePower(LedState led);

    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<EventLog> m_log;
    FakeHostBackend *m_backend = nullptr;
    std::unique_ptr<PowerController> m_power;
    std::unique_ptr<SensorRegistry> m_sensors;
    std::unique_ptr<CommandTable> m_table;
    std::unique_ptr<SensorCommands> m_commands;
};

void tst_SensorCommands::init()
{
    m_dir = new QTemporaryDir;
    m_log = std::make_unique<EventLog>(m_dir->path(), 64);
    m_sensors = std::make_unique<SensorRegistry>();
    Sensor cpu;
    cpu.id = u"cpu"_s;
    cpu.name = u"CPU"_s;
    cpu.reading = 45.4;
    cpu.upperWarning = 70;
    cpu.upperCritical = 85;
    m_sensors->add(cpu);
    Sensor board;
    board.id = u"board"_s;
    board.name = u"Board"_s;
    m_sensors->add(board);
    makePower(LedState::Off);
}

void tst_SensorCommands::makePower(LedState led)
{
    m_commands.reset();
    m_power.reset();
    delete m_backend;
    m_backend = new FakeHostBackend;
    m_backend->led = led;
    m_power = std::make_unique<PowerController>(m_backend, m_log.get(), PowerController::Timings{});
    m_table = std::make_unique<CommandTable>();
    m_commands = CommandTesting::registered<SensorCommands>(*m_table, m_sensors.get(), m_power.get());
}

void tst_SensorCommands::cleanup()
{
    m_commands.reset();
    m_table.reset();
    m_power.reset();
    delete m_backend;
    m_backend = nullptr;
    m_sensors.reset();
    m_log.reset();
    delete m_dir;
}

IpmiResponse tst_SensorCommands::call(quint8 command, const QByteArray &data, Privilege privilege)
{
    return m_table->dispatch(CommandTesting::request(NetFn::sensorEvent, command, data, privilege));
}

void tst_SensorCommands::hostPowerReading_data()
{
    QTest::addColumn<LedState>("led");
    QTest::addColumn<QByteArray>("reading");
    // Events and scanning on; S0/G0 (bit 0) or S5/G2 (bit 5); no states 8-14.
    QTest::newRow("on") << LedState::On << QByteArray("00 c0 01 80");
    QTest::newRow("off") << LedState::Off << QByteArray("00 c0 20 80");
    QTest::newRow("unknown") << LedState::Unknown << QByteArray("00 e0 00 80");
}

void tst_SensorCommands::hostPowerReading()
{
    QFETCH(LedState, led);
    QFETCH(QByteArray, reading);
    makePower(led);
    const IpmiResponse response = call(0x2D, QByteArray(1, char(0x01)));
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(response.data.toHex(' '), reading);
}

void tst_SensorCommands::temperatureReading_data()
{
    QTest::addColumn<std::optional<double>>("value");
    QTest::addColumn<QByteArray>("reading");
    QTest::newRow("normal") << std::optional<double>(45.4) << QByteArray("2d 40 00 80");
    QTest::newRow("at the warning") << std::optional<double>(69.6) << QByteArray("46 40 08 80");
    QTest::newRow("critical") << std::optional<double>(90) << QByteArray("5a 40 18 80");
    QTest::newRow("below zero") << std::optional<double>(-5) << QByteArray("fb 40 00 80");
    QTest::newRow("unavailable") << std::optional<double>() << QByteArray("00 60 00 80");
}

void tst_SensorCommands::temperatureReading()
{
    QFETCH(std::optional<double>, value);
    QFETCH(QByteArray, reading);
    m_sensors->setReading(u"cpu"_s, value);
    const IpmiResponse response = call(0x2D, QByteArray(1, char(0x02)));
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(response.data.toHex(' '), reading);
}

void tst_SensorCommands::thresholds()
{
    const IpmiResponse response = call(0x27, QByteArray(1, char(0x02)));
    QCOMPARE(response.completionCode, CompletionCode::Success);
    // Readable: upper non-critical and critical; LNC, LC, LNR, UNC 70, UC 85, UNR.
    QCOMPARE(response.data.toHex(' '), QByteArray("18 00 00 00 46 55 00"));
}

void tst_SensorCommands::thresholdsOfASensorWithoutThem()
{
    const IpmiResponse response = call(0x27, QByteArray(1, char(0x03)));
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(response.data.toHex(' '), QByteArray("00 00 00 00 00 00 00"));
    QCOMPARE(call(0x2D, QByteArray(1, char(0x03))).data.toHex(' '), QByteArray("00 60 00 80"));
}

void tst_SensorCommands::eventEnable()
{
    QCOMPARE(call(0x29, QByteArray(1, char(0x01))).data.toHex(' '), QByteArray("c0 21 00 00 00"));
    QCOMPARE(call(0x29, QByteArray(1, char(0x02))).data.toHex(' '), QByteArray("40 00 00 00 00"));
}

void tst_SensorCommands::hysteresis()
{
    const IpmiResponse response = call(0x25, QByteArray::fromHex("02ff"));
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(response.data.toHex(' '), QByteArray("00 00"));
    QCOMPARE(call(0x25, QByteArray(1, char(0x02))).completionCode, CompletionCode::Success);
}

void tst_SensorCommands::notForTheHostPower()
{
    // A discrete sensor has no thresholds and no hysteresis.
    QCOMPARE(call(0x27, QByteArray(1, char(0x01))).completionCode, CompletionCode::IllegalForSensorOrRecord);
    QCOMPARE(call(0x25, QByteArray::fromHex("01ff")).completionCode, CompletionCode::IllegalForSensorOrRecord);
}

void tst_SensorCommands::unknownSensors_data()
{
    QTest::addColumn<quint8>("command");
    QTest::addColumn<quint8>("number");
    QTest::newRow("reading, 0") << quint8(0x2D) << quint8(0x00);
    QTest::newRow("reading, past the last") << quint8(0x2D) << quint8(0x04);
    QTest::newRow("reading, event-only sensor") << quint8(0x2D) << quint8(0xE1);
    QTest::newRow("reading, FFh") << quint8(0x2D) << quint8(0xFF);
    QTest::newRow("thresholds") << quint8(0x27) << quint8(0x04);
    QTest::newRow("event enable") << quint8(0x29) << quint8(0x04);
    QTest::newRow("hysteresis") << quint8(0x25) << quint8(0x04);
}

void tst_SensorCommands::unknownSensors()
{
    QFETCH(quint8, command);
    QFETCH(quint8, number);
    QCOMPARE(call(command, QByteArray(1, char(number))).completionCode, CompletionCode::RequestedDataNotPresent);
}

void tst_SensorCommands::requestLengths_data()
{
    QTest::addColumn<quint8>("command");
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("reading without a number") << quint8(0x2D) << QByteArray();
    QTest::newRow("reading, too long") << quint8(0x2D) << QByteArray(2, '\1');
    QTest::newRow("thresholds without a number") << quint8(0x27) << QByteArray();
    QTest::newRow("event enable, too long") << quint8(0x29) << QByteArray(2, '\1');
    QTest::newRow("hysteresis without a number") << quint8(0x25) << QByteArray();
    QTest::newRow("hysteresis, too long") << quint8(0x25) << QByteArray(3, '\2');
}

void tst_SensorCommands::requestLengths()
{
    QFETCH(quint8, command);
    QFETCH(QByteArray, data);
    QCOMPARE(call(command, data).completionCode, CompletionCode::RequestDataLengthInvalid);
}

void tst_SensorCommands::readingsNeedUser()
{
    QCOMPARE(call(0x2D, QByteArray(1, char(0x01)), Privilege::Callback).completionCode,
             CompletionCode::InsufficientPrivilege);
    QCOMPARE(call(0x27, QByteArray(1, char(0x02)), Privilege::Callback).completionCode,
             CompletionCode::InsufficientPrivilege);
}

QTEST_GUILESS_MAIN(tst_SensorCommands)
#include "tst_sensorcommands.moc"
