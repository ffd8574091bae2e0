#include "SdrCommands.h"

#include "ByteWriter.h"
#include "NetFn.h"
#include "SdrBuilder.h"
#include "SensorRegistry.h"

namespace {
constexpr quint16 firstRecord = 0x0000;
constexpr quint16 lastRecord = 0xFFFF;
constexpr quint8 wholeRecord = 0xFF;
constexpr quint32 noTimestamp = 0xFFFFFFFF;
constexpr quint16 allocationUnit = 64; // the longest record, a full sensor record with a 16-byte name
} // namespace

struct SdrCommands::GetRecordRequest
{
    quint16 reservation = 0;
    quint16 recordId = 0; // 0000h: the first, FFFFh: the last
    quint8 offset = 0;
    quint8 count = 0; // FFh: the whole record
    void fields(auto &visit) { visit(reservation, recordId, offset, count); }
};

struct SdrCommands::DeviceSdrInfoRequest
{
    std::optional<quint8> operation; // bit 0: count the records rather than the sensors
    void fields(auto &visit) { visit(operation); }
};

SdrCommands::SdrCommands(const SensorRegistry *sensors, QObject *parent)
    : CommandGroup(parent)
    , m_table(sensors)
    , m_lastChange(QDateTime::currentDateTimeUtc())
{
    connect(sensors, &SensorRegistry::sensorsChanged, this, [this] {
        m_lastChange = QDateTime::currentDateTimeUtc();
        m_reservation.cancel();
    });
}

void SdrCommands::registerIn(CommandTable &table)
{
    table.add({NetFn::storage, 0x20, "Get SDR Repository Info", Privilege::User}, this,
              &SdrCommands::getRepositoryInfo);
    table.add({NetFn::storage, 0x21, "Get SDR Repository Allocation Info", Privilege::User}, this,
              &SdrCommands::getAllocationInfo);
    table.add({NetFn::storage, 0x22, "Reserve SDR Repository", Privilege::User}, this, &SdrCommands::reserve);
    table.add({NetFn::storage, 0x23, "Get SDR", Privilege::User}, this, &SdrCommands::getRecord);
    table.add({NetFn::sensorEvent, 0x20, "Get Device SDR Info", Privilege::User}, this, &SdrCommands::getDeviceSdrInfo);
}

QList<QByteArray> SdrCommands::records() const
{
    return SdrBuilder::records(m_table.entries());
}

IpmiResponse SdrCommands::getRepositoryInfo(const None &) const
{
    QByteArray data;
    ByteWriter(&data)
        .u8(SdrBuilder::sdrVersion)
        .u16le(quint16(records().size()))
        .u16le(0) // no free space: records are not added through IPMI
        .u32le(quint32(m_lastChange.toSecsSinceEpoch()))
        .u32le(noTimestamp) // never erased
        .u8(0x02 | 0x01);   // Reserve and Get Allocation Info; no modal update, delete or partial add
    return IpmiResponse::success(data);
}

IpmiResponse SdrCommands::getAllocationInfo(const None &) const
{
    const quint16 count = quint16(records().size());
    QByteArray data;
    ByteWriter(&data).u16le(count).u16le(allocationUnit).u16le(0).u16le(0).u8(1);
    return IpmiResponse::success(data);
}

IpmiResponse SdrCommands::reserve(const None &)
{
    QByteArray data;
    ByteWriter(&data).u16le(m_reservation.reserve());
    return IpmiResponse::success(data);
}

IpmiResponse SdrCommands::getRecord(const GetRecordRequest &request) const
{
    const quint16 reservation = request.reservation;
    const quint16 recordId = request.recordId;
    const quint8 offset = request.offset;
    const quint8 count = request.count;
    // Only a read that starts inside a record needs the reservation (IPMI v2.0 section 33.12).
    if (offset != 0 && !m_reservation.isCurrent(reservation))
        return IpmiResponse::failure(CompletionCode::InvalidReservation);

    const QList<QByteArray> all = records();
    qsizetype index = -1;
    if (recordId == firstRecord)
        index = 0;
    else if (recordId == lastRecord)
        index = all.size() - 1;
    else if (recordId <= all.size())
        index = recordId - 1;
    if (index < 0)
        return IpmiResponse::failure(CompletionCode::RequestedDataNotPresent);
    const QByteArray &record = all.at(index);
    if (offset >= record.size())
        return IpmiResponse::failure(CompletionCode::ParameterOutOfRange);

    const quint16 next = index + 1 < all.size() ? quint16(index + 2) : lastRecord;
    QByteArray data;
    ByteWriter(&data).u16le(next).bytes(record.mid(offset, count == wholeRecord ? -1 : count));
    return IpmiResponse::success(data);
}

IpmiResponse SdrCommands::getDeviceSdrInfo(const DeviceSdrInfoRequest &request) const
{
    const bool countRecords = request.operation.value_or(0) & 0x01;
    const qsizetype count = countRecords ? records().size() : m_table.entries().size();
    QByteArray data;
    ByteWriter(&data)
        .u8(quint8(count))
        .u8(0x81) // dynamic population (the sensors may change), sensors on LUN 0
        .u32le(quint32(m_lastChange.toSecsSinceEpoch()));
    return IpmiResponse::success(data);
}
