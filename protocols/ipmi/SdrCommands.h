#pragma once

#include "CommandGroup.h"
#include "Reservation.h"
#include "SensorTable.h"

#include <QDateTime>

class SensorRegistry;

// Storage commands of the SDR repository: Get SDR Repository Info, Get SDR Repository Allocation
// Info, Reserve SDR Repository and Get SDR; and the sensor device's Get Device SDR Info, answered
// for the same records. The repository is read-only: its records follow the sensor table, and a
// change to the sensors counts as an addition (timestamp, cancelled reservation).
class SdrCommands : public CommandGroup
{
    Q_OBJECT
public:
    explicit SdrCommands(const SensorRegistry *sensors, QObject *parent = nullptr);
    void registerIn(CommandTable &table) override;

private:
    using None = RequestFields::None;
    struct GetRecordRequest;
    struct DeviceSdrInfoRequest;

    IpmiResponse getRepositoryInfo(const None &) const;
    IpmiResponse getAllocationInfo(const None &) const;
    IpmiResponse reserve(const None &);
    IpmiResponse getRecord(const GetRecordRequest &request) const;
    IpmiResponse getDeviceSdrInfo(const DeviceSdrInfoRequest &request) const;

    QList<QByteArray> records() const;

    SensorTable m_table;
    Reservation m_reservation;
    QDateTime m_lastChange;
};
