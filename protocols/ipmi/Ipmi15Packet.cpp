#include "Ipmi15Packet.h"

#include "ByteReader.h"
#include "ByteWriter.h"
#include "RmcpPacket.h"

std::optional<Ipmi15Packet> Ipmi15Packet::parse(QByteArrayView body)
{
    ByteReader reader(body);
    Ipmi15Packet packet;
    packet.authenticationType = reader.u8() & 0x0F;
    packet.sequence = reader.u32le();
    packet.sessionId = reader.u32le();
    if (packet.authenticationType != authenticationNone)
        reader.skip(16); // an AuthCode qbmc never accepts anyway
    const quint8 length = reader.u8();
    packet.message = reader.bytes(length);
    if (!reader.isValid())
        return std::nullopt;
    return packet;
}

QByteArray Ipmi15Packet::build(QByteArrayView message)
{
    QByteArray datagram = RmcpPacket::header(RmcpPacket::classIpmi);
    ByteWriter(&datagram).u8(authenticationNone).u32le(0).u32le(0).u8(quint8(message.size())).bytes(message);
    return datagram;
}
