#pragma once

#include "Actor.h"
#include "Failure.h"
#include "StateFile.h"

#include <QObject>

#include <optional>

class Configuration;
class EventLog;
class PowerController;

// What happens to the host when qbmc starts: nothing (AlwaysOff never powers a running host off),
// power on (AlwaysOn), or power on if it was on when qbmc last saw it (LastState). The policy is a
// runtime key (power.restore_policy); the last stable power state is kept in power.json.
class PowerRestorePolicy : public QObject
{
    Q_OBJECT
    Q_PROPERTY(Policy policy READ policy NOTIFY policyChanged)
public:
    enum class Policy { AlwaysOff, AlwaysOn, LastState };
    Q_ENUM(Policy)

    PowerRestorePolicy(Configuration *configuration, PowerController *power, EventLog *eventLog,
                       const QString &stateDirectory, QObject *parent = nullptr);

    Policy policy() const;
    std::optional<Failure> setPolicy(Policy policy, const Actor &actor);

    // Called once at start, when the backend has reported the host's power state.
    void apply();

    // "always_off", ...: the configuration's spelling.
    static QString configName(Policy policy);

signals:
    void policyChanged(PowerRestorePolicy::Policy policy);

private:
    void recordPowerState();

    Configuration *m_configuration;
    PowerController *m_power;
    EventLog *m_eventLog;
    StateFile m_file;
    bool m_lastStateWasOn = false;
};
