#include "FruCommands.h"

#include "ByteReader.h"
#include "ByteWriter.h"
#include "NetFn.h"

namespace {
constexpr quint8 systemFru = 0x00;
} // namespace

FruCommands::FruCommands(FruInventory inventory, CommandTable &table, QObject *parent)
    : QObject(parent)
    , m_inventory(std::move(inventory))
{
    table.add({NetFn::storage, 0x10, "Get FRU Inventory Area Info", Privilege::User, 1, 1,
               [this](const IpmiRequest &request) { return getAreaInfo(request); }});
    table.add({NetFn::storage, 0x11, "Read FRU Data", Privilege::User, 4, 4,
               [this](const IpmiRequest &request) { return read(request); }});
    table.add({NetFn::storage, 0x12, "Write FRU Data", Privilege::Operator, 4, 3 + 255,
               [this](const IpmiRequest &request) { return write(request); }});
}

IpmiResponse FruCommands::getAreaInfo(const IpmiRequest &request) const
{
    if (quint8(request.data[0]) != systemFru)
        return IpmiResponse::failure(CompletionCode::RequestedDataNotPresent);
    QByteArray data;
    ByteWriter(&data).u16le(quint16(m_inventory.image().size())).u8(0x00); // accessed by bytes
    return IpmiResponse::success(data);
}

IpmiResponse FruCommands::read(const IpmiRequest &request) const
{
    ByteReader reader(request.data);
    const quint8 device = reader.u8();
    const quint16 offset = reader.u16le();
    const quint8 count = reader.u8();
    if (device != systemFru)
        return IpmiResponse::failure(CompletionCode::RequestedDataNotPresent);
    const QByteArray &image = m_inventory.image();
    if (offset >= image.size())
        return IpmiResponse::failure(CompletionCode::ParameterOutOfRange);
    // A read that runs past the end returns what is there; the count byte says how much.
    const QByteArray bytes = image.mid(offset, count);
    QByteArray data;
    ByteWriter(&data).u8(quint8(bytes.size())).bytes(bytes);
    return IpmiResponse::success(data);
}

IpmiResponse FruCommands::write(const IpmiRequest &request) const
{
    if (quint8(request.data[0]) != systemFru)
        return IpmiResponse::failure(CompletionCode::RequestedDataNotPresent);
    // The inventory comes from the configuration (fru.* keys), so every offset is write-protected.
    return IpmiResponse::failure(CompletionCode::WriteProtectedOffset);
}
