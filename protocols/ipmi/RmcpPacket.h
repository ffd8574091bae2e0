#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

// The 4-byte RMCP header every datagram on port 623 starts with (ASF DSP0136): version 6,
// reserved, sequence number, class of message.
struct RmcpPacket
{
    static constexpr quint8 version = 0x06;
    static constexpr quint8 noAcknowledge = 0xFF;
    static constexpr quint8 classAsf = 0x06;
    static constexpr quint8 classIpmi = 0x07;

    quint8 sequence = noAcknowledge;
    quint8 messageClass = 0;
    QByteArrayView body; // points into the datagram given to parse()

    static std::optional<RmcpPacket> parse(QByteArrayView datagram);
    static QByteArray header(quint8 messageClass, quint8 sequence = noAcknowledge);
};
