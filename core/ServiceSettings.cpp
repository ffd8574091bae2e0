#include "ServiceSettings.h"

#include "ConfigKeys.h"
#include "ConfigSchema.h"
#include "Configuration.h"
#include "EventLog.h"

using namespace Qt::StringLiterals;
using namespace ConfigKeys;

namespace {

// ipmi.sol.privilege and console.privilege spell roles as IPMI privilege levels.
const QList<std::pair<QString, Role>> privilegeNames = {
    {u"user"_s, Role::ReadOnly},
    {u"operator"_s, Role::Operator},
    {u"administrator"_s, Role::Administrator},
};

Role roleNamed(const QString &privilege)
{
    for (const auto &[name, role] : privilegeNames) {
        if (name == privilege)
            return role;
    }
    return Role::Operator; // the schema allows only the names above; operator is their default
}

} // namespace

ServiceSettings::ServiceSettings(Configuration *configuration, EventLog *eventLog, QObject *parent)
    : QObject(parent)
    , m_configuration(configuration)
    , m_eventLog(eventLog)
{
    connect(m_configuration, &Configuration::valueChanged, this, [this](const QString &path) {
        if (path == ipmiEnabled.path)
            emit ipmiEnabledChanged(isIpmiEnabled());
        else if (path.startsWith(u"ipmi.sol."_s))
            emit solChanged();
        else if (path == sshEnabled.path || path == ConfigKeys::sshPort.path)
            emit sshChanged();
        else if (path == ConfigKeys::kvmEnabled.path)
            emit kvmEnabledChanged(isKvmEnabled());
    });
}

bool ServiceSettings::isIpmiEnabled() const
{
    return m_configuration->value(ipmiEnabled);
}

std::optional<Failure> ServiceSettings::setIpmiEnabled(bool enabled, const Actor &actor)
{
    return change({changeTo(ipmiEnabled, enabled)}, actor);
}

bool ServiceSettings::isSolEnabled() const
{
    return m_configuration->value(ipmiSolEnabled);
}

std::optional<Failure> ServiceSettings::setSolEnabled(bool enabled, const Actor &actor)
{
    return change({changeTo(ipmiSolEnabled, enabled)}, actor);
}

bool ServiceSettings::isSshEnabled() const
{
    return m_configuration->value(sshEnabled);
}

int ServiceSettings::sshPort() const
{
    return m_configuration->value(ConfigKeys::sshPort);
}

std::optional<Failure> ServiceSettings::setSsh(std::optional<bool> enabled, std::optional<int> port, const Actor &actor)
{
    QList<Change> changes;
    if (enabled)
        changes.append(changeTo(sshEnabled, *enabled));
    if (port)
        changes.append(changeTo(ConfigKeys::sshPort, *port));
    return change(changes, actor);
}

Role ServiceSettings::consolePrivilege() const
{
    return roleNamed(m_configuration->value(ConfigKeys::consolePrivilege));
}

bool ServiceSettings::isKvmEnabled() const
{
    return m_configuration->value(ConfigKeys::kvmEnabled);
}

std::optional<Failure> ServiceSettings::setKvmEnabled(bool enabled, const Actor &actor)
{
    return change({changeTo(ConfigKeys::kvmEnabled, enabled)}, actor);
}

Role ServiceSettings::kvmPrivilege() const
{
    return roleNamed(m_configuration->value(ConfigKeys::kvmPrivilege));
}

void ServiceSettings::setSshHostKeyFingerprints(const QStringList &fingerprints)
{
    if (fingerprints == m_sshHostKeyFingerprints)
        return;
    m_sshHostKeyFingerprints = fingerprints;
    emit sshChanged();
}

ServiceSettings::SolParameters ServiceSettings::solParameters() const
{
    SolParameters parameters;
    parameters.privilege = roleNamed(m_configuration->value(ipmiSolPrivilege));
    parameters.forceEncryption = m_configuration->value(ipmiSolForceEncryption);
    parameters.forceAuthentication = m_configuration->value(ipmiSolForceAuthentication);
    parameters.accumulateInterval = m_configuration->value(ipmiSolAccumulateInterval);
    parameters.sendThreshold = m_configuration->value(ipmiSolSendThreshold);
    parameters.retryCount = m_configuration->value(ipmiSolRetryCount);
    parameters.retryInterval = m_configuration->value(ipmiSolRetryInterval);
    parameters.bitRate = m_configuration->value(ipmiSolSpeed);
    return parameters;
}

std::optional<Failure> ServiceSettings::setSolParameters(const SolParameters &parameters, const Actor &actor)
{
    QString privilege;
    for (const auto &[name, role] : privilegeNames) {
        if (role == parameters.privilege)
            privilege = name;
    }
    return change(
        {
            changeTo(ipmiSolPrivilege, privilege),
            changeTo(ipmiSolForceEncryption, parameters.forceEncryption),
            changeTo(ipmiSolForceAuthentication, parameters.forceAuthentication),
            changeTo(ipmiSolAccumulateInterval, parameters.accumulateInterval),
            changeTo(ipmiSolSendThreshold, parameters.sendThreshold),
            changeTo(ipmiSolRetryCount, parameters.retryCount),
            changeTo(ipmiSolRetryInterval, parameters.retryInterval),
            changeTo(ipmiSolSpeed, parameters.bitRate),
        },
        actor);
}

std::optional<Failure> ServiceSettings::setRuntimeSetting(const ConfigKey &key, const QVariant &value,
                                                          const Actor &actor)
{
    return change({Change{&key, value}}, actor);
}

template <typename T>
ServiceSettings::Change ServiceSettings::changeTo(Key<T> key, const T &value)
{
    return {ConfigSchema::instance().key(key.path), Configuration::toVariant(value)};
}

std::optional<Failure> ServiceSettings::change(const QList<Change> &changes, const Actor &actor)
{
    // Check every value before changing any, so a refused request leaves all settings as they were.
    for (const Change &change : changes) {
        if (!change.key->fromJson(QJsonValue::fromVariant(change.value)))
            return Failure{Failure::Code::InvalidValue,
                           u"%1: %2 is not valid; expected %3"_s.arg(change.key->path, change.value.toString(),
                                                                     change.key->allowedText())};
    }
    for (const Change &change : changes) {
        const QVariant before = m_configuration->value(*change.key);
        if (auto failure = m_configuration->setRuntimeValue(*change.key, change.value))
            return failure;
        const QVariant after = m_configuration->value(*change.key);
        if (before != after)
            m_eventLog->info(actor,
                             u"Setting %1 changed from %2 to %3"_s.arg(change.key->path, change.key->toYaml(before),
                                                                       change.key->toYaml(after)));
    }
    return std::nullopt;
}
