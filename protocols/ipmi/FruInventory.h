#pragma once

#include "HostInventory.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

class Configuration;

// FRU device 0, the system's inventory, as the IPMI Platform Management FRU Information Storage
// Definition v1.0 lays it out: common header, board info area and product info area, from the
// fru.board.* and fru.product.* configuration keys. Text is 8-bit ASCII + Latin-1 in English.
class FruInventory
{
public:
    using Board = HostInventory::Board;
    using Product = HostInventory::Product;

    FruInventory(const Board &board, const Product &product);
    static FruInventory fromConfiguration(const Configuration &configuration);

    const QByteArray &image() const { return m_image; }

    // Offsets and lengths count in multiples of 8 bytes.
    static constexpr int multiple = 8;
    static constexpr int maximumFieldLength = 63;

    // A type/length byte (11b: 8-bit ASCII + Latin-1) and the text. Control characters and
    // characters beyond Latin-1 become '?', text beyond 63 bytes is cut, and a single character gets a trailing space,
    // because C1h (one byte of 8-bit text) marks the end of an area's fields.
    static QByteArray field(const QString &text);
    // The byte that makes `bytes` sum to zero (modulo 256).
    static quint8 zeroChecksum(QByteArrayView bytes);

private:
    static QByteArray boardArea(const Board &board);
    static QByteArray productArea(const Product &product);

    QByteArray m_image;
};
