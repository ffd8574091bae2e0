#pragma once

#include "Actor.h"

#include <QObject>
#include <QTimer>

#include <chrono>

class EventLog;

// The "find this server" indicator: set by IPMI's Chassis Identify and Redfish's
// LocationIndicatorActive, shown as a blinking banner on the screen.
class ChassisIdentify : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool active READ isActive NOTIFY stateChanged)
public:
    enum class State { Off, Temporary, Indefinite };
    Q_ENUM(State)

    explicit ChassisIdentify(EventLog *eventLog, QObject *parent = nullptr);

    State state() const { return m_state; }
    bool isActive() const { return m_state != State::Off; }

    // For `duration`, or until turned off when the duration is zero.
    void turnOn(std::chrono::seconds duration, const Actor &actor);
    void turnOff(const Actor &actor);

signals:
    void stateChanged(ChassisIdentify::State state);

private:
    void setState(State state);

    EventLog *m_eventLog;
    State m_state = State::Off;
    QTimer m_timer;
};
