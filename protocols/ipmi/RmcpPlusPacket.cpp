#include "RmcpPlusPacket.h"

#include "ByteReader.h"
#include "ByteWriter.h"
#include "IpmiCrypto.h"
#include "RmcpPacket.h"

namespace {
constexpr quint8 encryptedBit = 0x80;
constexpr quint8 authenticatedBit = 0x40;
} // namespace

std::optional<RmcpPlusPacket> RmcpPlusPacket::parse(QByteArrayView body)
{
    ByteReader reader(body);
    if ((reader.u8() & 0x0F) != authenticationRmcpPlus)
        return std::nullopt;
    RmcpPlusPacket packet;
    const quint8 type = reader.u8();
    packet.encrypted = type & encryptedBit;
    packet.authenticated = type & authenticatedBit;
    packet.payloadType = PayloadType(type & 0x3F);
    if (packet.payloadType == PayloadType::OemExplicit)
        return std::nullopt; // no OEM payloads here
    packet.sessionId = reader.u32le();
    packet.sequence = reader.u32le();
    const quint16 length = reader.u16le();
    packet.payload = reader.bytes(length);
    packet.trailer = reader.rest();
    if (!reader.isValid())
        return std::nullopt;
    return packet;
}

bool RmcpPlusPacket::hasValidAuthCode(QByteArrayView body, const Keys &keys) const
{
    const qsizetype codeLength = keys.suite.truncatedLength();
    if (!authenticated || trailer.size() < codeLength + 2)
        return false;
    const qsizetype beforeCode = trailer.size() - codeLength;
    const quint8 padLength = quint8(trailer[beforeCode - 2]);
    if (quint8(trailer[beforeCode - 1]) != nextHeader || padLength != beforeCode - 2)
        return false;
    const QByteArrayView covered = body.first(body.size() - codeLength);
    const QByteArray expected = IpmiCrypto::hmac(keys.suite.hash, keys.integrityKey, covered).first(codeLength);
    return IpmiCrypto::equalInConstantTime(expected, trailer.sliced(beforeCode));
}

std::optional<QByteArray> RmcpPlusPacket::clearPayload(const Keys &keys) const
{
    if (!encrypted)
        return payload.toByteArray();
    return IpmiCrypto::decryptPayload(keys.confidentialityKey, payload);
}

QByteArray RmcpPlusPacket::build(PayloadType type, quint32 sessionId, quint32 sequence, QByteArrayView payload,
                                 const Keys *keys)
{
    const QByteArray wirePayload =
        keys ? IpmiCrypto::encryptPayload(keys->confidentialityKey, payload) : payload.toByteArray();
    QByteArray datagram = RmcpPacket::header(RmcpPacket::classIpmi);
    const qsizetype bodyStart = datagram.size();
    ByteWriter writer(&datagram);
    writer.u8(authenticationRmcpPlus)
        .u8(quint8(type) | (keys ? encryptedBit | authenticatedBit : 0))
        .u32le(sessionId)
        .u32le(sequence)
        .u16le(quint16(wirePayload.size()))
        .bytes(wirePayload);
    if (!keys)
        return datagram;

    // The AuthCode covers a multiple of four bytes, from the authentication type to the next header.
    const qsizetype covered = datagram.size() - bodyStart + 2;
    const quint8 padLength = quint8((4 - covered % 4) % 4);
    writer.bytes(QByteArray(padLength, char(0xFF))).u8(padLength).u8(nextHeader);
    const QByteArray code =
        IpmiCrypto::hmac(keys->suite.hash, keys->integrityKey, QByteArrayView(datagram).sliced(bodyStart));
    writer.bytes(code.first(keys->suite.truncatedLength()));
    return datagram;
}
