#pragma once

#include "ByteReader.h"
#include "IpmiRequest.h"
#include "IpmiResponse.h"

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

// Get LAN and Get SOL Configuration Parameters answer alike: channel, selector, then the
// parameter revision and, unless only the revision was asked for, the value `parameter` gives
// (nothing: the parameter is not supported).
template <typename Parameter>
IpmiResponse getConfigurationParameter(const IpmiRequest &request, const Parameter &parameter)
{
    constexpr quint8 parameterRevision = 0x11; // IPMI v2.0 parameter format, compatible from v1.5
    constexpr quint8 revisionOnly = 0x80;
    ByteReader reader(request.data);
    const quint8 channel = reader.u8();
    const quint8 selector = reader.u8();
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
