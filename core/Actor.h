#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

// Who asked for something: every core action and every event-log entry carries one, so each
// face can show "who did it".
class Actor
{
    Q_GADGET
public:
    // Screen is the touchscreen at the machine; its spelled name is "panel" (docs/decisions.md#13).
    enum class Origin { Screen, Ipmi, Redfish, Host, Bmc, Ssh };
    Q_ENUM(Origin)

    Origin origin = Origin::Bmc;
    QString user;

    static Actor screen(const QString &user = {}) { return {Origin::Screen, user}; }
    static Actor ipmi(const QString &user) { return {Origin::Ipmi, user}; }
    static Actor redfish(const QString &user) { return {Origin::Redfish, user}; }
    static Actor ssh(const QString &user) { return {Origin::Ssh, user}; }
    static Actor host() { return {Origin::Host, {}}; }
    static Actor bmc() { return {Origin::Bmc, {}}; }

    // "ipmi", "redfish", ...: the spelling used in logs, state files and configuration.
    static QString originName(Origin origin);
    static std::optional<Origin> originFromName(const QString &name);

    // "ipmi:admin", or just the origin when there is no user.
    QString toString() const;

    friend bool operator==(const Actor &, const Actor &) = default;
};
