#include "PowerRestorePolicy.h"

#include "Configuration.h"
#include "EventLog.h"
#include "PowerController.h"
#include "StateFormats.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace {
const auto lastStateKey = "lastState"_L1;
constexpr PowerRestorePolicy::Policy allPolicies[] = {
    PowerRestorePolicy::Policy::AlwaysOff, PowerRestorePolicy::Policy::AlwaysOn, PowerRestorePolicy::Policy::LastState};
} // namespace

PowerRestorePolicy::PowerRestorePolicy(Configuration *configuration, PowerController *power, EventLog *eventLog,
                                       const QString &stateDirectory, QObject *parent)
    : QObject(parent)
    , m_configuration(configuration)
    , m_power(power)
    , m_eventLog(eventLog)
    , m_file(QDir(stateDirectory).filePath(StateFormats::powerState.fileName))
{
    const StateFile::Result loaded =
        m_file.load(StateFormats::powerState.version, [](const QJsonObject &object) -> QString {
            const QString last = object.value(lastStateKey).toString();
            return last == u"On"_s || last == u"Off"_s ? QString() : u"lastState is neither On nor Off"_s;
        });
    if (loaded.usable())
        m_lastStateWasOn = loaded.object.value(lastStateKey).toString() == u"On"_s;
    if (const QString story = loaded.story(u"power state"_s, u"the host's last power state is taken as off"_s);
        !story.isEmpty())
        m_eventLog->critical(Actor::bmc(), story);

    connect(m_configuration, &Configuration::valueChanged, this, [this](const QString &path) {
        if (path == ConfigKeys::powerRestorePolicy.path)
            emit policyChanged(policy());
    });
}

QString PowerRestorePolicy::configName(Policy policy)
{
    switch (policy) {
    case Policy::AlwaysOff: return u"always_off"_s;
    case Policy::AlwaysOn: return u"always_on"_s;
    case Policy::LastState: return u"last_state"_s;
    }
    return {};
}

PowerRestorePolicy::Policy PowerRestorePolicy::policy() const
{
    const QString name = m_configuration->value(ConfigKeys::powerRestorePolicy);
    for (Policy policy : allPolicies) {
        if (configName(policy) == name)
            return policy;
    }
    return Policy::AlwaysOff;
}

std::optional<Failure> PowerRestorePolicy::setPolicy(Policy policy, const Actor &actor)
{
    const Policy before = this->policy();
    if (auto failure = m_configuration->setRuntimeValue(ConfigKeys::powerRestorePolicy, configName(policy)))
        return failure;
    if (before != policy)
        m_eventLog->info(actor,
                         u"Power restore policy changed from %1 to %2"_s.arg(configName(before), configName(policy)));
    return std::nullopt;
}

void PowerRestorePolicy::apply()
{
    const Policy policy = this->policy();
    const PowerController::State state = m_power->state();
    if (state == PowerController::State::Unknown) {
        m_eventLog->warning(
            Actor::bmc(),
            u"Power restore policy %1 not applied: the host's power state is unknown"_s.arg(configName(policy)));
    } else if (state == PowerController::State::Off
               && (policy == Policy::AlwaysOn || (policy == Policy::LastState && m_lastStateWasOn))) {
        m_eventLog->info(Actor::bmc(), u"Power restore policy %1: powering the host on"_s.arg(configName(policy)));
        m_power->request(PowerController::Action::On, Actor::bmc());
    } else {
        recordPowerState();
    }
    connect(m_power, &PowerController::stateChanged, this, &PowerRestorePolicy::recordPowerState, Qt::UniqueConnection);
}

void PowerRestorePolicy::recordPowerState()
{
    const PowerController::State state = m_power->state();
    if (state != PowerController::State::On && state != PowerController::State::Off)
        return;
    const bool on = state == PowerController::State::On;
    if (on == m_lastStateWasOn && QFile::exists(m_file.path()))
        return;
    m_lastStateWasOn = on;
    m_file.save(StateFormats::powerState.version, {{lastStateKey, on ? u"On"_s : u"Off"_s}});
}
