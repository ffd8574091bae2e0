#include "SensorRegistry.h"

void SensorRegistry::add(const Sensor &sensor)
{
    const auto it =
        std::find_if(m_sensors.begin(), m_sensors.end(), [&](const Sensor &s) { return s.id == sensor.id; });
    if (it != m_sensors.end())
        *it = sensor;
    else
        m_sensors.append(sensor);
    emit sensorsChanged();
}

void SensorRegistry::remove(const QString &id)
{
    if (m_sensors.removeIf([&](const Sensor &s) { return s.id == id; }) > 0)
        emit sensorsChanged();
}

void SensorRegistry::setReading(const QString &id, std::optional<double> reading)
{
    for (Sensor &sensor : m_sensors) {
        if (sensor.id == id && sensor.reading != reading) {
            sensor.reading = reading;
            emit readingChanged(id);
        }
    }
}

std::optional<Sensor> SensorRegistry::sensor(const QString &id) const
{
    for (const Sensor &sensor : m_sensors) {
        if (sensor.id == id)
            return sensor;
    }
    return std::nullopt;
}
