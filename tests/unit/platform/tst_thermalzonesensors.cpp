#include "SensorRegistry.h"
#include "linux/ThermalZoneSensors.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// Thermal zones read from a sysfs-shaped folder the test writes.
class tst_ThermalZoneSensors : public QObject
{
    Q_OBJECT

private slots:
    void zonesBecomeTemperatureSensors();
    void noZonesNoSensors();

private:
    static void write(const QString &path, const QByteArray &content)
    {
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
};

void tst_ThermalZoneSensors::zonesBecomeTemperatureSensors()
{
    QTemporaryDir root;
    write(root.filePath(u"thermal_zone0/type"_s), "cpu-thermal\n");
    write(root.filePath(u"thermal_zone0/temp"_s), "48312\n");
    write(root.filePath(u"thermal_zone1/type"_s), "pmic\n");
    write(root.filePath(u"thermal_zone1/temp"_s), "garbage\n");
    write(root.filePath(u"cooling_device0/type"_s), "fan\n");

    SensorRegistry registry;
    ThermalZoneSensors sensors(&registry, root.path(), 50ms);
    sensors.start();
    QCOMPARE(sensors.zoneCount(), 2);
    QCOMPARE(registry.sensors().size(), 2);
    const Sensor cpu = *registry.sensor(u"bmc_thermal_zone0"_s);
    QCOMPARE(cpu.name, u"BMC cpu-thermal temperature"_s);
    QCOMPARE(cpu.kind, Sensor::Kind::Temperature);
    QCOMPARE(cpu.reading, 48.312);
    // An unreadable value is "no reading", not zero degrees.
    QVERIFY(!registry.sensor(u"bmc_thermal_zone1"_s)->reading);

    write(root.filePath(u"thermal_zone0/temp"_s), "51000\n");
    QTRY_COMPARE_WITH_TIMEOUT(registry.sensor(u"bmc_thermal_zone0"_s)->reading, 51.0, 5000);
}

void tst_ThermalZoneSensors::noZonesNoSensors()
{
    QTemporaryDir root;
    SensorRegistry registry;
    ThermalZoneSensors sensors(&registry, root.path());
    sensors.start();
    QCOMPARE(sensors.zoneCount(), 0);
    QVERIFY(registry.sensors().isEmpty());
}

QTEST_GUILESS_MAIN(tst_ThermalZoneSensors)
#include "tst_thermalzonesensors.moc"
