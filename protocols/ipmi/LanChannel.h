#pragma once

#include <QtGlobal>

// The one LAN channel qbmc serves IPMI on. Requests may name it by number or as 0x0E, "the
// channel this request came in on".
namespace LanChannel {
constexpr quint8 number = 0x01;
constexpr quint8 current = 0x0E;
inline bool matches(quint8 channel)
{
    return (channel & 0x0F) == number || (channel & 0x0F) == current;
}
} // namespace LanChannel
