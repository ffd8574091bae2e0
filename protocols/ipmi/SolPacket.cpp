#include "SolPacket.h"

#include "ByteReader.h"
#include "ByteWriter.h"

std::optional<SolPacket> SolPacket::parse(QByteArrayView payload)
{
    if (payload.size() < headerSize)
        return std::nullopt;
    ByteReader reader(payload);
    SolPacket packet;
    packet.sequence = reader.u8() & 0x0F;
    packet.ackSequence = reader.u8() & 0x0F;
    packet.acceptedCount = reader.u8();
    packet.operation = reader.u8();
    packet.data = reader.rest().toByteArray();
    return packet;
}

QByteArray SolPacket::toBytes() const
{
    QByteArray bytes;
    bytes.reserve(headerSize + data.size());
    ByteWriter(&bytes).u8(sequence & 0x0F).u8(ackSequence & 0x0F).u8(acceptedCount).u8(operation).bytes(data);
    return bytes;
}
