#pragma once

#include "RouteTable.h"

#include <QObject>

class Bmc;

// The host's chassis: power state, the identify indicator IPMI's Chassis Identify also drives
// (IndicatorLED and LocationIndicatorActive), and the Sensors IPMI's SDR shows.
class ChassisResource : public QObject
{
    Q_OBJECT
public:
    ChassisResource(Bmc *bmc, RouteTable &routes, QObject *parent = nullptr);

private:
    RedfishReply get() const;
    RedfishReply patch(const RedfishRequest &request);
    RedfishReply sensors() const;
    RedfishReply sensor(const QString &id) const;

    Bmc *m_bmc;
};
