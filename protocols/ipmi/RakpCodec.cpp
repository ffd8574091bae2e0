#include "RakpCodec.h"

#include "ByteReader.h"
#include "ByteWriter.h"

namespace {
constexpr int randomLength = 16;
constexpr quint8 authenticationPayload = 0x00;
constexpr quint8 integrityPayload = 0x01;
constexpr quint8 confidentialityPayload = 0x02;

// An algorithm payload of Open Session (IPMI v2.0 table 13-17): type, reserved, length 8,
// algorithm, reserved.
std::optional<quint8> readAlgorithm(ByteReader &reader, quint8 expectedType)
{
    const quint8 type = reader.u8();
    reader.skip(2);
    const quint8 length = reader.u8();
    const quint8 algorithm = reader.u8() & 0x3F;
    reader.skip(3);
    if (type != expectedType || length != 8)
        return std::nullopt;
    return algorithm;
}

void writeAlgorithm(ByteWriter &writer, quint8 type, quint8 algorithm)
{
    writer.u8(type).u16le(0).u8(8).u8(algorithm).padded({}, 3);
}
} // namespace

std::optional<RakpCodec::OpenSessionRequest> RakpCodec::parseOpenSessionRequest(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return std::nullopt;
    ByteReader reader(bytes);
    OpenSessionRequest request;
    request.tag = reader.u8();
    request.privilege = reader.u8() & 0x0F;
    reader.skip(2);
    request.consoleId = reader.u32le();
    request.authentication = readAlgorithm(reader, authenticationPayload);
    request.integrity = readAlgorithm(reader, integrityPayload);
    request.confidentiality = readAlgorithm(reader, confidentialityPayload);
    request.complete = reader.isValid();
    return request;
}

std::optional<RakpCodec::Rakp1> RakpCodec::parseRakp1(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return std::nullopt;
    ByteReader reader(bytes);
    Rakp1 message;
    message.tag = reader.u8();
    reader.skip(3);
    message.sessionId = reader.u32le();
    message.consoleRandom = reader.bytes(randomLength).toByteArray();
    message.role = reader.u8();
    reader.skip(2);
    message.nameLength = reader.u8();
    message.headerComplete = reader.isValid();
    message.name = reader.bytes(message.nameLength).toByteArray();
    message.nameComplete = reader.isValid();
    return message;
}

std::optional<RakpCodec::Rakp3> RakpCodec::parseRakp3(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return std::nullopt;
    ByteReader reader(bytes);
    Rakp3 message;
    message.tag = reader.u8();
    message.status = reader.u8();
    reader.skip(2);
    message.sessionId = reader.u32le();
    message.authCode = reader.rest().toByteArray();
    message.complete = reader.isValid();
    return message;
}

QByteArray RakpCodec::statusReply(quint8 tag, Status status, quint32 consoleId)
{
    QByteArray reply;
    ByteWriter(&reply).u8(tag).u8(quint8(status)).u16le(0).u32le(consoleId);
    return reply;
}

QByteArray RakpCodec::openSessionResponse(quint8 tag, quint8 privilege, quint32 consoleId, quint32 sessionId,
                                          const CipherSuite &suite)
{
    QByteArray reply;
    ByteWriter writer(&reply);
    writer.u8(tag).u8(quint8(Status::Success)).u8(privilege).u8(0).u32le(consoleId).u32le(sessionId);
    writeAlgorithm(writer, authenticationPayload, suite.authentication);
    writeAlgorithm(writer, integrityPayload, suite.integrity);
    writeAlgorithm(writer, confidentialityPayload, suite.confidentiality);
    return reply;
}

QByteArray RakpCodec::rakp2(quint8 tag, quint32 consoleId, QByteArrayView bmcRandom, QByteArrayView systemGuid,
                            QByteArrayView authCode)
{
    QByteArray reply;
    ByteWriter(&reply)
        .u8(tag)
        .u8(quint8(Status::Success))
        .u16le(0)
        .u32le(consoleId)
        .bytes(bmcRandom)
        .bytes(systemGuid)
        .bytes(authCode);
    return reply;
}

QByteArray RakpCodec::rakp4(quint8 tag, quint32 consoleId, QByteArrayView integrityCheckValue)
{
    QByteArray reply;
    ByteWriter(&reply).u8(tag).u8(quint8(Status::Success)).u16le(0).u32le(consoleId).bytes(integrityCheckValue);
    return reply;
}
