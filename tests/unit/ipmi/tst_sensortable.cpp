#include "SensorRegistry.h"
#include "SensorTable.h"

#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

class tst_SensorTable : public QObject
{
    Q_OBJECT

private slots:
    void hostPowerAloneWithoutSensors();
    void temperaturesFollowInRegistryOrder();
    void numbersStopBeforeTheEventOnlySensors();
    void rawTemperatures_data();
    void rawTemperatures();

private:
    static Sensor sensor(const QString &id, Sensor::Kind kind = Sensor::Kind::Temperature);
};

Sensor tst_SensorTable::sensor(const QString &id, Sensor::Kind kind)
{
    Sensor sensor;
    sensor.id = id;
    sensor.name = id.toUpper();
    sensor.kind = kind;
    return sensor;
}

void tst_SensorTable::hostPowerAloneWithoutSensors()
{
    const SensorRegistry registry;
    const SensorTable table(&registry);
    QCOMPARE(table.entries().size(), 1);
    QCOMPARE(table.entries().first().number, quint8(1));
    QCOMPARE(table.entries().first().type, SensorTable::Type::HostPower);
    QVERIFY(table.find(1));
    QVERIFY(!table.find(0));
    QVERIFY(!table.find(2));
}

void tst_SensorTable::temperaturesFollowInRegistryOrder()
{
    SensorRegistry registry;
    registry.add(sensor(u"cpu"_s));
    registry.add(sensor(u"rail"_s, Sensor::Kind::Voltage)); // not shown over IPMI yet
    registry.add(sensor(u"board"_s));
    const SensorTable table(&registry);

    const QList<SensorTable::Entry> entries = table.entries();
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(1).number, quint8(2));
    QCOMPARE(entries.at(1).sensor.id, u"cpu"_s);
    QCOMPARE(entries.at(2).number, quint8(3));
    QCOMPARE(entries.at(2).sensor.id, u"board"_s);
    QCOMPARE(table.find(3)->sensor.id, u"board"_s);
    QCOMPARE(table.find(3)->type, SensorTable::Type::Temperature);

    // Readings are read afresh.
    registry.setReading(u"board"_s, 41.0);
    QCOMPARE(table.find(3)->sensor.reading, std::optional<double>(41.0));
}

void tst_SensorTable::numbersStopBeforeTheEventOnlySensors()
{
    SensorRegistry registry;
    for (int i = 0; i < 300; ++i)
        registry.add(sensor(u"zone%1"_s.arg(i)));
    const SensorTable table(&registry);
    const QList<SensorTable::Entry> entries = table.entries();
    QCOMPARE(entries.last().number, quint8(0xDF));
    QCOMPARE(entries.size(), 1 + 0xDF - 1);
    QVERIFY(!table.find(0xE0));
}

void tst_SensorTable::rawTemperatures_data()
{
    QTest::addColumn<double>("celsius");
    QTest::addColumn<quint8>("raw");
    QTest::newRow("whole") << 45.0 << quint8(45);
    QTest::newRow("rounds down") << 45.4 << quint8(45);
    QTest::newRow("rounds half up") << 45.5 << quint8(46);
    QTest::newRow("zero") << 0.0 << quint8(0);
    QTest::newRow("negative") << -10.6 << quint8(0xF5);
    QTest::newRow("highest") << 127.0 << quint8(0x7F);
    QTest::newRow("clamped high") << 300.0 << quint8(0x7F);
    QTest::newRow("lowest") << -128.0 << quint8(0x80);
    QTest::newRow("clamped low") << -500.0 << quint8(0x80);
    QTest::newRow("not a number") << std::nan("") << quint8(0);
    QTest::newRow("infinite") << HUGE_VAL << quint8(0x7F);
}

void tst_SensorTable::rawTemperatures()
{
    QFETCH(double, celsius);
    QFETCH(quint8, raw);
    QCOMPARE(SensorTable::rawTemperature(celsius), raw);
}

QTEST_GUILESS_MAIN(tst_SensorTable)
#include "tst_sensortable.moc"
