#pragma once

#include "CommandGroup.h"
#include "SensorTable.h"

class PowerController;
class SensorRegistry;

// Sensor/Event commands that read the sensors of the SDR repository: Get Sensor Reading, Get
// Sensor Thresholds, Get Sensor Event Enable and Get Sensor Hysteresis. Sensor numbers come from
// the SensorTable; an unknown number is "not present".
class SensorCommands : public CommandGroup
{
    Q_OBJECT
public:
    SensorCommands(const SensorRegistry *sensors, const PowerController *power, QObject *parent = nullptr);
    void registerIn(CommandTable &table) override;

private:
    struct SensorRequest;
    struct HysteresisRequest;

    IpmiResponse getReading(const SensorRequest &request) const;
    IpmiResponse getThresholds(const SensorRequest &request) const;
    IpmiResponse getEventEnable(const SensorRequest &request) const;
    IpmiResponse getHysteresis(const HysteresisRequest &request) const;

    QByteArray hostPowerReading() const;
    static QByteArray temperatureReading(const Sensor &sensor);

    SensorTable m_table;
    const PowerController *m_power;
};
