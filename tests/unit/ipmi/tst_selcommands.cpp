#include "CommandTesting.h"
#include "EventLog.h"
#include "NetFn.h"
#include "SelCommands.h"
#include "SelRecord.h"

#include <QDir>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using CommandTesting::bytes;

class tst_SelCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void infoOfAnEmptyLog();
    void infoCountsEntriesAndTimes();
    void infoShowsTheOverflow();
    void freeSpaceIsCappedAtFFFEh();
    void allocationInfo();
    void getEntryWalksTheLog();
    void getEntryFirstAndLast();
    void getEntryPartialReads();
    void getEntryErrors_data();
    void getEntryErrors();
    void getEntryAfterTheRecordIdsWrapped();
    void addEntryKeepsTheRecord();
    void addEntryTimestampsOnlyTimestampedTypes_data();
    void addEntryTimestampsOnlyTimestampedTypes();
    void addEntryCancelsTheReservation();
    void clearNeedsTheReservation();
    void clearChecksItsConfirmation_data();
    void clearChecksItsConfirmation();
    void clearGetStatusClearsNothing();
    void clearErasesAndLogsWhoDidIt();
    void clearFromAnotherFaceCancelsTheReservation();
    void time();
    void setTimeOnlyAcceptsTheCurrentTime();
    void privileges_data();
    void privileges();
    void requestLengths_data();
    void requestLengths();

private:
    IpmiResponse call(quint8 command, const QByteArray &data = {}, Privilege privilege = Privilege::Administrator);
    quint16 reserve();
    void makeLog(int capacity);

    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<EventLog> m_log;
    std::unique_ptr<CommandTable> m_table;
    std::unique_ptr<SelCommands> m_commands;
};

void tst_SelCommands::init()
{
    m_dir = new QTemporaryDir;
    makeLog(64);
}

void tst_SelCommands::cleanup()
{
    m_commands.reset();
    m_table.reset();
    m_log.reset();
    delete m_dir;
}

void tst_SelCommands::makeLog(int capacity)
{
    m_commands.reset();
    const QString directory = m_dir->filePath(QString::number(capacity));
    QDir().mkpath(directory);
    m_log = std::make_unique<EventLog>(directory, capacity);
    m_table = std::make_unique<CommandTable>();
    m_commands = CommandTesting::registered<SelCommands>(*m_table, m_log.get());
}

IpmiResponse tst_SelCommands::call(quint8 command, const QByteArray &data, Privilege privilege)
{
    return m_table->dispatch(CommandTesting::request(NetFn::storage, command, data, privilege));
}

quint16 tst_SelCommands::reserve()
{
    const IpmiResponse response = call(0x42);
    if (response.completionCode != CompletionCode::Success || response.data.size() != 2)
        return 0;
    return quint16(quint8(response.data[0]) | quint8(response.data[1]) << 8);
}

namespace {
QByteArray le16(quint16 value)
{
    QByteArray bytes;
    bytes.append(char(value & 0xFF)).append(char(value >> 8));
    return bytes;
}

quint32 le32(const QByteArray &data, qsizetype at)
{
    return quint32(quint8(data[at])) | quint32(quint8(data[at + 1])) << 8 | quint32(quint8(data[at + 2])) << 16
        | quint32(quint8(data[at + 3])) << 24;
}

QByteArray getEntryRequest(quint16 reservation, quint16 recordId, quint8 offset = 0, quint8 count = 0xFF)
{
    return le16(reservation) + le16(recordId) + char(offset) + char(count);
}
} // namespace

void tst_SelCommands::infoOfAnEmptyLog()
{
    const IpmiResponse response = call(0x40);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    // Version 1.5, no entries, 64 free entries of 16 bytes, no addition, no erase, Reserve and
    // Get Allocation Info supported.
    QCOMPARE(response.data.toHex(' '), QByteArray("51 00 00 00 04 ff ff ff ff ff ff ff ff 03"));
}

void tst_SelCommands::infoCountsEntriesAndTimes()
{
    m_log->info(Actor::bmc(), u"one"_s);
    m_log->info(Actor::bmc(), u"two"_s);
    const IpmiResponse response = call(0x40);
    QCOMPARE(response.data.size(), 14);
    QCOMPARE(response.data.mid(1, 2), le16(2));
    QCOMPARE(response.data.mid(3, 2), le16(62 * 16));
    QCOMPARE(le32(response.data, 5), quint32(m_log->lastAddition().toSecsSinceEpoch()));
    QCOMPARE(le32(response.data, 9), 0xFFFFFFFFu);

    m_log->clear(Actor::screen());
    const IpmiResponse afterClear = call(0x40);
    QCOMPARE(le32(afterClear.data, 9), quint32(m_log->lastErase().toSecsSinceEpoch()));
}

void tst_SelCommands::infoShowsTheOverflow()
{
    makeLog(4);
    for (int i = 0; i < 5; ++i)
        m_log->info(Actor::bmc(), u"entry %1"_s.arg(i));
    QVERIFY(m_log->hasOverflowed());
    const IpmiResponse response = call(0x40);
    QCOMPARE(quint8(response.data[13]), quint8(0x83));
    QCOMPARE(response.data.mid(1, 2), le16(4));
    QCOMPARE(response.data.mid(3, 2), le16(0));
}

void tst_SelCommands::freeSpaceIsCappedAtFFFEh()
{
    makeLog(65534);
    QCOMPARE(call(0x40).data.mid(3, 2), le16(0xFFFE)); // FFFFh would mean "unspecified"
}

void tst_SelCommands::allocationInfo()
{
    m_log->info(Actor::bmc(), u"one"_s);
    const IpmiResponse response = call(0x41);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    // 64 units of 16 bytes, 63 free, largest free block 63, a record takes one unit.
    QCOMPARE(response.data.toHex(' '), QByteArray("40 00 10 00 3f 00 3f 00 01"));
}

void tst_SelCommands::getEntryWalksTheLog()
{
    const quint32 first = m_log->info(Actor::bmc(), u"one"_s);
    const quint32 second =
        m_log->add(EventLogEntry::Severity::Warning, EventLogEntry::Kind::LoginFailed, Actor::bmc(), u"two"_s);

    const IpmiResponse one = call(0x43, getEntryRequest(0, SelRecord::recordId(first)));
    QCOMPARE(one.completionCode, CompletionCode::Success);
    QCOMPARE(one.data.size(), 2 + 16);
    QCOMPARE(one.data.first(2), le16(SelRecord::recordId(second))); // next record id
    QCOMPARE(one.data.sliced(2), SelRecord::encode(*m_log->entry(first)));

    const IpmiResponse two = call(0x43, getEntryRequest(0, SelRecord::recordId(second)));
    QCOMPARE(two.data.first(2), le16(0xFFFF)); // the end
    QCOMPARE(quint8(two.data[2 + 10]), quint8(0x2A));
}

void tst_SelCommands::getEntryFirstAndLast()
{
    const quint32 first = m_log->info(Actor::bmc(), u"one"_s);
    m_log->info(Actor::bmc(), u"two"_s);
    const quint32 last = m_log->info(Actor::bmc(), u"three"_s);
    QCOMPARE(call(0x43, getEntryRequest(0, 0x0000)).data.mid(2, 2), le16(SelRecord::recordId(first)));
    const IpmiResponse response = call(0x43, getEntryRequest(0, 0xFFFF));
    QCOMPARE(response.data.mid(2, 2), le16(SelRecord::recordId(last)));
    QCOMPARE(response.data.first(2), le16(0xFFFF));
}

void tst_SelCommands::getEntryPartialReads()
{
    const quint32 id = m_log->info(Actor::bmc(), u"one"_s);
    const QByteArray record = SelRecord::encode(*m_log->entry(id));
    const quint16 recordId = SelRecord::recordId(id);

    // From offset 0 no reservation is needed.
    IpmiResponse response = call(0x43, getEntryRequest(0, recordId, 0, 5));
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(response.data.sliced(2), record.first(5));

    const quint16 reservation = reserve();
    response = call(0x43, getEntryRequest(reservation, recordId, 5, 6));
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(response.data.sliced(2), record.sliced(5, 6));

    // Past the end: what is there.
    response = call(0x43, getEntryRequest(reservation, recordId, 12, 10));
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(response.data.sliced(2), record.sliced(12));

    response = call(0x43, getEntryRequest(reservation, recordId, 15, 0xFF));
    QCOMPARE(response.data.sliced(2), record.sliced(15));

    response = call(0x43, getEntryRequest(reservation, recordId, 3, 0));
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(response.data.size(), 2);
}

void tst_SelCommands::getEntryErrors_data()
{
    QTest::addColumn<bool>("withReservation");
    QTest::addColumn<quint16>("recordId");
    QTest::addColumn<quint8>("offset");
    QTest::addColumn<CompletionCode>("expected");
    QTest::newRow("unknown record id") << false << quint16(0x0042) << quint8(0)
                                       << CompletionCode::RequestedDataNotPresent;
    QTest::newRow("offset inside without a reservation")
        << false << quint16(1) << quint8(4) << CompletionCode::InvalidReservation;
    QTest::newRow("offset beyond the record")
        << true << quint16(1) << quint8(16) << CompletionCode::ParameterOutOfRange;
    QTest::newRow("unknown record id, reserved")
        << true << quint16(0x0042) << quint8(2) << CompletionCode::RequestedDataNotPresent;
}

void tst_SelCommands::getEntryErrors()
{
    QFETCH(bool, withReservation);
    QFETCH(quint16, recordId);
    QFETCH(quint8, offset);
    QFETCH(CompletionCode, expected);
    m_log->info(Actor::bmc(), u"one"_s);
    const quint16 reservation = withReservation ? reserve() : quint16(0);
    QCOMPARE(call(0x43, getEntryRequest(reservation, recordId, offset, 4)).completionCode, expected);
}

void tst_SelCommands::getEntryAfterTheRecordIdsWrapped()
{
    QLoggingCategory::setFilterRules(u"qbmc.*=false"_s);
    makeLog(16);
    quint32 last = 0;
    while (last < 0x10003)
        last = m_log->info(Actor::bmc(), u"entry"_s);
    QLoggingCategory::setFilterRules({});

    // Ids 0FFF4h..10003h are in the log: record ids FFF4h..FFFEh, then 1..5.
    const IpmiResponse beforeWrap = call(0x43, getEntryRequest(0, 0xFFFE));
    QCOMPARE(beforeWrap.completionCode, CompletionCode::Success);
    QCOMPARE(beforeWrap.data.first(2), le16(0x0001));
    const IpmiResponse afterWrap = call(0x43, getEntryRequest(0, 0x0005));
    QCOMPARE(afterWrap.completionCode, CompletionCode::Success);
    QCOMPARE(afterWrap.data.first(2), le16(0xFFFF));
    QCOMPARE(afterWrap.data.sliced(2), SelRecord::encode(*m_log->entry(0x10003)));
    // Record ids that are no longer (or not yet) in the log.
    QCOMPARE(call(0x43, getEntryRequest(0, 0x0006)).completionCode, CompletionCode::RequestedDataNotPresent);
    QCOMPARE(call(0x43, getEntryRequest(0, 0xFFF0)).completionCode, CompletionCode::RequestedDataNotPresent);
}

void tst_SelCommands::addEntryKeepsTheRecord()
{
    const QByteArray sent = bytes("0000 02 00000000 4100 04 09 0e 6f 05 ff ff");
    const IpmiResponse response = call(0x44, sent, Privilege::Operator);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    const EventLogEntry &entry = m_log->entries().last();
    QCOMPARE(response.data, le16(SelRecord::recordId(entry.id)));
    QCOMPARE(entry.actor, Actor::ipmi(u"admin"_s));
    QCOMPARE(entry.severity, EventLogEntry::Severity::Info);
    QCOMPARE(
        entry.message,
        u"SEL entry added: sensor type 0x09, sensor 0x0e, assertion of event type 0x6f, event data 0x05 0xff 0xff"_s);
    QCOMPARE(entry.selRecord.size(), 16);
    QCOMPARE(entry.selRecord.sliced(7), sent.sliced(7));

    // Read back: the client's record, with its record id and the BMC's time.
    const IpmiResponse read = call(0x43, getEntryRequest(0, SelRecord::recordId(entry.id)));
    QCOMPARE(read.data.mid(2, 2), response.data);
    QVERIFY(qAbs(qint64(le32(read.data, 2 + 3)) - QDateTime::currentSecsSinceEpoch()) <= 2);
    QCOMPARE(read.data.sliced(2 + 7), sent.sliced(7));
}

void tst_SelCommands::addEntryTimestampsOnlyTimestampedTypes_data()
{
    QTest::addColumn<quint8>("type");
    QTest::addColumn<bool>("timestamped");
    QTest::newRow("system event") << quint8(0x02) << true;
    QTest::newRow("OEM timestamped") << quint8(0xC1) << true;
    QTest::newRow("OEM non-timestamped") << quint8(0xE0) << false;
}

void tst_SelCommands::addEntryTimestampsOnlyTimestampedTypes()
{
    QFETCH(quint8, type);
    QFETCH(bool, timestamped);
    QByteArray sent = bytes("0000 00 11223344 5566 77 8899aabbccdd");
    sent[2] = char(type);
    QCOMPARE(call(0x44, sent).completionCode, CompletionCode::Success);
    const QByteArray stored = m_log->entries().last().selRecord;
    if (timestamped)
        QVERIFY(qAbs(qint64(le32(stored, 3)) - QDateTime::currentSecsSinceEpoch()) <= 2);
    else
        QCOMPARE(stored.sliced(3, 4), sent.sliced(3, 4));
    QCOMPARE(stored.sliced(7), sent.sliced(7));
}

void tst_SelCommands::addEntryCancelsTheReservation()
{
    m_log->info(Actor::bmc(), u"one"_s);
    const quint16 reservation = reserve();
    QCOMPARE(call(0x44, bytes("0000 02 00000000 4100 04 09 0e 6f 05 ff ff")).completionCode, CompletionCode::Success);
    QCOMPARE(call(0x43, getEntryRequest(reservation, 0, 4, 4)).completionCode, CompletionCode::InvalidReservation);
    // qbmc's own events do not: a reader would never finish while the host is busy.
    const quint16 again = reserve();
    m_log->info(Actor::bmc(), u"two"_s);
    QCOMPARE(call(0x43, getEntryRequest(again, 0, 4, 4)).completionCode, CompletionCode::Success);
}

void tst_SelCommands::clearNeedsTheReservation()
{
    m_log->info(Actor::bmc(), u"one"_s);
    QCOMPARE(call(0x47, le16(0) + "CLR" + char(0xAA)).completionCode, CompletionCode::InvalidReservation);
    const quint16 old = reserve();
    reserve();
    QCOMPARE(call(0x47, le16(old) + "CLR" + char(0xAA)).completionCode, CompletionCode::InvalidReservation);
    QCOMPARE(m_log->count(), 1);
}

void tst_SelCommands::clearChecksItsConfirmation_data()
{
    QTest::addColumn<QByteArray>("confirmation");
    QTest::addColumn<quint8>("action");
    QTest::newRow("lower case") << QByteArray("clr") << quint8(0xAA);
    QTest::newRow("wrong letters") << QByteArray("CLX") << quint8(0xAA);
    QTest::newRow("unknown action") << QByteArray("CLR") << quint8(0x55);
}

void tst_SelCommands::clearChecksItsConfirmation()
{
    QFETCH(QByteArray, confirmation);
    QFETCH(quint8, action);
    m_log->info(Actor::bmc(), u"one"_s);
    const quint16 reservation = reserve();
    QCOMPARE(call(0x47, le16(reservation) + confirmation + char(action)).completionCode,
             CompletionCode::InvalidDataField);
    QCOMPARE(m_log->count(), 1);
}

void tst_SelCommands::clearGetStatusClearsNothing()
{
    m_log->info(Actor::bmc(), u"one"_s);
    const quint16 reservation = reserve();
    const IpmiResponse response = call(0x47, le16(reservation) + "CLR" + char(0x00));
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(response.data, QByteArray(1, char(0x01)));
    QCOMPARE(m_log->count(), 1);
}

void tst_SelCommands::clearErasesAndLogsWhoDidIt()
{
    m_log->info(Actor::bmc(), u"one"_s);
    m_log->info(Actor::bmc(), u"two"_s);
    const quint16 reservation = reserve();
    const IpmiResponse response = call(0x47, le16(reservation) + "CLR" + char(0xAA), Privilege::Operator);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(response.data, QByteArray(1, char(0x01))); // erasure completed
    QCOMPARE(m_log->count(), 1);
    QCOMPARE(m_log->entries().first().kind, EventLogEntry::Kind::LogCleared);
    QCOMPARE(m_log->entries().first().actor, Actor::ipmi(u"admin"_s));
    // The clear ended the reservation.
    QCOMPARE(call(0x47, le16(reservation) + "CLR" + char(0xAA)).completionCode, CompletionCode::InvalidReservation);
    // The one entry reads as "log area reset/cleared".
    const IpmiResponse entry = call(0x43, getEntryRequest(0, 0));
    QCOMPARE(entry.data.sliced(2 + 10, 4).toHex(' '), QByteArray("10 e2 6f 02"));
}

void tst_SelCommands::clearFromAnotherFaceCancelsTheReservation()
{
    m_log->info(Actor::bmc(), u"one"_s);
    const quint16 reservation = reserve();
    m_log->clear(Actor::redfish(u"admin"_s));
    QCOMPARE(call(0x43, getEntryRequest(reservation, 0, 1, 4)).completionCode, CompletionCode::InvalidReservation);
}

void tst_SelCommands::time()
{
    const IpmiResponse response = call(0x48);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(response.data.size(), 4);
    QVERIFY(qAbs(qint64(le32(response.data, 0)) - QDateTime::currentSecsSinceEpoch()) <= 2);
}

void tst_SelCommands::setTimeOnlyAcceptsTheCurrentTime()
{
    const auto encoded = [](qint64 time) {
        QByteArray data = le16(quint16(time & 0xFFFF)) + le16(quint16(time >> 16));
        return data;
    };
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QCOMPARE(call(0x49, encoded(now)).completionCode, CompletionCode::Success);
    QCOMPARE(call(0x49, encoded(now - 1)).completionCode, CompletionCode::Success);
    QCOMPARE(call(0x49, encoded(now + 3600)).completionCode, CompletionCode::NotSupportedInPresentState);
    QCOMPARE(call(0x49, encoded(0)).completionCode, CompletionCode::NotSupportedInPresentState);
}

void tst_SelCommands::privileges_data()
{
    QTest::addColumn<quint8>("command");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<Privilege>("needed");
    QTest::newRow("Get SEL Info") << quint8(0x40) << QByteArray() << Privilege::User;
    QTest::newRow("Get SEL Allocation Info") << quint8(0x41) << QByteArray() << Privilege::User;
    QTest::newRow("Reserve SEL") << quint8(0x42) << QByteArray() << Privilege::User;
    QTest::newRow("Get SEL Entry") << quint8(0x43) << getEntryRequest(0, 0) << Privilege::User;
    QTest::newRow("Add SEL Entry") << quint8(0x44) << QByteArray(16, '\2') << Privilege::Operator;
    QTest::newRow("Clear SEL") << quint8(0x47) << QByteArray("\0\0CLR\xAA", 6) << Privilege::Operator;
    QTest::newRow("Get SEL Time") << quint8(0x48) << QByteArray() << Privilege::User;
    QTest::newRow("Set SEL Time") << quint8(0x49) << QByteArray(4, '\0') << Privilege::Operator;
}

void tst_SelCommands::privileges()
{
    QFETCH(quint8, command);
    QFETCH(QByteArray, data);
    QFETCH(Privilege, needed);
    m_log->info(Actor::bmc(), u"one"_s);
    const Privilege below = Privilege(quint8(needed) - 1);
    QCOMPARE(call(command, data, below).completionCode, CompletionCode::InsufficientPrivilege);
    QVERIFY(call(command, data, needed).completionCode != CompletionCode::InsufficientPrivilege);
}

void tst_SelCommands::requestLengths_data()
{
    QTest::addColumn<quint8>("command");
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("Get SEL Info with data") << quint8(0x40) << QByteArray(1, '\0');
    QTest::newRow("Get SEL Entry truncated") << quint8(0x43) << QByteArray(5, '\0');
    QTest::newRow("Get SEL Entry too long") << quint8(0x43) << QByteArray(7, '\0');
    QTest::newRow("Add SEL Entry truncated") << quint8(0x44) << QByteArray(15, '\2');
    QTest::newRow("Add SEL Entry too long") << quint8(0x44) << QByteArray(17, '\2');
    QTest::newRow("Clear SEL truncated") << quint8(0x47) << QByteArray("\0\0CLR", 5);
    QTest::newRow("Set SEL Time truncated") << quint8(0x49) << QByteArray(3, '\0');
}

void tst_SelCommands::requestLengths()
{
    QFETCH(quint8, command);
    QFETCH(QByteArray, data);
    QCOMPARE(call(command, data).completionCode, CompletionCode::RequestDataLengthInvalid);
    QCOMPARE(m_log->count(), 0);
}

QTEST_GUILESS_MAIN(tst_SelCommands)
#include "tst_selcommands.moc"
