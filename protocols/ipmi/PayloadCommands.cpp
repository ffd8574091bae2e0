#include "PayloadCommands.h"

#include "ByteReader.h"
#include "ByteWriter.h"
#include "NetFn.h"
#include "PayloadType.h"
#include "SolPayload.h"

namespace {
constexpr quint8 solInstance = 1;
constexpr quint8 encryptPayload = 0x80; // activation auxiliary data, byte 1
constexpr quint16 noVlan = 0xFFFF;

// Payload type and instance every one of these requests starts with; only SoL instance 1 exists.
bool isSolInstance(ByteReader &reader)
{
    const quint8 type = reader.u8() & 0x3F;
    const quint8 instance = reader.u8() & 0x0F;
    return type == quint8(PayloadType::Sol) && instance == solInstance;
}
} // namespace

PayloadCommands::PayloadCommands(SolPayload *sol, std::function<quint16()> port, CommandTable &table, QObject *parent)
    : QObject(parent)
    , m_sol(sol)
    , m_port(std::move(port))
{
    table.add({NetFn::app, 0x48, "Activate Payload", Privilege::User, 6, 6,
               [this](const IpmiRequest &request) { return activate(request); }});
    table.add({NetFn::app, 0x49, "Deactivate Payload", Privilege::User, 6, 6,
               [this](const IpmiRequest &request) { return deactivate(request); }});
    table.add({NetFn::app, 0x4A, "Get Payload Activation Status", Privilege::User, 1, 1,
               [this](const IpmiRequest &request) { return activationStatus(request); }});
    table.add({NetFn::app, 0x4B, "Get Payload Instance Info", Privilege::User, 2, 2,
               [this](const IpmiRequest &request) { return instanceInfo(request); }});
}

IpmiResponse PayloadCommands::activate(const IpmiRequest &request)
{
    ByteReader reader(request.data);
    if (!isSolInstance(reader))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    const bool encrypted = reader.u8() & encryptPayload;
    const CompletionCode result = m_sol->activate(request.sessionId, request.user, request.privilege, encrypted);
    if (result != CompletionCode::Success)
        return IpmiResponse::failure(result);
    QByteArray data;
    ByteWriter(&data)
        .u32le(0)                       // auxiliary data: no test mode, nothing else to report
        .u16le(SolPayload::payloadSize) // inbound: console to BMC
        .u16le(SolPayload::payloadSize) // outbound: BMC to console
        .u16le(m_port())
        .u16le(noVlan);
    return IpmiResponse::success(data);
}

IpmiResponse PayloadCommands::deactivate(const IpmiRequest &request)
{
    ByteReader reader(request.data);
    if (!isSolInstance(reader))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    const CompletionCode result = m_sol->deactivate(request.sessionId, request.user, request.privilege);
    return result == CompletionCode::Success ? IpmiResponse::success() : IpmiResponse::failure(result);
}

IpmiResponse PayloadCommands::activationStatus(const IpmiRequest &request) const
{
    const quint8 type = quint8(request.data[0]) & 0x3F;
    if (type != quint8(PayloadType::Sol))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    QByteArray data;
    ByteWriter(&data).u8(solInstance).u16le(m_sol->isActive() ? 0x0001 : 0x0000); // capacity, then instances 1-16
    return IpmiResponse::success(data);
}

IpmiResponse PayloadCommands::instanceInfo(const IpmiRequest &request) const
{
    ByteReader reader(request.data);
    if (!isSolInstance(reader))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    QByteArray data;
    ByteWriter(&data)
        .u32le(m_sol->ownerSession())  // 0 when inactive
        .u8(m_sol->isActive() ? 1 : 0) // the serial port it uses
        .bytes(QByteArray(7, '\0'));
    return IpmiResponse::success(data);
}
