#include "ConfigEntry.h"
#include "ConfigError.h"
#include "ConfigSchema.h"
#include "Configuration.h"
#include "StateFileTesting.h"

#include <QDir>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace StateFileTesting;

Q_DECLARE_METATYPE(ConfigEntry)

namespace {
const QString mainFile = u"/etc/qbmc/qbmc.yaml"_s;

// The schema's entry for a key the test data names by its path.
const ConfigKey &keyAt(const QString &path)
{
    const ConfigKey *key = ConfigSchema::instance().key(path);
    if (!key)
        qFatal("no key %s in the schema", qPrintable(path));
    return *key;
}
const QString dropInFile = u"/etc/qbmc/qbmc.d/10-site.yaml"_s;

// Entries as the YAML reader hands them over.
ConfigEntry scalar(const QString &path, const QString &value, int line = 1)
{
    return {path, line, ConfigEntry::Kind::Scalar, value, {}, {}};
}

ConfigEntry list(const QString &path, const QStringList &items, int line = 1)
{
    return {path, line, ConfigEntry::Kind::List, {}, items, {}};
}

ConfigEntry null(const QString &path, int line = 1)
{
    return {path, line, ConfigEntry::Kind::Null, {}, {}, {}};
}

ConfigEntry mapping(const QString &path, int line = 1)
{
    return {path, line, ConfigEntry::Kind::Mapping, {}, {}, {}};
}

QString errorText(const std::optional<ConfigError> &error)
{
    return error ? error->toString() : QString();
}
} // namespace

class tst_Configuration : public QObject
{
    Q_OBJECT
private slots:
    void defaults_data();
    void defaults();
    void everyDefaultIsAllowed();

    void fileSetsValue_data();
    void fileSetsValue();
    void typedAccessors();
    void nullForStringKeyIsEmpty();
    void sectionsMayBeEmpty();
    void rejects_data();
    void rejects();
    void firstErrorStopsTheFile();

    void aliases_data();
    void aliases();
    void ignoredPiKvmKeysWarn();
    void laterFileOverrides();
    void sameKeyInTwoFilesIsNoDuplicate();

    void validate_data();
    void validate();

    void attachEmptyStateDirectory();
    void runtimeValueIsPersisted();
    void runtimeValueWinsOverFile();
    void runtimeValueRefused_data();
    void runtimeValueRefused();
    void damagedStateIsSetAside_data();
    void damagedStateIsSetAside();
    void readOnlyStateLeavesDamagedFile();
    void damagedStateIsReplacedByItsLastGoodCopy();
    void newerStateIsLeftUntouched();

    void yaml();

    void referenceListsEveryKey();
    void everyKeyHasItsTypedName();
};

// --- defaults --------------------------------------------------------------------------------

void tst_Configuration::defaults_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QVariant>("expected");

    QTest::newRow("host.backend") << u"host.backend"_s << QVariant(u"sim"_s);
    QTest::newRow("host.sim.force_off_hold") << u"host.sim.force_off_hold"_s << QVariant(4.0);
    QTest::newRow("gpio.chip") << u"gpio.chip"_s << QVariant(u"gpiochip0"_s);
    QTest::newRow("gpio.power_switch.line") << u"gpio.power_switch.line"_s << QVariant(23);
    QTest::newRow("gpio.power_led.inverted") << u"gpio.power_led.inverted"_s << QVariant(false);
    QTest::newRow("power.long_press") << u"power.long_press"_s << QVariant(5.5);
    QTest::newRow("power.restore_policy") << u"power.restore_policy"_s << QVariant(u"always_off"_s);
    QTest::newRow("ipmi.enabled") << u"ipmi.enabled"_s << QVariant(true);
    QTest::newRow("ipmi.listen") << u"ipmi.listen"_s << QVariant(u"::"_s);
    QTest::newRow("ipmi.port") << u"ipmi.port"_s << QVariant(623);
    QTest::newRow("ipmi.cipher_suites") << u"ipmi.cipher_suites"_s << QVariant(QVariantList{17, 3});
    QTest::newRow("ipmi.auth.file") << u"ipmi.auth.file"_s << QVariant(QString());
    QTest::newRow("ipmi.sol.speed") << u"ipmi.sol.speed"_s << QVariant(115200);
    QTest::newRow("ipmi.sol.privilege") << u"ipmi.sol.privilege"_s << QVariant(u"operator"_s);
    QTest::newRow("redfish.port") << u"redfish.port"_s << QVariant(443);
    QTest::newRow("ssh.enabled") << u"ssh.enabled"_s << QVariant(true);
    QTest::newRow("ssh.port") << u"ssh.port"_s << QVariant(2200);
    QTest::newRow("redfish.tls") << u"redfish.tls"_s << QVariant(true);
    QTest::newRow("redfish.max_sessions_per_user") << u"redfish.max_sessions_per_user"_s << QVariant(16);
    QTest::newRow("eventlog.max_entries") << u"eventlog.max_entries"_s << QVariant(2048);
}

void tst_Configuration::defaults()
{
    QFETCH(QString, path);
    QFETCH(QVariant, expected);

    const Configuration configuration;
    QCOMPARE(configuration.value(keyAt(path)), expected);
    const Configuration::Source source = configuration.source(keyAt(path));
    QCOMPARE(source.kind, Configuration::Source::Kind::Default);
    QVERIFY(source.file.isEmpty());
    QCOMPARE(source.line, 0);
    QVERIFY(source.spelledAs.isEmpty());
    QCOMPARE(source.toString(), u"default"_s);
}

void tst_Configuration::everyDefaultIsAllowed()
{
    // Defaults go through the same checks as everything else: a default the schema itself
    // rejects would be refused the moment someone sets it at run time.
    for (const ConfigKey &key : ConfigSchema::instance().keys()) {
        const std::optional<QVariant> checked = key.fromJson(key.toJson(key.defaultValue));
        QVERIFY2(checked, qPrintable(key.path));
        QVERIFY2(*checked == key.defaultValue, qPrintable(key.path));
        QVERIFY2(!key.description.isEmpty(), qPrintable(key.path));
    }
}

// --- one file --------------------------------------------------------------------------------

void tst_Configuration::fileSetsValue_data()
{
    QTest::addColumn<ConfigEntry>("entry");
    QTest::addColumn<QVariant>("expected");

    QTest::newRow("bool true") << scalar(u"host.sim.nmi"_s, u"true"_s) << QVariant(true);
    QTest::newRow("bool yes") << scalar(u"host.sim.nmi"_s, u"yes"_s) << QVariant(true);
    QTest::newRow("bool on") << scalar(u"host.sim.nmi"_s, u"on"_s) << QVariant(true);
    QTest::newRow("bool True") << scalar(u"host.sim.nmi"_s, u"True"_s) << QVariant(true);
    QTest::newRow("bool false") << scalar(u"ipmi.enabled"_s, u"false"_s) << QVariant(false);
    QTest::newRow("bool no") << scalar(u"ipmi.enabled"_s, u"no"_s) << QVariant(false);
    QTest::newRow("bool off") << scalar(u"ipmi.enabled"_s, u"off"_s) << QVariant(false);
    QTest::newRow("bool OFF") << scalar(u"ipmi.enabled"_s, u"OFF"_s) << QVariant(false);

    QTest::newRow("integer") << scalar(u"ipmi.port"_s, u"6230"_s) << QVariant(6230);
    QTest::newRow("integer at minimum") << scalar(u"ipmi.max_sessions"_s, u"1"_s) << QVariant(1);
    QTest::newRow("integer at maximum") << scalar(u"ipmi.max_sessions"_s, u"63"_s) << QVariant(63);
    QTest::newRow("integer zero allowed") << scalar(u"accounts.lockout_threshold"_s, u"0"_s) << QVariant(0);
    QTest::newRow("integer from a list") << scalar(u"ipmi.sol.speed"_s, u"9600"_s) << QVariant(9600);

    QTest::newRow("seconds, whole") << scalar(u"power.long_press"_s, u"7"_s) << QVariant(7.0);
    QTest::newRow("seconds, fraction") << scalar(u"power.short_press"_s, u"0.25"_s) << QVariant(0.25);
    QTest::newRow("seconds at minimum") << scalar(u"power.short_press"_s, u"0.01"_s) << QVariant(0.01);
    QTest::newRow("seconds at maximum") << scalar(u"ipmi.sol.accumulate_interval"_s, u"1.275"_s) << QVariant(1.275);
    QTest::newRow("seconds zero allowed") << scalar(u"power.cycle_delay"_s, u"0"_s) << QVariant(0.0);

    QTest::newRow("choice") << scalar(u"host.backend"_s, u"gpio"_s) << QVariant(u"gpio"_s);
    QTest::newRow("choice, last") << scalar(u"power.restore_policy"_s, u"last_state"_s) << QVariant(u"last_state"_s);

    QTest::newRow("address ::") << scalar(u"ipmi.listen"_s, u"::"_s) << QVariant(u"::"_s);
    QTest::newRow("address 127.0.0.1") << scalar(u"ipmi.listen"_s, u"127.0.0.1"_s) << QVariant(u"127.0.0.1"_s);
    QTest::newRow("address ::1") << scalar(u"redfish.listen"_s, u"::1"_s) << QVariant(u"::1"_s);
    QTest::newRow("address 0.0.0.0") << scalar(u"redfish.listen"_s, u"0.0.0.0"_s) << QVariant(u"0.0.0.0"_s);
    QTest::newRow("address fd00::12") << scalar(u"ipmi.listen"_s, u"fd00::12"_s) << QVariant(u"fd00::12"_s);

    QTest::newRow("string") << scalar(u"ipmi.sol.device"_s, u"/dev/ttyUSB0"_s) << QVariant(u"/dev/ttyUSB0"_s);
    QTest::newRow("string with spaces") << scalar(u"gpio.chip"_s, u"pinctrl bcm2835"_s)
                                        << QVariant(u"pinctrl bcm2835"_s);

    QTest::newRow("integer list, one") << list(u"ipmi.cipher_suites"_s, {u"3"_s}) << QVariant(QVariantList{3});
    QTest::newRow("integer list, reordered")
        << list(u"ipmi.cipher_suites"_s, {u"3"_s, u"17"_s}) << QVariant(QVariantList{3, 17});
}

void tst_Configuration::fileSetsValue()
{
    QFETCH(ConfigEntry, entry);
    QFETCH(QVariant, expected);
    entry.line = 12;

    Configuration configuration;
    QStringList warnings;
    const std::optional<ConfigError> error = configuration.applyFile(mainFile, {entry}, &warnings);
    QVERIFY2(!error, qPrintable(errorText(error)));
    QVERIFY(warnings.isEmpty());

    QCOMPARE(configuration.value(keyAt(entry.path)), expected);
    const Configuration::Source source = configuration.source(keyAt(entry.path));
    QCOMPARE(source.kind, Configuration::Source::Kind::File);
    QCOMPARE(source.file, mainFile);
    QCOMPARE(source.line, 12);
    QVERIFY(source.spelledAs.isEmpty());
    QCOMPARE(source.toString(), u"/etc/qbmc/qbmc.yaml:12"_s);
    QVERIFY(!configuration.validate());
}

void tst_Configuration::typedAccessors()
{
    Configuration configuration;
    QVERIFY(!configuration.applyFile(mainFile,
                                     {
                                         scalar(u"ipmi.enabled"_s, u"no"_s, 1),
                                         scalar(u"ipmi.port"_s, u"6230"_s, 2),
                                         scalar(u"power.long_press"_s, u"6.25"_s, 3),
                                         list(u"ipmi.cipher_suites"_s, {u"3"_s}, 4),
                                         scalar(u"ipmi.listen"_s, u"::1"_s, 5),
                                     }));
    QCOMPARE(configuration.value(ConfigKeys::ipmiEnabled), false);
    QCOMPARE(configuration.value(ConfigKeys::ipmiPort), 6230);
    QCOMPARE(configuration.value(ConfigKeys::powerLongPress), 6250ms);
    QCOMPARE(configuration.value(ConfigKeys::powerShortPress), 100ms);
    QCOMPARE(configuration.value(ConfigKeys::ipmiCipherSuites), QList<int>{3});
    QCOMPARE(configuration.value(ConfigKeys::ipmiListen), u"::1"_s);
    // Untouched keys keep their defaults.
    QCOMPARE(configuration.value(ConfigKeys::ipmiSolSpeed), 115200);
    QCOMPARE(configuration.value(ConfigKeys::redfishPort), 443);
    QCOMPARE(configuration.source(ConfigKeys::redfishPort).kind, Configuration::Source::Kind::Default);
}

void tst_Configuration::nullForStringKeyIsEmpty()
{
    // `file:` with nothing after it, as YAML gives it, means "no file".
    Configuration configuration;
    QVERIFY(!configuration.applyFile(mainFile, {null(u"ipmi.auth.file"_s, 7), null(u"gpio.chip"_s, 8)}));
    QCOMPARE(configuration.value(ConfigKeys::ipmiAuthFile), QString());
    QCOMPARE(configuration.source(ConfigKeys::ipmiAuthFile).toString(), u"/etc/qbmc/qbmc.yaml:7"_s);
    // A null replaces a non-empty default too.
    QCOMPARE(configuration.value(ConfigKeys::gpioChip), QString());
    QCOMPARE(configuration.source(ConfigKeys::gpioChip).line, 8);
}

void tst_Configuration::sectionsMayBeEmpty()
{
    // "ipmi:" with nothing under it, or "ipmi: {}", says nothing and is no error.
    Configuration configuration;
    QStringList warnings;
    QCOMPARE(errorText(configuration.applyFile(mainFile,
                                               {null(u"ipmi"_s, 1), mapping(u"host"_s, 2), null(u"ipmi.sol"_s, 3),
                                                mapping(u"ipmi.server"_s, 4), null(u"gpio.power_led"_s, 5)},
                                               &warnings)),
             QString());
    QVERIFY(warnings.isEmpty());
    QCOMPARE(configuration.source(ConfigKeys::ipmiPort).kind, Configuration::Source::Kind::Default);
}

void tst_Configuration::rejects_data()
{
    QTest::addColumn<QList<ConfigEntry>>("entries");
    QTest::addColumn<QString>("error");

    const QString ipmiChildren =
        u"enabled, listen, port, cipher_suites, max_sessions, session_timeout, throttle, auth, sol, server"_s;
    const QString solChildren = u"enabled, device, speed, privilege, force_encryption, force_authentication, "
                                "accumulate_interval, send_threshold, retry_count, retry_interval, break_duration, "
                                "data_bits, parity, stop_bits, flow_control, select_timeout, proxy_port"_s;
    const QString suites = u"a list of one or more of 17 or 3, like [17]"_s;

    // Wrong type or range.
    QTest::newRow("integer: word") << QList{
        scalar(u"ipmi.port"_s, u"abc"_s,
               4)} << u"/etc/qbmc/qbmc.yaml:4: ipmi.port: \"abc\" is not valid; expected an integer from 1 to 65535"_s;
    QTest::newRow("integer: fraction") << QList{scalar(
        u"ipmi.max_sessions"_s, u"1.5"_s,
        4)} << u"/etc/qbmc/qbmc.yaml:4: ipmi.max_sessions: \"1.5\" is not valid; expected an integer from 1 to 63"_s;
    QTest::newRow("integer: bool") << QList{
        scalar(u"ipmi.port"_s, u"true"_s,
               4)} << u"/etc/qbmc/qbmc.yaml:4: ipmi.port: \"true\" is not valid; expected an integer from 1 to 65535"_s;
    QTest::newRow("integer: above range")
        << QList{scalar(u"ipmi.port"_s, u"65536"_s, 5)}
        << u"/etc/qbmc/qbmc.yaml:5: ipmi.port: \"65536\" is not valid; expected an integer from 1 to 65535"_s;
    QTest::newRow("integer: below range")
        << QList{scalar(u"ipmi.port"_s, u"0"_s, 5)}
        << u"/etc/qbmc/qbmc.yaml:5: ipmi.port: \"0\" is not valid; expected an integer from 1 to 65535"_s;
    QTest::newRow("integer: negative")
        << QList{scalar(u"gpio.power_switch.line"_s, u"-1"_s, 5)}
        << u"/etc/qbmc/qbmc.yaml:5: gpio.power_switch.line: \"-1\" is not valid; expected an integer from 0 to 1023"_s;
    QTest::newRow("integer: not in the list")
        << QList{scalar(u"ipmi.sol.speed"_s, u"4800"_s, 6)}
        << u"/etc/qbmc/qbmc.yaml:6: ipmi.sol.speed: \"4800\" is not valid; expected 9600, 19200, 38400, 57600 or 115200"_s;
    QTest::newRow("seconds: above range")
        << QList{scalar(u"power.long_press"_s, u"31"_s, 7)}
        << u"/etc/qbmc/qbmc.yaml:7: power.long_press: \"31\" is not valid; expected a number of seconds from 0.01 to 30"_s;
    QTest::newRow("seconds: below range")
        << QList{scalar(u"power.short_press"_s, u"0"_s, 7)}
        << u"/etc/qbmc/qbmc.yaml:7: power.short_press: \"0\" is not valid; expected a number of seconds from 0.01 to 10"_s;
    QTest::newRow("seconds: fractional range")
        << QList{scalar(u"ipmi.sol.accumulate_interval"_s, u"2"_s, 7)}
        << u"/etc/qbmc/qbmc.yaml:7: ipmi.sol.accumulate_interval: \"2\" is not valid; expected a number of seconds from 0.005 to 1.275"_s;
    QTest::newRow("seconds: with unit")
        << QList{scalar(u"power.long_press"_s, u"5s"_s, 7)}
        << u"/etc/qbmc/qbmc.yaml:7: power.long_press: \"5s\" is not valid; expected a number of seconds from 0.01 to 30"_s;
    QTest::newRow("seconds: infinite")
        << QList{scalar(u"power.graceful_timeout"_s, u"inf"_s, 7)}
        << u"/etc/qbmc/qbmc.yaml:7: power.graceful_timeout: \"inf\" is not valid; expected a number of seconds from 1 to 3600"_s;
    QTest::newRow("serial parity")
        << QList{scalar(u"ipmi.sol.parity"_s, u"7E1"_s, 6)}
        << u"/etc/qbmc/qbmc.yaml:6: ipmi.sol.parity: \"7E1\" is not valid; expected none, even, odd, mark or space"_s;
    QTest::newRow("serial data bits") << QList{scalar(
        u"ipmi.sol.data_bits"_s, u"9"_s,
        6)} << u"/etc/qbmc/qbmc.yaml:6: ipmi.sol.data_bits: \"9\" is not valid; expected an integer from 7 to 8"_s;
    QTest::newRow("console history too small")
        << QList{scalar(u"console.history"_s, u"100"_s, 9)}
        << u"/etc/qbmc/qbmc.yaml:9: console.history: \"100\" is not valid; expected an integer from 4096 to 16777216"_s;
    QTest::newRow("console log files") << QList{scalar(
        u"console.log_files"_s, u"-1"_s,
        9)} << u"/etc/qbmc/qbmc.yaml:9: console.log_files: \"-1\" is not valid; expected an integer from 0 to 16"_s;
    QTest::newRow("bool: other word") << QList{
        scalar(u"ipmi.enabled"_s, u"maybe"_s,
               8)} << u"/etc/qbmc/qbmc.yaml:8: ipmi.enabled: \"maybe\" is not valid; expected true or false"_s;
    QTest::newRow("bool: number") << QList{
        scalar(u"redfish.tls"_s, u"1"_s,
               8)} << u"/etc/qbmc/qbmc.yaml:8: redfish.tls: \"1\" is not valid; expected true or false"_s;
    QTest::newRow("choice") << QList{scalar(u"host.backend"_s, u"qemu"_s, 2)}
                            << u"/etc/qbmc/qbmc.yaml:2: host.backend: \"qemu\" is not valid; expected sim or gpio"_s;
    QTest::newRow("choice is case-sensitive")
        << QList{scalar(u"power.restore_policy"_s, u"Always_On"_s, 2)}
        << u"/etc/qbmc/qbmc.yaml:2: power.restore_policy: \"Always_On\" is not valid; expected always_off, always_on or last_state"_s;
    QTest::newRow("address: host name")
        << QList{scalar(u"ipmi.listen"_s, u"localhost"_s, 3)}
        << u"/etc/qbmc/qbmc.yaml:3: ipmi.listen: \"localhost\" is not valid; expected an IPv4 or IPv6 address (\"::\" for every address)"_s;
    QTest::newRow("address: bad octet")
        << QList{scalar(u"redfish.listen"_s, u"192.168.1.256"_s, 3)}
        << u"/etc/qbmc/qbmc.yaml:3: redfish.listen: \"192.168.1.256\" is not valid; expected an IPv4 or IPv6 address (\"::\" for every address)"_s;
    QTest::newRow("address: empty")
        << QList{scalar(u"ipmi.listen"_s, QString(), 3)}
        << u"/etc/qbmc/qbmc.yaml:3: ipmi.listen: \"\" is not valid; expected an IPv4 or IPv6 address (\"::\" for every address)"_s;
    QTest::newRow("address: with port")
        << QList{scalar(u"ipmi.listen"_s, u"127.0.0.1:623"_s, 3)}
        << u"/etc/qbmc/qbmc.yaml:3: ipmi.listen: \"127.0.0.1:623\" is not valid; expected an IPv4 or IPv6 address (\"::\" for every address)"_s;
    QTest::newRow("quotes in the value are escaped")
        << QList{scalar(u"host.backend"_s, u"say \"sim\""_s, 2)}
        << u"/etc/qbmc/qbmc.yaml:2: host.backend: \"say \\\"sim\\\"\" is not valid; expected sim or gpio"_s;

    // Lists and scalars.
    QTest::newRow("list for a scalar key")
        << QList{list(u"ipmi.port"_s, {u"623"_s}, 9)}
        << u"/etc/qbmc/qbmc.yaml:9: ipmi.port: expected an integer from 1 to 65535, got a list"_s;
    QTest::newRow("list for a string key") << QList{list(u"ipmi.auth.file"_s, {u"a"_s, u"b"_s}, 9)}
                                           << u"/etc/qbmc/qbmc.yaml:9: ipmi.auth.file: expected a string, got a list"_s;
    QTest::newRow("scalar for the cipher suites")
        << QList{scalar(u"ipmi.cipher_suites"_s, u"17"_s, 10)}
        << u"/etc/qbmc/qbmc.yaml:10: ipmi.cipher_suites: expected "_s + suites + u", got a single value"_s;
    QTest::newRow("cipher suite not allowed")
        << QList{list(u"ipmi.cipher_suites"_s, {u"17"_s, u"1"_s}, 10)}
        << u"/etc/qbmc/qbmc.yaml:10: ipmi.cipher_suites: [\"17\", \"1\"] is not valid; expected "_s + suites;
    QTest::newRow("cipher suite twice") << QList{
        list(u"ipmi.cipher_suites"_s, {u"3"_s, u"3"_s},
             10)} << u"/etc/qbmc/qbmc.yaml:10: ipmi.cipher_suites: [\"3\", \"3\"] is not valid; expected "_s + suites;
    QTest::newRow("cipher suite not a number")
        << QList{list(u"ipmi.cipher_suites"_s, {u"seventeen"_s}, 10)}
        << u"/etc/qbmc/qbmc.yaml:10: ipmi.cipher_suites: [\"seventeen\"] is not valid; expected "_s + suites;
    QTest::newRow("no cipher suites") << QList{list(u"ipmi.cipher_suites"_s, {}, 10)}
                                      << u"/etc/qbmc/qbmc.yaml:10: ipmi.cipher_suites: [] is not valid; expected "_s
            + suites;

    // Null and mappings.
    QTest::newRow("null for an integer") << QList{
        null(u"ipmi.port"_s,
             11)} << u"/etc/qbmc/qbmc.yaml:11: ipmi.port: no value given; expected an integer from 1 to 65535"_s;
    QTest::newRow("null for a bool") << QList{null(
        u"ipmi.enabled"_s, 11)} << u"/etc/qbmc/qbmc.yaml:11: ipmi.enabled: no value given; expected true or false"_s;
    QTest::newRow("null for the cipher suites")
        << QList{null(u"ipmi.cipher_suites"_s, 11)}
        << u"/etc/qbmc/qbmc.yaml:11: ipmi.cipher_suites: no value given; expected "_s + suites;
    QTest::newRow("mapping for a key") << QList{
        mapping(u"ipmi.port"_s,
                12)} << u"/etc/qbmc/qbmc.yaml:12: ipmi.port: expected an integer from 1 to 65535, got a mapping"_s;
    QTest::newRow("mapping under a key") << QList{
        scalar(u"ipmi.port.x"_s, u"1"_s,
               13)} << u"/etc/qbmc/qbmc.yaml:13: ipmi.port: expected an integer from 1 to 65535, got a mapping"_s;
    QTest::newRow("mapping deep under a key")
        << QList{null(u"host.backend.a.b"_s, 13)}
        << u"/etc/qbmc/qbmc.yaml:13: host.backend: expected sim or gpio, got a mapping"_s;
    QTest::newRow("value for a section") << QList{scalar(u"ipmi"_s, u"on"_s, 14)}
                                         << u"/etc/qbmc/qbmc.yaml:14: ipmi: is a section, not a value; it holds: "_s
            + ipmiChildren;
    QTest::newRow("list for a section") << QList{list(u"ipmi.sol"_s, {u"a"_s}, 14)}
                                        << u"/etc/qbmc/qbmc.yaml:14: ipmi.sol: is a section, not a value; it holds: "_s
            + solChildren;

    // Unknown keys, listing what the section allows in schema order.
    QTest::newRow("unknown at the top level")
        << QList{scalar(u"ipmb"_s, u"1"_s, 15)}
        << u"/etc/qbmc/qbmc.yaml:15: ipmb: unknown key; allowed at the top level: bmc, fru, host, gpio, power, ipmi, console, kvm, media, ssh, redfish, accounts, eventlog, ui, log"_s;
    QTest::newRow("unknown section at the top level")
        << QList{scalar(u"kvmd.auth.enabled"_s, u"true"_s, 15)}
        << u"/etc/qbmc/qbmc.yaml:15: kvmd: unknown key; allowed at the top level: bmc, fru, host, gpio, power, ipmi, console, kvm, media, ssh, redfish, accounts, eventlog, ui, log"_s;
    QTest::newRow("unknown in ipmi") << QList{scalar(u"ipmi.prot"_s, u"623"_s, 16)}
                                     << u"/etc/qbmc/qbmc.yaml:16: ipmi.prot: unknown key; allowed in ipmi: "_s
            + ipmiChildren;
    QTest::newRow("unknown section in ipmi.sol")
        << QList{scalar(u"ipmi.sol.baud.rate"_s, u"9600"_s, 16)}
        << u"/etc/qbmc/qbmc.yaml:16: ipmi.sol.baud: unknown key; allowed in ipmi.sol: "_s + solChildren;
    QTest::newRow("unknown in gpio.power_led")
        << QList{scalar(u"gpio.power_led.pin"_s, u"24"_s, 16)}
        << u"/etc/qbmc/qbmc.yaml:16: gpio.power_led.pin: unknown key; allowed in gpio.power_led: line, inverted, debounce"_s;
    QTest::newRow("unknown in the alias section")
        << QList{scalar(u"ipmi.server.address"_s, u"::"_s, 17)}
        << u"/etc/qbmc/qbmc.yaml:17: ipmi.server.address: unknown key; allowed in ipmi.server: host, port"_s;
    QTest::newRow("value for the alias section")
        << QList{scalar(u"ipmi.server"_s, u"::"_s, 17)}
        << u"/etc/qbmc/qbmc.yaml:17: ipmi.server: is a section, not a value; it holds: host, port"_s;

    // Aliases are checked like the key they stand for, and named as the file spells them.
    QTest::newRow("alias: bad value") << QList{scalar(
        u"ipmi.server.port"_s, u"x"_s,
        18)} << u"/etc/qbmc/qbmc.yaml:18: ipmi.server.port: \"x\" is not valid; expected an integer from 1 to 65535"_s;
    QTest::newRow("alias: mapping")
        << QList{mapping(u"ipmi.server.host"_s, 18)}
        << u"/etc/qbmc/qbmc.yaml:18: ipmi.server.host: expected an IPv4 or IPv6 address (\"::\" for every address), got a mapping"_s;
    QTest::newRow("alias: mapping under it")
        << QList{scalar(u"ipmi.server.port.x"_s, u"1"_s, 18)}
        << u"/etc/qbmc/qbmc.yaml:18: ipmi.server.port: expected an integer from 1 to 65535, got a mapping"_s;

    // Set twice in one file.
    QTest::newRow("same key twice") << QList{scalar(u"ipmi.port"_s, u"623"_s, 3), scalar(u"ipmi.port"_s, u"624"_s, 9)}
                                    << u"/etc/qbmc/qbmc.yaml:9: ipmi.port: set twice in this file (also on line 3)"_s;
    QTest::newRow("alias, then key") << QList{scalar(u"ipmi.server.port"_s, u"623"_s, 3),
                                              scalar(u"ipmi.port"_s, u"624"_s, 7)}
                                     << u"/etc/qbmc/qbmc.yaml:7: ipmi.port: set twice in this file (also on line 3)"_s;
    QTest::newRow("key, then alias")
        << QList{scalar(u"ipmi.listen"_s, u"::"_s, 2), scalar(u"ipmi.server.host"_s, u"::1"_s, 5)}
        << u"/etc/qbmc/qbmc.yaml:5: ipmi.server.host: set twice in this file (also on line 2)"_s;
}

void tst_Configuration::rejects()
{
    QFETCH(QList<ConfigEntry>, entries);
    QFETCH(QString, error);

    Configuration configuration;
    QStringList warnings;
    const std::optional<ConfigError> result = configuration.applyFile(mainFile, entries, &warnings);
    QVERIFY(result);
    QCOMPARE(result->toString(), error);
    QCOMPARE(result->file, mainFile);
    QCOMPARE(result->line, entries.last().line);
    QVERIFY(warnings.isEmpty());
}

void tst_Configuration::firstErrorStopsTheFile()
{
    Configuration configuration;
    const std::optional<ConfigError> error = configuration.applyFile(
        mainFile, {scalar(u"ipmi.port"_s, u"nope"_s, 3), scalar(u"redfish.port"_s, u"8443"_s, 4)});
    QCOMPARE(errorText(error),
             u"/etc/qbmc/qbmc.yaml:3: ipmi.port: \"nope\" is not valid; expected an integer from 1 to 65535"_s);
    QCOMPARE(configuration.value(ConfigKeys::ipmiPort), 623);
    QCOMPARE(configuration.value(ConfigKeys::redfishPort), 443);
    QCOMPARE(configuration.source(ConfigKeys::redfishPort).kind, Configuration::Source::Kind::Default);
}

// --- PiKVM's spellings -----------------------------------------------------------------------

void tst_Configuration::aliases_data()
{
    QTest::addColumn<ConfigEntry>("entry");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<QVariant>("expected");

    QTest::newRow("ipmi.server.port") << scalar(u"ipmi.server.port"_s, u"6230"_s, 5) << u"ipmi.port"_s
                                      << QVariant(6230);
    QTest::newRow("ipmi.server.host") << scalar(u"ipmi.server.host"_s, u"127.0.0.1"_s, 5) << u"ipmi.listen"_s
                                      << QVariant(u"127.0.0.1"_s);
}

void tst_Configuration::aliases()
{
    QFETCH(ConfigEntry, entry);
    QFETCH(QString, canonical);
    QFETCH(QVariant, expected);

    Configuration configuration;
    QStringList warnings;
    QCOMPARE(errorText(configuration.applyFile(mainFile, {entry}, &warnings)), QString());
    QVERIFY(warnings.isEmpty());

    QCOMPARE(configuration.value(keyAt(canonical)), expected);
    const Configuration::Source source = configuration.source(keyAt(canonical));
    QCOMPARE(source.kind, Configuration::Source::Kind::File);
    QCOMPARE(source.file, mainFile);
    QCOMPARE(source.line, 5);
    QCOMPARE(source.spelledAs, entry.path);
    QCOMPARE(source.toString(), u"/etc/qbmc/qbmc.yaml:5 (as %1)"_s.arg(entry.path));
}

void tst_Configuration::ignoredPiKvmKeysWarn()
{
    Configuration configuration;
    QStringList warnings{u"an earlier warning"_s};
    const std::optional<ConfigError> error =
        configuration.applyFile(mainFile,
                                {
                                    null(u"ipmi"_s, 1),
                                    scalar(u"ipmi.server.port"_s, u"6230"_s, 3),
                                    scalar(u"ipmi.sol.device"_s, u"/dev/ttyUSB0"_s, 5),
                                    scalar(u"ipmi.sol.select_timeout"_s, u"0.1"_s, 7),
                                    scalar(u"ipmi.sol.proxy_port"_s, u"40001"_s, 8),
                                    scalar(u"ipmi.sol.speed"_s, u"57600"_s, 9),
                                    scalar(u"ipmi.sol.proxy_port.extra"_s, u"1"_s, 11),
                                },
                                &warnings);
    QCOMPARE(errorText(error), QString());
    QCOMPARE(warnings,
             (QStringList{
                 u"an earlier warning"_s,
                 u"/etc/qbmc/qbmc.yaml:7: ipmi.sol.select_timeout: a PiKVM setting qbmc does not need; ignored"_s,
                 u"/etc/qbmc/qbmc.yaml:8: ipmi.sol.proxy_port: a PiKVM setting qbmc does not need; ignored"_s,
                 u"/etc/qbmc/qbmc.yaml:11: ipmi.sol.proxy_port.extra: a PiKVM setting qbmc does not need; ignored"_s,
             }));
    QCOMPARE(configuration.value(ConfigKeys::ipmiPort), 6230);
    QCOMPARE(configuration.value(ConfigKeys::ipmiSolDevice), u"/dev/ttyUSB0"_s);
    QCOMPARE(configuration.value(ConfigKeys::ipmiSolSpeed), 57600);

    // Without a list to collect them the keys are still accepted.
    Configuration quiet;
    QCOMPARE(errorText(quiet.applyFile(mainFile, {scalar(u"ipmi.sol.proxy_port"_s, u"40001"_s, 2)})), QString());
}

// --- layers ----------------------------------------------------------------------------------

void tst_Configuration::laterFileOverrides()
{
    Configuration configuration;
    QVERIFY(!configuration.applyFile(mainFile,
                                     {
                                         scalar(u"ipmi.port"_s, u"1623"_s, 2),
                                         scalar(u"ipmi.listen"_s, u"127.0.0.1"_s, 3),
                                         scalar(u"host.backend"_s, u"gpio"_s, 4),
                                     }));
    QVERIFY(!configuration.applyFile(dropInFile,
                                     {
                                         scalar(u"ipmi.server.port"_s, u"2623"_s, 6),
                                         scalar(u"redfish.port"_s, u"8443"_s, 9),
                                     }));

    QCOMPARE(configuration.value(ConfigKeys::ipmiPort), 2623);
    QCOMPARE(configuration.source(ConfigKeys::ipmiPort).toString(),
             u"/etc/qbmc/qbmc.d/10-site.yaml:6 (as ipmi.server.port)"_s);
    QCOMPARE(configuration.value(ConfigKeys::ipmiListen), u"127.0.0.1"_s);
    QCOMPARE(configuration.source(ConfigKeys::ipmiListen).toString(), u"/etc/qbmc/qbmc.yaml:3"_s);
    QCOMPARE(configuration.source(ConfigKeys::hostBackend).toString(), u"/etc/qbmc/qbmc.yaml:4"_s);
    QCOMPARE(configuration.value(ConfigKeys::redfishPort), 8443);
    QCOMPARE(configuration.source(ConfigKeys::redfishPort).file, dropInFile);
    QCOMPARE(configuration.source(ConfigKeys::redfishPort).line, 9);
    QCOMPARE(configuration.source(ConfigKeys::eventlogMaxEntries).kind, Configuration::Source::Kind::Default);

    // A third file using the canonical name forgets the alias spelling.
    QVERIFY(!configuration.applyFile(u"/etc/qbmc/qbmc.d/20-more.yaml"_s, {scalar(u"ipmi.port"_s, u"3623"_s, 1)}));
    QCOMPARE(configuration.source(ConfigKeys::ipmiPort).toString(), u"/etc/qbmc/qbmc.d/20-more.yaml:1"_s);
    QVERIFY(configuration.source(ConfigKeys::ipmiPort).spelledAs.isEmpty());
}

void tst_Configuration::sameKeyInTwoFilesIsNoDuplicate()
{
    Configuration configuration;
    QVERIFY(!configuration.applyFile(mainFile, {scalar(u"ipmi.port"_s, u"1623"_s, 2)}));
    QCOMPARE(errorText(configuration.applyFile(mainFile, {scalar(u"ipmi.port"_s, u"1624"_s, 2)})), QString());
    QCOMPARE(configuration.value(ConfigKeys::ipmiPort), 1624);
}

// --- rules across keys -----------------------------------------------------------------------

void tst_Configuration::validate_data()
{
    QTest::addColumn<QList<ConfigEntry>>("mainEntries");
    QTest::addColumn<QList<ConfigEntry>>("dropInEntries");
    QTest::addColumn<QString>("error");

    // The message speaks from the key it is reported under.
    const QString pressRule = u"%1 s must be longer than host.sim.force_off_hold (%2 s), or the simulated host takes a "
                              "forced power-off for a short press"_s;
    const QString holdRule = u"%1 s must be shorter than power.long_press (%2 s), or the simulated host takes a "
                             "forced power-off for a short press"_s;

    QTest::newRow("defaults") << QList<ConfigEntry>() << QList<ConfigEntry>() << QString();
    QTest::newRow("long press just long enough")
        << QList{scalar(u"power.long_press"_s, u"4.01"_s, 6)} << QList<ConfigEntry>() << QString();
    QTest::newRow("long press too short, from a file")
        << QList{scalar(u"power.long_press"_s, u"4"_s, 6)} << QList<ConfigEntry>()
        << u"/etc/qbmc/qbmc.yaml:6: power.long_press: "_s + pressRule.arg(u"4"_s, u"4"_s);
    QTest::newRow("force-off hold too long, from a file")
        << QList{scalar(u"host.sim.force_off_hold"_s, u"6"_s, 3)} << QList<ConfigEntry>()
        << u"/etc/qbmc/qbmc.yaml:3: host.sim.force_off_hold: "_s + holdRule.arg(u"6"_s, u"5.5"_s);
    QTest::newRow("both from files, the press is blamed")
        << QList{scalar(u"host.sim.force_off_hold"_s, u"2.5"_s, 3)} << QList{scalar(u"power.long_press"_s, u"2"_s, 8)}
        << u"/etc/qbmc/qbmc.d/10-site.yaml:8: power.long_press: "_s + pressRule.arg(u"2"_s, u"2.5"_s);
    QTest::newRow("hold from the drop-in")
        << QList<ConfigEntry>() << QList{scalar(u"host.sim.force_off_hold"_s, u"10"_s, 4)}
        << u"/etc/qbmc/qbmc.d/10-site.yaml:4: host.sim.force_off_hold: "_s + holdRule.arg(u"10"_s, u"5.5"_s);
    QTest::newRow("no simulated host, no rule")
        << QList{scalar(u"host.backend"_s, u"gpio"_s, 1), scalar(u"power.long_press"_s, u"1"_s, 6)}
        << QList<ConfigEntry>() << QString();

    QTest::newRow("certificate and key") << QList{scalar(u"redfish.tls_cert"_s, u"/etc/qbmc/cert.pem"_s, 9),
                                                  scalar(u"redfish.tls_key"_s, u"/etc/qbmc/key.pem"_s, 10)}
                                         << QList<ConfigEntry>() << QString();
    QTest::newRow("certificate without key")
        << QList{scalar(u"redfish.tls_cert"_s, u"/etc/qbmc/cert.pem"_s, 9)} << QList<ConfigEntry>()
        << u"/etc/qbmc/qbmc.yaml:9: redfish.tls_cert: set without redfish.tls_key; set both or neither"_s;
    QTest::newRow("key without certificate")
        << QList<ConfigEntry>() << QList{scalar(u"redfish.tls_key"_s, u"/etc/qbmc/key.pem"_s, 2)}
        << u"/etc/qbmc/qbmc.d/10-site.yaml:2: redfish.tls_key: set without redfish.tls_cert; set both or neither"_s;
    QTest::newRow("key emptied again by a null")
        << QList{scalar(u"redfish.tls_cert"_s, u"/etc/qbmc/cert.pem"_s, 9),
                 scalar(u"redfish.tls_key"_s, u"/k.pem"_s, 10)}
        << QList{null(u"redfish.tls_key"_s, 3)}
        << u"/etc/qbmc/qbmc.yaml:9: redfish.tls_cert: set without redfish.tls_key; set both or neither"_s;
}

void tst_Configuration::validate()
{
    QFETCH(QList<ConfigEntry>, mainEntries);
    QFETCH(QList<ConfigEntry>, dropInEntries);
    QFETCH(QString, error);

    Configuration configuration;
    QCOMPARE(errorText(configuration.applyFile(mainFile, mainEntries)), QString());
    QCOMPARE(errorText(configuration.applyFile(dropInFile, dropInEntries)), QString());
    QCOMPARE(errorText(configuration.validate()), error);
}

// --- values changed at run time --------------------------------------------------------------

void tst_Configuration::attachEmptyStateDirectory()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());

    Configuration configuration;
    const StateFile::Result result = configuration.attachState(directory.path());
    QCOMPARE(result.status, StateFile::Status::Missing);
    QVERIFY(result.problem.isEmpty());
    QCOMPARE(configuration.source(ConfigKeys::ipmiSolSpeed).kind, Configuration::Source::Kind::Default);
    // Nothing is written until something changes.
    QVERIFY(QDir(directory.path()).isEmpty());
}

void tst_Configuration::runtimeValueIsPersisted()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString settingsPath = directory.filePath(u"settings.json"_s);

    Configuration configuration;
    configuration.attachState(directory.path());
    QSignalSpy changed(&configuration, &Configuration::valueChanged);

    QCOMPARE(configuration.setRuntimeValue(ConfigKeys::ipmiSolSpeed, 9600), std::nullopt);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), u"ipmi.sol.speed"_s);
    QCOMPARE(configuration.value(ConfigKeys::ipmiSolSpeed), 9600);
    const Configuration::Source source = configuration.source(ConfigKeys::ipmiSolSpeed);
    QCOMPARE(source.kind, Configuration::Source::Kind::State);
    QCOMPARE(source.file, settingsPath);
    QCOMPARE(source.toString(), u"set at run time (%1)"_s.arg(settingsPath));

    QCOMPARE(modeOf(settingsPath), 0600);
    QCOMPARE(QJsonDocument::fromJson(readAll(settingsPath)).object(),
             (QJsonObject{{u"version"_s, 1}, {u"settings"_s, QJsonObject{{u"ipmi.sol.speed"_s, 9600}}}}));

    // The same value again is no change.
    QCOMPARE(configuration.setRuntimeValue(ConfigKeys::ipmiSolSpeed, 9600), std::nullopt);
    QCOMPARE(changed.size(), 1);
    // Nor is a value equal to the default; it is still kept, so it wins over a later file.
    QCOMPARE(configuration.setRuntimeValue(ConfigKeys::ipmiEnabled, true), std::nullopt);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(configuration.source(ConfigKeys::ipmiEnabled).kind, Configuration::Source::Kind::State);

    QCOMPARE(configuration.setRuntimeValue(ConfigKeys::ipmiSolAccumulateInterval, 250ms), std::nullopt);
    QCOMPARE(configuration.setRuntimeValue(ConfigKeys::powerRestorePolicy, u"always_on"_s), std::nullopt);
    QCOMPARE(changed.size(), 3);
    QCOMPARE(changed.at(1).at(0).toString(), u"ipmi.sol.accumulate_interval"_s);
    QCOMPARE(changed.at(2).at(0).toString(), u"power.restore_policy"_s);
    QCOMPARE(configuration.value(ConfigKeys::ipmiSolAccumulateInterval), 250ms);

    QCOMPARE(QJsonDocument::fromJson(readAll(settingsPath)).object(),
             (QJsonObject{{u"version"_s, 1},
                          {u"settings"_s,
                           QJsonObject{{u"ipmi.sol.speed"_s, 9600},
                                       {u"ipmi.enabled"_s, true},
                                       {u"ipmi.sol.accumulate_interval"_s, 0.25},
                                       {u"power.restore_policy"_s, u"always_on"_s}}}}));
    QCOMPARE(modeOf(settingsPath), 0600);
    QCOMPARE(QDir(directory.path()).entryList(QDir::Files),
             (QStringList{u"settings.json"_s, u"settings.json.last-good"_s}));
}

void tst_Configuration::runtimeValueWinsOverFile()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString settingsPath = directory.filePath(u"settings.json"_s);
    {
        Configuration first;
        first.attachState(directory.path());
        QCOMPARE(first.setRuntimeValue(ConfigKeys::ipmiSolSpeed, 9600), std::nullopt);
        QCOMPARE(first.setRuntimeValue(ConfigKeys::ipmiEnabled, false), std::nullopt);
    }

    // A restart: the files are read again, then the state directory.
    Configuration configuration;
    QVERIFY(!configuration.applyFile(mainFile,
                                     {
                                         scalar(u"ipmi.sol.speed"_s, u"19200"_s, 12),
                                         scalar(u"ipmi.enabled"_s, u"yes"_s, 13),
                                         scalar(u"ipmi.sol.retry_count"_s, u"3"_s, 14),
                                     }));
    const StateFile::Result result = configuration.attachState(directory.path());
    QCOMPARE(result.status, StateFile::Status::Loaded);

    QCOMPARE(configuration.value(ConfigKeys::ipmiSolSpeed), 9600);
    QCOMPARE(configuration.source(ConfigKeys::ipmiSolSpeed).kind, Configuration::Source::Kind::State);
    QCOMPARE(configuration.source(ConfigKeys::ipmiSolSpeed).toString(), u"set at run time (%1)"_s.arg(settingsPath));
    QCOMPARE(configuration.value(ConfigKeys::ipmiEnabled), false);
    QCOMPARE(configuration.source(ConfigKeys::ipmiEnabled).kind, Configuration::Source::Kind::State);
    // Keys never changed at run time keep the file's value.
    QCOMPARE(configuration.value(ConfigKeys::ipmiSolRetryCount), 3);
    QCOMPARE(configuration.source(ConfigKeys::ipmiSolRetryCount).toString(), u"/etc/qbmc/qbmc.yaml:14"_s);

    // A later change keeps the earlier runtime values in the file.
    QCOMPARE(configuration.setRuntimeValue(ConfigKeys::ipmiSolRetryCount, 5), std::nullopt);
    QCOMPARE(QJsonDocument::fromJson(readAll(settingsPath)).object().value(u"settings"_s).toObject(),
             (QJsonObject{{u"ipmi.sol.speed"_s, 9600}, {u"ipmi.enabled"_s, false}, {u"ipmi.sol.retry_count"_s, 5}}));
}

void tst_Configuration::runtimeValueRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("error");

    QTest::newRow("file-only key") << u"ipmi.port"_s << QVariant(1623) << u"ipmi.port cannot be changed at run time"_s;
    QTest::newRow("file-only bool") << u"redfish.tls"_s << QVariant(false)
                                    << u"redfish.tls cannot be changed at run time"_s;
    QTest::newRow("integer not in the list")
        << u"ipmi.sol.speed"_s << QVariant(4800)
        << u"ipmi.sol.speed: 4800 is not valid; expected 9600, 19200, 38400, 57600 or 115200"_s;
    QTest::newRow("integer out of range") << u"ipmi.sol.retry_count"_s << QVariant(8)
                                          << u"ipmi.sol.retry_count: 8 is not valid; expected an integer from 0 to 7"_s;
    QTest::newRow("integer beyond any range")
        << u"ipmi.sol.retry_count"_s << QVariant(qInf())
        << u"ipmi.sol.retry_count: inf is not valid; expected an integer from 0 to 7"_s;
    QTest::newRow("integer as text") << u"ipmi.sol.retry_count"_s << QVariant(u"3"_s)
                                     << u"ipmi.sol.retry_count: 3 is not valid; expected an integer from 0 to 7"_s;
    QTest::newRow("integer with a fraction")
        << u"ipmi.sol.send_threshold"_s << QVariant(2.5)
        << u"ipmi.sol.send_threshold: 2.5 is not valid; expected an integer from 1 to 255"_s;
    QTest::newRow("bool as text") << u"ipmi.enabled"_s << QVariant(u"yes"_s)
                                  << u"ipmi.enabled: yes is not valid; expected true or false"_s;
    QTest::newRow("seconds out of range")
        << u"ipmi.sol.retry_interval"_s << QVariant(3.0)
        << u"ipmi.sol.retry_interval: 3 is not valid; expected a number of seconds from 0.01 to 2.55"_s;
    QTest::newRow("choice not allowed")
        << u"power.restore_policy"_s << QVariant(u"previous"_s)
        << u"power.restore_policy: previous is not valid; expected always_off, always_on or last_state"_s;
}

void tst_Configuration::runtimeValueRefused()
{
    QFETCH(QString, path);
    QFETCH(QVariant, value);
    QFETCH(QString, error);

    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString settingsPath = directory.filePath(u"settings.json"_s);

    Configuration configuration;
    configuration.attachState(directory.path());
    QCOMPARE(configuration.setRuntimeValue(ConfigKeys::ipmiSolPrivilege, u"administrator"_s), std::nullopt);
    const QByteArray before = readAll(settingsPath);
    const ConfigKey &key = keyAt(path);
    const QVariant valueBefore = configuration.value(key);
    const QString sourceBefore = configuration.source(key).toString();
    QSignalSpy changed(&configuration, &Configuration::valueChanged);

    const std::optional<Failure> refused = configuration.setRuntimeValue(key, value);
    QVERIFY(refused);
    QCOMPARE(refused->message, error);
    QCOMPARE(configuration.value(key), valueBefore);
    QCOMPARE(configuration.source(key).toString(), sourceBefore);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(readAll(settingsPath), before);
}

void tst_Configuration::damagedStateIsSetAside_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("problem");

    QTest::newRow("not JSON") << QByteArray(R"({"version": 1, "settings": {)")
                              << u"not valid JSON (unterminated object at byte 28)"_s;
    QTest::newRow("unknown key") << QByteArray(R"({"version": 1, "settings": {"ipmi.nope": true}})")
                                 << u"ipmi.nope cannot be set at run time"_s;
    QTest::newRow("file-only key") << QByteArray(R"({"version": 1, "settings": {"ipmi.port": 1623}})")
                                   << u"ipmi.port cannot be set at run time"_s;
    QTest::newRow("wrong type") << QByteArray(R"({"version": 1, "settings": {"ipmi.sol.speed": "9600"}})")
                                << u"ipmi.sol.speed has a value that is not valid"_s;
    QTest::newRow("out of range") << QByteArray(R"({"version": 1, "settings": {"ipmi.sol.retry_count": 8}})")
                                  << u"ipmi.sol.retry_count has a value that is not valid"_s;
    QTest::newRow("huge integer") << QByteArray(R"({"version": 1, "settings": {"ipmi.sol.retry_count": 1e300}})")
                                  << u"ipmi.sol.retry_count has a value that is not valid"_s;
    QTest::newRow("wrong version") << QByteArray(R"({"version": 0, "settings": {}})")
                                   << u"unknown format version 0 (expected 1)"_s;
    QTest::newRow("no settings") << QByteArray(R"({"version": 1})") << u"no settings object"_s;
}

void tst_Configuration::damagedStateIsSetAside()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, problem);

    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString settingsPath = directory.filePath(u"settings.json"_s);
    QVERIFY(writeAll(settingsPath, content));

    Configuration configuration;
    QVERIFY(!configuration.applyFile(mainFile, {scalar(u"ipmi.sol.speed"_s, u"19200"_s, 12)}));

    QTest::ignoreMessage(QtCriticalMsg,
                         QRegularExpression(u"^%1 is damaged \\(%2\\); kept it as %1\\.corrupt-"_s.arg(
                             QRegularExpression::escape(settingsPath), QRegularExpression::escape(problem))));
    QTest::ignoreMessage(QtCriticalMsg, "settings changed at run time are lost; the configuration files apply");
    const StateFile::Result result = configuration.attachState(directory.path());
    QCOMPARE(result.status, StateFile::Status::Damaged);
    QCOMPARE(result.problem, problem);

    // Kept aside with every byte, out of the way of the next write.
    QVERIFY(!QFile::exists(settingsPath));
    QCOMPARE(asideFiles(directory.path(), u"settings.json"_s).size(), 1);
    QCOMPARE(result.asidePath, directory.filePath(asideFiles(directory.path(), u"settings.json"_s).at(0)));
    QCOMPARE(readAll(result.asidePath), content);

    // The files and defaults apply.
    QCOMPARE(configuration.value(ConfigKeys::ipmiSolSpeed), 19200);
    QCOMPARE(configuration.source(ConfigKeys::ipmiSolSpeed).toString(), u"/etc/qbmc/qbmc.yaml:12"_s);
    QCOMPARE(configuration.value(ConfigKeys::ipmiSolRetryCount), 7);
    QCOMPARE(configuration.source(ConfigKeys::ipmiSolRetryCount).kind, Configuration::Source::Kind::Default);

    // The next change starts a fresh file.
    QCOMPARE(configuration.setRuntimeValue(ConfigKeys::ipmiEnabled, false), std::nullopt);
    QCOMPARE(QJsonDocument::fromJson(readAll(settingsPath)).object(),
             (QJsonObject{{u"version"_s, 1}, {u"settings"_s, QJsonObject{{u"ipmi.enabled"_s, false}}}}));
    QCOMPARE(readAll(result.asidePath), content);
}

void tst_Configuration::readOnlyStateLeavesDamagedFile()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString settingsPath = directory.filePath(u"settings.json"_s);
    const QByteArray content = R"({"version": 1, "settings": {"ipmi.sol.speed": 4800}})";
    QVERIFY(writeAll(settingsPath, content));

    Configuration configuration;
    QVERIFY(!configuration.applyFile(mainFile, {scalar(u"ipmi.sol.speed"_s, u"19200"_s, 12)}));
    const StateFile::Result result = configuration.attachState(directory.path(), StateFile::Mode::ReadOnly);
    QCOMPARE(result.status, StateFile::Status::Damaged);
    QCOMPARE(result.problem, u"ipmi.sol.speed has a value that is not valid"_s);
    QVERIFY(result.asidePath.isEmpty());
    QCOMPARE(readAll(settingsPath), content);
    QVERIFY(asideFiles(directory.path(), u"settings.json"_s).isEmpty());
    QCOMPARE(configuration.value(ConfigKeys::ipmiSolSpeed), 19200);

    // A sound file is read the same way in either mode.
    QVERIFY(writeAll(settingsPath, R"({"version": 1, "settings": {"ipmi.sol.speed": 38400}})"));
    Configuration inspecting;
    QCOMPARE(inspecting.attachState(directory.path(), StateFile::Mode::ReadOnly).status, StateFile::Status::Loaded);
    QCOMPARE(inspecting.value(ConfigKeys::ipmiSolSpeed), 38400);
    QCOMPARE(inspecting.source(ConfigKeys::ipmiSolSpeed).kind, Configuration::Source::Kind::State);
}

// --- --print-config --------------------------------------------------------------------------

void tst_Configuration::damagedStateIsReplacedByItsLastGoodCopy()
{
    QTemporaryDir directory;
    const QString settingsPath = directory.filePath(u"settings.json"_s);
    QVERIFY(writeAll(settingsPath, R"({"version": 1, "settings": {"ipmi.sol.spe)"));
    QVERIFY(writeAll(settingsPath + u".last-good"_s, R"({"version": 1, "settings": {"ipmi.sol.speed": 9600}})"));

    Configuration configuration;
    QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(u"put its last good copy .*settings.json.last-good"_s));
    const StateFile::Result result = configuration.attachState(directory.path());
    QCOMPARE(result.status, StateFile::Status::Restored);
    QCOMPARE(configuration.value(ConfigKeys::ipmiSolSpeed), 9600);
    QVERIFY(
        result.story(u"settings"_s).contains(u"its last good copy %1.last-good took its place"_s.arg(settingsPath)));
    QCOMPARE(asideFiles(directory.path(), u"settings.json"_s).size(), 1);
    QCOMPARE(QJsonDocument::fromJson(readAll(settingsPath))
                 .object()
                 .value(u"settings"_s)
                 .toObject()
                 .value(u"ipmi.sol.speed"_s),
             9600);
}

void tst_Configuration::newerStateIsLeftUntouched()
{
    QTemporaryDir directory;
    const QString settingsPath = directory.filePath(u"settings.json"_s);
    const QByteArray newer = R"({"version": 2, "settings": {"ipmi.sol.speed": 9600}})";
    QVERIFY(writeAll(settingsPath, newer));

    Configuration configuration;
    const StateFile::Result result = configuration.attachState(directory.path());
    QCOMPARE(result.status, StateFile::Status::TooNew);
    QCOMPARE(result.foundVersion, 2);
    // The value holds for this run only; the newer file is not written.
    QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(u"^not writing "_s));
    QVERIFY(!configuration.setRuntimeValue(ConfigKeys::ipmiSolSpeed, 19200));
    QCOMPARE(readAll(settingsPath), newer);
    QCOMPARE(QDir(directory.path()).entryList(QDir::Files), QStringList{u"settings.json"_s});
}

void tst_Configuration::yaml()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString settingsPath = directory.filePath(u"settings.json"_s);

    Configuration configuration;
    QVERIFY(!configuration.applyFile(mainFile,
                                     {
                                         scalar(u"host.backend"_s, u"gpio"_s, 2),
                                         scalar(u"ipmi.server.port"_s, u"6230"_s, 5),
                                         list(u"ipmi.cipher_suites"_s, {u"3"_s, u"17"_s}, 6),
                                         scalar(u"log.rules"_s, u"qbmc.*=\"true\""_s, 30),
                                     }));
    QVERIFY(!configuration.applyFile(dropInFile, {scalar(u"power.long_press"_s, u"7.5"_s, 1)}));
    configuration.attachState(directory.path());
    QCOMPARE(configuration.setRuntimeValue(ConfigKeys::ipmiSolSpeed, 9600), std::nullopt);

    const QString yaml = configuration.toYaml();
    QVERIFY(yaml.endsWith(u'\n'));
    const QStringList lines = yaml.split(u'\n');

    QCOMPARE(lines.at(0), u"# qbmc: effective configuration; after each value, where it came from"_s);
    QCOMPARE(lines.at(1), u"bmc:"_s);
    QCOMPARE(lines.at(2), u"  manufacturer_id: 0  # default"_s);
    QCOMPARE(lines.at(3), u"  product_id: 0  # default"_s);
    QCOMPARE(lines.at(4), u"fru:"_s);
    QCOMPARE(lines.at(5), u"  board:"_s);
    QCOMPARE(lines.at(6), u"    manufacturer: \"\"  # default"_s);
    const qsizetype host = lines.indexOf(u"host:"_s);
    QCOMPARE(lines.at(host + 1), u"  backend: \"gpio\"  # /etc/qbmc/qbmc.yaml:2"_s);
    QCOMPARE(lines.at(host + 2), u"  bios_version: \"\"  # default"_s);
    QCOMPARE(lines.at(host + 3), u"  sim:"_s);
    QCOMPARE(lines.at(host + 4), u"    power_on_delay: 1  # default"_s);

    const QStringList expected = {
        u"    force_off_hold: 4  # default"_s,
        u"    nmi: false  # default"_s,
        u"gpio:"_s,
        u"  chip: \"gpiochip0\"  # default"_s,
        u"  power_switch:"_s,
        u"    line: 23  # default"_s,
        u"  power_led:"_s,
        u"power:"_s,
        u"  long_press: 7.5  # /etc/qbmc/qbmc.d/10-site.yaml:1"_s,
        u"  graceful_timeout: 120  # default"_s,
        u"  restore_policy: \"always_off\"  # default"_s,
        u"ipmi:"_s,
        u"  enabled: true  # default"_s,
        u"  port: 6230  # /etc/qbmc/qbmc.yaml:5 (as ipmi.server.port)"_s,
        u"  cipher_suites: [3, 17]  # /etc/qbmc/qbmc.yaml:6"_s,
        u"  auth:"_s,
        u"    file: \"\"  # default"_s,
        u"  sol:"_s,
        u"    speed: 9600  # set at run time (%1)"_s.arg(settingsPath),
        u"    accumulate_interval: 0.1  # default"_s,
        u"ssh:"_s,
        u"  port: 2200  # default"_s,
        u"redfish:"_s,
        u"  port: 443  # default"_s,
        u"log:"_s,
        u"  rules: \"qbmc.*=\\\"true\\\"\"  # /etc/qbmc/qbmc.yaml:30"_s,
    };
    // "enabled: true" is IPMI's, the KVM's and SSH's.
    for (const QString &line : expected)
        QVERIFY2(lines.count(line) == (line == u"  enabled: true  # default"_s ? 3 : 1),
                 qPrintable(u"not once in the output: "_s + line + u"\n"_s + yaml));

    // Every key once, each under its sections; PiKVM's spellings are not keys of their own.
    qsizetype valueLines = 0;
    for (const QString &line : lines) {
        if (line.contains(u"  # "_s))
            ++valueLines;
    }
    QCOMPARE(valueLines, ConfigSchema::instance().keys().size());
    QVERIFY(!lines.contains(u"  server:"_s));
    QVERIFY(!yaml.contains(u"select_timeout"_s));
    // Sections open once, in schema order.
    QStringList topLevel;
    for (const QString &line : lines) {
        if (line.endsWith(u':') && !line.startsWith(u' '))
            topLevel.append(line.chopped(1));
    }
    QCOMPARE(topLevel, ConfigSchema::instance().childrenOf(QString()));
}

// --- documentation ---------------------------------------------------------------------------

void tst_Configuration::referenceListsEveryKey()
{
    // The configuration reference names every key (as `ipmi.port`).
    const QString referencePath = QStringLiteral(QBMC_SOURCE_DIR "/docs/configuration.md");
    const QString reference = QString::fromUtf8(readAll(referencePath));
    QVERIFY2(!reference.isEmpty(), qPrintable(referencePath));
    QStringList missing;
    for (const ConfigKey &key : ConfigSchema::instance().keys()) {
        if (!reference.contains(u'`' + key.path + u'`'))
            missing.append(key.path);
    }
    QVERIFY2(missing.isEmpty(), qPrintable(u"keys not in %1: %2"_s.arg(referencePath, missing.join(u", "_s))));
}

void tst_Configuration::everyKeyHasItsTypedName()
{
    // The typed names are read from their header, so a key added to one place only is caught.
    QFile header(QStringLiteral(QBMC_SOURCE_DIR "/core/ConfigKeys.h"));
    QVERIFY2(header.open(QIODevice::ReadOnly), qPrintable(header.fileName()));
    static const QRegularExpression declaration(uR"re(Key<[^>]+>+ \w+\{"([a-z_.]+)"\};)re"_s);
    QStringList named;
    QRegularExpressionMatchIterator it = declaration.globalMatch(QString::fromUtf8(header.readAll()));
    while (it.hasNext())
        named.append(it.next().captured(1));
    QStringList described;
    for (const ConfigKey &key : ConfigSchema::instance().keys())
        described.append(key.path);
    QCOMPARE(named, described);
    // And the typed accessors find them.
    const Configuration configuration;
    QCOMPARE(configuration.value(ConfigKeys::ipmiPort), 623);
    QCOMPARE(configuration.value(ConfigKeys::powerLongPress), 5500ms);
    QCOMPARE(configuration.value(ConfigKeys::ipmiCipherSuites), (QList<int>{17, 3}));
}

QTEST_GUILESS_MAIN(tst_Configuration)
#include "tst_configuration.moc"
