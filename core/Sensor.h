#pragma once

#include <QString>

#include <optional>

// One reading qbmc can report, filled in by platform code (e.g. the board's temperature) and shown
// by IPMI's SDR, Redfish's Sensors and the screen.
struct Sensor
{
    enum class Kind { Temperature, Voltage, Current, Power, Fan };

    QString id;   // stable, e.g. "bmc_cpu_thermal"
    QString name; // for people, e.g. "BMC CPU temperature"
    Kind kind = Kind::Temperature;
    std::optional<double> reading; // in the kind's unit; none while unavailable
    std::optional<double> upperWarning;
    std::optional<double> upperCritical;

    // Redfish's ReadingUnits: "Cel", "V", "A", "W", "RPM".
    static QString unit(Kind kind);
};
