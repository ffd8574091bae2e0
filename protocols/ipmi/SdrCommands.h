#pragma once

#include "CommandTable.h"
#include "Reservation.h"
#include "SensorTable.h"

#include <QDateTime>
#include <QObject>

class SensorRegistry;

// Storage commands of the SDR repository: Get SDR Repository Info, Get SDR Repository Allocation
// Info, Reserve SDR Repository and Get SDR; and the sensor device's Get Device SDR Info, answered
// for the same records. The repository is read-only: its records follow the sensor table, and a
// change to the sensors counts as an addition (timestamp, cancelled reservation). Registers its
// commands in the table it is given.
class SdrCommands : public QObject
{
    Q_OBJECT
public:
    SdrCommands(const SensorRegistry *sensors, CommandTable &table, QObject *parent = nullptr);

private:
    IpmiResponse getRepositoryInfo(const IpmiRequest &request) const;
    IpmiResponse getAllocationInfo(const IpmiRequest &request) const;
    IpmiResponse reserve(const IpmiRequest &request);
    IpmiResponse getRecord(const IpmiRequest &request) const;
    IpmiResponse getDeviceSdrInfo(const IpmiRequest &request) const;

    QList<QByteArray> records() const;

    SensorTable m_table;
    Reservation m_reservation;
    QDateTime m_lastChange;
};
