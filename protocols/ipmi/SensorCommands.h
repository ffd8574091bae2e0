#pragma once

#include "CommandTable.h"
#include "SensorTable.h"

#include <QObject>

class PowerController;
class SensorRegistry;

// Sensor/Event commands that read the sensors of the SDR repository: Get Sensor Reading, Get
// Sensor Thresholds, Get Sensor Event Enable and Get Sensor Hysteresis. Sensor numbers come from
// the SensorTable; an unknown number is "not present". Registers its commands in the table it is
// given.
class SensorCommands : public QObject
{
    Q_OBJECT
public:
    SensorCommands(const SensorRegistry *sensors, const PowerController *power, CommandTable &table,
                   QObject *parent = nullptr);

private:
    IpmiResponse getReading(const IpmiRequest &request) const;
    IpmiResponse getThresholds(const IpmiRequest &request) const;
    IpmiResponse getEventEnable(const IpmiRequest &request) const;
    IpmiResponse getHysteresis(const IpmiRequest &request) const;

    QByteArray hostPowerReading() const;
    static QByteArray temperatureReading(const Sensor &sensor);

    SensorTable m_table;
    const PowerController *m_power;
};
