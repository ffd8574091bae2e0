#pragma once

#include <QByteArray>
#include <QByteArrayView>

// Reads fields out of a packet without ever reading past its end: a read beyond the end returns
// zero (or nothing) and marks the reader as overrun, so a decoder checks once, at the end, whether
// the packet was long enough for everything it took.
class ByteReader
{
public:
    explicit ByteReader(QByteArrayView data)
        : m_data(data)
    {
    }
    // A reader only views its bytes: a temporary would be gone before the first read.
    explicit ByteReader(QByteArray &&) = delete;

    quint8 u8();
    quint16 u16le();
    quint32 u32le();
    quint32 u32be();
    QByteArrayView bytes(qsizetype count);
    QByteArrayView rest();
    void skip(qsizetype count) { bytes(count); }

    qsizetype position() const { return m_position; }
    qsizetype remaining() const { return m_data.size() - m_position; }
    bool atEnd() const { return remaining() == 0; }
    // False once any read went past the end.
    bool isValid() const { return !m_overrun; }

private:
    bool take(qsizetype count);

    QByteArrayView m_data;
    qsizetype m_position = 0;
    bool m_overrun = false;
};
