#include "SdrBuilder.h"

#include "ByteWriter.h"

using namespace Qt::StringLiterals;

namespace {
constexpr quint8 bmcAddress = 0x20;
constexpr quint8 entitySystemManagementModule = 0x06; // the BMC board, where its temperatures are measured
constexpr quint8 entitySystemChassis = 0x17;          // the host as a whole
constexpr quint8 sensorTypeTemperature = 0x01;
constexpr quint8 sensorTypeAcpiPowerState = 0x22;
constexpr quint8 readingTypeThreshold = 0x01;
constexpr quint8 readingTypeSensorSpecific = 0x6F;
constexpr quint16 acpiWorkingAndSoftOff = 0x0021; // offsets 0 (S0/G0 working) and 5 (S5/G2 soft-off)

// Threshold bits of the masks in a full record: upper non-critical and upper critical.
constexpr quint8 upperNonCritical = 0x08;
constexpr quint8 upperCritical = 0x10;

QByteArray withHeader(quint16 recordId, quint8 type, const QByteArray &body)
{
    QByteArray record;
    ByteWriter(&record).u16le(recordId).u8(SdrBuilder::sdrVersion).u8(type).u8(quint8(body.size())).bytes(body);
    return record;
}
} // namespace

QList<QByteArray> SdrBuilder::records(const QList<SensorTable::Entry> &entries)
{
    QList<QByteArray> records;
    for (const SensorTable::Entry &entry : entries) {
        const quint16 id = quint16(records.size() + 1);
        switch (entry.type) {
        case SensorTable::Type::HostPower: records.append(hostPowerRecord(id, entry.number)); break;
        case SensorTable::Type::Temperature: records.append(temperatureRecord(id, entry.number, entry.sensor)); break;
        }
    }
    records.append(controllerLocatorRecord(quint16(records.size() + 1)));
    return records;
}

QByteArray SdrBuilder::hostPowerRecord(quint16 recordId, quint8 sensorNumber)
{
    // Table 43-2, compact sensor record.
    QByteArray body;
    ByteWriter(&body)
        .u8(bmcAddress)
        .u8(0x00) // channel 0, LUN 0
        .u8(sensorNumber)
        .u8(entitySystemChassis)
        .u8(0x01) // physical entity, instance 1
        .u8(0x63) // initialise scanning and events; events and scanning enabled
        .u8(0x42) // auto re-arm, no hysteresis, no thresholds, events only with the global switch
        .u8(sensorTypeAcpiPowerState)
        .u8(readingTypeSensorSpecific)
        .u16le(acpiWorkingAndSoftOff) // assertion event mask: qbmc logs power on and off
        .u16le(0x0000)                // no deassertion events
        .u16le(acpiWorkingAndSoftOff) // the states a reading may show
        .u8(0xC0)                     // no analog reading
        .u8(0x00)                     // no unit
        .u8(0x00)
        .u8(0x01) // one sensor, no ID string suffix
        .u8(0x00)
        .u8(0x00) // no hysteresis
        .u8(0x00)
        .u24le(0) // reserved
        .u8(0x00) // OEM
        .bytes(idString(u"Host Power"_s));
    return withHeader(recordId, compactSensorType, body);
}

QByteArray SdrBuilder::temperatureRecord(quint16 recordId, quint8 sensorNumber, const Sensor &sensor)
{
    quint8 thresholds = 0;
    if (sensor.upperWarning)
        thresholds |= upperNonCritical;
    if (sensor.upperCritical)
        thresholds |= upperCritical;
    const auto raw = [](const std::optional<double> &value) {
        return value ? SensorTable::rawTemperature(*value) : quint8(0);
    };

    // Table 43-1, full sensor record.
    QByteArray body;
    ByteWriter(&body)
        .u8(bmcAddress)
        .u8(0x00) // channel 0, LUN 0
        .u8(sensorNumber)
        .u8(entitySystemManagementModule)
        .u8(0x01) // physical entity, instance 1
        .u8(0x41) // initialise scanning; scanning enabled, no events
        .u8(quint8(0x40 | (thresholds ? 0x04 : 0x00)
                   | 0x03)) // auto re-arm, no hysteresis, thresholds readable, no events
        .u8(sensorTypeTemperature)
        .u8(readingTypeThreshold)
        .u16le(0x0000)                   // no assertion events, no lower thresholds compared
        .u16le(quint16(thresholds) << 9) // upper thresholds compared: UNC bit 12, UC bit 13
        .u16le(thresholds)               // readable thresholds; none settable
        .u8(0x80)                        // two's complement, no rate, no modifier unit
        .u8(0x01)                        // degrees C
        .u8(0x00)
        .u8(0x00) // linear
        .u8(0x01) // M = 1
        .u8(0x00) // tolerance 0
        .u8(0x00) // B = 0
        .u8(0x00) // accuracy 0
        .u8(0x00) // accuracy exponent 0, direction unspecified
        .u8(0x00) // R and B exponents 0
        .u8(0x00) // no nominal, normal maximum or minimum
        .u8(0x00)
        .u8(0x00)
        .u8(0x00)
        .u8(0x7F) // sensor maximum reading: 127
        .u8(0x80) // sensor minimum reading: -128
        .u8(0x00) // upper non-recoverable
        .u8(raw(sensor.upperCritical))
        .u8(raw(sensor.upperWarning))
        .u8(0x00) // lower thresholds
        .u8(0x00)
        .u8(0x00)
        .u8(0x00) // no hysteresis
        .u8(0x00)
        .u16le(0) // reserved
        .u8(0x00) // OEM
        .bytes(idString(sensor.name));
    return withHeader(recordId, fullSensorType, body);
}

QByteArray SdrBuilder::controllerLocatorRecord(quint16 recordId)
{
    // Table 43-8, management controller device locator.
    QByteArray body;
    ByteWriter(&body)
        .u8(bmcAddress)
        .u8(0x00) // channel 0
        .u8(0x00) // no ACPI notifications; the controller logs errors and generates events
        .u8(0x8F) // chassis, FRU inventory, SEL, SDR repository and sensor device (as Get Device ID)
        .u24le(0) // reserved
        .u8(entitySystemManagementModule)
        .u8(0x01)
        .u8(0x00) // OEM
        .bytes(idString(u"qbmc"_s));
    return withHeader(recordId, mcLocatorType, body);
}

QByteArray SdrBuilder::idString(const QString &text)
{
    QByteArray bytes;
    for (QChar character : text.first(std::min<qsizetype>(text.size(), 16))) {
        const char16_t code = character.unicode();
        bytes.append(code >= 0x20 && code < 0x7F ? char(code) : '?');
    }
    return char(0xC0 | bytes.size()) + bytes;
}
