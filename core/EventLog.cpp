#include "EventLog.h"

#include "CoreLogging.h"

using namespace Qt::StringLiterals;

EventLog::EventLog(const QString &stateDirectory, int capacity, QObject *parent)
    : QObject(parent)
    , m_file(stateDirectory)
    , m_capacity(std::max(capacity, 2))
{
    m_syncTimer.setSingleShot(true);
    m_syncTimer.setInterval(std::chrono::seconds(1));
    connect(&m_syncTimer, &QTimer::timeout, this, &EventLog::flush);
    load();
}

EventLog::~EventLog()
{
    flush();
}

void EventLog::load()
{
    const EventLogFile::Loaded loaded = m_file.load();
    const EventLogFile::Contents &contents = loaded.contents;
    m_entries = contents.entries;
    m_nextId = contents.nextId;
    m_overflowed = contents.overflowed;
    m_lastAddition = contents.lastAddition;
    m_lastErase = contents.lastErase;
    if (m_entries.size() > m_capacity) {
        m_entries.remove(0, m_entries.size() - m_capacity);
        m_overflowed = true;
    }
    m_file.startAfresh(this->contents());
    if (!loaded.convertedFrom.isEmpty())
        qCInfo(lcState, "took over %lld entries from %s into %s", static_cast<long long>(m_entries.size()),
               qPrintable(loaded.convertedFrom), qPrintable(m_file.path()));

    const StateFile::Result &result = loaded.result;
    if (result.status == StateFile::Status::Restored)
        critical(Actor::bmc(), result.story(u"event log"_s) + u"; entries added after that copy was made are lost"_s);
    else if (result.status == StateFile::Status::Damaged)
        critical(Actor::bmc(), result.story(u"event log"_s, u"a new log was started"_s));
}

quint32 EventLog::add(Severity severity, const Actor &actor, const QString &message, const QByteArray &selRecord,
                      Kind kind)
{
    if (m_entries.size() >= m_capacity && !m_overflowed) {
        m_overflowed = true;
        m_file.appendOverflow();
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
        m_file.appendRemoval(removed);
        emit entryRemoved(removed);
    }
    m_entries.append(entry);
    m_file.appendEntry(entry);
    if (m_file.wantsCompaction(m_entries.size()))
        m_file.compact(contents());
    if (!m_syncTimer.isActive())
        m_syncTimer.start();
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
    // The file shrinks to nothing at once rather than after the next compaction.
    m_file.compact(contents());
    emit cleared();
    add(Severity::Info, Kind::LogCleared, actor, u"Event log cleared"_s);
}

void EventLog::flush()
{
    m_syncTimer.stop();
    m_file.sync();
}

EventLogFile::Contents EventLog::contents() const
{
    return {m_entries, m_nextId, m_overflowed, m_lastAddition, m_lastErase};
}
