#include "BmcOnFakeHost.h"
#include "BootOverride.h"
#include "ChassisCommands.h"
#include "ChassisIdentify.h"
#include "CommandTesting.h"
#include "EventLog.h"
#include "NetFn.h"
#include "PowerController.h"
#include "PowerRestorePolicy.h"

#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using CommandTesting::bytes;
using Action = PowerController::Action;
using LedState = HostBackend::LedState;
using Policy = PowerRestorePolicy::Policy;
using Target = BootOverride::Target;
using Enabled = BootOverride::Enabled;
using Mode = BootOverride::Mode;

// The chassis commands over a whole Bmc on a fake host, so that power requests, the restore
// policy, identify and the boot override are the model's own and their wiring (a power-on uses up
// a Once override) holds as in the server.
class tst_ChassisCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void capabilities();
    void statusOfAnIdleHost();
    void statusShowsPowerPolicyAndIdentify();
    void statusRemembersAnIpmiPowerOn();
    void control_data();
    void control();
    void controlRefusals_data();
    void controlRefusals();
    void controlWhileAnActionRunsIsBusy();
    void identify_data();
    void identify();
    void restorePolicy_data();
    void restorePolicy();
    void restorePolicyRefusesReservedValues();
    void restartCauseIsUnknownUntilQbmcStartsTheHost();
    void restartCause_data();
    void restartCause();
    void bootFlags_data();
    void bootFlags();
    void bootFlagsRefusals();
    void onceOverrideIsUsedByAnIpmiPowerOn();
    void setInProgressLock();
    void otherBootParameters();
    void bootInfoAcknowledgeReadsTheWriteMaskAsZero();
    void privileges_data();
    void privileges();
    void requestLengths_data();
    void requestLengths();

private:
    IpmiResponse call(quint8 command, const QByteArray &data = {}, Privilege privilege = Privilege::Administrator);
    IpmiResponse getBoot(quint8 parameter) { return call(0x09, QByteArray(1, char(parameter)) + bytes("00 00")); }
    IpmiResponse setBoot(quint8 parameter, const QByteArray &data) { return call(0x08, char(parameter) + data); }
    PowerController *power() const { return m_bmc->power(); }

    std::unique_ptr<BmcOnFakeHost> m_host;
    FakeHostBackend *m_backend = nullptr;
    Bmc *m_bmc = nullptr;
    std::unique_ptr<CommandTable> m_table;
    std::unique_ptr<ChassisCommands> m_commands;
};

void tst_ChassisCommands::init()
{
    m_host = std::make_unique<BmcOnFakeHost>();
    m_backend = &m_host->backend;
    m_bmc = &m_host->bmc;
    m_table = std::make_unique<CommandTable>();
    m_commands = CommandTesting::registered<ChassisCommands>(*m_table, m_bmc->power(), m_bmc->powerRestorePolicy(),
                                                             m_bmc->bootOverride(), m_bmc->chassisIdentify());
}

void tst_ChassisCommands::cleanup()
{
    m_commands.reset();
    m_table.reset();
    m_host.reset();
}

IpmiResponse tst_ChassisCommands::call(quint8 command, const QByteArray &data, Privilege privilege)
{
    return m_table->dispatch(CommandTesting::request(NetFn::chassis, command, data, privilege));
}

void tst_ChassisCommands::capabilities()
{
    // Diagnostic interrupt (bit 2) only with an NMI line; FRU, SDR, SEL and system management
    // device are all the BMC at 20h.
    QCOMPARE(call(0x00).data.toHex(' '), QByteArray("04 20 20 20 20"));
    m_backend->caps = HostBackend::Capability::ResetButton;
    QCOMPARE(call(0x00).data.toHex(' '), QByteArray("00 20 20 20 20"));
}

void tst_ChassisCommands::statusOfAnIdleHost()
{
    const IpmiResponse response = call(0x01);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    // Off, policy "always off", no last power event, identify supported and off.
    QCOMPARE(response.data.toHex(' '), QByteArray("00 00 40"));
}

void tst_ChassisCommands::statusShowsPowerPolicyAndIdentify()
{
    m_backend->setLed(LedState::On);
    QCOMPARE(call(0x01).data.toHex(' '), QByteArray("01 00 40"));
    m_bmc->powerRestorePolicy()->setPolicy(Policy::AlwaysOn, Actor::screen());
    QCOMPARE(call(0x01).data.toHex(' '), QByteArray("41 00 40"));
    m_bmc->powerRestorePolicy()->setPolicy(Policy::LastState, Actor::screen());
    QCOMPARE(call(0x01).data.toHex(' '), QByteArray("21 00 40"));
    m_bmc->chassisIdentify()->turnOn(std::chrono::seconds(30), Actor::screen());
    QCOMPARE(call(0x01).data.toHex(' '), QByteArray("21 00 50")); // temporary
    m_bmc->chassisIdentify()->turnOn(std::chrono::seconds(0), Actor::screen());
    QCOMPARE(call(0x01).data.toHex(' '), QByteArray("21 00 60")); // indefinite
}

void tst_ChassisCommands::statusRemembersAnIpmiPowerOn()
{
    // Bit 4 of the last power event: the host was last powered on by an IPMI command.
    QCOMPARE(call(0x02, bytes("01")).completionCode, CompletionCode::Success);
    m_backend->release();
    m_backend->setLed(LedState::On);
    QCOMPARE(call(0x01).data.toHex(' '), QByteArray("01 10 40"));
}

void tst_ChassisCommands::control_data()
{
    QTest::addColumn<LedState>("led");
    QTest::addColumn<quint8>("control");
    QTest::addColumn<Action>("action");
    QTest::newRow("power down") << LedState::On << quint8(0x00) << Action::ForceOff;
    QTest::newRow("power up") << LedState::Off << quint8(0x01) << Action::On;
    QTest::newRow("power cycle") << LedState::On << quint8(0x02) << Action::PowerCycle;
    // A power cycle of an off host powers it on (docs/decisions.md #26).
    QTest::newRow("power cycle while off") << LedState::Off << quint8(0x02) << Action::PowerCycle;
    QTest::newRow("hard reset") << LedState::On << quint8(0x03) << Action::ForceRestart;
    QTest::newRow("diagnostic interrupt") << LedState::On << quint8(0x04) << Action::Nmi;
    QTest::newRow("soft shutdown") << LedState::On << quint8(0x05) << Action::GracefulShutdown;
    QTest::newRow("power up while on: nothing to do") << LedState::On << quint8(0x01) << Action::On;
}

void tst_ChassisCommands::control()
{
    QFETCH(LedState, led);
    QFETCH(quint8, control);
    QFETCH(Action, action);
    m_backend->setLed(led);
    const IpmiResponse response = call(0x02, QByteArray(1, char(control)), Privilege::Operator);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QVERIFY(response.data.isEmpty());
    QVERIFY(power()->lastRequest());
    QCOMPARE(power()->lastRequest()->action, action);
    QCOMPARE(power()->lastRequest()->actor, Actor::ipmi(u"admin"_s));
}

void tst_ChassisCommands::controlRefusals_data()
{
    QTest::addColumn<LedState>("led");
    QTest::addColumn<bool>("nmiLine");
    QTest::addColumn<quint8>("control");
    QTest::addColumn<CompletionCode>("expected");
    QTest::newRow("reserved action") << LedState::On << true << quint8(0x06) << CompletionCode::InvalidDataField;
    QTest::newRow("hard reset while off")
        << LedState::Off << true << quint8(0x03) << CompletionCode::NotSupportedInPresentState;
    QTest::newRow("interrupt while off") << LedState::Off << true << quint8(0x04)
                                         << CompletionCode::NotSupportedInPresentState;
    QTest::newRow("interrupt without an NMI line")
        << LedState::On << false << quint8(0x04) << CompletionCode::NotSupportedInPresentState;
    QTest::newRow("anything with an unreadable LED")
        << LedState::Unknown << true << quint8(0x01) << CompletionCode::NotSupportedInPresentState;
}

void tst_ChassisCommands::controlRefusals()
{
    QFETCH(LedState, led);
    QFETCH(bool, nmiLine);
    QFETCH(quint8, control);
    QFETCH(CompletionCode, expected);
    m_backend->setLed(led);
    if (!nmiLine)
        m_backend->caps = HostBackend::Capability::ResetButton;
    QCOMPARE(call(0x02, QByteArray(1, char(control))).completionCode, expected);
    QVERIFY(!power()->lastRequest());
    QVERIFY(m_backend->presses.isEmpty());
    QCOMPARE(m_backend->nmiPulses, 0);
}

// Another user's request while an action runs is busy; the same user's is queued behind it
// (docs/decisions.md#105), so "power on" then "power off" in a script both succeed.
void tst_ChassisCommands::controlWhileAnActionRunsIsBusy()
{
    QCOMPARE(call(0x02, bytes("01")).completionCode, CompletionCode::Success);
    QVERIFY(power()->isBusy()); // the fake holds the press until released
    IpmiRequest fromBob = CommandTesting::request(NetFn::chassis, 0x02, bytes("00"));
    fromBob.caller.user = u"bob"_s;
    QCOMPARE(m_table->dispatch(fromBob).completionCode, CompletionCode::NodeBusy);
    QCOMPARE(power()->lastRequest()->action, Action::On);
    QCOMPARE(call(0x02, bytes("00")).completionCode, CompletionCode::Success);
    QCOMPARE(power()->queuedActions(), QList<Action>{Action::ForceOff});
    // A hard reset after the queued power-down would reset an off host: refused now.
    QCOMPARE(call(0x02, bytes("03")).completionCode, CompletionCode::NotSupportedInPresentState);
    m_backend->release();
    m_backend->setLed(LedState::On);
    QCOMPARE(power()->currentAction(), Action::ForceOff);
    m_backend->release();
    m_backend->setLed(LedState::Off);
    QVERIFY(!power()->isBusy());
    QCOMPARE(call(0x02, bytes("02")).completionCode, CompletionCode::Success);
}

void tst_ChassisCommands::identify_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<ChassisIdentify::State>("state");
    QTest::addColumn<QString>("logged");
    QTest::newRow("no data: 15 s") << QByteArray() << ChassisIdentify::State::Temporary
                                   << u"Identify indicator on for 15 s"_s;
    QTest::newRow("interval") << bytes("1e") << ChassisIdentify::State::Temporary
                              << u"Identify indicator on for 30 s"_s;
    QTest::newRow("interval, force off") << bytes("05 00") << ChassisIdentify::State::Temporary
                                         << u"Identify indicator on for 5 s"_s;
    QTest::newRow("force on") << bytes("00 01") << ChassisIdentify::State::Indefinite
                              << u"Identify indicator on until turned off"_s;
    QTest::newRow("force on wins over the interval")
        << bytes("05 01") << ChassisIdentify::State::Indefinite << u"Identify indicator on until turned off"_s;
    QTest::newRow("interval 0: off") << bytes("00") << ChassisIdentify::State::Off << u"Identify indicator off"_s;
}

void tst_ChassisCommands::identify()
{
    QFETCH(QByteArray, data);
    QFETCH(ChassisIdentify::State, state);
    QFETCH(QString, logged);
    m_bmc->chassisIdentify()->turnOn(std::chrono::seconds(0), Actor::screen()); // on until turned off
    QCOMPARE(call(0x04, data, Privilege::Operator).completionCode, CompletionCode::Success);
    QCOMPARE(m_bmc->chassisIdentify()->state(), state);
    QCOMPARE(m_bmc->eventLog()->entries().last().message, logged);
    QCOMPARE(m_bmc->eventLog()->entries().last().actor, Actor::ipmi(u"admin"_s));
}

void tst_ChassisCommands::restorePolicy_data()
{
    QTest::addColumn<Policy>("before");
    QTest::addColumn<quint8>("value");
    QTest::addColumn<Policy>("policy");
    QTest::newRow("always off") << Policy::AlwaysOn << quint8(0x00) << Policy::AlwaysOff;
    QTest::newRow("previous state") << Policy::AlwaysOff << quint8(0x01) << Policy::LastState;
    QTest::newRow("always on") << Policy::AlwaysOff << quint8(0x02) << Policy::AlwaysOn;
}

void tst_ChassisCommands::restorePolicy()
{
    QFETCH(Policy, before);
    QFETCH(quint8, value);
    QFETCH(Policy, policy);
    m_bmc->powerRestorePolicy()->setPolicy(before, Actor::screen());
    const IpmiResponse response = call(0x06, QByteArray(1, char(value)), Privilege::Operator);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(response.data.toHex(' '), QByteArray("07")); // all three policies supported
    QCOMPARE(m_bmc->powerRestorePolicy()->policy(), policy);
    QCOMPARE(m_bmc->eventLog()->entries().last().actor, Actor::ipmi(u"admin"_s));
}

void tst_ChassisCommands::restorePolicyRefusesReservedValues()
{
    m_bmc->powerRestorePolicy()->setPolicy(Policy::AlwaysOn, Actor::screen());
    // 03h only asks which policies are supported.
    QCOMPARE(call(0x06, bytes("03")).data.toHex(' '), QByteArray("07"));
    QCOMPARE(call(0x06, bytes("04")).completionCode, CompletionCode::InvalidDataField);
    QCOMPARE(call(0x06, bytes("07")).completionCode, CompletionCode::InvalidDataField);
    QCOMPARE(m_bmc->powerRestorePolicy()->policy(), Policy::AlwaysOn);
}

void tst_ChassisCommands::restartCauseIsUnknownUntilQbmcStartsTheHost()
{
    // Cause 0 (unknown), then the channel the BMC answers on.
    QCOMPARE(call(0x07).data.toHex(' '), QByteArray("00 01"));
    m_backend->setLed(LedState::On); // a host that started by itself
    QCOMPARE(call(0x07).data.toHex(' '), QByteArray("00 01"));
}

void tst_ChassisCommands::restartCause_data()
{
    QTest::addColumn<Actor>("actor");
    QTest::addColumn<Policy>("policy");
    QTest::addColumn<QByteArray>("cause");
    QTest::newRow("IPMI") << Actor::ipmi(u"admin"_s) << Policy::AlwaysOff << QByteArray("01 01");
    QTest::newRow("Redfish") << Actor::redfish(u"admin"_s) << Policy::AlwaysOff << QByteArray("01 01");
    QTest::newRow("the screen's power button") << Actor::screen() << Policy::AlwaysOff << QByteArray("03 01");
    QTest::newRow("policy always on") << Actor::bmc() << Policy::AlwaysOn << QByteArray("06 01");
    QTest::newRow("policy previous state") << Actor::bmc() << Policy::LastState << QByteArray("07 01");
}

void tst_ChassisCommands::restartCause()
{
    QFETCH(Actor, actor);
    QFETCH(Policy, policy);
    QFETCH(QByteArray, cause);
    m_bmc->powerRestorePolicy()->setPolicy(policy, Actor::screen());
    QCOMPARE(power()->request(Action::On, actor), PowerController::Admission::Accepted);
    QCOMPARE(call(0x07).data.toHex(' '), cause);
}

void tst_ChassisCommands::bootFlags_data()
{
    QTest::addColumn<QByteArray>("flags");
    QTest::addColumn<Target>("target");
    QTest::addColumn<Enabled>("enabled");
    QTest::addColumn<Mode>("mode");
    // Byte 1: valid, persistent, EFI; byte 2 bits 5:2: the device.
    QTest::newRow("PXE once, UEFI") << bytes("a0 04 00 00 00") << Target::Pxe << Enabled::Once << Mode::UEFI;
    QTest::newRow("disk always, legacy") << bytes("c0 08 00 00 00") << Target::Hdd << Enabled::Continuous
                                         << Mode::Legacy;
    QTest::newRow("CD/DVD") << bytes("80 14 00 00 00") << Target::Cd << Enabled::Once << Mode::Legacy;
    QTest::newRow("BIOS setup") << bytes("e0 18 00 00 00") << Target::BiosSetup << Enabled::Continuous << Mode::UEFI;
    QTest::newRow("removable media") << bytes("a0 3c 00 00 00") << Target::Usb << Enabled::Once << Mode::UEFI;
    QTest::newRow("not valid") << bytes("00 00 00 00 00") << Target::None << Enabled::Disabled << Mode::Legacy;
}

void tst_ChassisCommands::bootFlags()
{
    QFETCH(QByteArray, flags);
    QFETCH(Target, target);
    QFETCH(Enabled, enabled);
    QFETCH(Mode, mode);
    m_bmc->bootOverride()->set(Target::Hdd, Enabled::Once, Mode::UEFI, Actor::screen());
    QCOMPARE(setBoot(0x05, flags).completionCode, CompletionCode::Success);
    const BootOverride *boot = m_bmc->bootOverride();
    QCOMPARE(boot->target(), target);
    QCOMPARE(boot->enabled(), enabled);
    QCOMPARE(boot->mode(), mode);
    QCOMPARE(m_bmc->eventLog()->entries().last().actor, Actor::ipmi(u"admin"_s));
    const IpmiResponse read = getBoot(0x05);
    QCOMPARE(read.completionCode, CompletionCode::Success);
    QCOMPARE(read.data, bytes("01 05") + flags); // parameter version 1, parameter 5 (valid)
}

void tst_ChassisCommands::bootFlagsRefusals()
{
    // Device 3 (disk, safe mode) has no override target; parameter 5 is exactly 5 bytes.
    QCOMPARE(setBoot(0x05, bytes("80 0c 00 00 00")).completionCode, CompletionCode::InvalidDataField);
    QCOMPARE(setBoot(0x05, bytes("80 04 00 00")).completionCode, CompletionCode::RequestDataLengthInvalid);
    QCOMPARE(setBoot(0x05, bytes("80 04 00 00 00 00")).completionCode, CompletionCode::RequestDataLengthInvalid);
    QCOMPARE(m_bmc->bootOverride()->enabled(), Enabled::Disabled);
    QCOMPARE(getBoot(0x05).data.toHex(' '), QByteArray("01 05 20 00 00 00 00")); // UEFI, the default mode
}

void tst_ChassisCommands::onceOverrideIsUsedByAnIpmiPowerOn()
{
    QCOMPARE(setBoot(0x05, bytes("a0 04 00 00 00")).completionCode, CompletionCode::Success);
    QCOMPARE(call(0x02, bytes("01")).completionCode, CompletionCode::Success);
    QCOMPARE(m_bmc->bootOverride()->enabled(), Enabled::Disabled);
    QCOMPARE(getBoot(0x05).data.toHex(' '), QByteArray("01 05 20 04 00 00 00"));
}

void tst_ChassisCommands::setInProgressLock()
{
    QCOMPARE(getBoot(0x00).data.toHex(' '), QByteArray("01 00 00"));
    QCOMPARE(setBoot(0x00, bytes("01")).completionCode, CompletionCode::Success);
    QCOMPARE(getBoot(0x00).data.toHex(' '), QByteArray("01 00 01"));
    // A second "set in progress" means another party holds the lock.
    QCOMPARE(setBoot(0x00, bytes("01")).completionCode, CompletionCode::SetInProgress);
    QCOMPARE(setBoot(0x00, bytes("02")).completionCode, CompletionCode::Success); // commit write
    QCOMPARE(getBoot(0x00).data.toHex(' '), QByteArray("01 00 00"));
    QCOMPARE(setBoot(0x00, bytes("03")).completionCode, CompletionCode::InvalidDataField);
    QCOMPARE(setBoot(0x00, bytes("01 00")).completionCode, CompletionCode::RequestDataLengthInvalid);
}

void tst_ChassisCommands::otherBootParameters()
{
    // Valid bit clearing keeps bits 4:0.
    QCOMPARE(setBoot(0x03, bytes("ff")).completionCode, CompletionCode::Success);
    QCOMPARE(getBoot(0x03).data.toHex(' '), QByteArray("01 03 1f"));
    // Boot info acknowledge: byte 1 says which bits of byte 2 to write.
    QCOMPARE(setBoot(0x04, bytes("03 01")).completionCode, CompletionCode::Success);
    QCOMPARE(setBoot(0x04, bytes("02 ff")).completionCode, CompletionCode::Success);
    QCOMPARE(getBoot(0x04).data.right(1).toHex(' '), QByteArray("03"));
    // Service partition selector and scan are accepted and read as 0.
    QCOMPARE(setBoot(0x01, bytes("07")).completionCode, CompletionCode::Success);
    QCOMPARE(getBoot(0x02).data.toHex(' '), QByteArray("01 02 00"));
    // Bit 7 of the selector only marks the parameter (in)valid.
    QCOMPARE(getBoot(0x83).data.toHex(' '), QByteArray("01 03 1f"));
    QCOMPARE(setBoot(0x06, bytes("00 00 00 00 00 00 00 00 00")).completionCode, CompletionCode::ParameterNotSupported);
    QCOMPARE(getBoot(0x07).completionCode, CompletionCode::ParameterNotSupported);
}

void tst_ChassisCommands::bootInfoAcknowledgeReadsTheWriteMaskAsZero()
{
    QCOMPARE(setBoot(0x04, bytes("01 01")).completionCode, CompletionCode::Success);
    // IPMI v2.0 table 28-14, parameter 4: the write mask is write-only and is returned as 00h.
    QEXPECT_FAIL("", "qbmc returns 1Fh as the write mask of boot option parameter 4", Continue);
    QCOMPARE(getBoot(0x04).data.toHex(' '), QByteArray("01 04 00 01"));
}

void tst_ChassisCommands::privileges_data()
{
    QTest::addColumn<quint8>("command");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<Privilege>("needed");
    QTest::newRow("Get Chassis Capabilities") << quint8(0x00) << QByteArray() << Privilege::User;
    QTest::newRow("Get Chassis Status") << quint8(0x01) << QByteArray() << Privilege::User;
    QTest::newRow("Chassis Control") << quint8(0x02) << bytes("05") << Privilege::Operator;
    QTest::newRow("Chassis Identify") << quint8(0x04) << QByteArray() << Privilege::Operator;
    QTest::newRow("Set Power Restore Policy") << quint8(0x06) << bytes("03") << Privilege::Operator;
    QTest::newRow("Get System Restart Cause") << quint8(0x07) << QByteArray() << Privilege::User;
    QTest::newRow("Set System Boot Options") << quint8(0x08) << bytes("03 1f") << Privilege::Operator;
    QTest::newRow("Get System Boot Options") << quint8(0x09) << bytes("05 00 00") << Privilege::Operator;
}

void tst_ChassisCommands::privileges()
{
    QFETCH(quint8, command);
    QFETCH(QByteArray, data);
    QFETCH(Privilege, needed);
    // IPMI v2.0 table G-1 lists Get System Boot Options at Operator, like Set.
    QEXPECT_FAIL("Get System Boot Options", "qbmc answers Get System Boot Options at User", Continue);
    QCOMPARE(call(command, data, Privilege(quint8(needed) - 1)).completionCode, CompletionCode::InsufficientPrivilege);
    QCOMPARE(call(command, data, needed).completionCode, CompletionCode::Success);
}

void tst_ChassisCommands::requestLengths_data()
{
    QTest::addColumn<quint8>("command");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<CompletionCode>("expected");
    const auto accepted = CompletionCode::Success;
    const auto refused = CompletionCode::RequestDataLengthInvalid;
    QTest::newRow("capabilities, none") << quint8(0x00) << QByteArray() << accepted;
    QTest::newRow("capabilities, 1") << quint8(0x00) << bytes("00") << refused;
    QTest::newRow("status, none") << quint8(0x01) << QByteArray() << accepted;
    QTest::newRow("status, 1") << quint8(0x01) << bytes("00") << refused;
    QTest::newRow("control, none") << quint8(0x02) << QByteArray() << refused;
    QTest::newRow("control, 1") << quint8(0x02) << bytes("05") << accepted; // soft off: already off
    QTest::newRow("control, 2") << quint8(0x02) << bytes("05 00") << refused;
    QTest::newRow("identify, none") << quint8(0x04) << QByteArray() << accepted;
    QTest::newRow("identify, 2") << quint8(0x04) << bytes("00 00") << accepted;
    QTest::newRow("identify, 3") << quint8(0x04) << bytes("00 00 00") << refused;
    QTest::newRow("restore policy, none") << quint8(0x06) << QByteArray() << refused;
    QTest::newRow("restore policy, 1") << quint8(0x06) << bytes("03") << accepted;
    QTest::newRow("restore policy, 2") << quint8(0x06) << bytes("03 00") << refused;
    QTest::newRow("restart cause, none") << quint8(0x07) << QByteArray() << accepted;
    QTest::newRow("restart cause, 1") << quint8(0x07) << bytes("00") << refused;
    QTest::newRow("set boot options, none") << quint8(0x08) << QByteArray() << refused;
    QTest::newRow("set boot options, 1") << quint8(0x08) << bytes("01") << accepted;
    QTest::newRow("set boot options, 17") << quint8(0x08) << bytes("01") + QByteArray(16, '\0') << accepted;
    QTest::newRow("set boot options, 18") << quint8(0x08) << bytes("01") + QByteArray(17, '\0') << refused;
    QTest::newRow("get boot options, 2") << quint8(0x09) << bytes("05 00") << refused;
    QTest::newRow("get boot options, 3") << quint8(0x09) << bytes("05 00 00") << accepted;
    QTest::newRow("get boot options, 4") << quint8(0x09) << bytes("05 00 00 00") << refused;
}

void tst_ChassisCommands::requestLengths()
{
    QFETCH(quint8, command);
    QFETCH(QByteArray, data);
    QFETCH(CompletionCode, expected);
    QCOMPARE(call(command, data).completionCode, expected);
}

QTEST_GUILESS_MAIN(tst_ChassisCommands)
#include "tst_chassiscommands.moc"
