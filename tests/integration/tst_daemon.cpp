#include "DaemonProcess.h"
#include "StoredEventLog.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// The built daemon as a whole: start-up, configuration errors, state, signals.
class tst_Daemon : public QObject
{
    Q_OBJECT

private slots:
    void stopsCleanlyOnSignal_data();
    void stopsCleanlyOnSignal();
    void firstStartCreatesTheAdministratorOnce();
    void presetAdministratorPassword();
    void presetPasswordBreakingTheRulesStopsTheStart();
    void configurationErrorsStopTheStart_data();
    void configurationErrorsStopTheStart();
    void pikvmKeysAreAccepted();
    void printConfigShowsEverySource();
    void damagedAccountsStartInRecovery();
    void damagedStateIsReplacedByItsLastGoodCopy();
    void newerStateFileStopsTheStart_data();
    void newerStateFileStopsTheStart();
    void stateDirectoryThatCannotBeCreated();
    void gpioBackendWithoutAChip();
    void ipmiPasswordFile();
    void ipmiPasswordFileErrors();
    void restorePolicyBootsTheSimulatedHost();
    void sighupReloadsWhatItCan();
    void helpVersionAndUnknownOptions();
    void dashboardOnlyWithADisplay();

private:
    static QJsonArray eventLogEntries(const DaemonProcess &daemon);
    static QStringList eventMessages(const DaemonProcess &daemon);
};

QJsonArray tst_Daemon::eventLogEntries(const DaemonProcess &daemon)
{
    return storedEventLog(daemon.stateDir());
}

QStringList tst_Daemon::eventMessages(const DaemonProcess &daemon)
{
    QStringList messages;
    for (const QJsonValue &entry : eventLogEntries(daemon))
        messages.append(entry.toObject().value(u"message"_s).toString());
    return messages;
}

void tst_Daemon::stopsCleanlyOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<QString>("name");
    QTest::newRow("SIGTERM") << SIGTERM << u"SIGTERM"_s;
    QTest::newRow("SIGINT") << SIGINT << u"SIGINT"_s;
}

void tst_Daemon::stopsCleanlyOnSignal()
{
    QFETCH(int, signalNumber);
    QFETCH(QString, name);
    DaemonProcess daemon;
    daemon.writeConfig("host:\n  backend: sim\n");
    QVERIFY2(daemon.start(), daemon.standardError().constData());
    const auto stopTime = daemon.stop(signalNumber);
    QVERIFY2(stopTime >= 0ms, "qbmc did not stop within 30 s");
    QCOMPARE(daemon.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(daemon.process().exitCode(), 0);
    qInfo("start to ready: %lld ms; %s to exit: %lld ms", qlonglong(daemon.startTime().count()), qPrintable(name),
          qlonglong(stopTime.count()));
    const QStringList messages = eventMessages(daemon);
    QVERIFY2(messages.last() == u"qbmc stopping on %1"_s.arg(name), qPrintable(messages.join(u'\n')));
    QVERIFY(messages.contains(u"qbmc 0.1.0 started on simulated host; the host is off"_s));
}

void tst_Daemon::firstStartCreatesTheAdministratorOnce()
{
    DaemonProcess daemon;
    daemon.writeConfig("");
    QVERIFY(daemon.start());
    QVERIFY(daemon.stop() >= 0ms);
    const QRegularExpression announcement(u"created the administrator \"admin\" with the password ([A-Za-z0-9]{16})"_s);
    const QRegularExpressionMatch match = announcement.match(QString::fromUtf8(daemon.standardError()));
    QVERIFY2(match.hasMatch(), daemon.standardError().constData());

    QFile accounts(QDir(daemon.stateDir()).filePath(u"accounts.json"_s));
    QVERIFY(accounts.open(QIODevice::ReadOnly));
    const QJsonObject admin =
        QJsonDocument::fromJson(accounts.readAll()).object().value(u"accounts"_s).toArray().at(0).toObject();
    QCOMPARE(admin.value(u"name"_s).toString(), u"admin"_s);
    QCOMPARE(admin.value(u"role"_s).toString(), u"Administrator"_s);
    QVERIFY(admin.value(u"hash"_s).toString().startsWith(u"$y$"_s));
    QCOMPARE(admin.value(u"ipmiPassword"_s).toString(), match.captured(1));
    QCOMPARE(QFileInfo(accounts).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    // The password goes to the log once, never into the event log.
    QVERIFY(!QJsonDocument(eventLogEntries(daemon)).toJson().contains(match.captured(1).toUtf8()));

    DaemonProcess again;
    again.writeConfig("");
    QVERIFY(again.start({u"--state-dir"_s, daemon.stateDir()}));
    again.stop();
    QVERIFY(!again.standardError().contains("first start"));
}

void tst_Daemon::presetAdministratorPassword()
{
    DaemonProcess daemon;
    daemon.writeConfig("");
    daemon.setEnvironmentValue(u"QBMC_ADMIN_PASSWORD"_s, u"Correct-Horse-9"_s);
    QVERIFY(daemon.start());
    daemon.stop();
    QVERIFY(!daemon.standardError().contains("Correct-Horse-9"));
    QVERIFY(eventMessages(daemon).contains(
        u"Administrator \"admin\" created at first start with the password from QBMC_ADMIN_PASSWORD"_s));
}

void tst_Daemon::presetPasswordBreakingTheRulesStopsTheStart()
{
    DaemonProcess daemon;
    daemon.writeConfig("");
    daemon.setEnvironmentValue(u"QBMC_ADMIN_PASSWORD"_s, u"short"_s);
    QCOMPARE(daemon.run({u"--config"_s, daemon.configFile(), u"--state-dir"_s, daemon.stateDir()}), 2);
    QVERIFY2(daemon.standardError().contains("qbmc: QBMC_ADMIN_PASSWORD: the password is shorter than 8 characters\n"),
             daemon.standardError().constData());
    QVERIFY(!QFile::exists(QDir(daemon.stateDir()).filePath(u"accounts.json"_s)));
}

void tst_Daemon::configurationErrorsStopTheStart_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QByteArray>("dropIn");
    QTest::addColumn<QString>("expected"); // %1 is the main file, %2 the drop-in

    QTest::newRow("wrong type") << QByteArray("ipmi:\n  port: abc\n") << QByteArray()
                                << u"%1:2: ipmi.port: \"abc\" is not valid; expected an integer from 1 to 65535"_s;
    QTest::newRow("out of range")
        << QByteArray("eventlog:\n  max_entries: 70000\n") << QByteArray()
        << u"%1:2: eventlog.max_entries: \"70000\" is not valid; expected an integer from 16 to 65534"_s;
    QTest::newRow("unknown key") << QByteArray("ipmi:\n  prot: 623\n") << QByteArray()
                                 << u"%1:2: ipmi.prot: unknown key; allowed in ipmi: enabled, listen, port, "
                                    "cipher_suites, max_sessions, session_timeout, throttle, auth, sol, server"_s;
    QTest::newRow("unknown section") << QByteArray("kvmd:\n  gpio: 1\n") << QByteArray()
                                     << u"%1:1: kvmd: unknown key; allowed at the top level: bmc, fru, host, gpio, "
                                        "power, ipmi, console, kvm, media, ssh, redfish, accounts, eventlog, ui, log"_s;
    QTest::newRow("FRU field too long") << QByteArray("fru:\n  product:\n    name: " + QByteArray(64, 'x') + "\n")
                                        << QByteArray()
                                        << u"%1:3: fru.product.name: \""_s + QString(64, u'x')
            + u"\" is not valid; expected text of at most 63 characters"_s;
    QTest::newRow("choice") << QByteArray("host:\n  backend: qemu\n") << QByteArray()
                            << u"%1:2: host.backend: \"qemu\" is not valid; expected sim or gpio"_s;
    QTest::newRow("cipher suite 0")
        << QByteArray("ipmi:\n  cipher_suites: [17, 0]\n") << QByteArray()
        << u"%1:2: ipmi.cipher_suites: [\"17\", \"0\"] is not valid; expected a list of one "
           "or more of 17 or 3, like [17]"_s;
    QTest::newRow("yaml syntax") << QByteArray("ipmi:\n  port: [623\n") << QByteArray()
                                 << u"%1:3: YAML syntax error: end of sequence flow not found"_s;
    QTest::newRow("duplicate key") << QByteArray("ipmi:\n  port: 1\n  port: 2\n") << QByteArray()
                                   << u"%1:3: ipmi.port: duplicate key"_s;
    QTest::newRow("long press too short for the simulated host")
        << QByteArray("power:\n  long_press: 1\n") << QByteArray()
        << u"%1:2: power.long_press: 1 s must be longer than host.sim.force_off_hold (4 s), or the simulated host "
           "takes a forced power-off for a short press"_s;
    QTest::newRow("certificate without key")
        << QByteArray("redfish:\n  tls_cert: /etc/ssl/qbmc.pem\n") << QByteArray()
        << u"%1:2: redfish.tls_cert: set without redfish.tls_key; set both or neither"_s;
    QTest::newRow("PIN with letters") << QByteArray("ui:\n  pin: 12ab\n") << QByteArray()
                                      << u"%1:2: ui.pin: \"12ab\" is not valid; expected empty, or 4 to 8 digits"_s;
    QTest::newRow("PIN too short") << QByteArray("ui:\n  pin: 123\n") << QByteArray()
                                   << u"%1:2: ui.pin: \"123\" is not valid; expected empty, or 4 to 8 digits"_s;
    QTest::newRow("language") << QByteArray("ui:\n  language: fr\n") << QByteArray()
                              << u"%1:2: ui.language: \"fr\" is not valid; expected system, en, de or zh_CN"_s;
    QTest::newRow("error in a drop-in") << QByteArray("ipmi:\n  port: 6230\n") << QByteArray("redfish:\n  tls: maybe\n")
                                        << u"%2:2: redfish.tls: \"maybe\" is not valid; expected true or false"_s;
}

void tst_Daemon::configurationErrorsStopTheStart()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QByteArray, dropIn);
    QFETCH(QString, expected);
    DaemonProcess daemon;
    daemon.writeConfig(yaml);
    QString dropInFile;
    if (!dropIn.isEmpty()) {
        daemon.writeFile(u"qbmc.d/50-redfish.yaml"_s, dropIn);
        dropInFile = daemon.path(u"qbmc.d/50-redfish.yaml"_s);
    }
    QCOMPARE(daemon.run({u"--config"_s, daemon.configFile(), u"--state-dir"_s, daemon.stateDir()}), 2);
    const QString line =
        u"qbmc: "_s + QString(expected).replace(u"%1"_s, daemon.configFile()).replace(u"%2"_s, dropInFile) + u'\n';
    QCOMPARE(QString::fromUtf8(daemon.standardError()), line);
    // Refused before anything was touched.
    QVERIFY(!QFileInfo::exists(daemon.stateDir()));
}

void tst_Daemon::pikvmKeysAreAccepted()
{
    DaemonProcess daemon;
    daemon.removePortsDropIn();
    daemon.writeConfig("ipmi:\n"
                       "    server:\n"
                       "        host: \"::\"\n"
                       "        port: 6230\n"
                       "    sol:\n"
                       "        device: \"\"\n"
                       "        speed: 115200\n"
                       "        select_timeout: 0.1\n"
                       "        proxy_port: 0\n");
    QCOMPARE(daemon.run({u"--config"_s, daemon.configFile(), u"--print-config"_s}), 0);
    const QString output = QString::fromUtf8(daemon.standardOutput());
    QVERIFY2(output.contains(u"  port: 6230  # %1:4 (as ipmi.server.port)\n"_s.arg(daemon.configFile())),
             qPrintable(output));
    const QString warning =
        u"%1:8: ipmi.sol.select_timeout: a PiKVM setting qbmc does not need; ignored"_s.arg(daemon.configFile());
    QCOMPARE(QString::fromUtf8(daemon.standardError()).count(warning), 1);
    QVERIFY(daemon.standardError().contains("ipmi.sol.proxy_port: a PiKVM setting qbmc does not need; ignored"));
}

void tst_Daemon::printConfigShowsEverySource()
{
    DaemonProcess daemon;
    daemon.removePortsDropIn();
    daemon.writeConfig("ipmi:\n  port: 6230\nredfish:\n  port: 8443\n");
    daemon.writeFile(u"qbmc.d/10-redfish.yaml"_s, "redfish:\n  port: 9443\n");
    QVERIFY(QDir(daemon.dir()).mkdir(u"state"_s));
    daemon.writeFile(u"state/settings.json"_s, R"({"version":1,"settings":{"ipmi.enabled":false}})");

    QCOMPARE(daemon.run({u"--config"_s, daemon.configFile(), u"--state-dir"_s, daemon.stateDir(), u"--print-config"_s}),
             0);
    const QString output = QString::fromUtf8(daemon.standardOutput());
    QVERIFY2(output.contains(
                 u"ipmi:\n  enabled: false  # set at run time (%1)\n"_s.arg(daemon.path(u"state/settings.json"_s))),
             qPrintable(output));
    QVERIFY(output.contains(u"  port: 6230  # %1:2\n"_s.arg(daemon.configFile())));
    QVERIFY(output.contains(u"  port: 9443  # %1:2\n"_s.arg(daemon.path(u"qbmc.d/10-redfish.yaml"_s))));
    QVERIFY(output.contains(u"host:\n  backend: \"sim\"  # default\n"_s));
    QVERIFY(output.contains(u"  cipher_suites: [17, 3]  # default\n"_s));
    // Printing changes nothing in the state directory.
    QCOMPARE(QDir(daemon.stateDir()).entryList(QDir::Files), QStringList{u"settings.json"_s});
}

void tst_Daemon::damagedAccountsStartInRecovery()
{
    DaemonProcess daemon;
    daemon.writeConfig("");
    QVERIFY(QDir(daemon.dir()).mkdir(u"state"_s));
    daemon.writeFile(u"state/accounts.json"_s, "{ this is not json");
    QVERIFY(daemon.start());
    daemon.stop();
    const QStringList aside = QDir(daemon.stateDir()).entryList({u"accounts.json.corrupt-*"_s});
    QCOMPARE(aside.size(), 1);
    QFile kept(QDir(daemon.stateDir()).filePath(aside.first()));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("{ this is not json"));
    QVERIFY2(daemon.standardError().contains("accounts.json is damaged (not valid JSON"),
             daemon.standardError().constData());
    // No administrator with a fresh password behind anyone's back.
    QVERIFY(!daemon.standardError().contains("first start"));
    QVERIFY(daemon.standardError().contains("no account exists because the account files could not be used"));
    const QJsonObject first = eventLogEntries(daemon).first().toObject();
    QCOMPARE(first.value(u"severity"_s).toString(), u"critical"_s);
    QVERIFY(first.value(u"message"_s).toString().startsWith(u"The account file "_s));

    // Nor on the next start; QBMC_ADMIN_PASSWORD given for a start sets one up.
    DaemonProcess again;
    again.writeConfig("");
    QVERIFY(again.start({u"--state-dir"_s, daemon.stateDir()}));
    again.stop();
    QVERIFY(!again.standardError().contains("first start"));
    DaemonProcess recovered;
    recovered.writeConfig("");
    recovered.setEnvironmentValue(u"QBMC_ADMIN_PASSWORD"_s, u"Correct-Horse-9"_s);
    QVERIFY(recovered.start({u"--state-dir"_s, daemon.stateDir()}));
    recovered.stop();
    QVERIFY(eventMessages(daemon).contains(u"Administrator \"admin\" created with the password from "
                                           "QBMC_ADMIN_PASSWORD, as no usable account file was left"_s));
}

void tst_Daemon::damagedStateIsReplacedByItsLastGoodCopy()
{
    DaemonProcess daemon;
    daemon.writeConfig("");
    daemon.setEnvironmentValue(u"QBMC_ADMIN_PASSWORD"_s, u"Correct-Horse-9"_s);
    QVERIFY(daemon.start());
    daemon.stop();
    // A start keeps what it read as the last good copies.
    DaemonProcess second;
    second.writeConfig("");
    QVERIFY(second.start({u"--state-dir"_s, daemon.stateDir()}));
    second.stop();
    const QDir state(daemon.stateDir());
    const QString accounts = state.filePath(u"accounts.json"_s);
    QVERIFY(QFile::exists(accounts + u".last-good"_s));
    const QByteArray goodAccounts = [&] {
        QFile file(accounts + u".last-good"_s);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    QVERIFY(goodAccounts.contains("\"admin\""));
    daemon.writeFile(u"state/accounts.json"_s, goodAccounts.left(40));

    DaemonProcess again;
    again.writeConfig("");
    QVERIFY(again.start({u"--state-dir"_s, daemon.stateDir()}));
    again.stop();
    QVERIFY(!again.standardError().contains("first start"));
    QVERIFY(!again.standardError().contains("no account exists"));
    QFile restored(accounts);
    QVERIFY(restored.open(QIODevice::ReadOnly));
    QVERIFY(restored.readAll().contains("\"admin\""));
    const QStringList aside = state.entryList({u"accounts.json.corrupt-*"_s});
    QCOMPARE(aside.size(), 1);
    const QStringList messages = eventMessages(daemon);
    const auto notice = std::find_if(messages.cbegin(), messages.cend(),
                                     [](const QString &message) { return message.startsWith(u"The account file "_s); });
    QVERIFY2(notice != messages.cend(), qPrintable(messages.join(u'\n')));
    QVERIFY2(notice->contains(accounts + u".last-good took its place"_s) && notice->contains(aside.first()),
             qPrintable(*notice));
}

void tst_Daemon::newerStateFileStopsTheStart_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("readVersion");
    QTest::newRow("accounts") << u"accounts.json"_s << QByteArray(R"({"version": 9, "accounts": []})") << 2;
    QTest::newRow("settings") << u"settings.json"_s << QByteArray(R"({"version": 9, "settings": {}})") << 1;
    QTest::newRow("event log") << u"eventlog.jsonl"_s << QByteArray("{\"version\": 9}\n") << 2;
    QTest::newRow("last good copy") << u"power.json.last-good"_s << QByteArray(R"({"version": 9})") << 1;
}

void tst_Daemon::newerStateFileStopsTheStart()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(int, readVersion);
    DaemonProcess daemon;
    daemon.writeConfig("");
    QVERIFY(QDir(daemon.dir()).mkdir(u"state"_s));
    daemon.writeFile(u"state/"_s + fileName, content);
    if (fileName.endsWith(u".last-good"_s))
        daemon.writeFile(u"state/power.json"_s, "damaged");
    const QStringList before = QDir(daemon.stateDir()).entryList(QDir::Files);

    QCOMPARE(daemon.run({u"--config"_s, daemon.configFile(), u"--state-dir"_s, daemon.stateDir()}), 1);
    const QString expected = u"it was written in format version 9 by a newer qbmc; this one reads version %1; it is "
                             "left as it is"_s.arg(readVersion);
    QVERIFY2(daemon.standardError().startsWith("qbmc: " + daemon.stateDir().toUtf8() + '/')
                 && QString::fromUtf8(daemon.standardError()).contains(expected),
             daemon.standardError().constData());
    QCOMPARE(QDir(daemon.stateDir()).entryList(QDir::Files), before);
    QFile file(QDir(daemon.stateDir()).filePath(fileName));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), content);
}

void tst_Daemon::stateDirectoryThatCannotBeCreated()
{
    DaemonProcess daemon;
    daemon.writeConfig("");
    daemon.writeFile(u"plain-file"_s, "");
    const QString stateDir = daemon.path(u"plain-file/state"_s);
    QCOMPARE(daemon.run({u"--config"_s, daemon.configFile(), u"--state-dir"_s, stateDir}), 1);
    QCOMPARE(QString::fromUtf8(daemon.standardError()),
             u"qbmc: state directory %1: cannot create it\n"_s.arg(stateDir));
}

void tst_Daemon::gpioBackendWithoutAChip()
{
    DaemonProcess daemon;
    daemon.writeConfig("host:\n  backend: gpio\ngpio:\n  chip: gpiochip99\n");
    QCOMPARE(daemon.run({u"--config"_s, daemon.configFile(), u"--state-dir"_s, daemon.stateDir()}), 1);
    QVERIFY2(daemon.standardError().endsWith("qbmc: cannot open GPIO chip \"gpiochip99\": No such file or directory\n"),
             daemon.standardError().constData());
}

void tst_Daemon::ipmiPasswordFile()
{
    DaemonProcess daemon;
    daemon.writeFile(u"ipmipasswd"_s, "# PiKVM's default file\nadmin:admin -> admin:admin\nops:s3cret-pass\n");
    daemon.writeConfig("ipmi:\n  auth:\n    file: " + daemon.path(u"ipmipasswd"_s).toUtf8() + "\n");
    QVERIFY2(daemon.start(), daemon.standardError().constData());
    daemon.stop();
    const QByteArray log = daemon.standardError();
    QVERIFY(log.contains("2 account(s) from " + daemon.path(u"ipmipasswd"_s).toUtf8()));
    QVERIFY(log.contains(":2: the password of \"admin\" is the user name or \"admin\"; change it"));
    QVERIFY(!log.contains("first start"));
}

void tst_Daemon::ipmiPasswordFileErrors()
{
    DaemonProcess daemon;
    daemon.writeFile(u"ipmipasswd"_s, "admin:admin\nops:one\nadmin:two\n");
    daemon.writeConfig("ipmi:\n  auth:\n    file: " + daemon.path(u"ipmipasswd"_s).toUtf8() + "\n");
    QCOMPARE(daemon.run({u"--config"_s, daemon.configFile(), u"--state-dir"_s, daemon.stateDir()}), 2);
    QVERIFY2(daemon.standardError().endsWith(
                 u"qbmc: %1:3: user \"admin\" is listed twice (also on line 1)\n"_s.arg(daemon.path(u"ipmipasswd"_s))
                     .toUtf8()),
             daemon.standardError().constData());

    DaemonProcess missing;
    missing.writeConfig("ipmi:\n  auth:\n    file: /nonexistent/ipmipasswd\n");
    QCOMPARE(missing.run({u"--config"_s, missing.configFile(), u"--state-dir"_s, missing.stateDir()}), 2);
    QVERIFY(
        missing.standardError().endsWith("qbmc: /nonexistent/ipmipasswd: cannot read: No such file or directory\n"));
}

void tst_Daemon::restorePolicyBootsTheSimulatedHost()
{
    DaemonProcess daemon;
    daemon.writeConfig("power:\n  restore_policy: always_on\nhost:\n  sim:\n    power_on_delay: 0.2\n");
    QVERIFY(daemon.start());
    QVERIFY(daemon.waitForOutput("[bmc] Host powered on", 20s));
    // The console hub reads the host's serial console and keeps it in the console log.
    QByteArray screen;
    QElapsedTimer clock;
    clock.start();
    while (!screen.contains("simhost login: ") && clock.elapsed() < 30000) {
        QTest::qWait(200);
        QFile log(daemon.stateDir() + u"/console.log"_s);
        if (log.open(QIODevice::ReadOnly))
            screen = log.readAll();
    }
    QVERIFY2(screen.contains("simhost login: "), screen.constData());
    daemon.stop();
    QVERIFY(eventMessages(daemon).contains(u"Power restore policy always_on: powering the host on"_s));
}

void tst_Daemon::sighupReloadsWhatItCan()
{
    DaemonProcess daemon;
    daemon.writeFile(u"ipmipasswd"_s, "ops:s3cret-pass\n");
    const QByteArray passwordFile = daemon.path(u"ipmipasswd"_s).toUtf8();
    daemon.writeConfig("ipmi:\n  auth:\n    file: " + passwordFile + "\n");
    QVERIFY(daemon.start());

    daemon.writeFile(u"ipmipasswd"_s, "ops:s3cret-pass\nnoc:an0ther-pass\n");
    daemon.writeConfig("eventlog:\n  max_entries: 100\nipmi:\n  auth:\n    file: " + passwordFile + "\n");
    daemon.signal(SIGHUP);
    QVERIFY(daemon.waitForOutput("SIGHUP: reloaded log.rules and the accounts file"));
    QVERIFY(daemon.standardError().contains("2 account(s) from " + passwordFile));
    QVERIFY(daemon.waitForOutput("SIGHUP: changed keys that take effect at the next start: eventlog.max_entries"));

    // A broken edit is refused and qbmc keeps running on what it had.
    daemon.writeConfig("ipmi:\n  port: many\n");
    daemon.signal(SIGHUP);
    QVERIFY(daemon.waitForOutput("SIGHUP: configuration not reloaded, it has an error: "));
    QCOMPARE(daemon.process().state(), QProcess::Running);
    QVERIFY(daemon.stop() >= 0ms);
    QCOMPARE(daemon.process().exitCode(), 0);
}

void tst_Daemon::helpVersionAndUnknownOptions()
{
    DaemonProcess help;
    QCOMPARE(help.run({u"--help"_s}), 0);
    for (const char *option : {"--config <file>", "--state-dir <dir>", "--headless", "--print-config",
                               "--usb-gadget <action>", "--version", "--help"})
        QVERIFY2(help.standardOutput().contains(option), option);

    DaemonProcess version;
    QCOMPARE(version.run({u"--version"_s}), 0);
    QCOMPARE(version.standardOutput(), QByteArray("qbmc 0.1.0\n"));

    DaemonProcess unknown;
    QCOMPARE(unknown.run({u"--frobnicate"_s}), 2);
    QCOMPARE(unknown.standardError(), QByteArray("qbmc: Unknown option 'frobnicate'.\nTry 'qbmc --help'.\n"));

    DaemonProcess wrongAction;
    QCOMPARE(wrongAction.run({u"--usb-gadget"_s, u"destroy"_s}), 2);
    QCOMPARE(wrongAction.standardError(),
             QByteArray("qbmc: --usb-gadget takes create or remove, not \"destroy\"\nTry 'qbmc --help'.\n"));

    // The service's privileged step does nothing unless the KVM's keyboard is the USB gadget.
    DaemonProcess noGadget;
    noGadget.writeConfig("");
    QCOMPARE(noGadget.run({u"--config"_s, noGadget.configFile(), u"--usb-gadget"_s, u"create"_s}), 0);
    QVERIFY(noGadget.standardError().contains("no USB gadget to create: kvm.hid is not otg"));
}

// No display: no dashboard and no GUI libraries doing anything; a display (offscreen here, as a
// VNC or desktop session would be): the dashboard, its first frame logged; --headless wins.
void tst_Daemon::dashboardOnlyWithADisplay()
{
    DaemonProcess headless;
    headless.writeConfig("");
    QVERIFY(headless.start());
    QVERIFY(headless.stop() >= 0ms);
    QVERIFY(!headless.standardError().contains("dashboard"));

    DaemonProcess shown;
    shown.writeConfig("");
    shown.setEnvironmentValue(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    QVERIFY(shown.start());
    QVERIFY2(shown.waitForOutput("qbmc.app: dashboard: first frame"), shown.standardError().constData());
    QVERIFY(shown.standardError().contains("qbmc.app: dashboard on offscreen"));
    QVERIFY(shown.stop() >= 0ms);
    QVERIFY2(shown.process().exitCode() == 0, shown.standardError().right(3000).constData());

    DaemonProcess forced;
    forced.writeConfig("");
    forced.setEnvironmentValue(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    QVERIFY(forced.start({u"--headless"_s}));
    QVERIFY(forced.stop() >= 0ms);
    QVERIFY(!forced.standardError().contains("dashboard"));
}

QTEST_GUILESS_MAIN(tst_Daemon)
#include "tst_daemon.moc"
