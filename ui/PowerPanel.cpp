#include "PowerPanel.h"

#include "PowerController.h"

using namespace Qt::StringLiterals;

PowerPanel::PowerPanel(PowerController *power, QObject *parent)
    : QObject(parent)
    , m_power(power)
{
    connect(power, &PowerController::stateChanged, this, &PowerPanel::stateChanged);
    connect(power, &PowerController::busyChanged, this, &PowerPanel::busyChanged);
    connect(power, &PowerController::lastRequestChanged, this, &PowerPanel::lastRequestChanged);
    // The outcome (lastActionFailed) is known only when the action ends.
    connect(power, &PowerController::actionFinished, this, &PowerPanel::lastRequestChanged);
}

QString PowerPanel::state() const
{
    return PowerController::stateName(m_power->state());
}

bool PowerPanel::isBusy() const
{
    return m_power->isBusy();
}

QString PowerPanel::runningAction() const
{
    const auto action = m_power->currentAction();
    return action ? PowerController::actionName(*action) : QString();
}

QString PowerPanel::lastAction() const
{
    const auto request = m_power->lastRequest();
    return request ? PowerController::actionName(request->action) : QString();
}

QString PowerPanel::lastOrigin() const
{
    const auto request = m_power->lastRequest();
    return request ? Actor::originName(request->actor.origin) : QString();
}

QString PowerPanel::lastUser() const
{
    const auto request = m_power->lastRequest();
    return request ? request->actor.user : QString();
}

QDateTime PowerPanel::lastTime() const
{
    const auto request = m_power->lastRequest();
    return request ? request->time.toLocalTime() : QDateTime();
}

bool PowerPanel::lastActionFailed() const
{
    return m_power->lastActionFailed();
}

bool PowerPanel::isSupported(const QString &action) const
{
    const auto known = PowerController::actionFromName(action);
    return known && m_power->isSupported(*known);
}

QString PowerPanel::request(const QString &action)
{
    const auto known = PowerController::actionFromName(action);
    if (!known)
        return u"Unknown"_s;
    return PowerController::admissionName(m_power->request(*known, Actor::panel()));
}
