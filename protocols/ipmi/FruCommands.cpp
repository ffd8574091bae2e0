#include "FruCommands.h"

#include "ByteWriter.h"
#include "NetFn.h"

namespace {
constexpr quint8 systemFru = 0x00;
} // namespace

struct FruCommands::AreaInfoRequest
{
    quint8 device = 0;
    void fields(auto &visit) { visit(device); }
};

struct FruCommands::ReadRequest
{
    quint8 device = 0;
    quint16 offset = 0;
    quint8 count = 0;
    void fields(auto &visit) { visit(device, offset, count); }
};

struct FruCommands::WriteRequest
{
    quint8 device = 0;
    quint16 offset = 0;
    RequestFields::Tail<1, 255> data;
    void fields(auto &visit) { visit(device, offset, data); }
};

FruCommands::FruCommands(FruInventory inventory, QObject *parent)
    : CommandGroup(parent)
    , m_inventory(std::move(inventory))
{
}

void FruCommands::registerIn(CommandTable &table)
{
    table.add({NetFn::storage, 0x10, "Get FRU Inventory Area Info", Privilege::User}, this, &FruCommands::getAreaInfo);
    table.add({NetFn::storage, 0x11, "Read FRU Data", Privilege::User}, this, &FruCommands::read);
    table.add({NetFn::storage, 0x12, "Write FRU Data", Privilege::Operator}, this, &FruCommands::write);
}

IpmiResponse FruCommands::getAreaInfo(const AreaInfoRequest &request) const
{
    if (request.device != systemFru)
        return IpmiResponse::failure(CompletionCode::RequestedDataNotPresent);
    QByteArray data;
    ByteWriter(&data).u16le(quint16(m_inventory.image().size())).u8(0x00); // accessed by bytes
    return IpmiResponse::success(data);
}

IpmiResponse FruCommands::read(const ReadRequest &request) const
{
    const quint16 offset = request.offset;
    const quint8 count = request.count;
    if (request.device != systemFru)
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

IpmiResponse FruCommands::write(const WriteRequest &request) const
{
    if (request.device != systemFru)
        return IpmiResponse::failure(CompletionCode::RequestedDataNotPresent);
    // The inventory comes from the configuration (fru.* keys), so every offset is write-protected.
    return IpmiResponse::failure(CompletionCode::WriteProtectedOffset);
}
