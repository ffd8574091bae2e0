#include "SystemResource.h"

#include "BaseMessages.h"
#include "BootOverride.h"
#include "GraphicalConsoleProperty.h"
#include "InstallationIdentity.h"
#include "PowerController.h"
#include "PowerRestorePolicy.h"
#include "PowerTasks.h"
#include "RedfishJson.h"
#include "ServiceSettings.h"
#include "VirtualMediaResource.h"

#include <QMetaEnum>

using namespace Qt::StringLiterals;
using RedfishJson::link;

namespace {
const RedfishSchema systemSchema{"ComputerSystem", "v1_27_0"};
const RedfishSchema collectionSchema{"ComputerSystemCollection"};
const RedfishSchema actionInfoSchema{"ActionInfo", "v1_5_0"};
const QString systemsPath = u"/redfish/v1/Systems"_s;
const QString systemPath = u"/redfish/v1/Systems/system"_s;
const QString resetTarget = systemPath + u"/Actions/ComputerSystem.Reset"_s;
const QString resetInfo = systemPath + u"/ResetActionInfo"_s;

template <typename Enum>
QJsonArray enumNames()
{
    QJsonArray names;
    const QMetaEnum meta = QMetaEnum::fromType<Enum>();
    for (int i = 0; i < meta.keyCount(); ++i)
        names.append(BootOverride::name(Enum(meta.value(i))));
    return names;
}

QJsonValue powerStateValue(PowerController::State state)
{
    switch (state) {
    case PowerController::State::On: return u"On"_s;
    case PowerController::State::Off: return u"Off"_s;
    case PowerController::State::PoweringOn: return u"PoweringOn"_s;
    case PowerController::State::PoweringOff: return u"PoweringOff"_s;
    case PowerController::State::Unknown: break;
    }
    return QJsonValue::Null;
}

const std::pair<PowerRestorePolicy::Policy, QString> restorePolicies[] = {
    {PowerRestorePolicy::Policy::AlwaysOff, u"AlwaysOff"_s},
    {PowerRestorePolicy::Policy::AlwaysOn, u"AlwaysOn"_s},
    {PowerRestorePolicy::Policy::LastState, u"LastState"_s},
};

// Applies one Boot property, or says why it cannot.
template <typename Enum>
std::optional<RedfishMessage> readBootValue(const QJsonObject &boot, const QString &name, std::optional<Enum> *out)
{
    if (!boot.contains(name))
        return std::nullopt;
    const QJsonValue value = boot.value(name);
    if (!value.isString())
        return BaseMessages::propertyValueTypeError(RedfishJson::valueText(value), u"Boot/"_s + name);
    *out = BootOverride::fromName<Enum>(value.toString());
    if (!*out)
        return BaseMessages::propertyValueNotInList(value.toString(), u"Boot/"_s + name);
    return std::nullopt;
}
} // namespace

SystemResource::SystemResource(PowerController *power, PowerTasks *powerTasks, BootOverride *bootOverride,
                               PowerRestorePolicy *restorePolicy, const InstallationIdentity *installation,
                               HostInventory inventory, ServiceSettings *services, quint16 ipmiPort, int kvmMaxSessions,
                               QObject *parent)
    : RedfishResource(parent)
    , m_power(power)
    , m_powerTasks(powerTasks)
    , m_bootOverride(bootOverride)
    , m_restorePolicy(restorePolicy)
    , m_installation(installation)
    , m_inventory(std::move(inventory))
    , m_services(services)
    , m_ipmiPort(ipmiPort)
    , m_kvmMaxSessions(kvmMaxSessions)
{
    connect(services, &ServiceSettings::solChanged, this, &SystemResource::representationChanged);
    connect(services, &ServiceSettings::sshChanged, this, &SystemResource::representationChanged);
    connect(services, &ServiceSettings::kvmEnabledChanged, this, &SystemResource::representationChanged);
    // Everything the system's representation shows that can change.
    connect(power, &PowerController::stateChanged, this, &SystemResource::representationChanged);
    connect(power, &PowerController::actionFinished, this, &SystemResource::representationChanged);
    connect(bootOverride, &BootOverride::changed, this, &SystemResource::representationChanged);
    connect(restorePolicy, &PowerRestorePolicy::policyChanged, this, &SystemResource::representationChanged);
}

void SystemResource::registerIn(ServiceDirectory &directory)
{
    directory.addRootLink(u"Systems"_s, systemsPath);
    directory.addSchemas({systemSchema, collectionSchema, actionInfoSchema});
    RouteTable &routes = directory.routes();
    using enum HttpMethod;
    using enum RedfishPrivilege;
    routes.addCached(systemsPath, Login, this, &SystemResource::collection);
    routes.addCached(systemPath, Login, this, &SystemResource::get);
    routes.add(Patch, systemPath, ConfigureComponents, this, &SystemResource::patch);
    routes.add(Post, resetTarget, ConfigureComponents, this, &SystemResource::reset);
    routes.addCached(resetInfo, Login, this, &SystemResource::resetActionInfo);
}

RedfishReply SystemResource::collection() const
{
    return RedfishReply::ok(
        RedfishJson::collection(systemsPath, collectionSchema, u"Computer System Collection"_s, {systemPath}));
}

QStringList SystemResource::resetTypes() const
{
    QStringList types;
    for (PowerController::Action action : m_power->supportedActions())
        types.append(PowerController::actionName(action));
    return types;
}

RedfishReply SystemResource::get() const
{
    const BootOverride *boot = m_bootOverride;
    QString restorePolicy;
    for (const auto &[policy, name] : restorePolicies) {
        if (policy == m_restorePolicy->policy())
            restorePolicy = name;
    }
    const bool failed = m_power->lastActionFailed();
    QJsonObject system{
        {u"@odata.id"_s, systemPath},
        {u"@odata.type"_s, systemSchema.odataType()},
        {u"Id"_s, u"system"_s},
        {u"Name"_s, u"Host"_s},
        {u"SystemType"_s, u"Physical"_s},
        {u"UUID"_s, m_installation->systemUuid().toString(QUuid::WithoutBraces)},
        {u"PowerState"_s, powerStateValue(m_power->state())},
        {u"Status"_s, QJsonObject{{u"State"_s, u"Enabled"_s}, {u"Health"_s, failed ? u"Warning"_s : u"OK"_s}}},
        {u"PowerRestorePolicy"_s, restorePolicy},
        {u"SerialConsole"_s,
         QJsonObject{
             {u"IPMI"_s, QJsonObject{{u"ServiceEnabled"_s, m_services->isSolEnabled()}, {u"Port"_s, m_ipmiPort}}},
             // The SSH port leads straight to the console: no manager CLI, no command to enter it.
             {u"SSH"_s,
              QJsonObject{
                  {u"ServiceEnabled"_s, m_services->isSshEnabled()},
                  {u"Port"_s, m_services->sshPort()},
                  {u"SharedWithManagerCLI"_s, false},
                  {u"ConsoleEntryCommand"_s, QJsonValue::Null},
                  {u"HotKeySequenceDisplay"_s, u"~. ends the connection (OpenSSH)"_s},
              }},
         }},
        {u"GraphicalConsole"_s, GraphicalConsoleProperty::json(m_services, m_kvmMaxSessions)},
        // The BMC's drives serve this system; the collection lives under the manager.
        {u"VirtualMedia"_s, link(VirtualMediaResource::collectionPath)},
        {u"Boot"_s,
         QJsonObject{
             {u"BootSourceOverrideEnabled"_s, BootOverride::name(boot->enabled())},
             {u"BootSourceOverrideTarget"_s, BootOverride::name(boot->target())},
             {u"BootSourceOverrideMode"_s, BootOverride::name(boot->mode())},
             {u"BootSourceOverrideEnabled@Redfish.AllowableValues"_s, enumNames<BootOverride::Enabled>()},
             {u"BootSourceOverrideTarget@Redfish.AllowableValues"_s, enumNames<BootOverride::Target>()},
             {u"BootSourceOverrideMode@Redfish.AllowableValues"_s, enumNames<BootOverride::Mode>()},
         }},
        {u"Actions"_s,
         QJsonObject{{u"#ComputerSystem.Reset"_s,
                      QJsonObject{
                          {u"target"_s, resetTarget},
                          {u"@Redfish.ActionInfo"_s, resetInfo},
                      }}}},
    };
    const HostInventory::Product &product = m_inventory.product;
    RedfishJson::insertConfigured(system,
                                  {{u"Manufacturer"_s, product.manufacturer},
                                   {u"Model"_s, product.name},
                                   {u"PartNumber"_s, product.partNumber},
                                   {u"SerialNumber"_s, product.serial},
                                   {u"AssetTag"_s, product.assetTag},
                                   {u"BiosVersion"_s, m_inventory.biosVersion}});
    return RedfishReply::ok(system);
}

RedfishReply SystemResource::resetActionInfo() const
{
    return RedfishReply::ok(QJsonObject{
        {u"@odata.id"_s, resetInfo},
        {u"@odata.type"_s, actionInfoSchema.odataType()},
        {u"Id"_s, u"ResetActionInfo"_s},
        {u"Name"_s, u"Reset Action Info"_s},
        {u"Parameters"_s,
         QJsonArray{QJsonObject{
             {u"Name"_s, u"ResetType"_s},
             {u"Required"_s, true},
             {u"DataType"_s, u"String"_s},
             {u"AllowableValues"_s, QJsonArray::fromStringList(resetTypes())},
         }}},
    });
}

RedfishReply SystemResource::reset(const RedfishRequest &request)
{
    const Expected<QJsonObject, RedfishReply> body = RedfishJson::body(request);
    if (!body)
        return body.failure();
    const QString action = u"ComputerSystem.Reset"_s;
    if (!body->contains(u"ResetType"_s))
        return RedfishReply::error(400, BaseMessages::make("ActionParameterMissing", {action, u"ResetType"_s}));
    for (auto it = body->begin(); it != body->end(); ++it) {
        if (it.key() != u"ResetType"_s)
            return RedfishReply::error(400, BaseMessages::make("ActionParameterNotSupported", {it.key(), action}));
    }
    const QJsonValue value = body->value(u"ResetType"_s);
    if (!value.isString())
        return RedfishReply::error(400,
                                   BaseMessages::make("ActionParameterValueTypeError",
                                                      {RedfishJson::valueText(value), u"ResetType"_s, action}));
    const std::optional<PowerController::Action> resetType = PowerController::actionFromName(value.toString());
    if (!resetType || !m_power->isSupported(*resetType)) {
        // The parameter is supported; its value is not one of the resets this system can do.
        return RedfishReply::error(
            400, BaseMessages::make("ActionParameterValueNotInList", {value.toString(), u"ResetType"_s, action}));
    }

    PowerController *power = m_power;
    const PowerController::Submission submission = power->submit(*resetType, Actor::redfish(request.user));
    switch (submission.admission) {
    case PowerController::Admission::Accepted: return m_powerTasks->track(submission, *resetType, request, *body);
    case PowerController::Admission::AlreadyDone: return RedfishReply::noContent();
    case PowerController::Admission::Busy: {
        // Only someone else's action, or a full queue, makes a request wait (docs/decisions.md#105).
        RedfishMessage message = BaseMessages::make("ResourceInUse");
        const std::optional<Actor> actor = power->currentActor();
        message.resolution = u"%1 from %2 is still running; try again when it has finished."_s.arg(
            PowerController::actionName(power->currentAction().value_or(*resetType)),
            actor ? actor->toString() : u"someone else"_s);
        return RedfishReply::error(409, message);
    }
    case PowerController::Admission::InvalidInState: {
        RedfishMessage message =
            BaseMessages::make("PropertyValueResourceConflict", {u"ResetType"_s, value.toString(), systemPath});
        message.resolution =
            u"The system is %1; %2 needs it on."_s.arg(PowerController::stateName(power->state()), value.toString());
        return RedfishReply::error(409, message);
    }
    case PowerController::Admission::Unsupported: break;
    }
    return RedfishReply::error(
        400, BaseMessages::make("ActionParameterValueNotInList", {value.toString(), u"ResetType"_s, action}));
}

RedfishReply SystemResource::patch(const RedfishRequest &request)
{
    const Expected<QJsonObject, RedfishReply> body = RedfishJson::body(request);
    if (!body)
        return body.failure();
    const QJsonObject current = get().json;
    QList<RedfishMessage> problems;
    bool changed = false;
    const Actor actor = Actor::redfish(request.user);
    for (auto it = body->begin(); it != body->end(); ++it) {
        const QString &key = it.key();
        if (key == u"GraphicalConsole"_s) {
            changed = GraphicalConsoleProperty::patch(*it, current, m_services, m_kvmMaxSessions, actor, &problems)
                || changed;
            continue;
        }
        if (key == u"Boot"_s) {
            if (!it->isObject()) {
                problems.append(BaseMessages::propertyValueTypeError(RedfishJson::valueText(*it), key));
                continue;
            }
            const QJsonObject boot = it->toObject();
            std::optional<BootOverride::Target> target;
            std::optional<BootOverride::Enabled> enabled;
            std::optional<BootOverride::Mode> mode;
            QList<RedfishMessage> bootProblems;
            for (auto b = boot.begin(); b != boot.end(); ++b) {
                static const QStringList writable{u"BootSourceOverrideTarget"_s, u"BootSourceOverrideEnabled"_s,
                                                  u"BootSourceOverrideMode"_s};
                if (!writable.contains(b.key())) {
                    bootProblems.append(BaseMessages::refusedProperty(current, u"Boot/"_s + b.key()));
                }
            }
            if (auto problem = readBootValue(boot, u"BootSourceOverrideTarget"_s, &target))
                bootProblems.append(*problem);
            if (auto problem = readBootValue(boot, u"BootSourceOverrideEnabled"_s, &enabled))
                bootProblems.append(*problem);
            if (auto problem = readBootValue(boot, u"BootSourceOverrideMode"_s, &mode))
                bootProblems.append(*problem);
            problems += bootProblems;
            if (target || enabled || mode) {
                const BootOverride *override = m_bootOverride;
                m_bootOverride->set(target.value_or(override->target()), enabled.value_or(override->enabled()),
                                    mode.value_or(override->mode()), actor);
                changed = true;
            }
        } else if (key == u"PowerRestorePolicy"_s) {
            std::optional<PowerRestorePolicy::Policy> policy;
            for (const auto &[candidate, name] : restorePolicies) {
                if (it->toString() == name)
                    policy = candidate;
            }
            if (!it->isString())
                problems.append(BaseMessages::propertyValueTypeError(RedfishJson::valueText(*it), key));
            else if (!policy)
                problems.append(BaseMessages::propertyValueNotInList(it->toString(), key));
            else if (const auto failure = m_restorePolicy->setPolicy(*policy, actor))
                problems.append(BaseMessages::propertyValueNotInList(it->toString(), key));
            else
                changed = true;
        } else {
            problems.append(BaseMessages::refusedProperty(current, key));
        }
    }
    return RedfishReply::patched(get(), changed, problems);
}
