#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

// One message of a Redfish registry as a response carries it (Message.v1_1 in
// @Message.ExtendedInfo): which message, its arguments, and the property it is about.
struct RedfishMessage
{
    QString key; // e.g. "ResourceNotFound"; the registry's prefix is added on output
    QStringList args;
    QString relatedProperty; // a JSON pointer such as "#/Boot/BootSourceOverrideTarget"
    QString resolution;

    // The Base registry version every message id names.
    static constexpr QLatin1StringView registry{"Base.1.22"};

    QString messageId() const { return registry + u'.' + key; }
    QString text() const;
    QString severity() const;
    QJsonObject toJson() const;

    // Every key qbmc can send (tests compare them with the registry).
    static QStringList knownKeys();

    friend bool operator==(const RedfishMessage &, const RedfishMessage &) = default;
};
