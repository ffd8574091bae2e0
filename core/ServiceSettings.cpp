#include "ServiceSettings.h"

#include "ConfigSchema.h"
#include "Configuration.h"
#include "EventLog.h"

using namespace Qt::StringLiterals;

namespace {
const auto ipmiEnabledKey = u"ipmi.enabled"_s;
const auto solEnabledKey = u"ipmi.sol.enabled"_s;

// ipmi.sol.privilege spells roles as IPMI privilege levels.
const QList<std::pair<QString, Role>> privilegeNames = {
    {u"user"_s, Role::ReadOnly},
    {u"operator"_s, Role::Operator},
    {u"administrator"_s, Role::Administrator},
};

double seconds(std::chrono::milliseconds duration)
{
    return std::chrono::duration<double>(duration).count();
}
} // namespace

ServiceSettings::ServiceSettings(Configuration *configuration, EventLog *eventLog, QObject *parent)
    : QObject(parent)
    , m_configuration(configuration)
    , m_eventLog(eventLog)
{
    connect(m_configuration, &Configuration::valueChanged, this, [this](const QString &path) {
        if (path == ipmiEnabledKey)
            emit ipmiEnabledChanged(isIpmiEnabled());
        else if (path.startsWith(u"ipmi.sol."_s))
            emit solChanged();
    });
}

bool ServiceSettings::isIpmiEnabled() const
{
    return m_configuration->boolValue(ipmiEnabledKey);
}

std::optional<QString> ServiceSettings::setIpmiEnabled(bool enabled, const Actor &actor)
{
    return change({{ipmiEnabledKey, enabled}}, actor);
}

bool ServiceSettings::isSolEnabled() const
{
    return m_configuration->boolValue(solEnabledKey);
}

std::optional<QString> ServiceSettings::setSolEnabled(bool enabled, const Actor &actor)
{
    return change({{solEnabledKey, enabled}}, actor);
}

ServiceSettings::SolParameters ServiceSettings::solParameters() const
{
    SolParameters parameters;
    const QString privilege = m_configuration->stringValue(u"ipmi.sol.privilege"_s);
    for (const auto &[name, role] : privilegeNames) {
        if (name == privilege)
            parameters.privilege = role;
    }
    parameters.forceEncryption = m_configuration->boolValue(u"ipmi.sol.force_encryption"_s);
    parameters.forceAuthentication = m_configuration->boolValue(u"ipmi.sol.force_authentication"_s);
    parameters.accumulateInterval = m_configuration->duration(u"ipmi.sol.accumulate_interval"_s);
    parameters.sendThreshold = m_configuration->intValue(u"ipmi.sol.send_threshold"_s);
    parameters.retryCount = m_configuration->intValue(u"ipmi.sol.retry_count"_s);
    parameters.retryInterval = m_configuration->duration(u"ipmi.sol.retry_interval"_s);
    parameters.bitRate = m_configuration->intValue(u"ipmi.sol.speed"_s);
    return parameters;
}

std::optional<QString> ServiceSettings::setSolParameters(const SolParameters &parameters, const Actor &actor)
{
    QString privilege;
    for (const auto &[name, role] : privilegeNames) {
        if (role == parameters.privilege)
            privilege = name;
    }
    return change(
        {
            {u"ipmi.sol.privilege"_s, privilege},
            {u"ipmi.sol.force_encryption"_s, parameters.forceEncryption},
            {u"ipmi.sol.force_authentication"_s, parameters.forceAuthentication},
            {u"ipmi.sol.accumulate_interval"_s, seconds(parameters.accumulateInterval)},
            {u"ipmi.sol.send_threshold"_s, parameters.sendThreshold},
            {u"ipmi.sol.retry_count"_s, parameters.retryCount},
            {u"ipmi.sol.retry_interval"_s, seconds(parameters.retryInterval)},
            {u"ipmi.sol.speed"_s, parameters.bitRate},
        },
        actor);
}

std::optional<QString> ServiceSettings::change(const QList<std::pair<QString, QVariant>> &values, const Actor &actor)
{
    // Check every value before changing any, so a refused request leaves all settings as they were.
    for (const auto &[path, value] : values) {
        const ConfigKey *key = ConfigSchema::instance().key(path);
        if (!key->fromJson(QJsonValue::fromVariant(value)))
            return u"%1: %2 is not valid; expected %3"_s.arg(path, value.toString(), key->allowedText());
    }
    for (const auto &[path, value] : values) {
        const QVariant before = m_configuration->value(path);
        if (const auto error = m_configuration->setRuntimeValue(path, value))
            return error;
        const QVariant after = m_configuration->value(path);
        if (before != after) {
            const ConfigKey *key = ConfigSchema::instance().key(path);
            m_eventLog->info(actor,
                             u"Setting %1 changed from %2 to %3"_s.arg(path, key->toYaml(before), key->toYaml(after)));
        }
    }
    return std::nullopt;
}
