#include "ConsoleHistory.h"

#include <algorithm>

ConsoleHistory::ConsoleHistory(qsizetype capacity)
    : m_buffer(std::max<qsizetype>(capacity, 1), '\0')
{
}

void ConsoleHistory::append(QByteArrayView data)
{
    const qsizetype capacity = m_buffer.size();
    m_end += data.size();
    m_size = qsizetype(std::min<qint64>(qint64(m_size) + data.size(), capacity));
    // Only the last `capacity` bytes can survive.
    if (data.size() > capacity)
        data = data.last(capacity);
    qsizetype position = qsizetype((m_end - data.size()) % capacity);
    while (!data.isEmpty()) {
        const qsizetype chunk = std::min(data.size(), capacity - position);
        std::copy_n(data.data(), chunk, m_buffer.data() + position);
        data = data.sliced(chunk);
        position = 0;
    }
}

QByteArray ConsoleHistory::read(qint64 offset, qsizetype maximum) const
{
    offset = std::clamp(offset, startOffset(), m_end);
    const qsizetype length = qsizetype(std::min<qint64>(m_end - offset, maximum));
    QByteArray out;
    out.reserve(length);
    const qsizetype capacity = m_buffer.size();
    qsizetype position = qsizetype(offset % capacity);
    qsizetype remaining = length;
    while (remaining > 0) {
        const qsizetype chunk = std::min(remaining, capacity - position);
        out.append(m_buffer.constData() + position, chunk);
        remaining -= chunk;
        position = 0;
    }
    return out;
}
