#include "EventLogEntry.h"
#include "SelRecord.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Kind = EventLogEntry::Kind;

class tst_SelRecord : public QObject
{
    Q_OBJECT

private slots:
    void recordIdsWrapWithinSixteenBits_data();
    void recordIdsWrapWithinSixteenBits();
    void eventLogIdsFromRecordIds_data();
    void eventLogIdsFromRecordIds();
    void everyIdOfAFullLogMapsBack();
    void generatedRecordsFollowTheKind_data();
    void generatedRecordsFollowTheKind();
    void generatedRecordLayout();
    void addedRecordsAreKeptWithTheirIdPatched();
    void malformedStoredRecordIsReplacedByAGeneratedOne();
    void timestampedRecordTypes();
    void describe();

private:
    static EventLogEntry entry(quint32 id, Kind kind, const QByteArray &selRecord = {});
};

EventLogEntry tst_SelRecord::entry(quint32 id, Kind kind, const QByteArray &selRecord)
{
    EventLogEntry entry;
    entry.id = id;
    entry.timestamp = QDateTime::fromSecsSinceEpoch(0x65000000, Qt::UTC);
    entry.kind = kind;
    entry.actor = Actor::bmc();
    entry.message = u"test"_s;
    entry.selRecord = selRecord;
    return entry;
}

void tst_SelRecord::recordIdsWrapWithinSixteenBits_data()
{
    QTest::addColumn<quint32>("eventLogId");
    QTest::addColumn<quint16>("recordId");
    QTest::newRow("first") << 1u << quint16(1);
    QTest::newRow("ordinary") << 1234u << quint16(1234);
    QTest::newRow("last before the wrap") << 0xFFFEu << quint16(0xFFFE);
    QTest::newRow("wraps to 1, never FFFFh") << 0xFFFFu << quint16(1);
    QTest::newRow("never 0000h") << 0x1FFFCu << quint16(0xFFFE);
    QTest::newRow("far on") << 0x1FFFDu << quint16(1);
    QTest::newRow("largest") << 0xFFFFFFFFu << quint16((0xFFFFFFFFu - 1) % 0xFFFE + 1);
}

void tst_SelRecord::recordIdsWrapWithinSixteenBits()
{
    QFETCH(quint32, eventLogId);
    QFETCH(quint16, recordId);
    QCOMPARE(SelRecord::recordId(eventLogId), recordId);
}

void tst_SelRecord::eventLogIdsFromRecordIds_data()
{
    QTest::addColumn<quint16>("recordId");
    QTest::addColumn<quint32>("newest");
    QTest::addColumn<qint64>("expected"); // -1: none

    QTest::newRow("same") << quint16(5) << 5u << qint64(5);
    QTest::newRow("older") << quint16(3) << 5u << qint64(3);
    QTest::newRow("newer than the newest has no entry yet") << quint16(6) << 5u << qint64(-1);
    QTest::newRow("after a wrap") << quint16(2) << 0x10000u << qint64(0x10000);
    QTest::newRow("before the wrap") << quint16(0xFFFE) << 0x10000u << qint64(0xFFFE);
    QTest::newRow("record id 0 is 'first', not an id") << quint16(0) << 5u << qint64(-1);
    QTest::newRow("record id FFFFh is 'last', not an id") << quint16(0xFFFF) << 5u << qint64(-1);
    QTest::newRow("empty log") << quint16(1) << 0u << qint64(-1);
}

void tst_SelRecord::eventLogIdsFromRecordIds()
{
    QFETCH(quint16, recordId);
    QFETCH(quint32, newest);
    QFETCH(qint64, expected);
    const std::optional<quint32> id = SelRecord::eventLogId(recordId, newest);
    QCOMPARE(id ? qint64(*id) : qint64(-1), expected);
}

void tst_SelRecord::everyIdOfAFullLogMapsBack()
{
    // The log keeps at most FFFEh entries; every one of them round-trips, across a wrap.
    const quint32 newest = 0x2345F;
    for (quint32 id = newest - 0xFFFD; id <= newest; ++id) {
        const std::optional<quint32> back = SelRecord::eventLogId(SelRecord::recordId(id), newest);
        QVERIFY(back);
        QCOMPARE(*back, id);
    }
}

void tst_SelRecord::generatedRecordsFollowTheKind_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<quint8>("sensorType");
    QTest::addColumn<quint8>("sensorNumber");
    QTest::addColumn<quint8>("offset");
    QTest::newRow("powered on") << Kind::HostPoweredOn << quint8(0x22) << quint8(0x01) << quint8(0x00);
    QTest::newRow("powered off") << Kind::HostPoweredOff << quint8(0x22) << quint8(0x01) << quint8(0x05);
    QTest::newRow("power action failed") << Kind::PowerActionFailed << quint8(0x09) << quint8(0xE0) << quint8(0x05);
    QTest::newRow("login failed") << Kind::LoginFailed << quint8(0x2A) << quint8(0xE1) << quint8(0x02);
    QTest::newRow("account locked") << Kind::AccountLocked << quint8(0x2A) << quint8(0xE1) << quint8(0x03);
    QTest::newRow("log cleared") << Kind::LogCleared << quint8(0x10) << quint8(0xE2) << quint8(0x02);
    QTest::newRow("log full") << Kind::LogFull << quint8(0x10) << quint8(0xE2) << quint8(0x04);
    QTest::newRow("generic") << Kind::Generic << quint8(0x12) << quint8(0xE3) << quint8(0x03);
}

void tst_SelRecord::generatedRecordsFollowTheKind()
{
    QFETCH(Kind, kind);
    QFETCH(quint8, sensorType);
    QFETCH(quint8, sensorNumber);
    QFETCH(quint8, offset);
    const QByteArray record = SelRecord::encode(entry(7, kind));
    QCOMPARE(record.size(), SelRecord::size);
    QCOMPARE(quint8(record[10]), sensorType);
    QCOMPARE(quint8(record[11]), sensorNumber);
    QCOMPARE(quint8(record[12]), quint8(0x6F)); // assertion, sensor-specific
    QCOMPARE(quint8(record[13]), offset);       // bits 7:4 zero: event data 2 and 3 unspecified
}

void tst_SelRecord::generatedRecordLayout()
{
    const QByteArray record = SelRecord::encode(entry(0x10001, Kind::HostPoweredOn));
    // Record id 0003h, type 02h, timestamp 65000000h LE, generator 0020h, EvM 04h, sensor type
    // 22h, number 01h, 6Fh, offset 00h, event data 2 and 3 FFh.
    QCOMPARE(record.toHex(' '), QByteArray("03 00 02 00 00 00 65 20 00 04 22 01 6f 00 ff ff"));
}

void tst_SelRecord::addedRecordsAreKeptWithTheirIdPatched()
{
    const QByteArray added = QByteArray::fromHex("0000c0112233440102030405060708ff");
    const QByteArray record = SelRecord::encode(entry(0x0102, Kind::Generic, added));
    QCOMPARE(record.toHex(), QByteArray("0201c0112233440102030405060708ff"));
}

void tst_SelRecord::malformedStoredRecordIsReplacedByAGeneratedOne()
{
    // A state file edited by hand may hold a record of the wrong size.
    const QByteArray record = SelRecord::encode(entry(9, Kind::LoginFailed, QByteArray::fromHex("0102")));
    QCOMPARE(record.size(), SelRecord::size);
    QCOMPARE(quint8(record[2]), SelRecord::systemEventType);
    QCOMPARE(quint8(record[10]), quint8(0x2A));
}

void tst_SelRecord::timestampedRecordTypes()
{
    QVERIFY(SelRecord::hasTimestamp(0x02));
    QVERIFY(SelRecord::hasTimestamp(0xC0));
    QVERIFY(SelRecord::hasTimestamp(0xDF));
    QVERIFY(!SelRecord::hasTimestamp(0xE0));
    QVERIFY(!SelRecord::hasTimestamp(0xFF));
}

void tst_SelRecord::describe()
{
    QCOMPARE(SelRecord::describe(QByteArray::fromHex("00000200000000200004090e6f05ffff")),
             u"sensor type 0x09, sensor 0x0e, assertion of event type 0x6f, event data 0x05 0xff 0xff"_s);
    QCOMPARE(SelRecord::describe(QByteArray::fromHex("00000200000000200004010280510a0b")),
             u"sensor type 0x01, sensor 0x02, deassertion of event type 0x00, event data 0x51 0x0a 0x0b"_s);
    QCOMPARE(SelRecord::describe(QByteArray::fromHex("0000e0000102030405060708090a0b0c")),
             u"record type 0xe0, data 0x00 0x01 0x02 0x03 0x04 0x05 0x06 0x07 0x08 0x09 0x0a 0x0b 0x0c"_s);
    QCOMPARE(SelRecord::describe(QByteArray(3, '\0')), u"malformed record"_s);
}

QTEST_GUILESS_MAIN(tst_SelRecord)
#include "tst_selrecord.moc"
