#include "EventLog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
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
    void everyChangeReachesTheFileAtOnce();
    void storageCostsAboutTheEntriesSize();
    void unfinishedLastLineIsDropped();
    void previousFormatIsTakenOver();
    void damagedFileIsRestoredFromItsLastGoodCopy();
    void newerFormatIsLeftUntouched();
    void fullLogDropsOldestAndSaysSoOnce();
    void floodsOfLesserEntriesKeepTheGraverOnes();
    void smallerCapacityAtLoadDropsOldest();
    void clearKeepsWhoDidIt();
    void entryById();
    void damagedFileIsKeptAsideAndANewLogStarts_data();
    void damagedFileIsKeptAsideAndANewLogStarts();

private:
    static QString logPath(const QTemporaryDir &dir) { return QDir(dir.path()).filePath(u"eventlog.jsonl"_s); }
    static QString previousFormatPath(const QTemporaryDir &dir)
    {
        return QDir(dir.path()).filePath(u"eventlog.json"_s);
    }
    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    static void writeAll(const QString &path, const QByteArray &content)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(content), content.size());
    }
};

namespace {
const QByteArray header = R"({"version":2,"nextId":1,"overflowed":false,"lastAddition":null,"lastErase":null})"
                          "\n";
QByteArray addLine(int id, const char *message)
{
    return QByteArray(R"({"add":{"id":)") + QByteArray::number(id)
        + R"(,"time":"2026-01-01T00:00:00.000Z","severity":"info","origin":"bmc","message":")" + message + "\"}}\n";
}
} // namespace

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

void tst_EventLog::everyChangeReachesTheFileAtOnce()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 100);
    for (int i = 0; i < 50; ++i)
        log.info(Actor::bmc(), u"entry %1"_s.arg(i));
    // No event loop has turned and nothing was flushed: what a killed process leaves behind is
    // already complete.
    EventLogFile reader(dir.path());
    const EventLogFile::Loaded loaded = reader.load(StateFile::Mode::ReadOnly);
    QCOMPARE(loaded.result.status, StateFile::Status::Loaded);
    QCOMPARE(loaded.contents.entries.size(), 50);
    QCOMPARE(loaded.contents.entries.last().message, u"entry 49"_s);
    QCOMPARE(loaded.contents.nextId, 51u);
}

void tst_EventLog::storageCostsAboutTheEntriesSize()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 300);
    const qint64 atStart = log.bytesWritten();
    qint64 entryBytes = 0;
    for (int i = 0; i < 3000; ++i) {
        const quint32 id = log.info(Actor::redfish(u"(unknown)"_s), u"Login failed for \"user%1\""_s.arg(i));
        entryBytes += QJsonDocument(log.entry(id)->toJson()).toJson(QJsonDocument::Compact).size() + 1;
    }
    // Appending costs an entry's size (and a line to remove the one it replaces); rewriting the
    // full log once per capacity of new entries costs about as much again.
    const qint64 written = log.bytesWritten() - atStart;
    qInfo("%lld bytes written for %lld bytes of entries", static_cast<long long>(written),
          static_cast<long long>(entryBytes));
    QVERIFY2(written < 3 * entryBytes, qPrintable(u"%1 bytes for %2"_s.arg(written).arg(entryBytes)));
    // The file itself stays within a few times the live entries.
    QVERIFY(QFileInfo(logPath(dir)).size() < 4 * entryBytes / 10);

    log.flush();
    EventLog reloaded(dir.path(), 300);
    QCOMPARE(reloaded.count(), 300);
    QCOMPARE(reloaded.entries().last().message, u"Login failed for \"user2999\""_s);
    QVERIFY(reloaded.hasOverflowed());
}

void tst_EventLog::unfinishedLastLineIsDropped()
{
    QTemporaryDir dir;
    writeAll(logPath(dir), header + addLine(1, "whole") + addLine(2, "whole too") + R"({"add":{"id":3,"ti)");
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"dropped its unfinished last line \\(18 bytes\\)"_s));
    EventLog log(dir.path(), 10);
    QCOMPARE(log.count(), 2);
    QCOMPARE(log.entries().last().message, u"whole too"_s);
    // The file was started afresh without the fragment, so the next line is whole.
    QCOMPARE(log.info(Actor::bmc(), u"next"_s), 3u);
    const QByteArray file = readAll(logPath(dir));
    QVERIFY(file.endsWith("}}\n"));
    QVERIFY(file.mid(file.lastIndexOf("{\"add\"")).contains("\"next\""));
    QVERIFY(QDir(dir.path()).entryList({u"*.corrupt-*"_s}).isEmpty());
}

void tst_EventLog::previousFormatIsTakenOver()
{
    QTemporaryDir dir;
    writeAll(previousFormatPath(dir),
             R"({"version":1,"nextId":9,"overflowed":true,"lastErase":"2026-01-01T00:00:00.000Z","entries":[)"
             R"({"id":7,"time":"2026-01-02T00:00:00.000Z","severity":"warning","origin":"bmc","message":"old"}]})");
    {
        EventLog log(dir.path(), 10);
        QCOMPARE(log.count(), 1);
        QCOMPARE(log.entries().first().message, u"old"_s);
        QVERIFY(log.hasOverflowed());
        QVERIFY(log.lastErase().isValid());
        QCOMPARE(log.info(Actor::bmc(), u"new"_s), 9u);
    }
    QVERIFY(!QFile::exists(previousFormatPath(dir)));
    EventLog log(dir.path(), 10);
    QCOMPARE(log.count(), 2);
}

void tst_EventLog::damagedFileIsRestoredFromItsLastGoodCopy()
{
    QTemporaryDir dir;
    {
        EventLog log(dir.path(), 10);
        log.warning(Actor::host(), u"kept"_s);
    }
    {
        // Starting rewrites the file; the one it read becomes the last good copy.
        EventLog log(dir.path(), 10);
        log.info(Actor::bmc(), u"after the copy"_s);
    }
    QVERIFY(QFile::exists(logPath(dir) + u".last-good"_s));
    QByteArray damaged = readAll(logPath(dir));
    damaged.insert(damaged.indexOf('\n') + 1, "\x01\x02 scrambled\n");
    writeAll(logPath(dir), damaged);

    EventLog log(dir.path(), 10);
    QCOMPARE(log.count(), 2);
    QCOMPARE(log.entries().first().message, u"kept"_s);
    const EventLogEntry notice = log.entries().last();
    QCOMPARE(notice.severity, EventLogEntry::Severity::Critical);
    QVERIFY2(notice.message.contains(logPath(dir)) && notice.message.contains(logPath(dir) + u".last-good"_s)
                 && notice.message.contains(u"line 2 is not a JSON object"_s),
             qPrintable(notice.message));
    const QStringList aside = QDir(dir.path()).entryList({u"eventlog.jsonl.corrupt-*"_s});
    QCOMPARE(aside.size(), 1);
    QVERIFY(notice.message.contains(aside.first()));
    QCOMPARE(readAll(QDir(dir.path()).filePath(aside.first())), damaged);
}

void tst_EventLog::newerFormatIsLeftUntouched()
{
    QTemporaryDir dir;
    const QByteArray newer = R"({"version":3,"shards":["a","b"]})"
                             "\n";
    writeAll(logPath(dir), newer);
    {
        EventLog log(dir.path(), 10);
        log.info(Actor::bmc(), u"not written"_s);
    }
    QCOMPARE(readAll(logPath(dir)), newer);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"eventlog.jsonl"_s});
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
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("problem");
    const QString lines = u"eventlog.jsonl"_s;
    QTest::newRow("empty") << lines << QByteArray() << u"the file is empty"_s;
    QTest::newRow("first line cut") << lines << QByteArray(R"({"version":2,"ne)") << u"line 1 is not a JSON object"_s;
    QTest::newRow("line in the middle") << lines << header + "garbage\n" + addLine(1, "m")
                                        << u"line 2 is not a JSON object"_s;
    QTest::newRow("unknown record") << lines << header + R"({"meteor":1})" + "\n" + addLine(1, "m")
                                    << u"line 2 is not an event log record"_s;
    QTest::newRow("no version") << lines << QByteArray("{}\n") << u"no format version"_s;
    QTest::newRow("entry without message")
        << lines
        << header + R"({"add":{"id":1,"time":"2026-01-01T00:00:00.000Z","severity":"info","origin":"bmc"}})" + "\n"
        << u"entry 1 is malformed"_s;

    const QString previous = u"eventlog.json"_s;
    QTest::newRow("previous format truncated")
        << previous << QByteArray(R"({"version":1,"entries":[{"id":1,)") << u"not valid JSON"_s;
    QTest::newRow("previous format not an object") << previous << QByteArray("[1,2]") << u"not a JSON object"_s;
    QTest::newRow("previous format entry without message")
        << previous
        << QByteArray(
               R"({"version":1,"entries":[{"id":1,"time":"2026-01-01T00:00:00.000Z","severity":"info","origin":"bmc"}]})")
        << u"entry 1 is malformed"_s;
    QTest::newRow("previous format unknown kind")
        << previous
        << QByteArray(
               R"({"version":1,"entries":[{"id":1,"time":"2026-01-01T00:00:00.000Z","severity":"info","origin":"bmc","message":"m","kind":"Meteor"}]})")
        << u"entry 1 is malformed"_s;
    QTest::newRow("previous format unknown origin")
        << previous
        << QByteArray(
               R"({"version":1,"entries":[{"id":1,"time":"2026-01-01T00:00:00.000Z","severity":"info","origin":"mars","message":"m"}]})")
        << u"entry 1 is malformed"_s;
}

void tst_EventLog::damagedFileIsKeptAsideAndANewLogStarts()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(QString, problem);
    QTemporaryDir dir;
    writeAll(QDir(dir.path()).filePath(fileName), content);
    EventLog log(dir.path(), 10);
    QCOMPARE(log.count(), 1);
    const EventLogEntry notice = log.entries().first();
    QCOMPARE(notice.severity, EventLogEntry::Severity::Critical);
    QVERIFY2(notice.message.contains(problem), qPrintable(notice.message));
    QVERIFY2(notice.message.contains(u"a new log was started"_s), qPrintable(notice.message));

    const QStringList aside = QDir(dir.path()).entryList({fileName + u".corrupt-*"_s});
    QCOMPARE(aside.size(), 1);
    QVERIFY(notice.message.contains(aside.first()));
    QCOMPARE(readAll(QDir(dir.path()).filePath(aside.first())), content);
}

QTEST_GUILESS_MAIN(tst_EventLog)
#include "tst_eventlog.moc"
