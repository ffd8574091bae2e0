#include "AccountStore.h"
#include "Bmc.h"
#include "Configuration.h"
#include "IpmiServer.h"
#include "SensorRegistry.h"
#include "linux/CryptPasswordHasher.h"
#include "sim/SimulatedHost.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using namespace Qt::StringLiterals;

// Temperature sensors through the real clients. The build machines have no thermal zones, so the
// server runs in this process over a SensorRegistry the test fills; the clients run while the
// event loop serves them.
class tst_IpmiSensors : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void ipmitoolSdrList();
    void ipmitoolSensorList();
    void freeipmiSensors();
    void pyghmiSensorData();
    void readingsFollowTheRegistry();

private:
    struct Result
    {
        int exitCode = -1;
        QString output;
    };
    Result runWhileServing(const QString &program, const QStringList &arguments);
    Result ipmitool(const QStringList &command);
    Result freeipmi(const QString &tool, const QStringList &arguments);

    QTemporaryDir m_dir;
    Configuration m_configuration;
    CryptPasswordHasher m_hasher;
    SimulatedHost *m_host = nullptr;
    Bmc *m_bmc = nullptr;
    IpmiServer *m_server = nullptr;
    quint16 m_port = 0;
};

namespace {
const auto password = u"Correct-Horse-9"_s;

Sensor temperature(const QString &id, const QString &name, std::optional<double> reading,
                   std::optional<double> warning = {}, std::optional<double> critical = {})
{
    Sensor sensor;
    sensor.id = id;
    sensor.name = name;
    sensor.reading = reading;
    sensor.upperWarning = warning;
    sensor.upperCritical = critical;
    return sensor;
}
} // namespace

void tst_IpmiSensors::initTestCase()
{
    for (const QString &tool : {u"ipmitool"_s, u"ipmi-sensors"_s}) {
        if (QStandardPaths::findExecutable(tool).isEmpty())
            QSKIP(qPrintable(tool + u" is not installed"_s));
    }
    m_host = new SimulatedHost(SimulatedHost::Timings{}, false);
    const std::optional<Failure> hostFailure = m_host->start();
    QVERIFY2(!hostFailure, qPrintable(hostFailure ? hostFailure->message : QString()));
    m_bmc = new Bmc(&m_configuration, m_host, &m_hasher, m_dir.path());
    QCOMPARE(m_bmc->accounts()->ensureAdministrator(password.toUtf8()), std::nullopt);
    m_bmc->sensors()->add(temperature(u"cpu"_s, u"CPU temp"_s, 45.4, 70, 85));
    m_bmc->sensors()->add(temperature(u"board"_s, u"Board temp"_s, -5));
    m_bmc->sensors()->add(temperature(u"psu"_s, u"PSU temp"_s, 90, 70, 85));
    m_bmc->sensors()->add(temperature(u"nvme"_s, u"NVMe temp"_s, std::nullopt, 70));

    {
        QUdpSocket probe;
        probe.bind(QHostAddress::LocalHost, 0);
        m_port = probe.localPort();
    }
    IpmiServer::Settings settings;
    settings.listen = QHostAddress::LocalHost;
    settings.port = m_port;
    m_server = new IpmiServer(m_bmc, settings);
    const std::optional<Failure> serverFailure = m_server->start();
    QVERIFY2(!serverFailure, qPrintable(serverFailure ? serverFailure->message : QString()));
    m_bmc->start();
}

void tst_IpmiSensors::cleanupTestCase()
{
    delete m_server;
    delete m_bmc;
    delete m_host;
}

tst_IpmiSensors::Result tst_IpmiSensors::runWhileServing(const QString &program, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"LC_ALL"_s, u"C"_s);
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    QElapsedTimer clock;
    clock.start();
    while (process.state() != QProcess::NotRunning && clock.elapsed() < 60000)
        QTest::qWait(10);
    Result result;
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.output = QString::fromUtf8(process.readAll());
    return result;
}

tst_IpmiSensors::Result tst_IpmiSensors::ipmitool(const QStringList &command)
{
    return runWhileServing(u"ipmitool"_s,
                           QStringList{u"-I"_s, u"lanplus"_s, u"-H"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(m_port),
                                       u"-U"_s, u"admin"_s, u"-P"_s, password, u"-R"_s, u"1"_s, u"-N"_s, u"3"_s}
                               + command);
}

tst_IpmiSensors::Result tst_IpmiSensors::freeipmi(const QString &tool, const QStringList &arguments)
{
    return runWhileServing(tool,
                           QStringList{u"-h"_s, u"127.0.0.1:%1"_s.arg(m_port), u"-u"_s, u"admin"_s, u"-p"_s, password,
                                       u"-D"_s, u"LAN_2_0"_s, u"--sdr-cache-recreate"_s,
                                       u"--sdr-cache-directory=%1"_s.arg(m_dir.path())}
                               + arguments);
}

void tst_IpmiSensors::ipmitoolSdrList()
{
    const Result result = ipmitool({u"sdr"_s, u"elist"_s, u"all"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.output));
    const QString &out = result.output;
    QVERIFY2(out.contains(u"Host Power       | 01h | ok  | 23.1 | S5/G2: soft-off\n"_s), qPrintable(out));
    QVERIFY2(out.contains(u"CPU temp         | 02h | ok  |  6.1 | 45 degrees C\n"_s), qPrintable(out));
    QVERIFY2(out.contains(u"Board temp       | 03h | ok  |  6.1 | -5 degrees C\n"_s), qPrintable(out));
    QVERIFY2(out.contains(u"PSU temp         | 04h | ucr |  6.1 | 90 degrees C\n"_s), qPrintable(out));
    QVERIFY2(out.contains(u"NVMe temp        | 05h | ns  |  6.1 | No Reading\n"_s), qPrintable(out));
    QVERIFY2(out.contains(u"qbmc             | 00h | ok  |  6.1 | Dynamic MC @ 20h\n"_s), qPrintable(out));
}

void tst_IpmiSensors::ipmitoolSensorList()
{
    const Result result = ipmitool({u"sensor"_s, u"list"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.output));
    const QString &out = result.output;
    QVERIFY2(
        out.contains(
            u"CPU temp         | 45.000     | degrees C  | ok    | na        | na        | na        | 70.000    | 85.000    | na"_s),
        qPrintable(out));
    QVERIFY2(
        out.contains(
            u"Board temp       | -5.000     | degrees C  | ok    | na        | na        | na        | na        | na        | na"_s),
        qPrintable(out));
    QVERIFY2(out.contains(u"PSU temp         | 90.000     | degrees C  | cr    |"_s), qPrintable(out));
    QVERIFY2(
        out.contains(
            u"NVMe temp        | na         | degrees C  | na    | na        | na        | na        | 70.000    | na"_s),
        qPrintable(out));

    const Result get = ipmitool({u"sensor"_s, u"get"_s, u"CPU temp"_s});
    QVERIFY2(get.exitCode == 0, qPrintable(get.output));
    QVERIFY2(get.output.contains(u" Sensor Reading        : 45 (+/- 0) degrees C\n"_s), qPrintable(get.output));
    QVERIFY2(get.output.contains(u" Upper Critical        : 85.000\n"_s), qPrintable(get.output));
}

void tst_IpmiSensors::freeipmiSensors()
{
    const Result result = freeipmi(u"ipmi-sensors"_s, {u"--output-sensor-thresholds"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.output));
    const QString &out = result.output;
    QVERIFY2(out.contains(u"1  | Host Power | System ACPI Power State | N/A        | N/A   |"_s), qPrintable(out));
    QVERIFY2(
        out.contains(
            u"2  | CPU temp   | Temperature             | 45.00      | C     | N/A        | N/A        | N/A        | 70.00      | 85.00      | N/A        | 'OK'"_s),
        qPrintable(out));
    QVERIFY2(out.contains(u"3  | Board temp | Temperature             | -5.00      | C     |"_s), qPrintable(out));
    QVERIFY2(out.contains(u"'At or Above (>=) Upper Critical Threshold'"_s), qPrintable(out));
    QVERIFY2(out.contains(u"5  | NVMe temp  | Temperature             | N/A        | C     |"_s), qPrintable(out));
}

void tst_IpmiSensors::pyghmiSensorData()
{
    if (!QFileInfo::exists(u"/usr/bin/python3"_s))
        QSKIP("no /usr/bin/python3");
    const QString script =
        u"from pyghmi.ipmi import command\n"
        "ipmi = command.Command(bmc='127.0.0.1', userid='admin', password='%1', port=%2)\n"
        "for r in ipmi.get_sensor_data():\n"
        "    print('%s|%s|%s|%s|%s' % (r.name, r.type, r.value, r.units, r.unavailable))\n"_s.arg(password)
            .arg(m_port);
    const Result result = runWhileServing(u"/usr/bin/python3"_s, {u"-c"_s, script});
    QVERIFY2(result.exitCode == 0, qPrintable(result.output));
    QCOMPARE(result.output.split(u'\n', Qt::SkipEmptyParts),
             (QStringList{u"Host Power|System ACPI Power State|None||0"_s, u"CPU temp|Temperature|45.0|\u00b0C|0"_s,
                          u"Board temp|Temperature|-5.0|\u00b0C|0"_s, u"PSU temp|Temperature|90.0|\u00b0C|0"_s,
                          u"NVMe temp|Temperature|None|\u00b0C|1"_s}));
}

void tst_IpmiSensors::readingsFollowTheRegistry()
{
    m_bmc->sensors()->setReading(u"cpu"_s, 72.0);
    Result result = ipmitool({u"sensor"_s, u"reading"_s, u"CPU temp"_s});
    QVERIFY2(result.output.contains(u"CPU temp         | 72\n"_s), qPrintable(result.output));

    m_bmc->sensors()->add(temperature(u"ssd"_s, u"SSD temp"_s, 38));
    result = ipmitool({u"sdr"_s, u"elist"_s, u"full"_s});
    QVERIFY2(result.output.contains(u"CPU temp         | 02h | unc |  6.1 | 72 degrees C\n"_s),
             qPrintable(result.output));
    QVERIFY2(result.output.contains(u"SSD temp         | 06h | ok  |  6.1 | 38 degrees C\n"_s),
             qPrintable(result.output));
}

QTEST_GUILESS_MAIN(tst_IpmiSensors)
#include "tst_ipmisensors.moc"
