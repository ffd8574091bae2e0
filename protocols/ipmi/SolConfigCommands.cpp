#include "SolConfigCommands.h"

#include "ByteWriter.h"
#include "LanChannel.h"
#include "NetFn.h"
#include "ServiceSettings.h"

using namespace std::chrono_literals;

namespace {
// Parameter selectors (IPMI v2.0 table 26-5).
enum Parameter : quint8 {
    SetInProgress = 0,
    Enable = 1,
    Authentication = 2,
    Accumulate = 3,
    Retry = 4,
    NonVolatileBitRate = 5,
    VolatileBitRate = 6,
    PayloadChannel = 7,
    PayloadPort = 8,
};

// Bit rate codes of parameters 5 and 6.
constexpr std::pair<quint8, int> bitRates[] = {{6, 9600}, {7, 19200}, {8, 38400}, {9, 57600}, {10, 115200}};

quint8 bitRateCode(int bitRate)
{
    for (const auto &[code, rate] : bitRates) {
        if (rate == bitRate)
            return code;
    }
    return 0x00; // the serial port's own setting
}

std::optional<int> bitRateFromCode(quint8 code)
{
    for (const auto &[known, rate] : bitRates) {
        if (known == code)
            return rate;
    }
    return std::nullopt;
}

// The length each settable parameter's data has.
qsizetype valueLength(quint8 selector)
{
    return selector == Accumulate || selector == Retry || selector == PayloadPort ? 2 : 1;
}
} // namespace

SolConfigCommands::SolConfigCommands(ServiceSettings *settings, quint16 port, QObject *parent)
    : CommandGroup(parent)
    , m_settings(settings)
    , m_port(port)
{
}

void SolConfigCommands::registerIn(CommandTable &table)
{
    table.add({NetFn::transport, 0x22, "Get SOL Configuration Parameters", Privilege::User}, this,
              &SolConfigCommands::getParameter);
    table.add({NetFn::transport, 0x21, "Set SOL Configuration Parameters", Privilege::Administrator}, this,
              &SolConfigCommands::setParameter);
}

std::optional<QByteArray> SolConfigCommands::parameter(quint8 selector) const
{
    const ServiceSettings::SolParameters sol = m_settings->solParameters();
    QByteArray data;
    ByteWriter writer(&data);
    switch (selector) {
    case SetInProgress: writer.u8(m_setInProgress); break;
    case Enable: writer.u8(m_settings->isSolEnabled() ? 0x01 : 0x00); break;
    case Authentication:
        writer.u8(quint8((sol.forceEncryption ? 0x80 : 0x00) | (sol.forceAuthentication ? 0x40 : 0x00)
                         | quint8(Privileges::fromRole(sol.privilege))));
        break;
    case Accumulate: writer.u8(quint8(sol.accumulateInterval / 5ms)).u8(quint8(sol.sendThreshold)); break;
    case Retry: writer.u8(quint8(sol.retryCount & 0x07)).u8(quint8(sol.retryInterval / 10ms)); break;
    case NonVolatileBitRate:
    case VolatileBitRate: writer.u8(bitRateCode(sol.bitRate)); break;
    case PayloadChannel: writer.u8(LanChannel::number); break;
    case PayloadPort: writer.u16le(m_port); break;
    default: return std::nullopt;
    }
    return data;
}

IpmiResponse SolConfigCommands::getParameter(const LanChannel::GetParameterRequest &request) const
{
    return LanChannel::getConfigurationParameter(request, [this](quint8 selector) { return parameter(selector); });
}

IpmiResponse SolConfigCommands::setParameter(const LanChannel::SetParameterRequest<16> &request,
                                             const IpmiCaller &caller)
{
    const quint8 channel = request.channel;
    const quint8 selector = request.selector;
    const QByteArrayView value = request.value.value;
    if (!LanChannel::matches(channel))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    if (!parameter(selector))
        return IpmiResponse::failure(CompletionCode::ParameterNotSupported);
    if (selector == PayloadChannel || selector == PayloadPort)
        return IpmiResponse::failure(CompletionCode::ParameterReadOnly);
    if (value.size() != valueLength(selector))
        return IpmiResponse::failure(CompletionCode::RequestDataLengthInvalid);
    const CompletionCode result = setValue(selector, value, caller.user);
    return result == CompletionCode::Success ? IpmiResponse::success() : IpmiResponse::failure(result);
}

CompletionCode SolConfigCommands::setValue(quint8 selector, QByteArrayView value, const QString &user)
{
    const Actor actor = Actor::ipmi(user);
    const quint8 first = quint8(value[0]);
    ServiceSettings::SolParameters sol = m_settings->solParameters();
    switch (selector) {
    case SetInProgress:
        // Set in progress, set complete and commit write are accepted; changes apply at once.
        if (first > 0x02)
            return CompletionCode::InvalidDataField;
        m_setInProgress = first == 0x01 ? 0x01 : 0x00;
        return CompletionCode::Success;
    case Enable:
        if (first > 0x01)
            return CompletionCode::InvalidDataField;
        return m_settings->setSolEnabled(first == 0x01, actor) ? CompletionCode::InvalidDataField
                                                               : CompletionCode::Success;
    case Authentication: {
        const std::optional<Privilege> privilege = Privileges::fromByte(first);
        if ((first & 0x30) || !privilege || *privilege < Privilege::User || *privilege > Privilege::Administrator)
            return CompletionCode::InvalidDataField;
        sol.forceEncryption = first & 0x80;
        sol.forceAuthentication = first & 0x40;
        sol.privilege = Privileges::toRole(*privilege);
        break;
    }
    case Accumulate:
        sol.accumulateInterval = quint8(value[0]) * 5ms;
        sol.sendThreshold = quint8(value[1]);
        break;
    case Retry:
        if (first & 0xF8)
            return CompletionCode::InvalidDataField;
        sol.retryCount = first;
        sol.retryInterval = quint8(value[1]) * 10ms;
        break;
    case NonVolatileBitRate:
    case VolatileBitRate: {
        const std::optional<int> bitRate = bitRateFromCode(first);
        if (!bitRate)
            return CompletionCode::InvalidDataField;
        sol.bitRate = *bitRate;
        break;
    }
    default: return CompletionCode::ParameterNotSupported;
    }
    // ServiceSettings checks every value against the configuration's limits.
    return m_settings->setSolParameters(sol, actor) ? CompletionCode::InvalidDataField : CompletionCode::Success;
}
