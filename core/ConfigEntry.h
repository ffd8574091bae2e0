#pragma once

#include <QString>
#include <QStringList>

// One leaf of a configuration file as its reader found it, before the schema gives it a type:
// "ipmi.port" = "623" on line 4. The YAML reader lives outside core; this is what it hands over.
struct ConfigEntry
{
    enum class Kind { Scalar, List, Null, Mapping };

    QString path;
    int line = 0;
    Kind kind = Kind::Scalar;
    QString scalar;
    QStringList items;
};
