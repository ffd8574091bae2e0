#include "SensorCommands.h"

#include "ByteWriter.h"
#include "NetFn.h"
#include "PowerController.h"

namespace {
// Get Sensor Reading, byte 2.
constexpr quint8 eventMessagesEnabled = 0x80;
constexpr quint8 scanningEnabled = 0x40;
constexpr quint8 readingUnavailable = 0x20;
// Threshold status and the readable-threshold mask share these bits.
constexpr quint8 upperNonCritical = 0x08;
constexpr quint8 upperCritical = 0x10;
// Byte 4 of a reading: no states 8-14; bit 7 is reserved and returned as 1.
constexpr quint8 noMoreStates = 0x80;

qint8 signedRaw(double celsius)
{
    return qint8(SensorTable::rawTemperature(celsius));
}
} // namespace

struct SensorCommands::SensorRequest
{
    quint8 sensor = 0;
    void fields(auto &visit) { visit(sensor); }
};

struct SensorCommands::HysteresisRequest
{
    quint8 sensor = 0;
    std::optional<quint8> reserved; // clients send FFh; some leave it out
    void fields(auto &visit) { visit(sensor, reserved); }
};

SensorCommands::SensorCommands(const SensorRegistry *sensors, const PowerController *power, QObject *parent)
    : CommandGroup(parent)
    , m_table(sensors)
    , m_power(power)
{
}

void SensorCommands::registerIn(CommandTable &table)
{
    table.add({NetFn::sensorEvent, 0x2D, "Get Sensor Reading", Privilege::User}, this, &SensorCommands::getReading);
    table.add({NetFn::sensorEvent, 0x27, "Get Sensor Thresholds", Privilege::User}, this,
              &SensorCommands::getThresholds);
    table.add({NetFn::sensorEvent, 0x29, "Get Sensor Event Enable", Privilege::User}, this,
              &SensorCommands::getEventEnable);
    table.add({NetFn::sensorEvent, 0x25, "Get Sensor Hysteresis", Privilege::User}, this,
              &SensorCommands::getHysteresis);
}

QByteArray SensorCommands::hostPowerReading() const
{
    quint8 status = scanningEnabled | eventMessagesEnabled;
    quint8 states = 0;
    switch (m_power->state()) {
    case PowerController::State::On:
    case PowerController::State::PoweringOff: states = 0x01; break; // S0/G0 working
    case PowerController::State::Off:
    case PowerController::State::PoweringOn: states = 0x20; break; // S5/G2 soft-off
    case PowerController::State::Unknown: status |= readingUnavailable; break;
    }
    QByteArray data;
    ByteWriter(&data).u8(0x00).u8(status).u8(states).u8(noMoreStates);
    return data;
}

QByteArray SensorCommands::temperatureReading(const Sensor &sensor)
{
    QByteArray data;
    if (!sensor.reading) {
        ByteWriter(&data).u8(0x00).u8(scanningEnabled | readingUnavailable).u8(0x00).u8(noMoreStates);
        return data;
    }
    // Compared as the client sees the values: in whole degrees.
    const qint8 reading = signedRaw(*sensor.reading);
    quint8 thresholds = 0;
    if (sensor.upperWarning && reading >= signedRaw(*sensor.upperWarning))
        thresholds |= upperNonCritical;
    if (sensor.upperCritical && reading >= signedRaw(*sensor.upperCritical))
        thresholds |= upperCritical;
    ByteWriter(&data).u8(quint8(reading)).u8(scanningEnabled).u8(thresholds).u8(noMoreStates);
    return data;
}

IpmiResponse SensorCommands::getReading(const SensorRequest &request) const
{
    const std::optional<SensorTable::Entry> entry = m_table.find(request.sensor);
    if (!entry)
        return IpmiResponse::failure(CompletionCode::RequestedDataNotPresent);
    switch (entry->type) {
    case SensorTable::Type::HostPower: return IpmiResponse::success(hostPowerReading());
    case SensorTable::Type::Temperature: return IpmiResponse::success(temperatureReading(entry->sensor));
    }
    return IpmiResponse::failure(CompletionCode::Unspecified);
}

IpmiResponse SensorCommands::getThresholds(const SensorRequest &request) const
{
    const std::optional<SensorTable::Entry> entry = m_table.find(request.sensor);
    if (!entry)
        return IpmiResponse::failure(CompletionCode::RequestedDataNotPresent);
    if (entry->type != SensorTable::Type::Temperature)
        return IpmiResponse::failure(CompletionCode::IllegalForSensorOrRecord);
    const Sensor &sensor = entry->sensor;
    quint8 readable = 0;
    if (sensor.upperWarning)
        readable |= upperNonCritical;
    if (sensor.upperCritical)
        readable |= upperCritical;
    const auto raw = [](const std::optional<double> &value) {
        return value ? SensorTable::rawTemperature(*value) : quint8(0);
    };
    QByteArray data;
    ByteWriter(&data)
        .u8(readable)
        .u8(0x00) // lower non-critical, critical, non-recoverable
        .u8(0x00)
        .u8(0x00)
        .u8(raw(sensor.upperWarning))
        .u8(raw(sensor.upperCritical))
        .u8(0x00); // upper non-recoverable
    return IpmiResponse::success(data);
}

IpmiResponse SensorCommands::getEventEnable(const SensorRequest &request) const
{
    const std::optional<SensorTable::Entry> entry = m_table.find(request.sensor);
    if (!entry)
        return IpmiResponse::failure(CompletionCode::RequestedDataNotPresent);
    QByteArray data;
    if (entry->type == SensorTable::Type::HostPower) // power on and off land in the SEL
        ByteWriter(&data).u8(eventMessagesEnabled | scanningEnabled).u16le(0x0021).u16le(0x0000);
    else
        ByteWriter(&data).u8(scanningEnabled).u16le(0x0000).u16le(0x0000);
    return IpmiResponse::success(data);
}

IpmiResponse SensorCommands::getHysteresis(const HysteresisRequest &request) const
{
    const std::optional<SensorTable::Entry> entry = m_table.find(request.sensor);
    if (!entry)
        return IpmiResponse::failure(CompletionCode::RequestedDataNotPresent);
    if (entry->type != SensorTable::Type::Temperature)
        return IpmiResponse::failure(CompletionCode::IllegalForSensorOrRecord);
    return IpmiResponse::success(QByteArray(2, '\0')); // no hysteresis either way
}
