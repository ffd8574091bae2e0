#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

// One Serial-over-LAN payload (IPMI v2.0 section 15.9): a 4-bit packet sequence number (0 for an
// acknowledgement only), the sequence number it acknowledges (0 for none), how many characters of
// that packet were accepted, operation or status bits, and the characters.
struct SolPacket
{
    // Operation bits, remote console to BMC (table 15-2).
    static constexpr quint8 nack = 0x40;
    static constexpr quint8 ringIndicator = 0x20;
    static constexpr quint8 generateBreak = 0x10;
    static constexpr quint8 deassertClearToSend = 0x08;
    static constexpr quint8 dropCarrierDetect = 0x04;
    static constexpr quint8 flushInbound = 0x02;  // console-to-host characters not yet sent
    static constexpr quint8 flushOutbound = 0x01; // host-to-console characters not yet sent
    // Status bits, BMC to remote console.
    static constexpr quint8 characterTransferUnavailable = 0x20;
    static constexpr quint8 deactivating = 0x10;
    static constexpr quint8 transmitOverrun = 0x08;
    static constexpr quint8 breakDetected = 0x04;

    static constexpr qsizetype headerSize = 4;

    quint8 sequence = 0;
    quint8 ackSequence = 0;
    quint8 acceptedCount = 0;
    quint8 operation = 0;
    QByteArray data;

    bool isNack() const { return operation & nack; }

    // Nothing when it is shorter than its header; the reserved high nibbles are ignored.
    static std::optional<SolPacket> parse(QByteArrayView payload);
    QByteArray toBytes() const;
};
