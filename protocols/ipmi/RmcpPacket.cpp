#include "RmcpPacket.h"

#include "ByteReader.h"

std::optional<RmcpPacket> RmcpPacket::parse(QByteArrayView datagram)
{
    ByteReader reader(datagram);
    const quint8 headerVersion = reader.u8();
    reader.skip(1);
    RmcpPacket packet;
    packet.sequence = reader.u8();
    packet.messageClass = reader.u8();
    // Bit 7 of the class marks an RMCP acknowledge; qbmc never asks for one and ignores them.
    if (!reader.isValid() || headerVersion != version || (packet.messageClass & 0x80))
        return std::nullopt;
    packet.body = reader.rest();
    return packet;
}

QByteArray RmcpPacket::header(quint8 messageClass, quint8 sequence)
{
    const char bytes[] = {char(version), 0, char(sequence), char(messageClass)};
    return QByteArray(bytes, sizeof bytes);
}
