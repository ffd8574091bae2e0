#pragma once

#include <QByteArray>

// The most recent host output, in a ring of fixed capacity. Every byte the host ever sent has an
// offset (counted from qbmc's start), so a reader remembers where it is and asks for what came
// after, and can tell when the ring has moved past it.
class ConsoleHistory
{
public:
    explicit ConsoleHistory(qsizetype capacity);

    void append(QByteArrayView data);

    qsizetype capacity() const { return m_buffer.size(); }
    // Offset of the oldest byte still held, and one past the newest.
    qint64 startOffset() const { return m_end - qint64(m_size); }
    qint64 endOffset() const { return m_end; }

    // At most `maximum` bytes from `offset` on; an offset the ring has moved past reads from
    // startOffset() instead.
    QByteArray read(qint64 offset, qsizetype maximum) const;

private:
    QByteArray m_buffer;
    qsizetype m_size = 0; // bytes held
    qint64 m_end = 0;
};
