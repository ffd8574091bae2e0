#pragma once

#include <QtGlobal>

// Replay protection for a session's inbound packets (IPMI v2.0 section 6.12.13): a packet is
// accepted once, if its sequence number is at most `behind` below the highest one seen or at most
// `ahead` above it; everything else is dropped. Sequence number 0 never occurs in RMCP+.
class SequenceWindow
{
public:
    static constexpr quint32 behind = 16;
    static constexpr quint32 ahead = 16;

    // True (and the number is recorded) when the packet may be processed.
    bool accept(quint32 sequence);

private:
    quint32 m_highest = 0;
    quint32 m_seen = 0; // bit n: highest - 1 - n has been seen
    bool m_started = false;
};
