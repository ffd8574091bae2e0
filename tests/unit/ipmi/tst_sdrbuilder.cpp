#include "SdrBuilder.h"

#include <QTest>

using namespace Qt::StringLiterals;

// Byte positions below are the specification's (IPMI v2.0 tables 43-1, 43-2 and 43-8), which
// count from 1: at(record, 13) is byte 13.
class tst_SdrBuilder : public QObject
{
    Q_OBJECT

private slots:
    void hostPowerCompactRecord();
    void temperatureFullRecord();
    void temperatureWithoutThresholds();
    void negativeThresholds();
    void controllerLocator();
    void recordsAreNumberedInOrder();
    void idStrings_data();
    void idStrings();

private:
    static quint8 at(const QByteArray &record, int position) { return quint8(record.at(position - 1)); }
    static quint16 at16(const QByteArray &record, int position)
    {
        return quint16(at(record, position) | at(record, position + 1) << 8);
    }
    static void checkHeader(const QByteArray &record, quint16 id, quint8 type);
};

void tst_SdrBuilder::checkHeader(const QByteArray &record, quint16 id, quint8 type)
{
    QCOMPARE(at16(record, 1), id);
    QCOMPARE(at(record, 3), quint8(0x51));
    QCOMPARE(at(record, 4), type);
    QCOMPARE(int(at(record, 5)), record.size() - 5);
}

void tst_SdrBuilder::hostPowerCompactRecord()
{
    const QByteArray record = SdrBuilder::hostPowerRecord(7, 1);
    checkHeader(record, 7, 0x02);
    QCOMPARE(at(record, 6), quint8(0x20)); // owner: the BMC
    QCOMPARE(at(record, 7), quint8(0x00));
    QCOMPARE(at(record, 8), quint8(1));    // sensor number
    QCOMPARE(at(record, 9), quint8(0x17)); // system chassis
    QCOMPARE(at(record, 10), quint8(0x01));
    QCOMPARE(at(record, 13), quint8(0x22));      // System ACPI Power State
    QCOMPARE(at(record, 14), quint8(0x6F));      // sensor-specific
    QCOMPARE(at16(record, 15), quint16(0x0021)); // S0/G0 and S5/G2 asserted
    QCOMPARE(at16(record, 17), quint16(0x0000));
    QCOMPARE(at16(record, 19), quint16(0x0021)); // readable states
    QCOMPARE(at(record, 21), quint8(0xC0));      // no analog reading
    QCOMPARE(at(record, 24) & 0x0F, 1);          // share count
    QCOMPARE(at(record, 32), quint8(0xC0 | 10));
    QCOMPARE(record.sliced(32), QByteArray("Host Power"));
}

void tst_SdrBuilder::temperatureFullRecord()
{
    Sensor sensor;
    sensor.id = u"cpu"_s;
    sensor.name = u"BMC cpu-thermal temperature"_s;
    sensor.upperWarning = 70;
    sensor.upperCritical = 85;
    const QByteArray record = SdrBuilder::temperatureRecord(2, 5, sensor);
    checkHeader(record, 2, 0x01);
    QCOMPARE(record.size(), 48 + 16);
    QCOMPARE(at(record, 8), quint8(5));
    QCOMPARE(at(record, 9), quint8(0x06));                // system management module: the BMC's board
    QCOMPARE(at(record, 12) & 0x0C, 0x04);                // thresholds readable, not settable
    QCOMPARE(at(record, 13), quint8(0x01));               // temperature
    QCOMPARE(at(record, 14), quint8(0x01));               // threshold
    QCOMPARE(at16(record, 15), quint16(0x0000));          // no events, no lower thresholds
    QCOMPARE(at16(record, 17), quint16(0x1000 | 0x2000)); // upper non-critical and critical compared
    QCOMPARE(at(record, 19), quint8(0x18));               // readable: UNC, UC
    QCOMPARE(at(record, 20), quint8(0x00));               // settable: none
    QCOMPARE(at(record, 21), quint8(0x80));               // two's complement
    QCOMPARE(at(record, 22), quint8(0x01));               // degrees C
    QCOMPARE(at(record, 23), quint8(0x00));
    QCOMPARE(at(record, 24), quint8(0x00)); // linear
    QCOMPARE(at(record, 25), quint8(1));    // M
    QCOMPARE(at(record, 26), quint8(0));
    QCOMPARE(at(record, 27), quint8(0)); // B
    QCOMPARE(at(record, 28), quint8(0));
    QCOMPARE(at(record, 30), quint8(0));    // exponents
    QCOMPARE(at(record, 35), quint8(0x7F)); // sensor maximum 127
    QCOMPARE(at(record, 36), quint8(0x80)); // sensor minimum -128
    QCOMPARE(at(record, 37), quint8(0));    // UNR
    QCOMPARE(at(record, 38), quint8(85));   // UC
    QCOMPARE(at(record, 39), quint8(70));   // UNC
    QCOMPARE(at(record, 48), quint8(0xC0 | 16));
    QCOMPARE(record.sliced(48), QByteArray("BMC cpu-thermal "));
}

void tst_SdrBuilder::temperatureWithoutThresholds()
{
    Sensor sensor;
    sensor.name = u"Board"_s;
    const QByteArray record = SdrBuilder::temperatureRecord(3, 2, sensor);
    QCOMPARE(at(record, 12) & 0x0C, 0x00); // no thresholds
    QCOMPARE(at16(record, 17), quint16(0));
    QCOMPARE(at16(record, 19), quint16(0));
    QCOMPARE(at(record, 38), quint8(0));
    QCOMPARE(at(record, 39), quint8(0));
    QCOMPARE(record.sliced(48), QByteArray("Board"));
}

void tst_SdrBuilder::negativeThresholds()
{
    Sensor sensor;
    sensor.name = u"Freezer"_s;
    sensor.upperWarning = -18.2;
    const QByteArray record = SdrBuilder::temperatureRecord(3, 2, sensor);
    QCOMPARE(at(record, 19), quint8(0x08));
    QCOMPARE(qint8(at(record, 39)), qint8(-18));
}

void tst_SdrBuilder::controllerLocator()
{
    const QByteArray record = SdrBuilder::controllerLocatorRecord(9);
    checkHeader(record, 9, 0x12);
    QCOMPARE(at(record, 6), quint8(0x20));
    QCOMPARE(at(record, 9), quint8(0x8F)); // as Get Device ID says
    QCOMPARE(at(record, 13), quint8(0x06));
    QCOMPARE(at(record, 16), quint8(0xC4));
    QCOMPARE(record.sliced(16), QByteArray("qbmc"));
}

void tst_SdrBuilder::recordsAreNumberedInOrder()
{
    Sensor cpu;
    cpu.name = u"CPU"_s;
    Sensor board;
    board.name = u"Board"_s;
    const QList<QByteArray> records = SdrBuilder::records({{1, SensorTable::Type::HostPower, {}},
                                                           {2, SensorTable::Type::Temperature, cpu},
                                                           {3, SensorTable::Type::Temperature, board}});
    QCOMPARE(records.size(), 4);
    for (int i = 0; i < records.size(); ++i)
        QCOMPARE(at16(records.at(i), 1), quint16(i + 1));
    QCOMPARE(at(records.at(0), 4), quint8(0x02));
    QCOMPARE(at(records.at(1), 4), quint8(0x01));
    QCOMPARE(at(records.at(1), 8), quint8(2));
    QCOMPARE(at(records.at(2), 8), quint8(3));
    QCOMPARE(at(records.at(3), 4), quint8(0x12));
}

void tst_SdrBuilder::idStrings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("plain") << u"CPU Temp"_s
                           << QByteArray("\xC8"
                                         "CPU Temp");
    QTest::newRow("empty") << QString() << QByteArray("\xC0");
    QTest::newRow("cut at 16") << u"0123456789abcdefXYZ"_s
                               << QByteArray("\xD0"
                                             "0123456789abcdef");
    QTest::newRow("beyond ASCII") << u"Temp \u00b0C \u6e29\u5ea6"_s
                                  << QByteArray("\xCA"
                                                "Temp ?C ??");
    QTest::newRow("control characters") << u"a\tb\nc"_s
                                        << QByteArray("\xC5"
                                                      "a?b?c");
}

void tst_SdrBuilder::idStrings()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, encoded);
    QCOMPARE(SdrBuilder::idString(text), encoded);
}

QTEST_GUILESS_MAIN(tst_SdrBuilder)
#include "tst_sdrbuilder.moc"
