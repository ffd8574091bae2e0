#pragma once

#include <QtGlobal>

// Network functions of the requests qbmc answers (IPMI v2.0 table 5-1).
namespace NetFn {
constexpr quint8 chassis = 0x00;
constexpr quint8 sensorEvent = 0x04;
constexpr quint8 app = 0x06;
constexpr quint8 storage = 0x0A;
constexpr quint8 transport = 0x0C;
} // namespace NetFn
