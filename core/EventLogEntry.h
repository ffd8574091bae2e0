#pragma once

#include "Actor.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

// One entry of the event log: what IPMI's SEL, Redfish's LogService and the screen all show.
struct EventLogEntry
{
    Q_GADGET
public:
    enum class Severity { Info, Warning, Critical };
    Q_ENUM(Severity)

    // What happened, for faces that encode events in their own terms (IPMI SEL sensor types,
    // Redfish message ids); the message says it in words.
    enum class Kind {
        Generic,
        HostPoweredOn,
        HostPoweredOff,
        PowerActionFailed, // an action's expected power change did not come
        LoginFailed,
        AccountLocked,
        LogCleared,
        LogFull,
    };
    Q_ENUM(Kind)

    quint32 id = 0;
    QDateTime timestamp; // UTC
    Severity severity = Severity::Info;
    Kind kind = Kind::Generic;
    Actor actor;
    QString message;
    QByteArray selRecord; // the 16-byte record of an entry added through IPMI, kept as given

    static QString severityName(Severity severity);

    QJsonObject toJson() const;
    static std::optional<EventLogEntry> fromJson(const QJsonObject &object);
};
