#include "SensorRegistry.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_SensorRegistry : public QObject
{
    Q_OBJECT

private slots:
    void addReadReplaceRemove();
};

void tst_SensorRegistry::addReadReplaceRemove()
{
    SensorRegistry registry;
    Sensor sensor;
    sensor.id = u"bmc_thermal_zone0"_s;
    sensor.name = u"BMC cpu-thermal temperature"_s;
    registry.add(sensor);
    QCOMPARE(registry.sensors().size(), 1);
    QVERIFY(!registry.sensor(sensor.id)->reading);

    QSignalSpy reading(&registry, &SensorRegistry::readingChanged);
    registry.setReading(sensor.id, 48.5);
    registry.setReading(sensor.id, 48.5);
    QCOMPARE(reading.size(), 1);
    QCOMPARE(registry.sensor(sensor.id)->reading, 48.5);

    sensor.upperCritical = 85;
    registry.add(sensor);
    QCOMPARE(registry.sensors().size(), 1);
    QCOMPARE(registry.sensor(sensor.id)->upperCritical, 85.0);

    registry.remove(sensor.id);
    QVERIFY(registry.sensors().isEmpty());
    QCOMPARE(Sensor::unit(Sensor::Kind::Temperature), u"Cel"_s);
}

QTEST_GUILESS_MAIN(tst_SensorRegistry)
#include "tst_sensorregistry.moc"
