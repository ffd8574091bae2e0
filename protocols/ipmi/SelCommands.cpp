#include "SelCommands.h"

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

struct SelCommands::GetEntryRequest
{
    quint16 reservation = 0;
    quint16 recordId = 0; // 0000h: the first, FFFFh: the last
    quint8 offset = 0;
    quint8 count = 0; // FFh: the whole record
    void fields(auto &visit) { visit(reservation, recordId, offset, count); }
};

struct SelCommands::AddEntryRequest
{
    RequestFields::Bytes<SelRecord::size> record;
    void fields(auto &visit) { visit(record); }
};

struct SelCommands::ClearRequest
{
    quint16 reservation = 0;
    RequestFields::Bytes<3> confirmation; // "CLR"
    quint8 action = 0;                    // AAh: erase, 00h: get the status
    void fields(auto &visit) { visit(reservation, confirmation, action); }
};

struct SelCommands::SetTimeRequest
{
    quint32 time = 0; // seconds since 1970
    void fields(auto &visit) { visit(time); }
};

SelCommands::SelCommands(EventLog *eventLog, QObject *parent)
    : CommandGroup(parent)
    , m_eventLog(eventLog)
{
    // Whoever empties the log (IPMI, Redfish, the screen) ends the reservation.
    connect(m_eventLog, &EventLog::cleared, this, [this] { m_reservation.cancel(); });
}

void SelCommands::registerIn(CommandTable &table)
{
    table.add({NetFn::storage, 0x40, "Get SEL Info", Privilege::User}, this, &SelCommands::getInfo);
    table.add({NetFn::storage, 0x41, "Get SEL Allocation Info", Privilege::User}, this,
              &SelCommands::getAllocationInfo);
    table.add({NetFn::storage, 0x42, "Reserve SEL", Privilege::User}, this, &SelCommands::reserve);
    table.add({NetFn::storage, 0x43, "Get SEL Entry", Privilege::User}, this, &SelCommands::getEntry);
    table.add({NetFn::storage, 0x44, "Add SEL Entry", Privilege::Operator}, this, &SelCommands::addEntry);
    table.add({NetFn::storage, 0x47, "Clear SEL", Privilege::Operator}, this, &SelCommands::clear);
    table.add({NetFn::storage, 0x48, "Get SEL Time", Privilege::User}, this, &SelCommands::getTime);
    table.add({NetFn::storage, 0x49, "Set SEL Time", Privilege::Operator}, this, &SelCommands::setTime);
}

IpmiResponse SelCommands::getInfo(const None &) const
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

IpmiResponse SelCommands::getAllocationInfo(const None &) const
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

IpmiResponse SelCommands::reserve(const None &)
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

IpmiResponse SelCommands::getEntry(const GetEntryRequest &request) const
{
    const quint16 reservation = request.reservation;
    const quint16 recordId = request.recordId;
    const quint8 offset = request.offset;
    const quint8 count = request.count;
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

IpmiResponse SelCommands::addEntry(const AddEntryRequest &request, const IpmiCaller &caller)
{
    QByteArray record = request.record.value;
    if (SelRecord::hasTimestamp(quint8(record[2]))) {
        QByteArray time;
        ByteWriter(&time).u32le(now());
        record.replace(3, 4, time);
    }
    const quint32 id = m_eventLog->add(EventLogEntry::Severity::Info, Actor::ipmi(caller.user),
                                       u"SEL entry added: "_s + SelRecord::describe(record), record);
    m_reservation.cancel();
    QByteArray data;
    ByteWriter(&data).u16le(SelRecord::recordId(id));
    return IpmiResponse::success(data);
}

IpmiResponse SelCommands::clear(const ClearRequest &request, const IpmiCaller &caller)
{
    if (!m_reservation.isCurrent(request.reservation))
        return IpmiResponse::failure(CompletionCode::InvalidReservation);
    if (request.confirmation.value != QByteArrayView("CLR") || (request.action != 0xAA && request.action != 0x00))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    if (request.action == 0xAA)
        m_eventLog->clear(Actor::ipmi(caller.user));
    return IpmiResponse::success(QByteArray(1, char(0x01))); // erasure completed
}

IpmiResponse SelCommands::getTime(const None &) const
{
    QByteArray data;
    ByteWriter(&data).u32le(now());
    return IpmiResponse::success(data);
}

IpmiResponse SelCommands::setTime(const SetTimeRequest &request) const
{
    // The SEL's clock is the system clock, which qbmc does not set: NTP or the board's RTC keep
    // it. A client that sets the time it already has succeeds (ipmitool's `sel time set now`,
    // tools that sync at start); any other time is refused as not possible in this state.
    const qint64 requested = request.time;
    if (std::abs(requested - qint64(now())) > 2)
        return IpmiResponse::failure(CompletionCode::NotSupportedInPresentState);
    return IpmiResponse::success();
}
