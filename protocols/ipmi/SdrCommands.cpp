#include "SdrCommands.h"

#include "ByteReader.h"
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

SdrCommands::SdrCommands(const SensorRegistry *sensors, CommandTable &table, QObject *parent)
    : QObject(parent)
    , m_table(sensors)
    , m_lastChange(QDateTime::currentDateTimeUtc())
{
    connect(sensors, &SensorRegistry::sensorsChanged, this, [this] {
        m_lastChange = QDateTime::currentDateTimeUtc();
        m_reservation.cancel();
    });

    table.add({NetFn::storage, 0x20, "Get SDR Repository Info", Privilege::User, 0, 0,
               [this](const IpmiRequest &request) { return getRepositoryInfo(request); }});
    table.add({NetFn::storage, 0x21, "Get SDR Repository Allocation Info", Privilege::User, 0, 0,
               [this](const IpmiRequest &request) { return getAllocationInfo(request); }});
    table.add({NetFn::storage, 0x22, "Reserve SDR Repository", Privilege::User, 0, 0,
               [this](const IpmiRequest &request) { return reserve(request); }});
    table.add({NetFn::storage, 0x23, "Get SDR", Privilege::User, 6, 6,
               [this](const IpmiRequest &request) { return getRecord(request); }});
    table.add({NetFn::sensorEvent, 0x20, "Get Device SDR Info", Privilege::User, 0, 1,
               [this](const IpmiRequest &request) { return getDeviceSdrInfo(request); }});
}

QList<QByteArray> SdrCommands::records() const
{
    return SdrBuilder::records(m_table.entries());
}

IpmiResponse SdrCommands::getRepositoryInfo(const IpmiRequest &) const
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

IpmiResponse SdrCommands::getAllocationInfo(const IpmiRequest &) const
{
    const quint16 count = quint16(records().size());
    QByteArray data;
    ByteWriter(&data).u16le(count).u16le(allocationUnit).u16le(0).u16le(0).u8(1);
    return IpmiResponse::success(data);
}

IpmiResponse SdrCommands::reserve(const IpmiRequest &)
{
    QByteArray data;
    ByteWriter(&data).u16le(m_reservation.reserve());
    return IpmiResponse::success(data);
}

IpmiResponse SdrCommands::getRecord(const IpmiRequest &request) const
{
    ByteReader reader(request.data);
    const quint16 reservation = reader.u16le();
    const quint16 recordId = reader.u16le();
    const quint8 offset = reader.u8();
    const quint8 count = reader.u8();
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

IpmiResponse SdrCommands::getDeviceSdrInfo(const IpmiRequest &request) const
{
    // Operation bit 0: count the records rather than the sensors.
    const bool countRecords = !request.data.isEmpty() && (request.data[0] & 0x01);
    const qsizetype count = countRecords ? records().size() : m_table.entries().size();
    QByteArray data;
    ByteWriter(&data)
        .u8(quint8(count))
        .u8(0x81) // dynamic population (the sensors may change), sensors on LUN 0
        .u32le(quint32(m_lastChange.toSecsSinceEpoch()));
    return IpmiResponse::success(data);
}
