#include "LanConfigCommands.h"

#include "ByteWriter.h"
#include "LanChannel.h"
#include "NetFn.h"
#include "NetworkFacts.h"

#include <QHostAddress>

namespace {
// Parameter selectors (IPMI v2.0 table 23-4).
enum Parameter : quint8 {
    SetInProgress = 0,
    AuthenticationTypeSupport = 1,
    AuthenticationTypeEnables = 2,
    IpAddress = 3,
    IpAddressSource = 4,
    MacAddress = 5,
    SubnetMask = 6,
    DefaultGateway = 12,
    DefaultGatewayMac = 13,
    VlanId = 20,
    VlanPriority = 21,
    CipherSuiteEntrySupport = 22,
    CipherSuiteEntries = 23,
    CipherSuitePrivileges = 24,
};

QByteArray ipv4(const QString &text)
{
    bool ok = false;
    const quint32 address = QHostAddress(text).toIPv4Address(&ok);
    QByteArray bytes;
    ByteWriter(&bytes).u32be(ok ? address : 0);
    return bytes;
}

QByteArray mac(const QString &text)
{
    const QByteArray bytes = QByteArray::fromHex(text.toLatin1().replace(':', QByteArray()));
    return bytes.size() == 6 ? bytes : QByteArray(6, '\0');
}

quint8 addressSource(NetworkFacts::AddressSource source)
{
    switch (source) {
    case NetworkFacts::AddressSource::Static: return 0x01;
    case NetworkFacts::AddressSource::Dhcp: return 0x02;
    case NetworkFacts::AddressSource::Unknown: break;
    }
    return 0x00; // unspecified
}
} // namespace

LanConfigCommands::LanConfigCommands(const NetworkFacts *facts, QList<int> cipherSuites, QObject *parent)
    : CommandGroup(parent)
    , m_facts(facts)
    , m_cipherSuites(std::move(cipherSuites))
{
}

void LanConfigCommands::registerIn(CommandTable &table)
{
    table.add({NetFn::transport, 0x02, "Get LAN Configuration Parameters", Privilege::User}, this,
              &LanConfigCommands::getParameter);
    table.add({NetFn::transport, 0x01, "Set LAN Configuration Parameters", Privilege::Administrator}, this,
              &LanConfigCommands::setParameter);
}

std::optional<QByteArray> LanConfigCommands::parameter(quint8 selector) const
{
    // Read from the system only for the parameters that show it.
    const auto facts = [this] { return m_facts ? m_facts->primaryInterface() : NetworkFacts::Interface{}; };
    QByteArray data;
    ByteWriter writer(&data);
    switch (selector) {
    case SetInProgress: writer.u8(m_setInProgress); break;
    case AuthenticationTypeSupport: writer.u8(0x00); break; // RMCP+ only: none of IPMI v1.5's types
    case AuthenticationTypeEnables: writer.bytes(QByteArray(5, '\0')); break;
    case IpAddress: writer.bytes(ipv4(facts().ipv4Address)); break;
    case IpAddressSource: writer.u8(addressSource(facts().source)); break;
    case MacAddress: writer.bytes(mac(facts().macAddress)); break;
    case SubnetMask: writer.bytes(ipv4(facts().ipv4Netmask)); break;
    case DefaultGateway: writer.bytes(ipv4(facts().ipv4Gateway)); break;
    case DefaultGatewayMac: writer.bytes(mac(facts().gatewayMacAddress)); break;
    case VlanId: writer.u16le(0x0000); break; // disabled
    case VlanPriority: writer.u8(0x00); break;
    case CipherSuiteEntrySupport: writer.u8(quint8(m_cipherSuites.size())); break;
    case CipherSuiteEntries:
        writer.u8(0x00); // reserved
        for (int id : m_cipherSuites)
            writer.u8(quint8(id));
        break;
    case CipherSuitePrivileges: {
        // One nibble per entry, entry 0 in the low nibble of the first byte: each suite allows up
        // to Administrator, the channel's limit; unused entries are 0.
        QByteArray levels(8, '\0');
        for (qsizetype i = 0; i < std::min<qsizetype>(m_cipherSuites.size(), 16); ++i)
            levels[i / 2] = char(quint8(levels[i / 2]) | quint8(Privilege::Administrator) << (i % 2 * 4));
        writer.u8(0x00).bytes(levels); // reserved, then the levels
        break;
    }
    default: return std::nullopt;
    }
    return data;
}

IpmiResponse LanConfigCommands::getParameter(const LanChannel::GetParameterRequest &request) const
{
    return LanChannel::getConfigurationParameter(request, [this](quint8 selector) { return parameter(selector); });
}

IpmiResponse LanConfigCommands::setParameter(const LanChannel::SetParameterRequest<64> &request)
{
    const quint8 channel = request.channel;
    const quint8 selector = request.selector;
    const QByteArrayView value = request.value.value;
    if (!LanChannel::matches(channel))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    if (selector != SetInProgress)
        return IpmiResponse::failure(parameter(selector) ? CompletionCode::ParameterReadOnly
                                                         : CompletionCode::ParameterNotSupported);
    // Set in progress, set complete and commit write are accepted; nothing is ever written.
    if (value.size() != 1)
        return IpmiResponse::failure(CompletionCode::RequestDataLengthInvalid);
    const quint8 state = quint8(value[0]) & 0x03;
    if (state == 0x03 || (quint8(value[0]) & 0xFC))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    m_setInProgress = state == 0x01 ? 0x01 : 0x00;
    return IpmiResponse::success();
}
