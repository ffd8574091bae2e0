#include "FruInventory.h"

#include "ByteWriter.h"

using namespace Qt::StringLiterals;

namespace {
constexpr quint8 formatVersion = 0x01;
constexpr quint8 languageEnglish = 0x00;
constexpr quint8 endOfFields = 0xC1;

// Closes an area whose second byte waits for its length: end of fields, zero padding, checksum.
QByteArray finishArea(QByteArray area)
{
    area.append(char(endOfFields));
    while ((area.size() + 1) % FruInventory::multiple != 0)
        area.append('\0');
    area[1] = char((area.size() + 1) / FruInventory::multiple);
    area.append(char(FruInventory::zeroChecksum(area)));
    return area;
}
} // namespace

FruInventory::FruInventory(const Board &board, const Product &product)
{
    const QByteArray board8 = boardArea(board);
    const QByteArray product8 = productArea(product);
    const int boardOffset = 1; // right after the 8-byte header
    const int productOffset = boardOffset + int(board8.size() / multiple);

    QByteArray header;
    ByteWriter(&header)
        .u8(formatVersion)
        .u8(0x00) // no internal use area
        .u8(0x00) // no chassis info area
        .u8(quint8(boardOffset))
        .u8(quint8(productOffset))
        .u8(0x00)  // no multi-record area
        .u8(0x00); // pad
    header.append(char(zeroChecksum(header)));
    m_image = header + board8 + product8;
}

FruInventory FruInventory::fromConfiguration(const Configuration &configuration)
{
    const HostInventory inventory = HostInventory::fromConfiguration(configuration);
    return FruInventory(inventory.board, inventory.product);
}

QByteArray FruInventory::boardArea(const Board &board)
{
    QByteArray area;
    ByteWriter(&area)
        .u8(formatVersion)
        .u8(0x00) // length, filled in at the end
        .u8(languageEnglish)
        .u24le(0) // manufacturing date and time: unspecified
        .bytes(field(board.manufacturer))
        .bytes(field(board.product))
        .bytes(field(board.serial))
        .bytes(field(board.partNumber))
        .bytes(field({})); // FRU file id
    return finishArea(area);
}

QByteArray FruInventory::productArea(const Product &product)
{
    QByteArray area;
    ByteWriter(&area)
        .u8(formatVersion)
        .u8(0x00) // length, filled in at the end
        .u8(languageEnglish)
        .bytes(field(product.manufacturer))
        .bytes(field(product.name))
        .bytes(field(product.partNumber))
        .bytes(field(product.version))
        .bytes(field(product.serial))
        .bytes(field(product.assetTag))
        .bytes(field({})); // FRU file id
    return finishArea(area);
}

QByteArray FruInventory::field(const QString &text)
{
    QByteArray bytes;
    for (QChar character : text) {
        if (bytes.size() == maximumFieldLength)
            break;
        const char16_t code = character.unicode();
        const bool printable = (code >= 0x20 && code < 0x7F) || (code >= 0xA0 && code <= 0xFF);
        bytes.append(printable ? char(code) : '?');
    }
    if (bytes.size() == 1)
        bytes.append(' ');
    return char(0xC0 | bytes.size()) + bytes;
}

quint8 FruInventory::zeroChecksum(QByteArrayView bytes)
{
    quint8 sum = 0;
    for (char byte : bytes)
        sum = quint8(sum + quint8(byte));
    return quint8(-sum);
}
