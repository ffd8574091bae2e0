#include "AsfMessage.h"

#include "ByteReader.h"
#include "ByteWriter.h"
#include "RmcpPacket.h"

std::optional<AsfMessage> AsfMessage::parse(QByteArrayView body)
{
    ByteReader reader(body);
    const quint32 iana = reader.u32be();
    AsfMessage message;
    message.type = reader.u8();
    message.tag = reader.u8();
    reader.skip(1);
    const quint8 dataLength = reader.u8();
    reader.skip(dataLength);
    if (!reader.isValid() || iana != asfIana)
        return std::nullopt;
    return message;
}

QByteArray AsfMessage::pong(quint8 rmcpSequence, quint8 tag)
{
    QByteArray datagram = RmcpPacket::header(RmcpPacket::classAsf, rmcpSequence);
    ByteWriter(&datagram)
        .u32be(asfIana)
        .u8(presencePong)
        .u8(tag)
        .u8(0)          // reserved
        .u8(0x10)       // data length
        .u32be(asfIana) // OEM IANA: none beyond ASF itself
        .u32be(0)       // OEM-defined
        .u8(0x81)       // supported entities: IPMI, ASF version 1.0
        .u8(0x00)       // supported interactions: none (no RMCP security extensions)
        .padded({}, 6); // reserved
    return datagram;
}
