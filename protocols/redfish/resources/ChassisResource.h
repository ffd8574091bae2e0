#pragma once

#include "HostInventory.h"
#include "RedfishResource.h"

class ChassisIdentify;
class PowerController;
class SensorRegistry;

// The host's chassis: what it holds (the FRU board area's inventory, the product's asset tag),
// power state, the identify indicator IPMI's Chassis Identify also drives
// (IndicatorLED and LocationIndicatorActive), and the Sensors IPMI's SDR shows.
class ChassisResource : public RedfishResource
{
    Q_OBJECT
public:
    ChassisResource(const PowerController *power, ChassisIdentify *identify, const SensorRegistry *sensors,
                    HostInventory inventory, QObject *parent = nullptr);
    void registerIn(ServiceDirectory &directory) override;

private:
    RedfishReply collection() const;
    RedfishReply get() const;
    RedfishReply patch(const RedfishRequest &request);
    RedfishReply sensors() const;
    RedfishReply sensor(const RedfishRequest &request) const;

    const PowerController *m_power;
    ChassisIdentify *m_identify;
    const SensorRegistry *m_sensors;
    HostInventory m_inventory;
};
