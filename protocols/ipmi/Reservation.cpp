#include "Reservation.h"

quint16 Reservation::reserve()
{
    ++m_last;
    if (m_last == 0)
        m_last = 1;
    m_current = m_last;
    return m_current;
}
