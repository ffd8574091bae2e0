#include "PowerViewModel.h"

#include "PowerController.h"

PowerViewModel::PowerViewModel(PowerController *power, QObject *parent)
    : QObject(parent)
    , m_power(power)
{
    connect(power, &PowerController::stateChanged, this, &PowerViewModel::stateChanged);
    connect(power, &PowerController::busyChanged, this, &PowerViewModel::busyChanged);
    connect(power, &PowerController::actionStarted, this, &PowerViewModel::runningChanged);
    connect(power, &PowerController::queueChanged, this, &PowerViewModel::runningChanged);
    connect(power, &PowerController::lastRequestChanged, this, &PowerViewModel::lastRequestChanged);
    // The outcome (lastActionFailed) is known only when the action ends.
    connect(power, &PowerController::actionFinished, this, &PowerViewModel::lastRequestChanged);
}

PowerController::State PowerViewModel::state() const
{
    return m_power->state();
}

bool PowerViewModel::isBusy() const
{
    return m_power->isBusy();
}

PowerController::Action PowerViewModel::runningAction() const
{
    return m_power->currentAction().value_or(PowerController::Action::On);
}

QVariantList PowerViewModel::queuedActions() const
{
    QVariantList actions;
    for (const PowerController::Action action : m_power->queuedActions())
        actions.append(QVariant::fromValue(action));
    return actions;
}

bool PowerViewModel::hasLastAction() const
{
    return m_power->lastRequest().has_value();
}

PowerController::Action PowerViewModel::lastAction() const
{
    const auto request = m_power->lastRequest();
    return request ? request->action : PowerController::Action::On;
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

bool PowerViewModel::isSupported(PowerController::Action action) const
{
    return m_power->isSupported(action);
}

PowerController::Admission PowerViewModel::request(PowerController::Action action)
{
    return m_power->request(action, Actor::screen());
}
