#pragma once

#include "IpmiResponse.h"
#include "RequestFields.h"

#include <QByteArray>
#include <QtGlobal>

#include <optional>

// The one LAN channel qbmc serves IPMI on. Requests may name it by number or as 0x0E, "the
// channel this request came in on".
namespace LanChannel {
constexpr quint8 number = 0x01;
constexpr quint8 current = 0x0E;
inline bool matches(quint8 channel)
{
    return (channel & 0x0F) == number || (channel & 0x0F) == current;
}

// Get LAN and Get SOL Configuration Parameters ask alike: the channel (bit 7: only the revision),
// the parameter selector, and set and block selectors qbmc's parameters do not use.
struct GetParameterRequest
{
    quint8 channel = 0;
    quint8 selector = 0;
    quint8 setSelector = 0;
    quint8 blockSelector = 0;
    void fields(auto &visit) { visit(channel, selector, setSelector, blockSelector); }
};

// Set LAN and Set SOL Configuration Parameters: the channel, the selector, and the value.
template <qsizetype MaximumValue>
struct SetParameterRequest
{
    quint8 channel = 0;
    quint8 selector = 0;
    RequestFields::Tail<1, MaximumValue> value;
    void fields(auto &visit) { visit(channel, selector, value); }
};

// And they answer alike: the parameter revision and, unless only the revision was asked for,
// the value `parameter` gives (nothing: the parameter is not supported).
template <typename Parameter>
IpmiResponse getConfigurationParameter(const GetParameterRequest &request, const Parameter &parameter)
{
    constexpr quint8 parameterRevision = 0x11; // IPMI v2.0 parameter format, compatible from v1.5
    constexpr quint8 revisionOnly = 0x80;
    const quint8 channel = request.channel;
    const quint8 selector = request.selector;
    if (!matches(channel))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    const std::optional<QByteArray> value = parameter(selector);
    if (!value)
        return IpmiResponse::failure(CompletionCode::ParameterNotSupported);
    QByteArray data(1, char(parameterRevision));
    if (!(channel & revisionOnly))
        data += *value;
    return IpmiResponse::success(data);
}
} // namespace LanChannel
