#include "SequenceWindow.h"

bool SequenceWindow::accept(quint32 sequence)
{
    if (sequence == 0)
        return false;
    if (!m_started) {
        // The client picks where it starts; from then on the window follows it.
        m_started = true;
        m_highest = sequence;
        return true;
    }
    // Unsigned differences handle the wrap from 0xFFFFFFFF to 1.
    const quint32 forward = sequence - m_highest;
    if (forward != 0 && forward <= ahead) {
        m_seen = forward >= 32 ? 0 : (m_seen << forward) | (quint32(1) << (forward - 1));
        m_highest = sequence;
        return true;
    }
    const quint32 backward = m_highest - sequence;
    if (backward == 0 || backward > behind)
        return false;
    const quint32 bit = quint32(1) << (backward - 1);
    if (m_seen & bit)
        return false;
    m_seen |= bit;
    return true;
}
