#pragma once

#include "CommandTable.h"
#include "IpmiPeer.h"

#include <QByteArray>
#include <QByteArrayView>

#include <functional>

class IpmiSessionTable;
class RakpHandshake;
struct IpmiSession;

// Turns one datagram into its reply, or into nothing: RMCP header, ASF presence ping, the IPMI
// v1.5 pre-session form, RMCP+ session setup and session traffic (AuthCode, replay window,
// decryption), IPMI message checksums, then the command table. Every length is checked before it
// is used; whatever is malformed is dropped and counted. No socket here, so tests and the fuzz
// target drive it directly.
class PacketHandler
{
public:
    struct Counters
    {
        quint64 received = 0;
        quint64 malformed = 0;       // could not be parsed
        quint64 unauthenticated = 0; // unknown session, wrong peer, bad AuthCode, not encrypted
        quint64 replayed = 0;        // outside the sequence window or seen before
        quint64 answered = 0;
    };

    // Takes a Serial-over-LAN payload of an active session and returns the payload to answer with.
    using SolHandler = std::function<QByteArray(const IpmiSession &session, QByteArrayView payload)>;

    PacketHandler(RakpHandshake *handshake, IpmiSessionTable *sessions, const CommandTable *commands);

    // Without one, SoL payloads are dropped as malformed.
    void setSolHandler(SolHandler handler) { m_solHandler = std::move(handler); }

    // The reply datagram; empty when nothing is to be sent. Work a handler deferred until after
    // its reply (closing the session the reply travels in) goes to `afterReply`.
    QByteArray handle(QByteArrayView datagram, const IpmiPeer &peer, std::function<void()> *afterReply = nullptr);

    const Counters &counters() const { return m_counters; }

private:
    QByteArray handleIpmi15(QByteArrayView body, const IpmiPeer &peer);
    QByteArray handleRmcpPlus(QByteArrayView body, const IpmiPeer &peer, std::function<void()> *afterReply);
    QByteArray dispatch(QByteArrayView messageBytes, const IpmiCaller &caller, std::function<void()> *afterReply);
    QByteArray drop(quint64 Counters::*counter);

    RakpHandshake *m_handshake;
    IpmiSessionTable *m_sessions;
    const CommandTable *m_commands;
    SolHandler m_solHandler;
    Counters m_counters;
};
