#include "BmcOnFakeHost.h"
#include "CommandTesting.h"
#include "DeviceCommands.h"
#include "EventLog.h"
#include "InstallationIdentity.h"
#include "NetFn.h"
#include "PowerController.h"

#include <QSignalSpy>
#include <QTest>
#include <QVersionNumber>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using CommandTesting::bytes;
using Action = PowerController::Action;
using LedState = HostBackend::LedState;

// The BMC's own identity and state, read from a Bmc on a fake host: power for the ACPI state, the
// installation's UUIDs for the GUIDs, the event log for Cold Reset.
class tst_DeviceCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void deviceId();
    void coldResetAnswersBeforeItRestarts();
    void selfTestPassed();
    void acpiPowerState_data();
    void acpiPowerState();
    void guidsAreTheInstallationsUuids();
    void systemGuidOutsideASession();
    void privileges_data();
    void privileges();
    void requestLengths_data();
    void requestLengths();

private:
    IpmiResponse call(quint8 command, const QByteArray &data = {}, Privilege privilege = Privilege::Administrator);

    std::unique_ptr<BmcOnFakeHost> m_host;
    FakeHostBackend *m_backend = nullptr;
    Bmc *m_bmc = nullptr;
    std::unique_ptr<CommandTable> m_table;
    std::unique_ptr<DeviceCommands> m_commands;
};

void tst_DeviceCommands::init()
{
    m_host = std::make_unique<BmcOnFakeHost>();
    m_backend = &m_host->backend;
    m_bmc = &m_host->bmc;
    m_table = std::make_unique<CommandTable>();
    // A manufacturer id wider than IPMI's 20 bits, to see it cut.
    const DeviceCommands::Identity identity{0x12345678, 0xBEEF};
    m_commands = CommandTesting::registered<DeviceCommands>(*m_table, identity, m_bmc->installationIdentity(),
                                                            m_bmc->power(), m_bmc->eventLog());
}

void tst_DeviceCommands::cleanup()
{
    m_commands.reset();
    m_table.reset();
    m_host.reset();
}

IpmiResponse tst_DeviceCommands::call(quint8 command, const QByteArray &data, Privilege privilege)
{
    return m_table->dispatch(CommandTesting::request(NetFn::app, command, data, privilege));
}

namespace {
QByteArray le32(quint32 value)
{
    QByteArray bytes;
    for (int shift = 0; shift < 32; shift += 8)
        bytes.append(char(value >> shift & 0xFF));
    return bytes;
}

// A GUID goes on the wire as the UUID's bytes, least significant first.
QByteArray reversed(QByteArray bytes)
{
    std::reverse(bytes.begin(), bytes.end());
    return bytes;
}
} // namespace

void tst_DeviceCommands::deviceId()
{
    // The firmware revision follows the version qbmc is built as: major in binary, minor in BCD,
    // the patch level as the auxiliary revision.
    const QVersionNumber version = QVersionNumber::fromString(QStringLiteral(QBMC_VERSION));
    QVERIFY(version.minorVersion() <= 99);
    const auto major = char(version.majorVersion() & 0x7F);
    const auto minor = char((version.minorVersion() / 10) << 4 | version.minorVersion() % 10);
    const IpmiResponse response = call(0x01, {}, Privilege::User);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    // Device 20h, revision 1 without device SDRs, IPMI 2.0, chassis + FRU + SEL + SDR + sensor
    // device, manufacturer 45678h (20 bits), product BEEFh.
    QCOMPARE(
        response.data.toHex(' '),
        (bytes("20 01") + major + minor + bytes("02 8f 78 56 04 ef be") + le32(version.microVersion())).toHex(' '));
}

void tst_DeviceCommands::coldResetAnswersBeforeItRestarts()
{
    QSignalSpy requested(m_commands.get(), &DeviceCommands::coldResetRequested);
    const IpmiResponse response = call(0x02);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QVERIFY(response.data.isEmpty());
    // The restart must wait until the reply has gone out.
    QCOMPARE(requested.count(), 0);
    QCOMPARE(m_bmc->eventLog()->entries().last().message, u"Cold Reset of the BMC requested"_s);
    QCOMPARE(m_bmc->eventLog()->entries().last().actor, Actor::ipmi(u"admin"_s));
    QVERIFY(response.afterReply);
    response.afterReply();
    QCOMPARE(requested.count(), 1);
}

void tst_DeviceCommands::selfTestPassed()
{
    const IpmiResponse response = call(0x04);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(response.data.toHex(' '), QByteArray("55 00")); // no error
}

void tst_DeviceCommands::acpiPowerState_data()
{
    QTest::addColumn<LedState>("led");
    QTest::addColumn<std::optional<Action>>("running");
    QTest::addColumn<QByteArray>("state");
    // System S0/G0 working (00h), S5/G2 soft off (05h) or unknown (2Ah); the BMC is always D0.
    QTest::newRow("on") << LedState::On << std::optional<Action>() << QByteArray("00 00");
    QTest::newRow("off") << LedState::Off << std::optional<Action>() << QByteArray("05 00");
    QTest::newRow("unreadable LED") << LedState::Unknown << std::optional<Action>() << QByteArray("2a 00");
    QTest::newRow("powering on") << LedState::Off << std::optional<Action>(Action::On) << QByteArray("05 00");
    QTest::newRow("powering off") << LedState::On << std::optional<Action>(Action::ForceOff) << QByteArray("00 00");
}

void tst_DeviceCommands::acpiPowerState()
{
    QFETCH(LedState, led);
    QFETCH(std::optional<Action>, running);
    QFETCH(QByteArray, state);
    m_backend->setLed(led);
    if (running)
        QCOMPARE(m_bmc->power()->request(*running, Actor::screen()), PowerController::Admission::Accepted);
    const IpmiResponse response = call(0x07, {}, Privilege::User);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(response.data.toHex(' '), state);
}

void tst_DeviceCommands::guidsAreTheInstallationsUuids()
{
    const InstallationIdentity *identity = m_bmc->installationIdentity();
    const IpmiResponse device = call(0x08);
    QCOMPARE(device.completionCode, CompletionCode::Success);
    QCOMPARE(device.data, reversed(identity->deviceUuid().toRfc4122()));
    const IpmiResponse system = call(0x37);
    QCOMPARE(system.completionCode, CompletionCode::Success);
    QCOMPARE(system.data, reversed(identity->systemUuid().toRfc4122()));
    QVERIFY(device.data != system.data);
}

void tst_DeviceCommands::systemGuidOutsideASession()
{
    // RAKP 2 carries the system GUID, so clients may ask for it before they have a session.
    IpmiRequest request = CommandTesting::request(NetFn::app, 0x37, {}, Privilege::Callback);
    request.caller.sessionId = 0;
    const IpmiResponse response = m_table->dispatch(request);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(response.data, reversed(m_bmc->installationIdentity()->systemUuid().toRfc4122()));
    // Nothing else about the device is answered outside a session.
    for (quint8 command : {0x01, 0x02, 0x04, 0x07, 0x08}) {
        request.command = command;
        QCOMPARE(m_table->dispatch(request).completionCode, CompletionCode::InsufficientPrivilege);
    }
}

void tst_DeviceCommands::privileges_data()
{
    QTest::addColumn<quint8>("command");
    QTest::addColumn<Privilege>("needed");
    QTest::newRow("Get Device ID") << quint8(0x01) << Privilege::User;
    QTest::newRow("Cold Reset") << quint8(0x02) << Privilege::Administrator;
    QTest::newRow("Get Self Test Results") << quint8(0x04) << Privilege::User;
    QTest::newRow("Get ACPI Power State") << quint8(0x07) << Privilege::User;
    QTest::newRow("Get Device GUID") << quint8(0x08) << Privilege::User;
    QTest::newRow("Get System GUID") << quint8(0x37) << Privilege::User;
}

void tst_DeviceCommands::privileges()
{
    QFETCH(quint8, command);
    QFETCH(Privilege, needed);
    QSignalSpy requested(m_commands.get(), &DeviceCommands::coldResetRequested);
    const qsizetype logged = m_bmc->eventLog()->count();
    QCOMPARE(call(command, {}, Privilege(quint8(needed) - 1)).completionCode, CompletionCode::InsufficientPrivilege);
    QCOMPARE(m_bmc->eventLog()->count(), logged); // a refused Cold Reset is not logged
    QCOMPARE(call(command, {}, needed).completionCode, CompletionCode::Success);
    QCOMPARE(requested.count(), 0);
}

void tst_DeviceCommands::requestLengths_data()
{
    QTest::addColumn<quint8>("command");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<CompletionCode>("expected");
    // None of them takes data: the shortest and longest request is empty.
    const auto refused = CompletionCode::RequestDataLengthInvalid;
    QTest::newRow("Get Device ID, none") << quint8(0x01) << QByteArray() << CompletionCode::Success;
    QTest::newRow("Get Device ID, 1") << quint8(0x01) << bytes("00") << refused;
    QTest::newRow("Cold Reset, 1") << quint8(0x02) << bytes("00") << refused;
    QTest::newRow("Get Self Test Results, 1") << quint8(0x04) << bytes("00") << refused;
    QTest::newRow("Get ACPI Power State, 1") << quint8(0x07) << bytes("00") << refused;
    QTest::newRow("Get Device GUID, 1") << quint8(0x08) << bytes("00") << refused;
    QTest::newRow("Get System GUID, none") << quint8(0x37) << QByteArray() << CompletionCode::Success;
    QTest::newRow("Get System GUID, 1") << quint8(0x37) << bytes("00") << refused;
}

void tst_DeviceCommands::requestLengths()
{
    QFETCH(quint8, command);
    QFETCH(QByteArray, data);
    QFETCH(CompletionCode, expected);
    const qsizetype logged = m_bmc->eventLog()->count();
    QCOMPARE(call(command, data).completionCode, expected);
    QCOMPARE(m_bmc->eventLog()->count(), logged);
}

QTEST_GUILESS_MAIN(tst_DeviceCommands)
#include "tst_devicecommands.moc"
