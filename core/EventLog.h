#pragma once

#include "EventLogEntry.h"
#include "EventLogFile.h"

#include <QList>
#include <QObject>
#include <QTimer>

// The BMC's event log: bounded (when it is full, the oldest entry of the lowest severity goes, so
// a flood of lesser entries never pushes out a warning or a critical one; the overflow is noted
// once in the log itself), persisted in the state directory by appending (EventLogFile). IPMI's
// SEL, Redfish's LogService and the screen all read it.
class EventLog : public QObject
{
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    using Severity = EventLogEntry::Severity;

    static constexpr int defaultCapacity = 2048;

    EventLog(const QString &stateDirectory, int capacity, QObject *parent = nullptr);
    ~EventLog() override;

    using Kind = EventLogEntry::Kind;

    quint32 add(Severity severity, const Actor &actor, const QString &message, const QByteArray &selRecord = {},
                Kind kind = Kind::Generic);
    quint32 add(Severity severity, Kind kind, const Actor &actor, const QString &message)
    {
        return add(severity, actor, message, {}, kind);
    }
    quint32 info(const Actor &actor, const QString &message) { return add(Severity::Info, actor, message); }
    quint32 warning(const Actor &actor, const QString &message) { return add(Severity::Warning, actor, message); }
    quint32 critical(const Actor &actor, const QString &message) { return add(Severity::Critical, actor, message); }

    // Oldest first.
    const QList<EventLogEntry> &entries() const { return m_entries; }
    std::optional<EventLogEntry> entry(quint32 id) const;
    int count() const { return int(m_entries.size()); }
    int capacity() const { return m_capacity; }
    bool hasOverflowed() const { return m_overflowed; }
    QDateTime lastAddition() const { return m_lastAddition; }
    QDateTime lastErase() const { return m_lastErase; }

    // Empties the log and records who did it as its first entry.
    void clear(const Actor &actor);

    // Makes every change durable on storage now. Each change reaches the file (the kernel) before
    // add() returns, so a killed process loses nothing; storage is synced at most once a second
    // otherwise, so a burst of entries costs one sync.
    void flush();

    // What the log wrote to its file since it started, in bytes.
    qint64 bytesWritten() const { return m_file.bytesWritten(); }

signals:
    void entryAdded(const EventLogEntry &entry);
    // Dropped to make room in a full log (before the entry that needed the room is added).
    void entryRemoved(quint32 id);
    void cleared();
    void countChanged();

private:
    void append(EventLogEntry entry);
    void load();
    EventLogFile::Contents contents() const;

    EventLogFile m_file;
    int m_capacity;
    QList<EventLogEntry> m_entries;
    quint32 m_nextId = 1;
    bool m_overflowed = false;
    QDateTime m_lastAddition;
    QDateTime m_lastErase;
    QTimer m_syncTimer;
};
