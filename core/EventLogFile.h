#pragma once

#include "EventLogEntry.h"
#include "StateFile.h"

#include <QDateTime>
#include <QFile>
#include <QList>
#include <QString>

// eventlog.jsonl in the state directory: the event log as JSON lines, written by appending
// (docs/decisions.md#104). The first line describes the log; each further line is one change: an
// entry added, an entry removed to make room, the log first full (clearing rewrites the file). A
// change is one write() of one line, so what was acknowledged survives a kill -9 and an entry
// costs about its own size. Once the lines outnumber the live entries enough, the file is rewritten from the
// live entries (compaction); the file it replaces becomes its last good copy.
class EventLogFile
{
public:
    struct Contents
    {
        QList<EventLogEntry> entries; // oldest first
        quint32 nextId = 1;
        bool overflowed = false;
        QDateTime lastAddition;
        QDateTime lastErase;
    };

    struct Loaded
    {
        Contents contents;
        StateFile::Result result;
        QString convertedFrom; // the file of the previous format whose entries were taken over
    };

    explicit EventLogFile(const QString &stateDirectory);

    QString path() const { return m_file.path(); }

    // Reads the log: its last good copy when it is damaged, the previous format's eventlog.json
    // when there is neither. In Repair mode, damaged files are moved aside.
    Loaded load(StateFile::Mode mode = StateFile::Mode::Repair);
    // Rewrites the file from what load() read (as the log keeps it), so that appends start on a
    // file without a torn tail; the file read becomes the last good copy, and an eventlog.json
    // that was taken over goes.
    void startAfresh(const Contents &contents);

    void appendEntry(const EventLogEntry &entry);
    void appendRemoval(quint32 id);
    void appendOverflow();

    // True when the file holds so many more lines than `liveEntries` that rewriting it costs less
    // than it saves.
    bool wantsCompaction(qsizetype liveEntries) const;
    // Rewrites the file from `contents`; the replaced file becomes the last good copy.
    void compact(const Contents &contents);

    // Makes what was appended durable (fdatasync); appends are only in the kernel until then.
    void sync();

    // What this object wrote to the file system, in bytes (for tests and benchmarks).
    qint64 bytesWritten() const { return m_bytesWritten; }

private:
    void append(const QJsonObject &record);
    bool openForAppending();
    Loaded loadPreviousFormat(StateFile::Mode mode);

    QString m_stateDirectory;
    StateFile m_file;
    QString m_convertedFrom;
    QFile m_appender;
    qsizetype m_lines = 0; // records in the file, not counting its first line
    qint64 m_bytesWritten = 0;
    bool m_unsynced = false;
};
