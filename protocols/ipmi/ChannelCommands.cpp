#include "ChannelCommands.h"

#include "ByteReader.h"
#include "ByteWriter.h"
#include "CipherSuite.h"
#include "LanChannel.h"
#include "NetFn.h"
#include "PayloadType.h"
#include "SessionManager.h"

namespace {
// IPMI's own IANA number (7154), as channels without an OEM name it.
constexpr quint32 ipmiForumIana = 7154;
} // namespace

ChannelCommands::ChannelCommands(SessionManager *sessions)
    : m_sessions(sessions)
{
}

void ChannelCommands::registerIn(CommandTable &table)
{
    using Scope = CommandTable::Scope;
    table.add({NetFn::app, 0x38, "Get Channel Authentication Capabilities", Privilege::Callback, 2, 2,
               [this](const IpmiRequest &request) { return getAuthenticationCapabilities(request); },
               Scope::AlsoOutsideSession});
    table.add({NetFn::app, 0x54, "Get Channel Cipher Suites", Privilege::Callback, 3, 3,
               [this](const IpmiRequest &request) { return getCipherSuites(request); }, Scope::AlsoOutsideSession});
    table.add({NetFn::app, 0x41, "Get Channel Access", Privilege::User, 2, 2,
               [this](const IpmiRequest &request) { return getChannelAccess(request); }});
    table.add({NetFn::app, 0x42, "Get Channel Info", Privilege::User, 1, 1,
               [this](const IpmiRequest &request) { return getChannelInfo(request); }});
    table.add({NetFn::app, 0x4E, "Get Channel Payload Support", Privilege::User, 1, 1,
               [this](const IpmiRequest &request) { return getPayloadSupport(request); }});
    table.add({NetFn::app, 0x4F, "Get Channel Payload Version", Privilege::User, 2, 2,
               [this](const IpmiRequest &request) { return getPayloadVersion(request); }});
}

IpmiResponse ChannelCommands::getAuthenticationCapabilities(const IpmiRequest &request) const
{
    ByteReader reader(request.data);
    const quint8 channel = reader.u8();
    if (!LanChannel::matches(channel) || !Privileges::fromByte(reader.u8()))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    const bool wantsIpmi20 = channel & 0x80;

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

IpmiResponse ChannelCommands::getCipherSuites(const IpmiRequest &request) const
{
    ByteReader reader(request.data);
    const quint8 channel = reader.u8();
    const quint8 payloadType = reader.u8() & 0x3F;
    const quint8 selector = reader.u8();
    if (!LanChannel::matches(channel) || payloadType != quint8(PayloadType::Ipmi))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    const bool byCipherSuite = selector & 0x80;
    const int index = selector & 0x3F;

    // Every suite as a record: start of record, suite id, then its algorithms tagged
    // authentication (00b), integrity (01b) and confidentiality (10b) in bits 7:6.
    QByteArray records;
    ByteWriter writer(&records);
    for (int id : m_sessions->cipherSuites()) {
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

IpmiResponse ChannelCommands::getChannelAccess(const IpmiRequest &request) const
{
    ByteReader reader(request.data);
    const quint8 channel = reader.u8();
    const quint8 which = reader.u8() >> 6;
    if (!LanChannel::matches(channel) || which == 0 || which == 3)
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    // Always available, PEF alerting off; channel privilege limit Administrator.
    const char bytes[] = {char(0x22), char(quint8(Privilege::Administrator))};
    return IpmiResponse::success(QByteArray(bytes, sizeof bytes));
}

IpmiResponse ChannelCommands::getChannelInfo(const IpmiRequest &request) const
{
    if (!LanChannel::matches(quint8(request.data[0])))
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

IpmiResponse ChannelCommands::getPayloadSupport(const IpmiRequest &request) const
{
    if (!LanChannel::matches(quint8(request.data[0])))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    // Bit masks of standard payload types 0-15, session setup types 16-31, OEM 32-47, reserved.
    QByteArray data(8, '\0');
    data[0] = char(0x03); // IPMI messages and Serial-over-LAN
    data[2] = char(0x3F); // Open Session request/response, RAKP 1-4
    return IpmiResponse::success(data);
}

IpmiResponse ChannelCommands::getPayloadVersion(const IpmiRequest &request) const
{
    if (!LanChannel::matches(quint8(request.data[0])))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    const quint8 type = quint8(request.data[1]);
    const bool carried = type == quint8(PayloadType::Ipmi) || type == quint8(PayloadType::Sol)
        || (type >= quint8(PayloadType::OpenSessionRequest) && type <= quint8(PayloadType::Rakp4));
    if (!carried)
        return IpmiResponse::failure(CompletionCode(0x80));  // payload type not available on this channel
    return IpmiResponse::success(QByteArray(1, char(0x10))); // format version 1.0
}
