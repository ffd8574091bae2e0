#include "SensorTable.h"

#include "SensorNumbers.h"
#include "SensorRegistry.h"

#include <cmath>

QList<SensorTable::Entry> SensorTable::entries() const
{
    QList<Entry> entries{{SensorNumbers::hostPower, Type::HostPower, {}}};
    quint8 number = SensorNumbers::firstRegistrySensor;
    for (const Sensor &sensor : m_registry->sensors()) {
        if (sensor.kind != Sensor::Kind::Temperature)
            continue;
        if (number > SensorNumbers::lastRegistrySensor)
            break;
        entries.append({number++, Type::Temperature, sensor});
    }
    return entries;
}

std::optional<SensorTable::Entry> SensorTable::find(quint8 number) const
{
    for (const Entry &entry : entries()) {
        if (entry.number == number)
            return entry;
    }
    return std::nullopt;
}

quint8 SensorTable::rawTemperature(double celsius)
{
    if (std::isnan(celsius))
        return 0;
    const double rounded = std::clamp(std::round(celsius), -128.0, 127.0);
    return quint8(qint8(rounded));
}
