#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>

class SensorRegistry;

// The BMC board's own temperatures, from the kernel's thermal zones
// (/sys/class/thermal/thermal_zone*/type and temp, in millidegrees Celsius), polled into the
// SensorRegistry. A machine without thermal zones simply has no such sensors.
class ThermalZoneSensors : public QObject
{
    Q_OBJECT
public:
    ThermalZoneSensors(SensorRegistry *registry, QString sysfsRoot = QStringLiteral("/sys/class/thermal"),
                       std::chrono::milliseconds interval = std::chrono::seconds(5), QObject *parent = nullptr);

    // Finds the zones, registers one sensor each and reads them; then polls every interval.
    void start();
    int zoneCount() const { return int(m_zones.size()); }

private:
    void poll();

    SensorRegistry *m_registry;
    QString m_root;
    QStringList m_zones; // zone directory names, e.g. "thermal_zone0"
    QTimer m_timer;
};
