#include "Sensor.h"

QString Sensor::unit(Kind kind)
{
    switch (kind) {
    case Kind::Temperature: return QStringLiteral("Cel");
    case Kind::Voltage: return QStringLiteral("V");
    case Kind::Current: return QStringLiteral("A");
    case Kind::Power: return QStringLiteral("W");
    case Kind::Fan: return QStringLiteral("RPM");
    }
    return {};
}
