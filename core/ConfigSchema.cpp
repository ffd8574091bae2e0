#include "ConfigSchema.h"

using namespace Qt::StringLiterals;

namespace {
using Type = ConfigKey::Type;
constexpr auto runtime = ConfigKey::Persistence::Runtime;

ConfigKey makeKey(QString path, Type type, QVariant value, QString description,
                  ConfigKey::Persistence persistence = ConfigKey::Persistence::FileOnly)
{
    ConfigKey key;
    key.path = std::move(path);
    key.type = type;
    key.defaultValue = std::move(value);
    key.description = std::move(description);
    key.persistence = persistence;
    return key;
}

ConfigKey boolKey(QString path, bool value, QString description,
                  ConfigKey::Persistence persistence = ConfigKey::Persistence::FileOnly)
{
    return makeKey(std::move(path), Type::Bool, value, std::move(description), persistence);
}

ConfigKey integerKey(QString path, qint64 value, qint64 minimum, qint64 maximum, QString description)
{
    ConfigKey key = makeKey(std::move(path), Type::Integer, value, std::move(description));
    key.minimum = double(minimum);
    key.maximum = double(maximum);
    return key;
}

ConfigKey secondsKey(QString path, double value, double minimum, double maximum, QString description,
                     ConfigKey::Persistence persistence = ConfigKey::Persistence::FileOnly)
{
    ConfigKey key = makeKey(std::move(path), Type::Seconds, value, std::move(description), persistence);
    key.minimum = minimum;
    key.maximum = maximum;
    return key;
}

ConfigKey stringKey(QString path, QString description)
{
    return makeKey(std::move(path), Type::String, QString(), std::move(description));
}

// FRU fields are at most 63 bytes (IPMI FRU specification, type/length byte).
ConfigKey fruKey(const QString &path, const QString &what)
{
    ConfigKey key = makeKey(u"fru."_s + path, Type::String, QString(), u"FRU inventory: %1"_s.arg(what));
    key.maximum = 63;
    return key;
}

ConfigKey digitsKey(QString path, int minimum, int maximum, QString description)
{
    ConfigKey key = makeKey(std::move(path), Type::Digits, QString(), std::move(description));
    key.minimum = minimum;
    key.maximum = maximum;
    return key;
}

ConfigKey addressKey(QString path, QString description)
{
    return makeKey(std::move(path), Type::Address, u"::"_s, std::move(description));
}

ConfigKey choiceKey(QString path, QStringList choices, QString description,
                    ConfigKey::Persistence persistence = ConfigKey::Persistence::FileOnly)
{
    ConfigKey key = makeKey(std::move(path), Type::Choice, choices.first(), std::move(description), persistence);
    key.choices = std::move(choices);
    return key;
}

ConfigKey gpioLine(const QString &name, qint64 line, const QString &what)
{
    return integerKey(u"gpio.%1.line"_s.arg(name), line, 0, 1023,
                      u"GPIO line (BCM number on a Pi) of the %1"_s.arg(what));
}

ConfigKey gpioInverted(const QString &name, const QString &what)
{
    return boolKey(u"gpio.%1.inverted"_s.arg(name), false, u"the %1 is active low"_s.arg(what));
}

ConfigKey gpioDebounce(const QString &name, const QString &what)
{
    return secondsKey(u"gpio.%1.debounce"_s.arg(name), 0.1, 0, 5,
                      u"how long the %1 must be stable before a change counts"_s.arg(what));
}
} // namespace

const ConfigSchema &ConfigSchema::instance()
{
    static const ConfigSchema schema;
    return schema;
}

ConfigSchema::ConfigSchema()
{
    ConfigKey solSpeed =
        makeKey(u"ipmi.sol.speed"_s, Type::Integer, qint64(115200), u"bit rate of the serial console"_s, runtime);
    solSpeed.allowedIntegers = {9600, 19200, 38400, 57600, 115200};

    ConfigKey cipherSuites =
        makeKey(u"ipmi.cipher_suites"_s, Type::IntegerList, QVariantList{17, 3},
                u"RMCP+ cipher suites offered, best first (17: SHA-256, 3: SHA-1; both AES-128)"_s);
    cipherSuites.allowedIntegers = {17, 3};

    ConfigKey solDataBits = integerKey(u"ipmi.sol.data_bits"_s, 8, 7, 8, u"data bits of the serial console"_s);
    ConfigKey solStopBits = integerKey(u"ipmi.sol.stop_bits"_s, 1, 1, 2, u"stop bits of the serial console"_s);
    ConfigKey solPrivilege = choiceKey(u"ipmi.sol.privilege"_s, {u"operator"_s, u"user"_s, u"administrator"_s},
                                       u"lowest IPMI session privilege that may activate Serial-over-LAN"_s, runtime);
    ConfigKey solSendThreshold =
        integerKey(u"ipmi.sol.send_threshold"_s, 1, 1, 255,
                   u"characters that make SoL send a packet before the accumulate interval ends"_s);
    solSendThreshold.persistence = runtime;
    ConfigKey solRetryCount =
        integerKey(u"ipmi.sol.retry_count"_s, 7, 0, 7, u"times an unacknowledged SoL packet is sent again"_s);
    solRetryCount.persistence = runtime;

    m_keys = {
        integerKey(u"bmc.manufacturer_id"_s, 0, 0, 0xFFFFF,
                   u"IANA enterprise number reported as the BMC's manufacturer (IPMI Get Device ID)"_s),
        integerKey(u"bmc.product_id"_s, 0, 0, 0xFFFF, u"product number reported by IPMI Get Device ID"_s),

        fruKey(u"board.manufacturer"_s, u"board manufacturer"_s),
        fruKey(u"board.product"_s, u"board product name"_s),
        fruKey(u"board.serial"_s, u"board serial number"_s),
        fruKey(u"board.part_number"_s, u"board part number"_s),
        fruKey(u"product.manufacturer"_s, u"product manufacturer"_s),
        fruKey(u"product.name"_s, u"product name"_s),
        fruKey(u"product.part_number"_s, u"product part or model number"_s),
        fruKey(u"product.version"_s, u"product version"_s),
        fruKey(u"product.serial"_s, u"product serial number"_s),
        fruKey(u"product.asset_tag"_s, u"product asset tag"_s),

        choiceKey(u"host.backend"_s, {u"sim"_s, u"gpio"_s},
                  u"what drives the host: the simulated host or a GPIO-wired ATX header"_s),
        secondsKey(u"host.sim.power_on_delay"_s, 1.0, 0, 60,
                   u"simulated host: power LED comes on this long after a short press"_s),
        secondsKey(u"host.sim.shutdown_delay"_s, 2.0, 0, 600,
                   u"simulated host: a short press while on shuts down after this long"_s),
        secondsKey(u"host.sim.force_off_hold"_s, 4.0, 0.01, 60,
                   u"simulated host: holding power this long while on cuts power, as an ATX supply does"_s),
        boolKey(u"host.sim.nmi"_s, false,
                u"simulated host: the virtual board has an NMI line (an ATX header has none)"_s),

        makeKey(u"gpio.chip"_s, Type::String, u"gpiochip0"_s, u"GPIO chip by name, path, label or number"_s),
        gpioLine(u"power_switch"_s, 23, u"power switch output"_s),
        gpioInverted(u"power_switch"_s, u"power switch output"_s),
        gpioLine(u"reset_switch"_s, 27, u"reset switch output"_s),
        gpioInverted(u"reset_switch"_s, u"reset switch output"_s),
        gpioLine(u"power_led"_s, 24, u"power LED input"_s),
        gpioInverted(u"power_led"_s, u"power LED input"_s),
        gpioDebounce(u"power_led"_s, u"power LED input"_s),
        gpioLine(u"hdd_led"_s, 22, u"HDD LED input"_s),
        gpioInverted(u"hdd_led"_s, u"HDD LED input"_s),
        gpioDebounce(u"hdd_led"_s, u"HDD LED input"_s),

        secondsKey(u"power.short_press"_s, 0.1, 0.01, 10,
                   u"power button press that turns the host on or asks it to shut down"_s),
        secondsKey(u"power.long_press"_s, 5.5, 0.01, 30, u"power button hold that forces the host off"_s),
        secondsKey(u"power.reset_press"_s, 0.1, 0.01, 10, u"reset button press"_s),
        secondsKey(u"power.on_timeout"_s, 10, 0.1, 600,
                   u"how long the power LED may take to come on after a power-on press"_s),
        secondsKey(u"power.off_timeout"_s, 10, 0.1, 600,
                   u"how long the power LED may take to go off after a forced power-off"_s),
        secondsKey(u"power.graceful_timeout"_s, 120, 1, 3600,
                   u"how long the host's OS may take to shut down after a graceful request"_s),
        secondsKey(u"power.cycle_delay"_s, 3, 0, 60,
                   u"time the host stays off during a power cycle or graceful restart"_s),
        choiceKey(u"power.restore_policy"_s, {u"always_off"_s, u"always_on"_s, u"last_state"_s},
                  u"what qbmc does at start: leave the host as it is, power it on, or restore its last state"_s,
                  runtime),

        boolKey(u"ipmi.enabled"_s, true, u"serve IPMI over LAN"_s, runtime),
        addressKey(u"ipmi.listen"_s, u"address IPMI listens on"_s),
        integerKey(u"ipmi.port"_s, 623, 1, 65535, u"UDP port of IPMI over LAN"_s),
        cipherSuites,
        integerKey(u"ipmi.max_sessions"_s, 16, 1, 63, u"most IPMI sessions at once; the longest idle one makes room"_s),
        secondsKey(u"ipmi.session_timeout"_s, 60, 5, 3600,
                   u"an IPMI session with no traffic for this long is closed"_s),
        integerKey(u"ipmi.throttle.failures"_s, 5, 0, 1000,
                   u"failed IPMI logins from one address within ipmi.throttle.period that block it (0: never)"_s),
        secondsKey(u"ipmi.throttle.period"_s, 60, 1, 86400,
                   u"how long a failed IPMI login counts against its address"_s),
        stringKey(u"ipmi.auth.file"_s,
                  u"PiKVM ipmipasswd file (user:password lines); its users are IPMI administrators"_s),
        boolKey(u"ipmi.sol.enabled"_s, true, u"allow Serial-over-LAN"_s, runtime),
        stringKey(u"ipmi.sol.device"_s,
                  u"serial adapter wired to the host's console, e.g. /dev/ttyUSB0; "
                  "empty uses the simulated host's console"_s),
        solSpeed,
        solPrivilege,
        boolKey(u"ipmi.sol.force_encryption"_s, true, u"SoL payloads must be encrypted"_s, runtime),
        boolKey(u"ipmi.sol.force_authentication"_s, true, u"SoL payloads must be authenticated"_s, runtime),
        secondsKey(u"ipmi.sol.accumulate_interval"_s, 0.1, 0.005, 1.275,
                   u"how long SoL gathers host output before sending it"_s, runtime),
        solSendThreshold,
        solRetryCount,
        secondsKey(u"ipmi.sol.retry_interval"_s, 0.1, 0.01, 2.55,
                   u"wait for a SoL acknowledgement before sending again"_s, runtime),
        secondsKey(u"ipmi.sol.break_duration"_s, 0.3, 0.01, 5,
                   u"how long a serial break (ipmitool's ~B) holds the line"_s),
        solDataBits,
        choiceKey(u"ipmi.sol.parity"_s, {u"none"_s, u"even"_s, u"odd"_s, u"mark"_s, u"space"_s},
                  u"parity of the serial console"_s),
        solStopBits,
        choiceKey(u"ipmi.sol.flow_control"_s, {u"none"_s, u"rtscts"_s, u"xonxoff"_s},
                  u"flow control of the serial console: none, hardware (RTS/CTS) or software (XON/XOFF)"_s),

        integerKey(u"console.history"_s, 256 * 1024, 4096, 16 * 1024 * 1024,
                   u"bytes of recent host console output kept in memory for readers that join later"_s),
        integerKey(u"console.log_size"_s, 1024 * 1024, 4096, 64 * 1024 * 1024,
                   u"bytes of one console log file in the state directory before it rotates"_s),
        integerKey(u"console.log_files"_s, 4, 0, 16,
                   u"console log files kept, console.log and console.log.1 ... (0: no log)"_s),

        addressKey(u"redfish.listen"_s, u"address Redfish listens on"_s),
        integerKey(u"redfish.port"_s, 443, 1, 65535, u"TCP port of Redfish"_s),
        boolKey(u"redfish.tls"_s, true, u"serve HTTPS; false serves plain HTTP, for loopback use only"_s),
        stringKey(u"redfish.tls_cert"_s,
                  u"PEM certificate; empty generates a self-signed one in the state directory"_s),
        stringKey(u"redfish.tls_key"_s, u"PEM private key of redfish.tls_cert"_s),
        secondsKey(u"redfish.session_timeout"_s, 1800, 30, 86400, u"a Redfish session unused for this long ends"_s,
                   runtime),
        integerKey(u"redfish.max_sessions"_s, 64, 1, 1024, u"most Redfish sessions at once"_s),
        integerKey(u"redfish.max_connections"_s, 256, 4, 4096,
                   u"most HTTP connections at once; the longest idle one makes room for a new one"_s),

        integerKey(u"accounts.lockout_threshold"_s, 5, 0, 100, u"failed logins that lock an account (0: never lock)"_s),
        secondsKey(u"accounts.lockout_duration"_s, 300, 1, 86400, u"how long a locked account stays locked"_s),
        integerKey(u"accounts.min_password_length"_s, 8, 1, 20, u"shortest password accepted when one is set"_s),

        integerKey(u"eventlog.max_entries"_s, 2048, 16, 65534, u"entries the event log keeps; the oldest go first"_s),

        choiceKey(u"ui.language"_s, {u"system"_s, u"en"_s, u"de"_s, u"zh_CN"_s},
                  u"language of the screen: the system locale's, English, German or Simplified Chinese"_s),
        digitsKey(u"ui.pin"_s, 4, 8, u"PIN that unlocks the screen and guards recovery; empty: no screen lock"_s),
        secondsKey(u"ui.screen_off_timeout"_s, 300, 0, 86400,
                   u"the screen goes dark after this long untouched and wakes on touch (0: never)"_s),

        stringKey(u"log.rules"_s, u"Qt logging rules, e.g. \"qbmc.power.debug=true\""_s),
    };
    for (qsizetype i = 0; i < m_keys.size(); ++i)
        m_index.insert(m_keys.at(i).path, i);

    m_aliases = {
        {u"ipmi.server.host"_s, u"ipmi.listen"_s},
        {u"ipmi.server.port"_s, u"ipmi.port"_s},
    };
    m_ignored = {u"ipmi.sol.select_timeout"_s, u"ipmi.sol.proxy_port"_s};
}

const ConfigKey *ConfigSchema::key(const QString &path) const
{
    const auto it = m_index.constFind(path);
    return it == m_index.cend() ? nullptr : &m_keys.at(*it);
}

QString ConfigSchema::aliasTarget(const QString &path) const
{
    for (const auto &[alias, target] : m_aliases) {
        if (alias == path)
            return target;
    }
    return {};
}

bool ConfigSchema::isIgnored(const QString &path) const
{
    return std::any_of(m_ignored.cbegin(), m_ignored.cend(),
                       [&](const QString &ignored) { return path == ignored || path.startsWith(ignored + u'.'); });
}

QStringList ConfigSchema::allPaths() const
{
    QStringList paths;
    for (const ConfigKey &key : m_keys)
        paths.append(key.path);
    for (const auto &[alias, target] : m_aliases)
        paths.append(alias);
    paths.append(m_ignored);
    return paths;
}

bool ConfigSchema::isSection(const QString &path) const
{
    if (path.isEmpty())
        return true;
    const QString prefix = path + u'.';
    const QStringList paths = allPaths();
    return std::any_of(paths.cbegin(), paths.cend(), [&](const QString &p) { return p.startsWith(prefix); });
}

QStringList ConfigSchema::childrenOf(const QString &section) const
{
    const QString prefix = section.isEmpty() ? QString() : section + u'.';
    QStringList children;
    for (const QString &path : allPaths()) {
        if (!path.startsWith(prefix))
            continue;
        const QString child = path.mid(prefix.size()).section(u'.', 0, 0);
        if (!children.contains(child))
            children.append(child);
    }
    return children;
}
