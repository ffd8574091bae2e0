#pragma once

#include "Sensor.h"

#include <QList>

#include <optional>

class SensorRegistry;

// The sensors IPMI shows and their numbers, in one table that the SDR repository and the sensor
// readings both use: the host's power first, then every temperature of the SensorRegistry in its
// order. Kinds IPMI does not show yet (voltage, current, power, fan) are left out.
class SensorTable
{
public:
    enum class Type { HostPower, Temperature };

    struct Entry
    {
        quint8 number = 0;
        Type type = Type::HostPower;
        Sensor sensor; // the registry's sensor; empty for the host's power
    };

    explicit SensorTable(const SensorRegistry *registry)
        : m_registry(registry)
    {
    }

    QList<Entry> entries() const;
    std::optional<Entry> find(quint8 number) const;

    // Temperatures travel as whole degrees Celsius in two's complement (M = 1, B = 0, no
    // exponents): -128 to 127, rounded, and clamped at the ends.
    static quint8 rawTemperature(double celsius);

private:
    const SensorRegistry *m_registry;
};
