#include "ChassisIdentify.h"

#include "EventLog.h"

using namespace Qt::StringLiterals;

ChassisIdentify::ChassisIdentify(EventLog *eventLog, QObject *parent)
    : QObject(parent)
    , m_eventLog(eventLog)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { setState(State::Off); });
}

void ChassisIdentify::turnOn(std::chrono::seconds duration, const Actor &actor)
{
    if (duration.count() > 0) {
        m_timer.start(duration);
        m_eventLog->info(actor, u"Identify indicator on for %1 s"_s.arg(duration.count()));
        setState(State::Temporary);
    } else {
        m_timer.stop();
        m_eventLog->info(actor, u"Identify indicator on until turned off"_s);
        setState(State::Indefinite);
    }
}

void ChassisIdentify::turnOff(const Actor &actor)
{
    m_timer.stop();
    if (m_state == State::Off)
        return;
    m_eventLog->info(actor, u"Identify indicator off"_s);
    setState(State::Off);
}

void ChassisIdentify::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}
