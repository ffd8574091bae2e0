#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

// The IPMI v1.5 session wrapper. qbmc has no v1.5 sessions; clients still send Get Channel
// Authentication Capabilities in this format (authentication type none, session 0) before they
// open an RMCP+ session, and `ipmitool -I lan` tries one. Only that pre-session form is parsed.
struct Ipmi15Packet
{
    static constexpr quint8 authenticationNone = 0x00;

    quint8 authenticationType = 0;
    quint32 sequence = 0;
    quint32 sessionId = 0;
    QByteArrayView message;

    static std::optional<Ipmi15Packet> parse(QByteArrayView body);
    // A pre-session reply (type none, session 0), RMCP header included.
    static QByteArray build(QByteArrayView message);
};
