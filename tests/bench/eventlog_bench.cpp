// Event-log storage: what one entry costs on the state directory's storage. Adds entries one at a
// time, letting the event loop turn after each (as entries from separate requests do), first into
// an empty log until it is full, then into the full log, and prints the bytes written by the
// process (/proc/self/io "wchar"; logging is off, so that is the storage) per entry, beside the
// size of an entry as stored.
//   eventlog_bench [ENTRIES_AFTER_FULL]
#include "EventLog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
qint64 bytesWritten()
{
    QFile io(u"/proc/self/io"_s);
    if (!io.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : io.readAll().split('\n')) {
        if (line.startsWith("wchar:"))
            return line.mid(6).trimmed().toLongLong();
    }
    return -1;
}

struct Phase
{
    int entries = 0;
    qint64 bytes = 0;
    qint64 nanoseconds = 0;
};

Phase addEntries(EventLog &log, int count, int &serial)
{
    Phase phase;
    phase.entries = count;
    const qint64 before = bytesWritten();
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; ++i, ++serial) {
        log.info(Actor::redfish(u"(unknown)"_s),
                 u"Login failed for \"user%1\" from 203.0.113.%2"_s.arg(serial).arg(serial % 250));
        QCoreApplication::processEvents();
    }
    log.flush();
    phase.nanoseconds = timer.nsecsElapsed();
    phase.bytes = bytesWritten() - before;
    return phase;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"*=false"_s);
    const int afterFull = argc > 1 ? std::max(1, atoi(argv[1])) : 10000;

    QTemporaryDir directory;
    EventLog log(directory.path(), EventLog::defaultCapacity);
    int serial = 0;
    const Phase filling = addEntries(log, EventLog::defaultCapacity, serial);
    const Phase full = addEntries(log, afterFull, serial);

    qint64 stored = 0;
    for (const EventLogEntry &entry : log.entries())
        stored += QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact).size() + 1;
    const double entrySize = double(stored) / double(std::max<qsizetype>(1, log.entries().size()));

    std::printf("| phase | entries | bytes written | bytes/entry | entry size | written/entry size | us/entry |\n");
    std::printf("|---|---|---|---|---|---|---|\n");
    for (const auto &[name, phase] : {std::pair{"filling", filling}, std::pair{"full", full}}) {
        const double perEntry = double(phase.bytes) / phase.entries;
        std::printf("| %s | %d | %lld | %.0f | %.0f | %.1f | %.1f |\n", name, phase.entries,
                    static_cast<long long>(phase.bytes), perEntry, entrySize, perEntry / entrySize,
                    double(phase.nanoseconds) / phase.entries / 1000.0);
    }
    return 0;
}
