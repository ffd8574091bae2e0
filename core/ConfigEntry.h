#pragma once

#include <QList>
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
    // The line of each segment's key ("ipmi" on 1, "port" on 4), so a problem with a section is
    // reported where that section starts; empty means every segment is on `line`.
    QList<int> segmentLines;

    int lineOfSegment(qsizetype index) const { return segmentLines.value(index, line); }
};
