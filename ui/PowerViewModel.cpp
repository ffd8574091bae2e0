#include "PowerViewModel.h"

#include "PowerController.h"

using namespace Qt::StringLiterals;

PowerViewModel::PowerViewModel(PowerController *power, QObject *parent)
    : QObject(parent)
    , m_power(power)
{
    connect(power, &PowerController::stateChanged, this, &PowerViewModel::stateChanged);
    connect(power, &PowerController::busyChanged, this, &PowerViewModel::busyChanged);
    connect(power, &PowerController::lastRequestChanged, this, &PowerViewModel::lastRequestChanged);
    // The outcome (lastActionFailed) is known only when the action ends.
    connect(power, &PowerController::actionFinished, this, &PowerViewModel::lastRequestChanged);
}

QString PowerViewModel::state() const
{
    return PowerController::stateName(m_power->state());
}

bool PowerViewModel::isBusy() const
{
    return m_power->isBusy();
}

QString PowerViewModel::runningAction() const
{
    const auto action = m_power->currentAction();
    return action ? PowerController::actionName(*action) : QString();
}

QString PowerViewModel::lastAction() const
{
    const auto request = m_power->lastRequest();
    return request ? PowerController::actionName(request->action) : QString();
}

QString PowerViewModel::lastOrigin() const
{
    const auto request = m_power->lastRequest();
    return request ? Actor::originName(request->actor.origin) : QString();
}

QString PowerViewModel::lastUser() const
{
    const auto request = m_power->lastRequest();
    return request ? request->actor.user : QString();
}

QDateTime PowerViewModel::lastTime() const
{
    const auto request = m_power->lastRequest();
    return request ? request->time.toLocalTime() : QDateTime();
}

bool PowerViewModel::lastActionFailed() const
{
    return m_power->lastActionFailed();
}

bool PowerViewModel::isSupported(const QString &action) const
{
    const auto known = PowerController::actionFromName(action);
    return known && m_power->isSupported(*known);
}

QString PowerViewModel::request(const QString &action)
{
    const auto known = PowerController::actionFromName(action);
    if (!known)
        return u"Unknown"_s;
    return PowerController::admissionName(m_power->request(*known, Actor::screen()));
}
