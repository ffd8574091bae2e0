#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

struct EventLogEntry;

// An event log entry as a 16-byte SEL record (IPMI v2.0 section 32). Entries added through Add
// SEL Entry keep the client's record; qbmc's own entries get a system event record generated from
// their kind, so that ipmitool, freeipmi and pyghmi name them in their own words.
class SelRecord
{
public:
    static constexpr qsizetype size = 16;
    static constexpr quint8 systemEventType = 0x02;

    // Event log ids grow without end; SEL record ids are 16 bits, with 0000h and FFFFh meaning
    // "first" and "last". Ids map onto 1..FFFEh in turn, so the at most FFFEh entries the log
    // keeps always have distinct record ids.
    static quint16 recordId(quint32 eventLogId);
    // The newest event log id, up to `newestEventLogId`, whose record id is `recordId`.
    static std::optional<quint32> eventLogId(quint16 recordId, quint32 newestEventLogId);

    // The entry's record with its record id in it.
    static QByteArray encode(const EventLogEntry &entry);

    // All record types carry a timestamp except the non-timestamped OEM ones (E0h-FFh).
    static bool hasTimestamp(quint8 recordType) { return recordType < 0xE0; }

    // What a record says, for the event log's message: "sensor type 0x09, sensor 0x01, ...".
    static QString describe(QByteArrayView record);
};
