#include "ByteReader.h"

bool ByteReader::take(qsizetype count)
{
    if (m_overrun || count < 0 || count > remaining()) {
        m_overrun = true;
        return false;
    }
    return true;
}

quint8 ByteReader::u8()
{
    if (!take(1))
        return 0;
    return quint8(m_data[m_position++]);
}

quint16 ByteReader::u16le()
{
    if (!take(2))
        return 0;
    const quint16 value = quint16(quint8(m_data[m_position])) | quint16(quint8(m_data[m_position + 1])) << 8;
    m_position += 2;
    return value;
}

quint32 ByteReader::u32le()
{
    if (!take(4))
        return 0;
    quint32 value = 0;
    for (int i = 3; i >= 0; --i)
        value = value << 8 | quint8(m_data[m_position + i]);
    m_position += 4;
    return value;
}

quint32 ByteReader::u32be()
{
    if (!take(4))
        return 0;
    quint32 value = 0;
    for (int i = 0; i < 4; ++i)
        value = value << 8 | quint8(m_data[m_position + i]);
    m_position += 4;
    return value;
}

QByteArrayView ByteReader::bytes(qsizetype count)
{
    if (!take(count))
        return {};
    const QByteArrayView view = m_data.sliced(m_position, count);
    m_position += count;
    return view;
}

QByteArrayView ByteReader::rest()
{
    return bytes(remaining());
}
