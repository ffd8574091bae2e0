#include "ChannelCommands.h"

#include "ByteWriter.h"
#include "CipherSuite.h"
#include "IpmiSessionTable.h"
#include "LanChannel.h"
#include "NetFn.h"
#include "PayloadType.h"

namespace {
// IPMI's own IANA number (7154), as channels without an OEM name it.
constexpr quint32 ipmiForumIana = 7154;
} // namespace

struct ChannelCommands::AuthenticationCapabilitiesRequest
{
    quint8 channel = 0; // bit 7: the client can do IPMI v2.0
    quint8 privilege = 0;
    void fields(auto &visit) { visit(channel, privilege); }
};

struct ChannelCommands::CipherSuitesRequest
{
    quint8 channel = 0;
    quint8 payloadType = 0;
    quint8 selector = 0; // bit 7: list by cipher suite; bits 5:0: which 16-byte block
    void fields(auto &visit) { visit(channel, payloadType, selector); }
};

struct ChannelCommands::ChannelAccessRequest
{
    quint8 channel = 0;
    quint8 which = 0; // bits 7:6: non-volatile or present setting
    void fields(auto &visit) { visit(channel, which); }
};

struct ChannelCommands::ChannelRequest
{
    quint8 channel = 0;
    void fields(auto &visit) { visit(channel); }
};

struct ChannelCommands::PayloadVersionRequest
{
    quint8 channel = 0;
    quint8 payloadType = 0;
    void fields(auto &visit) { visit(channel, payloadType); }
};

ChannelCommands::ChannelCommands(const IpmiSessionTable *sessions, QList<int> cipherSuites, QObject *parent)
    : CommandGroup(parent)
    , m_sessions(sessions)
    , m_cipherSuites(std::move(cipherSuites))
{
}

void ChannelCommands::registerIn(CommandTable &table)
{
    using Scope = CommandTable::Scope;
    table.add(
        {NetFn::app, 0x38, "Get Channel Authentication Capabilities", Privilege::Callback, Scope::AlsoOutsideSession},
        this, &ChannelCommands::getAuthenticationCapabilities);
    table.add({NetFn::app, 0x54, "Get Channel Cipher Suites", Privilege::Callback, Scope::AlsoOutsideSession}, this,
              &ChannelCommands::getCipherSuites);
    table.add({NetFn::app, 0x41, "Get Channel Access", Privilege::User}, this, &ChannelCommands::getChannelAccess);
    table.add({NetFn::app, 0x42, "Get Channel Info", Privilege::User}, this, &ChannelCommands::getChannelInfo);
    table.add({NetFn::app, 0x4E, "Get Channel Payload Support", Privilege::User}, this,
              &ChannelCommands::getPayloadSupport);
    table.add({NetFn::app, 0x4F, "Get Channel Payload Version", Privilege::User}, this,
              &ChannelCommands::getPayloadVersion);
}

IpmiResponse ChannelCommands::getAuthenticationCapabilities(const AuthenticationCapabilitiesRequest &request) const
{
    if (!LanChannel::matches(request.channel) || !Privileges::fromByte(request.privilege))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    const bool wantsIpmi20 = request.channel & 0x80;

    QByteArray data;
    ByteWriter(&data)
        .u8(LanChannel::number)
        // No IPMI v1.5 authentication types at all: RMCP+ only, so `-I lan` is refused cleanly.
        .u8(wantsIpmi20 ? 0x80 : 0x00)
        // Non-null user names only: no null user, no anonymous login; per-message and user-level
        // authentication on; KG is the default (unset).
        .u8(0x04)
        .u8(wantsIpmi20 ? 0x02 : 0x00) // IPMI v2.0 connections, and none in IPMI v1.5
        .u24le(0)                      // no OEM
        .u8(0);
    return IpmiResponse::success(data);
}

IpmiResponse ChannelCommands::getCipherSuites(const CipherSuitesRequest &request) const
{
    if (!LanChannel::matches(request.channel) || (request.payloadType & 0x3F) != quint8(PayloadType::Ipmi))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    const bool byCipherSuite = request.selector & 0x80;
    const int index = request.selector & 0x3F;

    // Every suite as a record: start of record, suite id, then its algorithms tagged
    // authentication (00b), integrity (01b) and confidentiality (10b) in bits 7:6.
    QByteArray records;
    ByteWriter writer(&records);
    for (int id : m_cipherSuites) {
        const std::optional<CipherSuite> suite = CipherSuite::byId(quint8(id));
        if (!suite)
            continue;
        if (byCipherSuite)
            writer.u8(0xC0).u8(suite->id);
        writer.u8(suite->authentication).u8(0x40 | suite->integrity).u8(0x80 | suite->confidentiality);
    }
    // The data comes 16 bytes a request; a short answer tells the client it has it all.
    QByteArray data(1, char(LanChannel::number));
    data += records.mid(index * 16, 16);
    return IpmiResponse::success(data);
}

IpmiResponse ChannelCommands::getChannelAccess(const ChannelAccessRequest &request) const
{
    const quint8 which = request.which >> 6;
    if (!LanChannel::matches(request.channel) || which == 0 || which == 3)
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    // Always available, PEF alerting off; channel privilege limit Administrator.
    const char bytes[] = {char(0x22), char(quint8(Privilege::Administrator))};
    return IpmiResponse::success(QByteArray(bytes, sizeof bytes));
}

IpmiResponse ChannelCommands::getChannelInfo(const ChannelRequest &request) const
{
    if (!LanChannel::matches(request.channel))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    QByteArray data;
    ByteWriter(&data)
        .u8(LanChannel::number)
        .u8(0x04)                                              // medium: 802.3 LAN
        .u8(0x01)                                              // protocol: IPMB-1.0, as LAN channels report
        .u8(quint8(0x80 | (m_sessions->activeCount() & 0x3F))) // multi-session
        .u24le(ipmiForumIana)
        .u16le(0);
    return IpmiResponse::success(data);
}

IpmiResponse ChannelCommands::getPayloadSupport(const ChannelRequest &request) const
{
    if (!LanChannel::matches(request.channel))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    // Bit masks of standard payload types 0-15, session setup types 16-31, OEM 32-47, reserved.
    QByteArray data(8, '\0');
    data[0] = char(0x03); // IPMI messages and Serial-over-LAN
    data[2] = char(0x3F); // Open Session request/response, RAKP 1-4
    return IpmiResponse::success(data);
}

IpmiResponse ChannelCommands::getPayloadVersion(const PayloadVersionRequest &request) const
{
    if (!LanChannel::matches(request.channel))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    const quint8 type = request.payloadType;
    const bool carried = type == quint8(PayloadType::Ipmi) || type == quint8(PayloadType::Sol)
        || (type >= quint8(PayloadType::OpenSessionRequest) && type <= quint8(PayloadType::Rakp4));
    if (!carried)
        return IpmiResponse::failure(CompletionCode(0x80));  // payload type not available on this channel
    return IpmiResponse::success(QByteArray(1, char(0x10))); // format version 1.0
}
