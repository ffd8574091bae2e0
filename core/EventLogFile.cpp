#include "EventLogFile.h"

#include "CoreLogging.h"
#include "StateFormats.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

#include <map>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
// eventlog.json, the previous format: one JSON document rewritten whole after every change.
constexpr int previousFormatVersion = 1;
constexpr auto previousFileName = "eventlog.json";

QDateTime timeFromJson(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

QJsonValue timeToJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toString(Qt::ISODateWithMs)) : QJsonValue();
}

QByteArray lineOf(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

// Both formats decode to the same object: the previous format's document.
QString validate(const QJsonObject &object)
{
    if (!object.value(u"entries"_s).isArray())
        return u"no entries list"_s;
    const QJsonArray entries = object.value(u"entries"_s).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (!EventLogEntry::fromJson(entries.at(i).toObject()))
            return u"entry %1 is malformed"_s.arg(i + 1);
    }
    return {};
}

// Replays the lines into the previous format's document. A last line that is not whole is what a
// power cut leaves of a write that was never acknowledged: it is dropped. Any other line that
// cannot be read makes the file damaged.
QJsonObject decodeLines(const QString &path, const QByteArray &bytes, QString *problem)
{
    QList<QByteArray> lines = bytes.split('\n');
    if (lines.last().isEmpty())
        lines.removeLast();
    QJsonObject log;
    std::map<qint64, QJsonObject> entries;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(lines.at(i), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            if (i > 0 && i == lines.size() - 1) {
                qCWarning(lcState, "%s: dropped its unfinished last line (%lld bytes), left by an interrupted write",
                          qPrintable(path), static_cast<long long>(lines.at(i).size()));
                break;
            }
            *problem = u"line %1 is not a JSON object"_s.arg(i + 1);
            return {};
        }
        const QJsonObject record = document.object();
        if (i == 0) {
            log = record;
            if (log.value(u"version"_s) != QJsonValue(StateFormats::eventLog.version))
                return log; // StateFile says what is wrong with the version
            continue;
        }
        if (const QJsonValue added = record.value(u"add"_s); added.isObject()) {
            const qint64 id = added.toObject().value(u"id"_s).toInteger();
            entries[id] = added.toObject();
            log.insert(u"lastAddition"_s, added.toObject().value(u"timestamp"_s));
            log.insert(u"nextId"_s, std::max(log.value(u"nextId"_s).toInteger(1), id + 1));
        } else if (record.contains(u"remove"_s)) {
            entries.erase(record.value(u"remove"_s).toInteger());
        } else if (record.value(u"overflowed"_s) == QJsonValue(true)) {
            log.insert(u"overflowed"_s, true);
        } else {
            *problem = u"line %1 is not an event log record"_s.arg(i + 1);
            return {};
        }
    }
    QJsonArray list;
    for (const auto &[id, entry] : entries)
        list.append(entry);
    log.insert(u"entries"_s, list);
    return log;
}

EventLogFile::Contents contentsOf(const QJsonObject &object)
{
    EventLogFile::Contents contents;
    for (const QJsonValue &value : object.value(u"entries"_s).toArray()) {
        EventLogEntry entry = *EventLogEntry::fromJson(value.toObject());
        contents.nextId = std::max(contents.nextId, entry.id + 1);
        contents.entries.append(std::move(entry));
    }
    contents.nextId = std::max<quint32>(contents.nextId, quint32(object.value(u"nextId"_s).toInteger(1)));
    contents.overflowed = object.value(u"overflowed"_s).toBool();
    contents.lastAddition = timeFromJson(object.value(u"lastAddition"_s));
    contents.lastErase = timeFromJson(object.value(u"lastErase"_s));
    return contents;
}
} // namespace

EventLogFile::EventLogFile(const QString &stateDirectory)
    : m_stateDirectory(stateDirectory)
    , m_file(QDir(stateDirectory).filePath(StateFormats::eventLog.fileName))
{
    m_file.setDecoder([path = m_file.path()](const QByteArray &bytes, QString *problem) {
        return decodeLines(path, bytes, problem);
    });
}

EventLogFile::Loaded EventLogFile::load(StateFile::Mode mode)
{
    Loaded loaded;
    loaded.result = m_file.load(StateFormats::eventLog.version, validate, mode);
    if (loaded.result.status == StateFile::Status::Missing)
        loaded = loadPreviousFormat(mode);
    if (loaded.result.usable())
        loaded.contents = contentsOf(loaded.result.object);
    m_convertedFrom = loaded.convertedFrom;
    return loaded;
}

void EventLogFile::startAfresh(const Contents &contents)
{
    if (!m_file.isWritable())
        return;
    compact(contents);
    if (!m_convertedFrom.isEmpty() && m_appender.isOpen())
        QFile::remove(m_convertedFrom);
}

EventLogFile::Loaded EventLogFile::loadPreviousFormat(StateFile::Mode mode)
{
    Loaded loaded;
    StateFile previous(QDir(m_stateDirectory).filePath(QString::fromLatin1(previousFileName)));
    loaded.result = previous.load(previousFormatVersion, validate, mode);
    if (loaded.result.status == StateFile::Status::Loaded)
        loaded.convertedFrom = previous.path();
    return loaded;
}

void EventLogFile::appendEntry(const EventLogEntry &entry)
{
    append({{u"add"_s, entry.toJson()}});
}

void EventLogFile::appendRemoval(quint32 id)
{
    append({{u"remove"_s, qint64(id)}});
}

void EventLogFile::appendOverflow()
{
    append({{u"overflowed"_s, true}});
}

void EventLogFile::append(const QJsonObject &record)
{
    if (!m_appender.isOpen())
        return; // never loaded, or the file is one this run must not write
    const QByteArray line = lineOf(record);
    // Unbuffered: the line goes to the kernel in this one write, before the entry is acknowledged.
    if (m_appender.write(line) != line.size()) {
        qCCritical(lcState, "cannot append to %s: %s", qPrintable(path()), qPrintable(m_appender.errorString()));
        return;
    }
    m_bytesWritten += line.size();
    m_unsynced = true;
    ++m_lines;
}

bool EventLogFile::wantsCompaction(qsizetype liveEntries) const
{
    // Three lines per live entry: a full log rewrites itself once per capacity of new entries, so
    // an entry costs about twice its size on storage (docs/decisions.md#104).
    return m_lines > 3 * std::max<qsizetype>(liveEntries, 256);
}

void EventLogFile::compact(const Contents &contents)
{
    QByteArray bytes = lineOf({
        {u"version"_s, StateFormats::eventLog.version},
        {u"nextId"_s, qint64(contents.nextId)},
        {u"overflowed"_s, contents.overflowed},
        {u"lastAddition"_s, timeToJson(contents.lastAddition)},
        {u"lastErase"_s, timeToJson(contents.lastErase)},
    });
    for (const EventLogEntry &entry : contents.entries)
        bytes += lineOf({{u"add"_s, entry.toJson()}});
    m_appender.close();
    if (!m_file.saveBytes(bytes))
        return;
    m_bytesWritten += bytes.size();
    m_lines = contents.entries.size();
    m_unsynced = false; // QSaveFile synced it
    openForAppending();
}

bool EventLogFile::openForAppending()
{
    m_appender.setFileName(path());
    if (!m_appender.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
        qCCritical(lcState, "cannot open %s to append to it: %s", qPrintable(path()),
                   qPrintable(m_appender.errorString()));
        return false;
    }
    return true;
}

void EventLogFile::sync()
{
    if (!m_unsynced || !m_appender.isOpen())
        return;
    m_unsynced = false;
    if (::fdatasync(m_appender.handle()) != 0)
        qCWarning(lcState, "cannot sync %s to storage", qPrintable(path()));
}
