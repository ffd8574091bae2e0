#include "IpmiMessage.h"

#include "ByteReader.h"
#include "ByteWriter.h"

quint8 IpmiMessage::checksum(QByteArrayView bytes)
{
    quint8 sum = 0;
    for (char byte : bytes)
        sum += quint8(byte);
    return quint8(-sum);
}

std::optional<IpmiMessage> IpmiMessage::parseRequest(QByteArrayView bytes)
{
    // Header (3) + requester address, sequence, command (3) + data checksum (1).
    if (bytes.size() < 7 || checksum(bytes.first(3)) != 0 || checksum(bytes.sliced(3)) != 0)
        return std::nullopt;
    ByteReader reader(bytes);
    IpmiMessage message;
    message.responderAddress = reader.u8();
    const quint8 netFnLun = reader.u8();
    message.netFn = netFnLun >> 2;
    message.responderLun = netFnLun & 0x03;
    reader.skip(1);
    message.requesterAddress = reader.u8();
    const quint8 sequenceLun = reader.u8();
    message.requesterSequence = sequenceLun >> 2;
    message.requesterLun = sequenceLun & 0x03;
    message.command = reader.u8();
    message.data = reader.bytes(reader.remaining() - 1).toByteArray();
    return message;
}

QByteArray IpmiMessage::response(quint8 completionCode, QByteArrayView responseData) const
{
    QByteArray bytes;
    ByteWriter writer(&bytes);
    writer.u8(requesterAddress).u8(quint8((netFn | 1) << 2 | requesterLun));
    writer.u8(checksum(bytes));
    const qsizetype bodyStart = bytes.size();
    writer.u8(responderAddress)
        .u8(quint8(requesterSequence << 2 | responderLun))
        .u8(command)
        .u8(completionCode)
        .bytes(responseData);
    writer.u8(checksum(QByteArrayView(bytes).sliced(bodyStart)));
    return bytes;
}
