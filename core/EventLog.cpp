#include "EventLog.h"

#include "CoreLogging.h"

#include <QDir>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {
constexpr int formatVersion = 1;

QDateTime timeFromJson(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

QJsonValue timeToJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toString(Qt::ISODateWithMs)) : QJsonValue();
}
} // namespace

EventLog::EventLog(const QString &stateDirectory, int capacity, QObject *parent)
    : QObject(parent)
    , m_file(QDir(stateDirectory).filePath(u"eventlog.json"_s))
    , m_capacity(std::max(capacity, 2))
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(0);
    connect(&m_saveTimer, &QTimer::timeout, this, &EventLog::flush);
    load();
}

EventLog::~EventLog()
{
    flush();
}

void EventLog::load()
{
    const StateFile::Result loaded = m_file.load(formatVersion, [](const QJsonObject &object) -> QString {
        if (!object.value(u"entries"_s).isArray())
            return u"no entries list"_s;
        const QJsonArray entries = object.value(u"entries"_s).toArray();
        for (qsizetype i = 0; i < entries.size(); ++i) {
            if (!EventLogEntry::fromJson(entries.at(i).toObject()))
                return u"entry %1 is malformed"_s.arg(i + 1);
        }
        return {};
    });

    if (loaded.status == StateFile::Status::Loaded) {
        for (const QJsonValue &value : loaded.object.value(u"entries"_s).toArray()) {
            EventLogEntry entry = *EventLogEntry::fromJson(value.toObject());
            m_nextId = std::max(m_nextId, entry.id + 1);
            m_entries.append(std::move(entry));
        }
        m_nextId = std::max<quint32>(m_nextId, quint32(loaded.object.value(u"nextId"_s).toInteger(1)));
        m_overflowed = loaded.object.value(u"overflowed"_s).toBool();
        m_lastAddition = timeFromJson(loaded.object.value(u"lastAddition"_s));
        m_lastErase = timeFromJson(loaded.object.value(u"lastErase"_s));
        if (m_entries.size() > m_capacity) {
            m_entries.remove(0, m_entries.size() - m_capacity);
            m_overflowed = true;
        }
    } else if (loaded.status == StateFile::Status::Damaged) {
        critical(Actor::bmc(),
                 u"The event log file was damaged (%1) and a new log was started; the old file was kept as %2"_s.arg(
                     loaded.problem, loaded.asidePath.isEmpty() ? m_file.path() : loaded.asidePath));
    }
}

quint32 EventLog::add(Severity severity, const Actor &actor, const QString &message, const QByteArray &selRecord,
                      Kind kind)
{
    if (m_entries.size() >= m_capacity && !m_overflowed) {
        m_overflowed = true;
        qCWarning(lcEvents,
                  "event log is full (%d entries): the oldest entries of the lowest severity are dropped from now on",
                  m_capacity);
        append({0,
                {},
                Severity::Warning,
                Kind::LogFull,
                Actor::bmc(),
                u"The event log is full; the oldest entries of the lowest severity are dropped from now on"_s,
                {}});
    }
    const quint32 id = m_nextId;
    append({0, {}, severity, kind, actor, message, selRecord});
    return id;
}

void EventLog::append(EventLogEntry entry)
{
    entry.id = m_nextId++;
    entry.timestamp = QDateTime::currentDateTimeUtc();
    m_lastAddition = entry.timestamp;

    const QByteArray line = u"[%1] %2"_s.arg(entry.actor.toString(), entry.message).toUtf8();
    switch (entry.severity) {
    case Severity::Info: qCInfo(lcEvents, "%s", line.constData()); break;
    case Severity::Warning: qCWarning(lcEvents, "%s", line.constData()); break;
    case Severity::Critical: qCCritical(lcEvents, "%s", line.constData()); break;
    }

    while (m_entries.size() >= m_capacity) {
        // A full log makes room by dropping the oldest entry of the lowest severity it holds, never
        // one that outranks the new entry (decisions.md#102). When every entry does, the new one
        // is kept in the journal only.
        const auto lowest =
            std::min_element(m_entries.begin(), m_entries.end(), [](const EventLogEntry &a, const EventLogEntry &b) {
                return int(a.severity) < int(b.severity);
            });
        if (int(lowest->severity) > int(entry.severity))
            return;
        const quint32 removed = lowest->id;
        m_entries.erase(lowest);
        emit entryRemoved(removed);
    }
    m_entries.append(entry);

    m_dirty = true;
    m_saveTimer.start();
    emit entryAdded(entry);
    emit countChanged();
}

std::optional<EventLogEntry> EventLog::entry(quint32 id) const
{
    // Ids grow with position, so the entry is found by bisection.
    const auto it = std::lower_bound(m_entries.cbegin(), m_entries.cend(), id,
                                     [](const EventLogEntry &entry, quint32 id) { return entry.id < id; });
    if (it == m_entries.cend() || it->id != id)
        return std::nullopt;
    return *it;
}

void EventLog::clear(const Actor &actor)
{
    m_entries.clear();
    m_overflowed = false;
    m_lastErase = QDateTime::currentDateTimeUtc();
    m_dirty = true;
    emit cleared();
    add(Severity::Info, Kind::LogCleared, actor, u"Event log cleared"_s);
}

void EventLog::flush()
{
    if (!m_dirty)
        return;
    m_dirty = false;
    m_saveTimer.stop();
    m_file.save(formatVersion, toJson());
}

QJsonObject EventLog::toJson() const
{
    QJsonArray entries;
    for (const EventLogEntry &entry : m_entries)
        entries.append(entry.toJson());
    return {
        {u"nextId"_s, qint64(m_nextId)},
        {u"overflowed"_s, m_overflowed},
        {u"lastAddition"_s, timeToJson(m_lastAddition)},
        {u"lastErase"_s, timeToJson(m_lastErase)},
        {u"entries"_s, entries},
    };
}
