#include "SelCommands.h"

#include "ByteReader.h"
#include "ByteWriter.h"
#include "EventLog.h"
#include "NetFn.h"
#include "SelRecord.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace {
constexpr quint8 selVersion = 0x51; // IPMI v1.5 and v2.0
constexpr quint16 firstRecord = 0x0000;
constexpr quint16 lastRecord = 0xFFFF;
constexpr quint8 wholeRecord = 0xFF;
constexpr quint32 noTimestamp = 0xFFFFFFFF;

quint32 timestamp(const QDateTime &time)
{
    return time.isValid() ? quint32(time.toSecsSinceEpoch()) : noTimestamp;
}

quint32 now()
{
    return quint32(QDateTime::currentSecsSinceEpoch());
}
} // namespace

SelCommands::SelCommands(EventLog *eventLog, CommandTable &table, QObject *parent)
    : QObject(parent)
    , m_eventLog(eventLog)
{
    // Whoever empties the log (IPMI, Redfish, the screen) ends the reservation.
    connect(m_eventLog, &EventLog::cleared, this, [this] { m_reservation.cancel(); });

    table.add({NetFn::storage, 0x40, "Get SEL Info", Privilege::User, 0, 0,
               [this](const IpmiRequest &request) { return getInfo(request); }});
    table.add({NetFn::storage, 0x41, "Get SEL Allocation Info", Privilege::User, 0, 0,
               [this](const IpmiRequest &request) { return getAllocationInfo(request); }});
    table.add({NetFn::storage, 0x42, "Reserve SEL", Privilege::User, 0, 0,
               [this](const IpmiRequest &request) { return reserve(request); }});
    table.add({NetFn::storage, 0x43, "Get SEL Entry", Privilege::User, 6, 6,
               [this](const IpmiRequest &request) { return getEntry(request); }});
    table.add({NetFn::storage, 0x44, "Add SEL Entry", Privilege::Operator, 16, 16,
               [this](const IpmiRequest &request) { return addEntry(request); }});
    table.add({NetFn::storage, 0x47, "Clear SEL", Privilege::Operator, 6, 6,
               [this](const IpmiRequest &request) { return clear(request); }});
    table.add({NetFn::storage, 0x48, "Get SEL Time", Privilege::User, 0, 0,
               [this](const IpmiRequest &request) { return getTime(request); }});
    table.add({NetFn::storage, 0x49, "Set SEL Time", Privilege::Operator, 4, 4,
               [this](const IpmiRequest &request) { return setTime(request); }});
}

IpmiResponse SelCommands::getInfo(const IpmiRequest &) const
{
    // Free space counts the entries the log can take before it starts dropping the oldest.
    const qint64 freeBytes = qint64(m_eventLog->capacity() - m_eventLog->count()) * SelRecord::size;
    quint8 operations = 0x02 | 0x01; // Reserve SEL and Get SEL Allocation Info; no delete, no partial add
    if (m_eventLog->hasOverflowed())
        operations |= 0x80;
    QByteArray data;
    ByteWriter(&data)
        .u8(selVersion)
        .u16le(quint16(m_eventLog->count()))
        .u16le(quint16(std::clamp<qint64>(freeBytes, 0, 0xFFFE)))
        .u32le(timestamp(m_eventLog->lastAddition()))
        .u32le(timestamp(m_eventLog->lastErase()))
        .u8(operations);
    return IpmiResponse::success(data);
}

IpmiResponse SelCommands::getAllocationInfo(const IpmiRequest &) const
{
    // One allocation unit per entry.
    QByteArray data;
    ByteWriter(&data)
        .u16le(quint16(m_eventLog->capacity()))
        .u16le(quint16(SelRecord::size))
        .u16le(quint16(std::max(m_eventLog->capacity() - m_eventLog->count(), 0)))
        .u16le(quint16(std::max(m_eventLog->capacity() - m_eventLog->count(), 0)))
        .u8(1);
    return IpmiResponse::success(data);
}

IpmiResponse SelCommands::reserve(const IpmiRequest &)
{
    QByteArray data;
    ByteWriter(&data).u16le(m_reservation.reserve());
    return IpmiResponse::success(data);
}

std::optional<qsizetype> SelCommands::indexOf(quint16 recordId) const
{
    const QList<EventLogEntry> &entries = m_eventLog->entries();
    if (entries.isEmpty())
        return std::nullopt;
    if (recordId == firstRecord)
        return 0;
    if (recordId == lastRecord)
        return entries.size() - 1;
    const std::optional<quint32> id = SelRecord::eventLogId(recordId, entries.last().id);
    if (!id)
        return std::nullopt;
    const auto it = std::lower_bound(entries.cbegin(), entries.cend(), *id,
                                     [](const EventLogEntry &entry, quint32 id) { return entry.id < id; });
    if (it == entries.cend() || it->id != *id)
        return std::nullopt;
    return it - entries.cbegin();
}

IpmiResponse SelCommands::getEntry(const IpmiRequest &request) const
{
    ByteReader reader(request.data);
    const quint16 reservation = reader.u16le();
    const quint16 recordId = reader.u16le();
    const quint8 offset = reader.u8();
    const quint8 count = reader.u8();
    // Only a read that starts inside a record needs the reservation (IPMI v2.0 section 31.5).
    if (offset != 0 && !m_reservation.isCurrent(reservation))
        return IpmiResponse::failure(CompletionCode::InvalidReservation);
    const std::optional<qsizetype> index = indexOf(recordId);
    if (!index)
        return IpmiResponse::failure(CompletionCode::RequestedDataNotPresent);
    if (offset >= SelRecord::size)
        return IpmiResponse::failure(CompletionCode::ParameterOutOfRange);

    const QList<EventLogEntry> &entries = m_eventLog->entries();
    const quint16 next = *index + 1 < entries.size() ? SelRecord::recordId(entries.at(*index + 1).id) : lastRecord;
    const QByteArray record = SelRecord::encode(entries.at(*index));
    QByteArray data;
    ByteWriter(&data).u16le(next).bytes(record.mid(offset, count == wholeRecord ? -1 : count));
    return IpmiResponse::success(data);
}

IpmiResponse SelCommands::addEntry(const IpmiRequest &request)
{
    QByteArray record = request.data;
    if (SelRecord::hasTimestamp(quint8(record[2]))) {
        QByteArray time;
        ByteWriter(&time).u32le(now());
        record.replace(3, 4, time);
    }
    const quint32 id = m_eventLog->add(EventLogEntry::Severity::Info, Actor::ipmi(request.user),
                                       u"SEL entry added: "_s + SelRecord::describe(record), record);
    m_reservation.cancel();
    QByteArray data;
    ByteWriter(&data).u16le(SelRecord::recordId(id));
    return IpmiResponse::success(data);
}

IpmiResponse SelCommands::clear(const IpmiRequest &request)
{
    ByteReader reader(request.data);
    const quint16 reservation = reader.u16le();
    const QByteArrayView confirmation = reader.bytes(3);
    const quint8 action = reader.u8();
    if (!m_reservation.isCurrent(reservation))
        return IpmiResponse::failure(CompletionCode::InvalidReservation);
    if (confirmation != QByteArrayView("CLR") || (action != 0xAA && action != 0x00))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    if (action == 0xAA)
        m_eventLog->clear(Actor::ipmi(request.user));
    return IpmiResponse::success(QByteArray(1, char(0x01))); // erasure completed
}

IpmiResponse SelCommands::getTime(const IpmiRequest &) const
{
    QByteArray data;
    ByteWriter(&data).u32le(now());
    return IpmiResponse::success(data);
}

IpmiResponse SelCommands::setTime(const IpmiRequest &request) const
{
    // The SEL's clock is the system clock, which qbmc does not set: NTP or the board's RTC keep
    // it. A client that sets the time it already has succeeds (ipmitool's `sel time set now`,
    // tools that sync at start); any other time is refused as not possible in this state.
    const qint64 requested = ByteReader(request.data).u32le();
    if (std::abs(requested - qint64(now())) > 2)
        return IpmiResponse::failure(CompletionCode::NotSupportedInPresentState);
    return IpmiResponse::success();
}
