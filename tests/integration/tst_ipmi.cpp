#include "DaemonProcess.h"
#include "IpmiClients.h"
#include "RmcpPlusClient.h"
#include "StoredEventLog.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
const QString admin = u"admin"_s;
const QString adminPassword = u"Admin-Pass-1"_s;

// The simulated host made quick, so that power tests take seconds, not minutes.
const QByteArray fastHost = "host:\n"
                            "  sim:\n"
                            "    power_on_delay: 0.2\n"
                            "    shutdown_delay: 0.3\n"
                            "    force_off_hold: 0.3\n"
                            "power:\n"
                            "  long_press: 0.5\n"
                            "  cycle_delay: 0.2\n";
} // namespace

// IPMI over LAN as the real clients use it: ipmitool at its default cipher suite and with -C 3
// and -C 17, freeipmi and pyghmi, against the built daemon on the simulated host. Effects are
// checked on the host (through a second client) and in the event log, not only in the client's
// output.
class tst_Ipmi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void mcInfoAndGuid_data();
    void mcInfoAndGuid();
    void refusalsAreCleanAndQuick_data();
    void refusalsAreCleanAndQuick();
    void wrongPasswordIsLogged();
    void powerCommands_data();
    void powerCommands();
    void chassisStatusAndIdentify();
    void bootDevice_data();
    void bootDevice();
    void usersChannelsAndSessions();
    void readOnlyUserIsRefusedPowerControl();
    void freeipmi();
    void pyghmi();
    void replayedAndOutOfWindowPacketsAreDropped();
    void failedLoginsThrottleOneAddressOnly();
    void aGuesserCollectsAHandfulOfAuthCodes();
    void seventeenthSessionEvictsTheLongestIdle();
    void coldResetRestartsInPlace();

private:
    ClientResult ipmitool(const QStringList &command, const QStringList &options = {}) const
    {
        return IpmiClients::ipmitool(m_daemon->ipmiPort(), admin, adminPassword, command, options);
    }
    bool waitForPower(const QString &state);
    // Runs `command` until it succeeds. Not QTRY_VERIFY: that evaluates its expression once more
    // after it held, which would send a power command twice.
    bool succeedsWithin(const std::function<ClientResult()> &command, int timeoutMs = 10000);
    QList<QJsonObject> events() const;
    bool logged(const QString &message, const QString &actor) const;

    DaemonProcess *m_daemon = nullptr;
};

void tst_Ipmi::initTestCase()
{
    m_daemon = new DaemonProcess;
    m_daemon->setEnvironmentValue(u"QBMC_ADMIN_PASSWORD"_s, adminPassword);
    // Many wrong passwords below: neither the account nor the address may get locked here.
    m_daemon->writeConfig(fastHost + "accounts:\n  lockout_threshold: 0\nipmi:\n  throttle:\n    failures: 0\n");
    QVERIFY2(m_daemon->start(), m_daemon->standardError().constData());
}

void tst_Ipmi::cleanupTestCase()
{
    if (qEnvironmentVariableIsSet("QBMC_TEST_DAEMON_LOG")) {
        QFile log(qEnvironmentVariable("QBMC_TEST_DAEMON_LOG"));
        m_daemon->logCount({});
        if (log.open(QIODevice::WriteOnly))
            log.write(m_daemon->standardError());
    }
    if (m_daemon)
        QVERIFY(m_daemon->stop() >= 0ms);
    delete m_daemon;
}

bool tst_Ipmi::waitForPower(const QString &state)
{
    const QString expected = u"Chassis Power is "_s + state;
    for (int attempt = 0; attempt < 100; ++attempt) {
        if (ipmitool({u"power"_s, u"status"_s}).output.contains(expected))
            return true;
        QTest::qWait(100);
    }
    return false;
}

bool tst_Ipmi::succeedsWithin(const std::function<ClientResult()> &command, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (command().exitCode != 0) {
        if (clock.hasExpired(timeoutMs))
            return false;
        QTest::qWait(100);
    }
    return true;
}

QList<QJsonObject> tst_Ipmi::events() const
{
    QList<QJsonObject> entries;
    for (const QJsonValue &entry : storedEventLog(m_daemon->stateDir()))
        entries.append(entry.toObject());
    return entries;
}

bool tst_Ipmi::logged(const QString &message, const QString &actor) const
{
    const QList<QJsonObject> entries = events();
    return std::any_of(entries.cbegin(), entries.cend(), [&](const QJsonObject &entry) {
        const QString who = entry.value(u"origin"_s).toString()
            + (entry.contains(u"user"_s) ? u':' + entry.value(u"user"_s).toString() : QString());
        return entry.value(u"message"_s).toString() == message && who == actor;
    });
}

void tst_Ipmi::mcInfoAndGuid_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::newRow("default suite (17)") << QStringList();
    QTest::newRow("-C 3") << QStringList{u"-C"_s, u"3"_s};
    QTest::newRow("-C 17") << QStringList{u"-C"_s, u"17"_s};
}

void tst_Ipmi::mcInfoAndGuid()
{
    QFETCH(QStringList, options);
    const ClientResult info = ipmitool({u"mc"_s, u"info"_s}, options);
    QCOMPARE(info.exitCode, 0);
    QVERIFY2(info.output.contains(u"IPMI Version              : 2.0"_s), qPrintable(info.all()));
    QVERIFY(info.output.contains(u"Firmware Revision         : 0.01"_s));

    QFile identity(QDir(m_daemon->stateDir()).filePath(u"identity.json"_s));
    QVERIFY(identity.open(QIODevice::ReadOnly));
    const QString uuid = QJsonDocument::fromJson(identity.readAll()).object().value(u"systemUuid"_s).toString();
    const ClientResult guid = ipmitool({u"mc"_s, u"guid"_s}, options);
    QCOMPARE(guid.exitCode, 0);
    QVERIFY2(guid.output.contains(u"System GUID   : "_s + uuid), qPrintable(guid.all()));
}

void tst_Ipmi::refusalsAreCleanAndQuick_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("interfaceName");
    QTest::addColumn<QString>("expected");
    QTest::newRow("cipher suite 0") << QStringList{u"-C"_s, u"0"_s} << u"lanplus"_s
                                    << u"Error in open session response message : invalid authentication algorithm"_s;
    QTest::newRow("IPMI v1.5 (-I lan)") << QStringList() << u"lan"_s << u"Authentication type NONE not supported"_s;
}

void tst_Ipmi::refusalsAreCleanAndQuick()
{
    QFETCH(QStringList, options);
    QFETCH(QString, interfaceName);
    QFETCH(QString, expected);
    QElapsedTimer clock;
    clock.start();
    const ClientResult result =
        IpmiClients::ipmitool(m_daemon->ipmiPort(), admin, adminPassword, {u"mc"_s, u"info"_s}, options, interfaceName);
    QVERIFY(result.exitCode != 0);
    QVERIFY2(result.all().contains(expected), qPrintable(result.all()));
    // A refusal, not a time-out (ipmitool waits 3 s per try for a silent BMC).
    qInfo("refused in %lld ms", qlonglong(clock.elapsed()));
}

void tst_Ipmi::wrongPasswordIsLogged()
{
    const ClientResult result =
        IpmiClients::ipmitool(m_daemon->ipmiPort(), admin, u"not-the-password"_s, {u"power"_s, u"status"_s});
    QVERIFY(result.exitCode != 0);
    QVERIFY2(result.all().contains(u"Unable to establish IPMI v2 / RMCP+ session"_s), qPrintable(result.all()));
    // ipmitool gives up after RAKP 2 without a word; the setup's time-out records the failure.
    QTRY_VERIFY_WITH_TIMEOUT(logged(u"Login failed from 127.0.0.1 (wrong password)"_s, u"ipmi:admin"_s), 15000);
}

void tst_Ipmi::powerCommands_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::newRow("default suite (17)") << QStringList();
    QTest::newRow("-C 3") << QStringList{u"-C"_s, u"3"_s};
}

void tst_Ipmi::powerCommands()
{
    QFETCH(QStringList, options);
    const auto power = [&](const QString &verb) { return ipmitool({u"power"_s, verb}, options); };

    // A script needs no waits: each request of the same user queues behind the one running
    // (docs/decisions.md#105).
    if (ipmitool({u"power"_s, u"status"_s}).output.contains(u"is on"_s))
        QCOMPARE(power(u"off"_s).exitCode, 0);
    const ClientResult result = power(u"on"_s);
    QVERIFY2(result.output.contains(u"Chassis Power Control: Up/On"_s), qPrintable(result.all()));
    QVERIFY(waitForPower(u"on"_s));
    QVERIFY(logged(u"Host powered on"_s, u"ipmi:admin"_s));

    // Satisfied requests succeed and are logged (docs/decisions.md#25); the LED that came on
    // ended the action.
    QCOMPARE(power(u"on"_s).exitCode, 0);
    QVERIFY(logged(u"On requested; the host is already on, nothing to do"_s, u"ipmi:admin"_s));

    const int shutdowns = m_daemon->logCount("GracefulShutdown from ipmi:admin completed");
    QCOMPARE(power(u"cycle"_s).exitCode, 0);
    QCOMPARE(power(u"reset"_s).exitCode, 0);
    QCOMPARE(power(u"soft"_s).exitCode, 0);
    QVERIFY(logged(u"PowerCycle requested"_s, u"ipmi:admin"_s));
    QVERIFY(logged(u"ForceRestart requested; it runs after PowerCycle"_s, u"ipmi:admin"_s));
    QVERIFY(logged(u"GracefulShutdown requested; it runs after ForceRestart"_s, u"ipmi:admin"_s));
    // The power state alone cannot tell: the cycle passes through off on its way.
    QTRY_COMPARE_WITH_TIMEOUT(m_daemon->logCount("GracefulShutdown from ipmi:admin completed"), shutdowns + 1, 30000);
    QVERIFY(waitForPower(u"off"_s));
    QVERIFY(logged(u"Host powered off"_s, u"ipmi:admin"_s));

    // Off while off: success; reset while off: 0xD5 (docs/decisions.md#26).
    QCOMPARE(power(u"off"_s).exitCode, 0);
    const ClientResult reset = power(u"reset"_s);
    QVERIFY(reset.exitCode != 0);
    QVERIFY2(reset.all().contains(u"Command not supported in present state"_s), qPrintable(reset.all()));
    // Power cycle while off powers on.
    QCOMPARE(power(u"cycle"_s).exitCode, 0);
    QVERIFY(waitForPower(u"on"_s));
    QCOMPARE(power(u"off"_s).exitCode, 0);
    QVERIFY(waitForPower(u"off"_s));
}

void tst_Ipmi::chassisStatusAndIdentify()
{
    const ClientResult status = ipmitool({u"chassis"_s, u"status"_s});
    QCOMPARE(status.exitCode, 0);
    QVERIFY2(status.output.contains(u"Power Restore Policy : always-off"_s), qPrintable(status.all()));
    QVERIFY(status.output.contains(u"Power Control Fault  : false"_s));

    const ClientResult identify = ipmitool({u"chassis"_s, u"identify"_s, u"7"_s});
    QCOMPARE(identify.exitCode, 0);
    QVERIFY(logged(u"Identify indicator on for 7 s"_s, u"ipmi:admin"_s));
    QCOMPARE(ipmitool({u"chassis"_s, u"identify"_s, u"0"_s}).exitCode, 0);
    QVERIFY(logged(u"Identify indicator off"_s, u"ipmi:admin"_s));

    QCOMPARE(ipmitool({u"chassis"_s, u"policy"_s, u"always-on"_s}).exitCode, 0);
    QVERIFY(ipmitool({u"chassis"_s, u"status"_s}).output.contains(u"Power Restore Policy : always-on"_s));
    QCOMPARE(ipmitool({u"chassis"_s, u"policy"_s, u"always-off"_s}).exitCode, 0);
    QVERIFY(logged(u"Power restore policy changed from always_on to always_off"_s, u"ipmi:admin"_s));
}

void tst_Ipmi::bootDevice_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("enabled");
    QTest::newRow("pxe") << QStringList{u"pxe"_s} << u"Force PXE"_s << u"Pxe"_s << u"Once"_s;
    QTest::newRow("disk") << QStringList{u"disk"_s} << u"Force Boot from default Hard-Drive"_s << u"Hdd"_s << u"Once"_s;
    QTest::newRow("cdrom") << QStringList{u"cdrom"_s} << u"Force Boot from CD/DVD"_s << u"Cd"_s << u"Once"_s;
    QTest::newRow("bios") << QStringList{u"bios"_s} << u"Force Boot into BIOS Setup"_s << u"BiosSetup"_s << u"Once"_s;
    QTest::newRow("pxe persistent") << QStringList{u"pxe"_s, u"options=persistent"_s} << u"Force PXE"_s << u"Pxe"_s
                                    << u"Continuous"_s;
}

void tst_Ipmi::bootDevice()
{
    QFETCH(QStringList, command);
    QFETCH(QString, shown);
    QFETCH(QString, target);
    QFETCH(QString, enabled);
    QCOMPARE(ipmitool(QStringList{u"chassis"_s, u"bootdev"_s} + command).exitCode, 0);
    const ClientResult parameter = ipmitool({u"chassis"_s, u"bootparam"_s, u"get"_s, u"5"_s});
    QCOMPARE(parameter.exitCode, 0);
    QVERIFY2(parameter.output.contains(u"Boot Device Selector : "_s + shown), qPrintable(parameter.all()));
    QVERIFY(parameter.output.contains(enabled == u"Continuous"_s ? u"Options apply to all future boots"_s
                                                                 : u"Options apply to only next boot"_s));

    // The same override Redfish will read: the shared, persisted one.
    QFile file(QDir(m_daemon->stateDir()).filePath(u"boot.json"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject boot = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(boot.value(u"target"_s).toString(), target);
    QCOMPARE(boot.value(u"enabled"_s).toString(), enabled);
}

void tst_Ipmi::usersChannelsAndSessions()
{
    const ClientResult users = ipmitool({u"user"_s, u"list"_s, u"1"_s});
    QCOMPARE(users.exitCode, 0);
    QVERIFY2(
        QRegularExpression(u"\\n2\\s+admin\\s+true\\s+false\\s+true\\s+ADMINISTRATOR"_s).match(users.output).hasMatch(),
        qPrintable(users.output));
    QVERIFY(QRegularExpression(u"\\n1\\s+true\\s+false\\s+false\\s+NO ACCESS"_s).match(users.output).hasMatch());

    const ClientResult ciphers = ipmitool({u"channel"_s, u"getciphers"_s, u"ipmi"_s});
    QCOMPARE(ciphers.exitCode, 0);
    QVERIFY2(QRegularExpression(u"\\n17\\s+N/A\\s+hmac_sha256\\s+sha256_128\\s+aes_cbc_128"_s)
                 .match(ciphers.output)
                 .hasMatch(),
             qPrintable(ciphers.output));
    QVERIFY(QRegularExpression(u"\\n3\\s+N/A\\s+hmac_sha1\\s+hmac_sha1_96\\s+aes_cbc_128"_s)
                .match(ciphers.output)
                .hasMatch());

    const ClientResult session = ipmitool({u"session"_s, u"info"_s, u"active"_s});
    QCOMPARE(session.exitCode, 0);
    QVERIFY2(session.output.contains(u"privilege level               : ADMINISTRATOR"_s), qPrintable(session.all()));
    QVERIFY(session.output.contains(u"session type                  : IPMIv2/RMCP+"_s));
    QVERIFY(session.output.contains(u"console ip                    : 127.0.0.1"_s));
}

void tst_Ipmi::readOnlyUserIsRefusedPowerControl()
{
    QCOMPARE(ipmitool({u"user"_s, u"set"_s, u"name"_s, u"9"_s, u"viewer"_s}).exitCode, 0);
    QCOMPARE(ipmitool({u"user"_s, u"set"_s, u"password"_s, u"9"_s, u"Viewer-Pass-1"_s}).exitCode, 0);
    QCOMPARE(ipmitool({u"user"_s, u"priv"_s, u"9"_s, u"2"_s, u"1"_s}).exitCode, 0);
    // ipmitool sends an empty password field with enable and disable.
    QCOMPARE(ipmitool({u"user"_s, u"disable"_s, u"9"_s}).exitCode, 0);
    QCOMPARE(ipmitool({u"user"_s, u"enable"_s, u"9"_s}).exitCode, 0);
    QVERIFY(logged(u"Account \"viewer\" created with role ReadOnly and IPMI access"_s, u"ipmi:admin"_s));

    const auto asViewer = [&](const QStringList &command) {
        return IpmiClients::ipmitool(m_daemon->ipmiPort(), u"viewer"_s, u"Viewer-Pass-1"_s, command,
                                     {u"-L"_s, u"USER"_s});
    };
    QCOMPARE(asViewer({u"power"_s, u"status"_s}).exitCode, 0);
    const ClientResult refused = asViewer({u"power"_s, u"on"_s});
    QVERIFY(refused.exitCode != 0);
    QVERIFY2(refused.all().contains(u"Insufficient privilege level"_s), qPrintable(refused.all()));
    QVERIFY(!logged(u"On requested"_s, u"ipmi:viewer"_s));
    // Asking for more than the role allows is refused at login.
    const ClientResult above =
        IpmiClients::ipmitool(m_daemon->ipmiPort(), u"viewer"_s, u"Viewer-Pass-1"_s, {u"power"_s, u"status"_s});
    QVERIFY(above.exitCode != 0);
}

void tst_Ipmi::freeipmi()
{
    const quint16 port = m_daemon->ipmiPort();
    ClientResult result = IpmiClients::freeipmi(u"ipmipower"_s, port, admin, adminPassword, {u"--stat"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.output.contains(u"127.0.0.1: off"_s), qPrintable(result.all()));
    result = IpmiClients::freeipmi(u"ipmipower"_s, port, admin, adminPassword, {u"--on"_s});
    QVERIFY2(result.output.contains(u"127.0.0.1: ok"_s), qPrintable(result.all()));
    QVERIFY(waitForPower(u"on"_s));
    QVERIFY(logged(u"On requested"_s, u"ipmi:admin"_s));
    result = IpmiClients::freeipmi(u"ipmipower"_s, port, admin, adminPassword, {u"--stat"_s});
    QVERIFY2(result.output.contains(u"127.0.0.1: on"_s), qPrintable(result.all()));
    result = IpmiClients::freeipmi(u"ipmipower"_s, port, admin, adminPassword, {u"--off"_s});
    QVERIFY2(result.output.contains(u"127.0.0.1: ok"_s), qPrintable(result.all()));
    QVERIFY(waitForPower(u"off"_s));

    result = IpmiClients::freeipmi(u"bmc-info"_s, port, admin, adminPassword);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.output.contains(u"IPMI Version          : 2.0"_s), qPrintable(result.all()));
    result = IpmiClients::freeipmi(u"ipmi-chassis"_s, port, admin, adminPassword, {u"--get-chassis-status"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.output.contains(u"System Power                        : off"_s), qPrintable(result.all()));
}

void tst_Ipmi::pyghmi()
{
    const quint16 port = m_daemon->ipmiPort();
    // A forced power-off just before may still hold the button: retry while the BMC is busy.
    ClientResult result = IpmiClients::pyghmi(port, admin, adminPassword,
                                              u"import time\n"
                                              "print(ipmi.get_power()['powerstate'])\n"
                                              "for attempt in range(100):\n"
                                              "    try:\n"
                                              "        ipmi.set_power('on', wait=False)\n"
                                              "        break\n"
                                              "    except Exception:\n"
                                              "        time.sleep(0.1)\n"
                                              "ipmi.set_bootdev('network')\n"
                                              "print(ipmi.get_bootdev()['bootdev'])"_s);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.output == u"off\nnetwork\n"_s, qPrintable(result.all()));
    QVERIFY(waitForPower(u"on"_s));
    QVERIFY(logged(u"Boot override set to Pxe (Once, Legacy)"_s, u"ipmi:admin"_s));
    result = IpmiClients::pyghmi(port, admin, adminPassword,
                                 u"print(ipmi.get_power()['powerstate'])\n"
                                 "ipmi.set_power('off', wait=True)\n"
                                 "print(ipmi.get_power()['powerstate'])"_s);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.output == u"on\noff\n"_s, qPrintable(result.all()));
}

void tst_Ipmi::replayedAndOutOfWindowPacketsAreDropped()
{
    RmcpPlusClient client(QHostAddress::LocalHost, m_daemon->ipmiPort(), 500);
    QVERIFY2(client.open(admin.toUtf8(), adminPassword.toUtf8()), qPrintable(client.lastError()));
    const auto answers = [&](const QByteArray &datagram) {
        const auto reply = client.exchange(datagram);
        return reply && client.decode(*reply) && client.decode(*reply)->completionCode == 0;
    };

    const quint32 highest = client.nextSequence();
    const QByteArray getDeviceId = client.request(0x06, 0x01, {}, highest);
    QVERIFY(answers(getDeviceId));
    // The same datagram again: a replay.
    QVERIFY(!answers(getDeviceId));

    // More than 16 ahead of the highest sequence number seen: outside the window.
    QVERIFY(!answers(client.request(0x06, 0x01, {}, highest + 17)));
    QVERIFY(answers(client.request(0x06, 0x01, {}, highest + 16))); // now the highest
    // Late but within 16 behind, and not seen before: accepted once.
    QVERIFY(answers(client.request(0x06, 0x01, {}, highest + 5)));
    QVERIFY(!answers(client.request(0x06, 0x01, {}, highest + 5)));
    // More than 16 behind.
    QVERIFY(!answers(client.request(0x06, 0x01, {}, highest - 1)));
    // The session goes on.
    for (quint32 next = highest + 17; next < highest + 20; ++next)
        QVERIFY(answers(client.request(0x06, 0x01, {}, next)));
    client.close();
}

void tst_Ipmi::failedLoginsThrottleOneAddressOnly()
{
    DaemonProcess daemon;
    daemon.setEnvironmentValue(u"QBMC_ADMIN_PASSWORD"_s, adminPassword);
    daemon.writeConfig("accounts:\n  lockout_threshold: 0\nipmi:\n  throttle:\n    failures: 3\n    period: 60\n");
    QVERIFY(daemon.start());
    // Two guessers that say the auth code was wrong, one that just goes away (as ipmitool does).
    for (int i = 0; i < 2; ++i) {
        RmcpPlusClient guesser(QHostAddress::LocalHost, daemon.ipmiPort());
        QVERIFY(!guesser.open(admin.toUtf8(), "guess-" + QByteArray::number(i)));
    }
    QVERIFY(IpmiClients::ipmitool(daemon.ipmiPort(), admin, u"guess-2"_s, {u"power"_s, u"status"_s}).exitCode != 0);
    QTRY_COMPARE_WITH_TIMEOUT(daemon.logCount("Login failed from 127.0.0.1 (wrong password)"), 3, 15000);
    // The right password from the same address is refused now ...
    const ClientResult blocked =
        IpmiClients::ipmitool(daemon.ipmiPort(), admin, adminPassword, {u"power"_s, u"status"_s});
    QVERIFY(blocked.exitCode != 0);
    // ... while another address logs in.
    RmcpPlusClient other(QHostAddress::LocalHostIPv6, daemon.ipmiPort());
    QVERIFY2(other.open(admin.toUtf8(), adminPassword.toUtf8()), qPrintable(other.lastError()));
    QCOMPARE(daemon.logCount("too many failed logins from that address"), 1);
    daemon.stop();
}

// With the default settings, a client guessing admin's password as fast as it can: each RAKP 2
// it gets carries an auth code that can be cracked offline, so it gets only a handful before its
// address is refused, and the right password from another address still works.
void tst_Ipmi::aGuesserCollectsAHandfulOfAuthCodes()
{
    DaemonProcess daemon;
    daemon.setEnvironmentValue(u"QBMC_ADMIN_PASSWORD"_s, adminPassword);
    daemon.writeConfig("");
    QVERIFY(daemon.start());
    int authCodes = 0;
    QString refusal;
    QElapsedTimer clock;
    clock.start();
    for (int attempt = 0; attempt < 50 && refusal.isEmpty(); ++attempt) {
        RmcpPlusClient guesser(QHostAddress::LocalHost, daemon.ipmiPort());
        QVERIFY(!guesser.open(admin.toUtf8(), "guess-" + QByteArray::number(attempt)));
        if (guesser.lastError().startsWith(u"RAKP 2 auth code"_s))
            ++authCodes;
        else
            refusal = guesser.lastError();
    }
    qInfo("auth codes handed out: %d; refused after %lld ms with %s", authCodes, qlonglong(clock.elapsed()),
          qPrintable(refusal));
    QVERIFY2(authCodes <= 5, qPrintable(QString::number(authCodes)));
    QVERIFY(!refusal.isEmpty());
    RmcpPlusClient other(QHostAddress::LocalHostIPv6, daemon.ipmiPort());
    QVERIFY2(other.open(admin.toUtf8(), adminPassword.toUtf8()), qPrintable(other.lastError()));
    daemon.stop();
}

void tst_Ipmi::seventeenthSessionEvictsTheLongestIdle()
{
    std::vector<std::unique_ptr<RmcpPlusClient>> clients;
    for (int i = 0; i < 17; ++i) {
        clients.push_back(std::make_unique<RmcpPlusClient>(QHostAddress::LocalHost, m_daemon->ipmiPort(), 1000));
        QVERIFY2(clients.back()->open(admin.toUtf8(), adminPassword.toUtf8()), qPrintable(clients.back()->lastError()));
        QTest::qWait(5); // a clear order of idleness
    }
    // The first session was idle longest: it made room for the 17th.
    QVERIFY(!clients.front()->command(0x06, 0x01));
    for (size_t i = 1; i < clients.size(); ++i)
        QVERIFY(clients.at(i)->command(0x06, 0x01));
    QVERIFY(m_daemon->waitForOutput("the session limit (16) was reached and it was idle longest"));
    for (size_t i = 1; i < clients.size(); ++i)
        clients.at(i)->close();
}

void tst_Ipmi::coldResetRestartsInPlace()
{
    DaemonProcess daemon;
    daemon.setEnvironmentValue(u"QBMC_ADMIN_PASSWORD"_s, adminPassword);
    daemon.writeConfig("");
    QVERIFY(daemon.start());
    const qint64 pid = daemon.process().processId();
    const ClientResult reset =
        IpmiClients::ipmitool(daemon.ipmiPort(), admin, adminPassword, {u"mc"_s, u"reset"_s, u"cold"_s});
    QCOMPARE(reset.exitCode, 0);
    QVERIFY(daemon.waitForOutput("restarting in place: IPMI Cold Reset"));
    QTRY_COMPARE_WITH_TIMEOUT(daemon.logCount("qbmc.app: ready"), 2, 20000);
    QCOMPARE(daemon.process().processId(), pid);
    QVERIFY(succeedsWithin([&] {
        return IpmiClients::ipmitool(daemon.ipmiPort(), admin, adminPassword, {u"power"_s, u"status"_s});
    }));
    QVERIFY(daemon.stop() >= 0ms);
    QCOMPARE(daemon.process().exitCode(), 0);
}

QTEST_GUILESS_MAIN(tst_Ipmi)
#include "tst_ipmi.moc"
