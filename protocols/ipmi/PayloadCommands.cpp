#include "PayloadCommands.h"

#include "ByteWriter.h"
#include "NetFn.h"
#include "PayloadType.h"
#include "SolPayload.h"

namespace {
constexpr quint8 solInstance = 1;
constexpr quint8 encryptPayload = 0x80; // activation auxiliary data, byte 1
constexpr quint16 noVlan = 0xFFFF;

// Payload type and instance most of these requests start with; only SoL instance 1 exists.
bool isSolInstance(quint8 payloadType, quint8 instance)
{
    return (payloadType & 0x3F) == quint8(PayloadType::Sol) && (instance & 0x0F) == solInstance;
}
} // namespace

// Activate and Deactivate Payload.
struct PayloadCommands::ActivationRequest
{
    quint8 payloadType = 0;
    quint8 instance = 0;
    quint8 options = 0; // auxiliary data, byte 1: bit 7 asks for encryption (activation only)
    RequestFields::Bytes<3> auxiliary;
    void fields(auto &visit) { visit(payloadType, instance, options, auxiliary); }
};

struct PayloadCommands::StatusRequest
{
    quint8 payloadType = 0;
    void fields(auto &visit) { visit(payloadType); }
};

struct PayloadCommands::InstanceRequest
{
    quint8 payloadType = 0;
    quint8 instance = 0;
    void fields(auto &visit) { visit(payloadType, instance); }
};

PayloadCommands::PayloadCommands(SolPayload *sol, std::function<quint16()> port, QObject *parent)
    : CommandGroup(parent)
    , m_sol(sol)
    , m_port(std::move(port))
{
}

void PayloadCommands::registerIn(CommandTable &table)
{
    table.add({NetFn::app, 0x48, "Activate Payload", Privilege::User}, this, &PayloadCommands::activate);
    table.add({NetFn::app, 0x49, "Deactivate Payload", Privilege::User}, this, &PayloadCommands::deactivate);
    table.add({NetFn::app, 0x4A, "Get Payload Activation Status", Privilege::User}, this,
              &PayloadCommands::activationStatus);
    table.add({NetFn::app, 0x4B, "Get Payload Instance Info", Privilege::User}, this, &PayloadCommands::instanceInfo);
}

IpmiResponse PayloadCommands::activate(const ActivationRequest &request, const IpmiCaller &caller)
{
    if (!isSolInstance(request.payloadType, request.instance))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    const bool encrypted = request.options & encryptPayload;
    const CompletionCode result = m_sol->activate(caller.sessionId, caller.user, caller.privilege, encrypted);
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

IpmiResponse PayloadCommands::deactivate(const ActivationRequest &request, const IpmiCaller &caller)
{
    if (!isSolInstance(request.payloadType, request.instance))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    const CompletionCode result = m_sol->deactivate(caller.sessionId, caller.user, caller.privilege);
    return result == CompletionCode::Success ? IpmiResponse::success() : IpmiResponse::failure(result);
}

IpmiResponse PayloadCommands::activationStatus(const StatusRequest &request) const
{
    if ((request.payloadType & 0x3F) != quint8(PayloadType::Sol))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    QByteArray data;
    ByteWriter(&data).u8(solInstance).u16le(m_sol->isActive() ? 0x0001 : 0x0000); // capacity, then instances 1-16
    return IpmiResponse::success(data);
}

IpmiResponse PayloadCommands::instanceInfo(const InstanceRequest &request) const
{
    if (!isSolInstance(request.payloadType, request.instance))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    QByteArray data;
    ByteWriter(&data)
        .u32le(m_sol->ownerSession())  // 0 when inactive
        .u8(m_sol->isActive() ? 1 : 0) // the serial port it uses
        .bytes(QByteArray(7, '\0'));
    return IpmiResponse::success(data);
}
