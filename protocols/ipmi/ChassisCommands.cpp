#include "ChassisCommands.h"

#include "BootOverride.h"
#include "ByteWriter.h"
#include "ChassisIdentify.h"
#include "NetFn.h"
#include "PowerController.h"
#include "PowerRestorePolicy.h"

using namespace Qt::StringLiterals;
using Action = PowerController::Action;
using Admission = PowerController::Admission;

namespace {
constexpr quint8 bootParameterVersion = 0x01;
enum BootParameter : quint8 {
    SetInProgress = 0,
    ServicePartitionSelector = 1,
    ServicePartitionScan = 2,
    ValidBitClearing = 3,
    BootInfoAcknowledge = 4,
    BootFlags = 5,
};

// Boot device selector of parameter 5 (byte 2, bits 5:2) and the override target it means.
struct DeviceSelector
{
    quint8 selector;
    BootOverride::Target target;
};
constexpr DeviceSelector deviceSelectors[] = {
    {0x0, BootOverride::Target::None},      {0x1, BootOverride::Target::Pxe},
    {0x2, BootOverride::Target::Hdd},       {0x5, BootOverride::Target::Cd},
    {0x6, BootOverride::Target::BiosSetup}, {0xF, BootOverride::Target::Usb}, // "removable media"
};

// Restart causes (IPMI v2.0 table 28-11).
constexpr quint8 causeChassisControl = 0x01;
constexpr quint8 causePowerButton = 0x03;
constexpr quint8 causeRestoreAlwaysOn = 0x06;
constexpr quint8 causeRestorePrevious = 0x07;

CompletionCode admissionCode(Admission admission)
{
    switch (admission) {
    case Admission::Accepted:
    case Admission::AlreadyDone: return CompletionCode::Success;
    case Admission::Busy: return CompletionCode::NodeBusy;
    case Admission::InvalidInState:
    case Admission::Unsupported: return CompletionCode::NotSupportedInPresentState;
    }
    return CompletionCode::Unspecified;
}
} // namespace

struct ChassisCommands::ControlRequest
{
    quint8 control = 0; // bits 3:0: down, up, cycle, hard reset, diagnostic interrupt, soft off
    void fields(auto &visit) { visit(control); }
};

struct ChassisCommands::IdentifyRequest
{
    std::optional<quint8> interval; // seconds; without it, 15 s, the specification's default
    std::optional<quint8> force;    // bit 0: on until turned off
    void fields(auto &visit) { visit(interval, force); }
};

struct ChassisCommands::RestorePolicyRequest
{
    quint8 policy = 0; // bits 2:0
    void fields(auto &visit) { visit(policy); }
};

struct ChassisCommands::SetBootOptionsRequest
{
    quint8 parameter = 0; // bit 7 (mark invalid) is not kept
    RequestFields::Tail<0, 16> data;
    void fields(auto &visit) { visit(parameter, data); }
};

struct ChassisCommands::GetBootOptionsRequest
{
    quint8 parameter = 0;
    quint8 setSelector = 0;
    quint8 blockSelector = 0;
    void fields(auto &visit) { visit(parameter, setSelector, blockSelector); }
};

ChassisCommands::ChassisCommands(PowerController *power, PowerRestorePolicy *restorePolicy, BootOverride *bootOverride,
                                 ChassisIdentify *identify, QObject *parent)
    : CommandGroup(parent)
    , m_power(power)
    , m_restorePolicy(restorePolicy)
    , m_bootOverride(bootOverride)
    , m_identify(identify)
{
    connect(m_power, &PowerController::hostStarting, this, &ChassisCommands::onHostStarting);
}

void ChassisCommands::registerIn(CommandTable &table)
{
    table.add({NetFn::chassis, 0x00, "Get Chassis Capabilities", Privilege::User}, this,
              &ChassisCommands::getCapabilities);
    table.add({NetFn::chassis, 0x01, "Get Chassis Status", Privilege::User}, this, &ChassisCommands::getStatus);
    table.add({NetFn::chassis, 0x02, "Chassis Control", Privilege::Operator}, this, &ChassisCommands::control);
    table.add({NetFn::chassis, 0x04, "Chassis Identify", Privilege::Operator}, this, &ChassisCommands::identify);
    table.add({NetFn::chassis, 0x06, "Set Power Restore Policy", Privilege::Operator}, this,
              &ChassisCommands::setPowerRestorePolicy);
    table.add({NetFn::chassis, 0x07, "Get System Restart Cause", Privilege::User}, this,
              &ChassisCommands::getRestartCause);
    table.add({NetFn::chassis, 0x08, "Set System Boot Options", Privilege::Operator}, this,
              &ChassisCommands::setBootOptions);
    table.add({NetFn::chassis, 0x09, "Get System Boot Options", Privilege::User}, this,
              &ChassisCommands::getBootOptions);
}

void ChassisCommands::onHostStarting(const Actor &actor)
{
    switch (actor.origin) {
    case Actor::Origin::Screen: m_restartCause = causePowerButton; break;
    case Actor::Origin::Bmc:
        m_restartCause = m_restorePolicy->policy() == PowerRestorePolicy::Policy::AlwaysOn ? causeRestoreAlwaysOn
                                                                                           : causeRestorePrevious;
        break;
    default: m_restartCause = causeChassisControl; break;
    }
}

IpmiResponse ChassisCommands::getCapabilities(const None &) const
{
    const bool nmi = m_power->isSupported(Action::Nmi);
    QByteArray data;
    // Capability flags (bit 2: diagnostic interrupt), then the FRU, SDR, SEL and system
    // management device addresses: all the BMC.
    ByteWriter(&data).u8(nmi ? 0x04 : 0x00).u8(0x20).u8(0x20).u8(0x20).u8(0x20);
    return IpmiResponse::success(data);
}

IpmiResponse ChassisCommands::getStatus(const None &) const
{
    const PowerController *power = m_power;
    const PowerController::State state = power->state();
    const bool on = state == PowerController::State::On || state == PowerController::State::PoweringOff;
    quint8 policy = 0x03; // unknown
    switch (m_restorePolicy->policy()) {
    case PowerRestorePolicy::Policy::AlwaysOff: policy = 0x00; break;
    case PowerRestorePolicy::Policy::LastState: policy = 0x01; break;
    case PowerRestorePolicy::Policy::AlwaysOn: policy = 0x02; break;
    }
    // Bit 4: the last power action failed to take effect (a time-out), a power control fault.
    const quint8 current = quint8((on ? 0x01 : 0x00) | (power->lastActionFailed() ? 0x10 : 0x00) | policy << 5);

    // Last power event, bit 4: the host was last powered on by an IPMI command.
    const auto last = power->lastRequest();
    const bool poweredOnByIpmi = last && last->actor.origin == Actor::Origin::Ipmi
        && (last->action == Action::On || last->action == Action::ForceOn || last->action == Action::PowerCycle);

    quint8 identify = 0x40; // identify command supported
    switch (m_identify->state()) {
    case ChassisIdentify::State::Off: break;
    case ChassisIdentify::State::Temporary: identify |= 0x10; break;
    case ChassisIdentify::State::Indefinite: identify |= 0x20; break;
    }
    QByteArray data;
    ByteWriter(&data).u8(current).u8(poweredOnByIpmi ? 0x10 : 0x00).u8(identify);
    return IpmiResponse::success(data);
}

IpmiResponse ChassisCommands::control(const ControlRequest &request, const IpmiCaller &caller)
{
    Action action = Action::On;
    switch (request.control & 0x0F) {
    case 0x00: action = Action::ForceOff; break;
    case 0x01: action = Action::On; break;
    case 0x02: action = Action::PowerCycle; break;
    case 0x03: action = Action::ForceRestart; break;
    case 0x04: action = Action::Nmi; break;
    case 0x05: action = Action::GracefulShutdown; break;
    default: return IpmiResponse::failure(CompletionCode::InvalidDataField);
    }
    return IpmiResponse::failure(admissionCode(m_power->request(action, Actor::ipmi(caller.user))));
}

IpmiResponse ChassisCommands::identify(const IdentifyRequest &request, const IpmiCaller &caller)
{
    const int interval = request.interval.value_or(15);
    const bool forceOn = request.force.value_or(0) & 0x01;
    const Actor actor = Actor::ipmi(caller.user);
    if (forceOn)
        m_identify->turnOn(std::chrono::seconds(0), actor);
    else if (interval == 0)
        m_identify->turnOff(actor);
    else
        m_identify->turnOn(std::chrono::seconds(interval), actor);
    return IpmiResponse::success();
}

IpmiResponse ChassisCommands::setPowerRestorePolicy(const RestorePolicyRequest &request, const IpmiCaller &caller)
{
    using Policy = PowerRestorePolicy::Policy;
    const quint8 asked = request.policy & 0x07;
    std::optional<Policy> policy;
    switch (asked) {
    case 0x00: policy = Policy::AlwaysOff; break;
    case 0x01: policy = Policy::LastState; break;
    case 0x02: policy = Policy::AlwaysOn; break;
    case 0x03: break; // no change: only report what is supported
    default: return IpmiResponse::failure(CompletionCode::InvalidDataField);
    }
    if (policy && m_restorePolicy->setPolicy(*policy, Actor::ipmi(caller.user)))
        return IpmiResponse::failure(CompletionCode::Unspecified);
    return IpmiResponse::success(QByteArray(1, char(0x07))); // always off, previous and always on
}

IpmiResponse ChassisCommands::getRestartCause(const None &) const
{
    const char bytes[] = {char(m_restartCause), 0x01};
    return IpmiResponse::success(QByteArray(bytes, sizeof bytes));
}

IpmiResponse ChassisCommands::setBootOptions(const SetBootOptionsRequest &request, const IpmiCaller &caller)
{
    const quint8 parameter = request.parameter & 0x7F;
    const QByteArrayView data = request.data.value;
    const auto needs = [&](qsizetype length) { return data.size() == length; };
    switch (parameter) {
    case SetInProgress: {
        if (!needs(1))
            return IpmiResponse::failure(CompletionCode::RequestDataLengthInvalid);
        const quint8 value = quint8(data[0]) & 0x03;
        if (value == 0x01 && m_setInProgress == 0x01)
            return IpmiResponse::failure(CompletionCode::SetInProgress);
        if (value == 0x03)
            return IpmiResponse::failure(CompletionCode::InvalidDataField);
        // "Commit write" keeps nothing pending: every parameter takes effect when written.
        m_setInProgress = value == 0x01 ? 0x01 : 0x00;
        return IpmiResponse::success();
    }
    case ValidBitClearing:
        if (!needs(1))
            return IpmiResponse::failure(CompletionCode::RequestDataLengthInvalid);
        m_validBitClearing = quint8(data[0]) & 0x1F;
        return IpmiResponse::success();
    case BootInfoAcknowledge:
        if (!needs(2))
            return IpmiResponse::failure(CompletionCode::RequestDataLengthInvalid);
        // Byte 1 is a write mask for byte 2.
        m_bootInfoAcknowledge =
            quint8((m_bootInfoAcknowledge & ~quint8(data[0])) | (quint8(data[1]) & quint8(data[0])));
        return IpmiResponse::success();
    case BootFlags: {
        if (!needs(5))
            return IpmiResponse::failure(CompletionCode::RequestDataLengthInvalid);
        const quint8 flags = quint8(data[0]);
        const quint8 selector = (quint8(data[1]) >> 2) & 0x0F;
        const auto device = std::find_if(std::begin(deviceSelectors), std::end(deviceSelectors),
                                         [selector](const DeviceSelector &d) { return d.selector == selector; });
        if (device == std::end(deviceSelectors))
            return IpmiResponse::failure(CompletionCode::InvalidDataField);
        using Enabled = BootOverride::Enabled;
        const Enabled enabled = !(flags & 0x80) ? Enabled::Disabled
            : (flags & 0x40)                    ? Enabled::Continuous
                                                : Enabled::Once;
        const BootOverride::Mode mode = (flags & 0x20) ? BootOverride::Mode::UEFI : BootOverride::Mode::Legacy;
        m_bootOverride->set(device->target, enabled, mode, Actor::ipmi(caller.user));
        return IpmiResponse::success();
    }
    case ServicePartitionSelector:
    case ServicePartitionScan:
        return IpmiResponse::success(); // accepted; a host without a service partition ignores them
    default: return IpmiResponse::failure(CompletionCode::ParameterNotSupported);
    }
}

IpmiResponse ChassisCommands::getBootOptions(const GetBootOptionsRequest &request) const
{
    const quint8 parameter = request.parameter & 0x7F;
    QByteArray data;
    ByteWriter writer(&data);
    writer.u8(bootParameterVersion).u8(parameter);
    switch (parameter) {
    case SetInProgress: writer.u8(m_setInProgress); break;
    case ServicePartitionSelector:
    case ServicePartitionScan: writer.u8(0); break;
    case ValidBitClearing: writer.u8(m_validBitClearing); break;
    case BootInfoAcknowledge: writer.u8(0x1F).u8(m_bootInfoAcknowledge); break;
    case BootFlags: {
        const BootOverride *boot = m_bootOverride;
        quint8 flags = 0;
        if (boot->enabled() != BootOverride::Enabled::Disabled)
            flags |= 0x80;
        if (boot->enabled() == BootOverride::Enabled::Continuous)
            flags |= 0x40;
        if (boot->mode() == BootOverride::Mode::UEFI)
            flags |= 0x20;
        const auto device = std::find_if(std::begin(deviceSelectors), std::end(deviceSelectors),
                                         [boot](const DeviceSelector &d) { return d.target == boot->target(); });
        writer.u8(flags).u8(quint8(device->selector << 2)).u8(0).u8(0).u8(0);
        break;
    }
    default: return IpmiResponse::failure(CompletionCode::ParameterNotSupported);
    }
    return IpmiResponse::success(data);
}
