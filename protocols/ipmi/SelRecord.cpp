#include "SelRecord.h"

#include "ByteWriter.h"
#include "EventLogEntry.h"
#include "SensorNumbers.h"

using namespace Qt::StringLiterals;

namespace {
constexpr quint32 recordIdCount = 0xFFFE;

// IPMI v2.0 table 42-3: the sensor type and offset each kind of qbmc event is reported as.
struct GeneratedEvent
{
    quint8 sensorType = 0;
    quint8 sensorNumber = 0;
    quint8 offset = 0;
};

GeneratedEvent generatedEvent(EventLogEntry::Kind kind)
{
    using Kind = EventLogEntry::Kind;
    switch (kind) {
    case Kind::HostPoweredOn: return {0x22, SensorNumbers::hostPower, 0x00};     // S0/G0 working
    case Kind::HostPoweredOff: return {0x22, SensorNumbers::hostPower, 0x05};    // S5/G2 soft-off
    case Kind::PowerActionFailed: return {0x09, SensorNumbers::powerUnit, 0x05}; // soft power control failure
    case Kind::LoginFailed: return {0x2A, SensorNumbers::sessionAudit, 0x02};    // invalid username or password
    case Kind::AccountLocked: return {0x2A, SensorNumbers::sessionAudit, 0x03};  // invalid password disable
    case Kind::LogCleared: return {0x10, SensorNumbers::eventLogging, 0x02};     // log area reset/cleared
    case Kind::LogFull: return {0x10, SensorNumbers::eventLogging, 0x04};        // SEL full
    case Kind::Generic: break;
    }
    // Entry added to auxiliary log: the words are in qbmc's own log.
    return {0x12, SensorNumbers::systemEvent, 0x03};
}

QByteArray generatedRecord(const EventLogEntry &entry)
{
    const GeneratedEvent event = generatedEvent(entry.kind);
    QByteArray record;
    ByteWriter(&record)
        .u16le(SelRecord::recordId(entry.id))
        .u8(SelRecord::systemEventType)
        .u32le(quint32(entry.timestamp.toSecsSinceEpoch()))
        .u16le(0x0020) // generator: the BMC (slave address 20h), channel 0, LUN 0
        .u8(0x04)      // event message format of IPMI v1.5 and v2.0
        .u8(event.sensorType)
        .u8(event.sensorNumber)
        .u8(0x6F)         // assertion, sensor-specific discrete
        .u8(event.offset) // event data 2 and 3 unspecified
        .u8(0xFF)
        .u8(0xFF);
    return record;
}

QString hex(quint8 value)
{
    return u"0x%1"_s.arg(uint(value), 2, 16, QLatin1Char('0'));
}

QString hexBytes(QByteArrayView bytes)
{
    QStringList parts;
    for (char byte : bytes)
        parts.append(hex(quint8(byte)));
    return parts.join(u' ');
}
} // namespace

quint16 SelRecord::recordId(quint32 eventLogId)
{
    return quint16((eventLogId - 1) % recordIdCount + 1);
}

std::optional<quint32> SelRecord::eventLogId(quint16 recordId, quint32 newestEventLogId)
{
    if (recordId == 0 || recordId > recordIdCount || newestEventLogId == 0)
        return std::nullopt;
    const quint32 newest = SelRecord::recordId(newestEventLogId);
    const quint32 back = (newest + recordIdCount - recordId) % recordIdCount;
    if (back >= newestEventLogId)
        return std::nullopt;
    return newestEventLogId - back;
}

QByteArray SelRecord::encode(const EventLogEntry &entry)
{
    if (entry.selRecord.size() != size)
        return generatedRecord(entry);
    QByteArray record = entry.selRecord;
    const quint16 id = recordId(entry.id);
    record[0] = char(id & 0xFF);
    record[1] = char(id >> 8);
    return record;
}

QString SelRecord::describe(QByteArrayView record)
{
    if (record.size() != size)
        return u"malformed record"_s;
    const quint8 type = quint8(record[2]);
    if (type != systemEventType)
        return u"record type %1, data %2"_s.arg(hex(type), hexBytes(record.sliced(3)));
    const quint8 eventDirType = quint8(record[12]);
    return u"sensor type %1, sensor %2, %3 of event type %4, event data %5"_s.arg(
        hex(quint8(record[10])), hex(quint8(record[11])), eventDirType & 0x80 ? u"deassertion"_s : u"assertion"_s,
        hex(eventDirType & 0x7F), hexBytes(record.sliced(13)));
}
