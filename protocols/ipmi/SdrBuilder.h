#pragma once

#include "SensorTable.h"

#include <QByteArray>
#include <QList>

// The records of the SDR repository (IPMI v2.0 section 43), built from the sensor table: a compact
// sensor record for the host's power (System ACPI Power State), a full sensor record for each
// temperature, and the management controller device locator of the BMC itself. Record ids count
// from 1 in that order.
class SdrBuilder
{
public:
    static constexpr quint8 sdrVersion = 0x51;
    static constexpr quint8 fullSensorType = 0x01;
    static constexpr quint8 compactSensorType = 0x02;
    static constexpr quint8 mcLocatorType = 0x12;

    static QList<QByteArray> records(const QList<SensorTable::Entry> &entries);

    static QByteArray hostPowerRecord(quint16 recordId, quint8 sensorNumber);
    static QByteArray temperatureRecord(quint16 recordId, quint8 sensorNumber, const Sensor &sensor);
    static QByteArray controllerLocatorRecord(quint16 recordId);

    // An ID string as 8-bit ASCII with its type/length byte: at most 16 bytes, and characters
    // beyond ASCII become '?' (clients decode these bytes differently).
    static QByteArray idString(const QString &text);
};
