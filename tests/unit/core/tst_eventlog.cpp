#include "EventLog.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

class tst_EventLog : public QObject
{
    Q_OBJECT

private slots:
    void addAssignsIdsAndUtcTimes();
    void entriesSurviveARestart();
    void burstIsWrittenOnce();
    void fullLogDropsOldestAndSaysSoOnce();
    void floodsOfLesserEntriesKeepTheGraverOnes();
    void smallerCapacityAtLoadDropsOldest();
    void clearKeepsWhoDidIt();
    void entryById();
    void damagedFileIsKeptAsideAndANewLogStarts_data();
    void damagedFileIsKeptAsideAndANewLogStarts();

private:
    static QString logPath(const QTemporaryDir &dir) { return QDir(dir.path()).filePath(u"eventlog.json"_s); }
};

void tst_EventLog::addAssignsIdsAndUtcTimes()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 10);
    QSignalSpy added(&log, &EventLog::entryAdded);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    QCOMPARE(log.info(Actor::screen(u"tech"_s), u"first"_s), 1u);
    QCOMPARE(log.warning(Actor::host(), u"second"_s), 2u);
    QCOMPARE(log.count(), 2);
    QCOMPARE(added.size(), 2);
    const EventLogEntry entry = log.entries().first();
    QCOMPARE(entry.timestamp.timeSpec(), Qt::UTC);
    QVERIFY(entry.timestamp >= before.addMSecs(-1));
    QCOMPARE(entry.actor, Actor::screen(u"tech"_s));
    QCOMPARE(log.entries().last().severity, EventLogEntry::Severity::Warning);
    QCOMPARE(log.lastAddition(), log.entries().last().timestamp);
}

void tst_EventLog::entriesSurviveARestart()
{
    QTemporaryDir dir;
    const QByteArray sel = QByteArray::fromHex("0100020000000000200004010000006f");
    {
        EventLog log(dir.path(), 10);
        log.info(Actor::ipmi(u"admin"_s), u"Power on requested"_s);
        log.add(EventLogEntry::Severity::Critical, Actor::ipmi(u"admin"_s), u"from a client"_s, sel);
        log.add(EventLogEntry::Severity::Info, EventLogEntry::Kind::HostPoweredOn, Actor::host(), u"Host powered on"_s);
    }
    EventLog log(dir.path(), 10);
    QCOMPARE(log.count(), 3);
    QCOMPARE(log.entries().at(0).message, u"Power on requested"_s);
    QCOMPARE(log.entries().at(0).kind, EventLogEntry::Kind::Generic);
    QCOMPARE(log.entries().at(1).selRecord, sel);
    QCOMPARE(log.entries().at(1).severity, EventLogEntry::Severity::Critical);
    QCOMPARE(log.entries().at(2).kind, EventLogEntry::Kind::HostPoweredOn);
    // Ids keep growing after a restart.
    QCOMPARE(log.info(Actor::bmc(), u"fourth"_s), 4u);
    struct stat status;
    QCOMPARE(stat(QFile::encodeName(logPath(dir)).constData(), &status), 0);
    QCOMPARE(status.st_mode & 0777, 0600u);
}

void tst_EventLog::burstIsWrittenOnce()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 100);
    for (int i = 0; i < 50; ++i)
        log.info(Actor::bmc(), u"entry %1"_s.arg(i));
    // Nothing written yet: the write waits for the event loop ...
    QVERIFY(!QFile::exists(logPath(dir)));
    QTRY_VERIFY(QFile::exists(logPath(dir)));
    // ... and then holds the whole burst.
    QFile file(logPath(dir));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(file.readAll()).object().value(u"entries"_s).toArray().size(), 50);
}

void tst_EventLog::fullLogDropsOldestAndSaysSoOnce()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 5);
    for (int i = 1; i <= 12; ++i)
        log.info(Actor::bmc(), u"entry %1"_s.arg(i));
    QCOMPARE(log.count(), 5);
    QVERIFY(log.hasOverflowed());
    const QList<EventLogEntry> entries = log.entries();
    QCOMPARE(entries.last().message, u"entry 12"_s);
    // The notice, written once as id 6, is a warning: the informational entries after it cannot
    // push it out, only their own older ones.
    QVERIFY(entries.first().message.startsWith(u"The event log is full"_s));
    QCOMPARE(entries.first().id, 6u);
    QCOMPARE(entries.at(1).message, u"entry 9"_s);
    QCOMPARE(entries.last().id, 13u);

    log.flush();
    EventLog reloaded(dir.path(), 5);
    QVERIFY(reloaded.hasOverflowed());
}

void tst_EventLog::floodsOfLesserEntriesKeepTheGraverOnes()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 16);
    log.critical(Actor::host(), u"host overheated"_s);
    log.warning(Actor::redfish(u"ops"_s), u"login failed"_s);
    log.info(Actor::bmc(), u"started"_s);
    for (int i = 0; i < 100; ++i)
        log.info(Actor::ipmi(u"admin"_s), u"info %1"_s.arg(i));
    QCOMPARE(log.count(), 16);
    QCOMPARE(log.entries().at(0).message, u"host overheated"_s);
    QCOMPARE(log.entries().at(1).message, u"login failed"_s);
    QCOMPARE(log.entries().last().message, u"info 99"_s);

    // Warnings push out information first, then older warnings; never the critical entry.
    for (int i = 0; i < 100; ++i)
        log.warning(Actor::redfish(u"x"_s), u"warning %1"_s.arg(i));
    QCOMPARE(log.count(), 16);
    QCOMPARE(log.entries().first().message, u"host overheated"_s);
    QCOMPARE(log.entries().last().message, u"warning 99"_s);
    for (const EventLogEntry &entry : log.entries())
        QVERIFY(entry.severity != EventLogEntry::Severity::Info);

    // A log full of graver entries keeps them; a lesser one reaches only the journal.
    for (int i = 0; i < 20; ++i)
        log.critical(Actor::host(), u"critical %1"_s.arg(i));
    const quint32 dropped = log.info(Actor::bmc(), u"too late"_s);
    QVERIFY(!log.entry(dropped));
    QCOMPARE(log.entries().last().message, u"critical 19"_s);
}

void tst_EventLog::smallerCapacityAtLoadDropsOldest()
{
    QTemporaryDir dir;
    {
        EventLog log(dir.path(), 10);
        for (int i = 1; i <= 8; ++i)
            log.info(Actor::bmc(), u"entry %1"_s.arg(i));
    }
    EventLog log(dir.path(), 4);
    QCOMPARE(log.count(), 4);
    QCOMPARE(log.entries().first().message, u"entry 5"_s);
    QVERIFY(log.hasOverflowed());
}

void tst_EventLog::clearKeepsWhoDidIt()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 5);
    for (int i = 0; i < 7; ++i)
        log.info(Actor::bmc(), u"x"_s);
    QSignalSpy cleared(&log, &EventLog::cleared);
    log.clear(Actor::redfish(u"admin"_s));
    QCOMPARE(cleared.size(), 1);
    QCOMPARE(log.count(), 1);
    QVERIFY(!log.hasOverflowed());
    QCOMPARE(log.entries().first().message, u"Event log cleared"_s);
    QCOMPARE(log.entries().first().kind, EventLogEntry::Kind::LogCleared);
    QCOMPARE(log.entries().first().actor, Actor::redfish(u"admin"_s));
    QVERIFY(log.lastErase().isValid());
}

void tst_EventLog::entryById()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 3);
    for (int i = 1; i <= 5; ++i)
        log.info(Actor::bmc(), u"entry %1"_s.arg(i));
    QCOMPARE(log.entry(6)->message, u"entry 5"_s);
    QVERIFY(!log.entry(1));
    QVERIFY(!log.entry(99));
}

void tst_EventLog::damagedFileIsKeptAsideAndANewLogStarts_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("problem");
    QTest::newRow("truncated") << QByteArray(R"({"version":1,"entries":[{"id":1,)") << u"not valid JSON"_s;
    QTest::newRow("not an object") << QByteArray("[1,2]") << u"not a JSON object"_s;
    QTest::newRow("future version") << QByteArray(R"({"version":7,"entries":[]})") << u"unknown format version 7"_s;
    QTest::newRow("entry without message") << QByteArray(
        R"({"version":1,"entries":[{"id":1,"time":"2026-01-01T00:00:00.000Z","severity":"info","origin":"bmc"}]})")
                                           << u"entry 1 is malformed"_s;
    QTest::newRow("unknown kind") << QByteArray(
        R"({"version":1,"entries":[{"id":1,"time":"2026-01-01T00:00:00.000Z","severity":"info","origin":"bmc","message":"m","kind":"Meteor"}]})")
                                  << u"entry 1 is malformed"_s;
    QTest::newRow("unknown origin") << QByteArray(
        R"({"version":1,"entries":[{"id":1,"time":"2026-01-01T00:00:00.000Z","severity":"info","origin":"mars","message":"m"}]})")
                                    << u"entry 1 is malformed"_s;
}

void tst_EventLog::damagedFileIsKeptAsideAndANewLogStarts()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, problem);
    QTemporaryDir dir;
    {
        QFile file(logPath(dir));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    EventLog log(dir.path(), 10);
    QCOMPARE(log.count(), 1);
    const EventLogEntry notice = log.entries().first();
    QCOMPARE(notice.severity, EventLogEntry::Severity::Critical);
    QVERIFY2(notice.message.contains(problem), qPrintable(notice.message));

    const QStringList aside = QDir(dir.path()).entryList({u"eventlog.json.corrupt-*"_s});
    QCOMPARE(aside.size(), 1);
    QVERIFY(notice.message.contains(aside.first()));
    QFile kept(QDir(dir.path()).filePath(aside.first()));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), content);
}

QTEST_GUILESS_MAIN(tst_EventLog)
#include "tst_eventlog.moc"
