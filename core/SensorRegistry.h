#pragma once

#include "Sensor.h"

#include <QList>
#include <QObject>

// The sensors qbmc knows, in the order they were added (IPMI numbers them in that order).
class SensorRegistry : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Adds a sensor, or replaces the one with the same id.
    void add(const Sensor &sensor);
    void remove(const QString &id);
    void setReading(const QString &id, std::optional<double> reading);

    const QList<Sensor> &sensors() const { return m_sensors; }
    std::optional<Sensor> sensor(const QString &id) const;

signals:
    void sensorsChanged();
    void readingChanged(const QString &id);

private:
    QList<Sensor> m_sensors;
};
