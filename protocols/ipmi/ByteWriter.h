#pragma once

#include <QByteArray>
#include <QByteArrayView>

// Appends fields to a packet in the byte orders IPMI uses (little-endian, except RMCP/ASF).
class ByteWriter
{
public:
    explicit ByteWriter(QByteArray *out)
        : m_out(out)
    {
    }

    ByteWriter &u8(quint8 value)
    {
        m_out->append(char(value));
        return *this;
    }
    ByteWriter &u16le(quint16 value) { return u8(quint8(value)).u8(quint8(value >> 8)); }
    ByteWriter &u24le(quint32 value) { return u16le(quint16(value)).u8(quint8(value >> 16)); }
    ByteWriter &u32le(quint32 value) { return u16le(quint16(value)).u16le(quint16(value >> 16)); }
    ByteWriter &u32be(quint32 value)
    {
        return u8(quint8(value >> 24)).u8(quint8(value >> 16)).u8(quint8(value >> 8)).u8(quint8(value));
    }
    ByteWriter &bytes(QByteArrayView data)
    {
        m_out->append(data);
        return *this;
    }
    // `data` cut or padded with zero bytes to exactly `size` bytes (IPMI's fixed-width strings).
    ByteWriter &padded(QByteArrayView data, qsizetype size)
    {
        m_out->append(data.first(std::min(size, data.size())));
        m_out->append(QByteArray(size - std::min(size, data.size()), '\0'));
        return *this;
    }

private:
    QByteArray *m_out;
};
