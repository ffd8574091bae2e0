#pragma once

#include <QtGlobal>

// The sensor numbers qbmc uses, in one place: the SDR repository, the sensor readings and the
// SEL records qbmc generates for its own events all name sensors by these numbers.
namespace SensorNumbers {
// The host's power as a System ACPI Power State sensor (the SDR's compact record).
constexpr quint8 hostPower = 0x01;
// Readings from the SensorRegistry, in its order.
constexpr quint8 firstRegistrySensor = 0x02;
constexpr quint8 lastRegistrySensor = 0xDF;
// Sensors that only ever appear in SEL records (no SDR, no reading): qbmc's own events.
constexpr quint8 powerUnit = 0xE0;
constexpr quint8 sessionAudit = 0xE1;
constexpr quint8 eventLogging = 0xE2;
constexpr quint8 systemEvent = 0xE3;
} // namespace SensorNumbers
