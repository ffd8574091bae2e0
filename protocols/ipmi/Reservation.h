#pragma once

#include <QtGlobal>

// The reservation of a repository (SEL or SDR, IPMI v2.0 sections 31.4 and 33.11): a client
// reserves, then makes requests that must not be interleaved with changes, naming its
// reservation. A new reservation or a change to the repository cancels the current one.
class Reservation
{
public:
    // A new reservation id (never 0000h), cancelling the previous one.
    quint16 reserve();
    void cancel() { m_current = 0; }
    bool isCurrent(quint16 id) const { return id != 0 && id == m_current; }

private:
    quint16 m_last = 0;
    quint16 m_current = 0;
};
