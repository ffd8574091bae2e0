#include "ConfigSchema.h"

#include "ConfigKeys.h"

using namespace Qt::StringLiterals;
using namespace ConfigKeys;

namespace {
using Type = ConfigKey::Type;
using Persistence = ConfigKey::Persistence;
constexpr auto fileOnly = Persistence::FileOnly;
constexpr auto runtime = Persistence::Runtime;

// Each helper takes the typed name of its key (ConfigKeys), so the C++ type a key is read as and
// the type the schema checks cannot differ.
ConfigKey makeKey(QLatin1StringView path, Type type, QVariant value, QString description, Persistence persistence)
{
    ConfigKey key;
    key.path = path;
    key.type = type;
    key.defaultValue = std::move(value);
    key.description = std::move(description);
    key.persistence = persistence;
    return key;
}

ConfigKey boolKey(Key<bool> name, bool value, QString description, Persistence persistence = fileOnly)
{
    return makeKey(name.path, Type::Bool, value, std::move(description), persistence);
}

// For int keys and for qint64 ones (sizes in bytes).
template <typename Integer>
ConfigKey integerKey(Key<Integer> name, qint64 value, qint64 minimum, qint64 maximum, QString description,
                     Persistence persistence = fileOnly)
{
    ConfigKey key = makeKey(name.path, Type::Integer, value, std::move(description), persistence);
    key.minimum = double(minimum);
    key.maximum = double(maximum);
    return key;
}

ConfigKey integerChoiceKey(Key<int> name, qint64 value, QList<qint64> allowed, QString description,
                           Persistence persistence = fileOnly)
{
    ConfigKey key = makeKey(name.path, Type::Integer, value, std::move(description), persistence);
    key.allowedIntegers = std::move(allowed);
    return key;
}

ConfigKey integerListKey(Key<QList<int>> name, QVariantList value, QList<qint64> allowed, QString description)
{
    ConfigKey key = makeKey(name.path, Type::IntegerList, std::move(value), std::move(description), fileOnly);
    key.allowedIntegers = std::move(allowed);
    return key;
}

ConfigKey secondsKey(Key<Duration> name, double value, double minimum, double maximum, QString description,
                     Persistence persistence = fileOnly)
{
    ConfigKey key = makeKey(name.path, Type::Seconds, value, std::move(description), persistence);
    key.minimum = minimum;
    key.maximum = maximum;
    return key;
}

ConfigKey stringKey(Key<QString> name, QString description, QString value = {})
{
    return makeKey(name.path, Type::String, std::move(value), std::move(description), fileOnly);
}

// FRU fields are at most 63 bytes (IPMI FRU specification, type/length byte).
ConfigKey fruKey(Key<QString> name, const QString &what)
{
    ConfigKey key = stringKey(name, u"FRU inventory: %1"_s.arg(what));
    key.maximum = 63;
    return key;
}

ConfigKey digitsKey(Key<QString> name, int minimum, int maximum, QString description)
{
    ConfigKey key = makeKey(name.path, Type::Digits, QString(), std::move(description), fileOnly);
    key.minimum = minimum;
    key.maximum = maximum;
    return key;
}

ConfigKey addressKey(Key<QString> name, QString description)
{
    return makeKey(name.path, Type::Address, u"::"_s, std::move(description), fileOnly);
}

ConfigKey choiceKey(Key<QString> name, QStringList choices, QString description, Persistence persistence = fileOnly)
{
    ConfigKey key = makeKey(name.path, Type::Choice, choices.first(), std::move(description), persistence);
    key.choices = std::move(choices);
    return key;
}

ConfigKey gpioLine(Key<int> name, qint64 line, const QString &what)
{
    return integerKey(name, line, 0, 1023, u"GPIO line (BCM number on a Pi) of the %1"_s.arg(what));
}

ConfigKey gpioInverted(Key<bool> name, const QString &what)
{
    return boolKey(name, false, u"the %1 is active low"_s.arg(what));
}

ConfigKey gpioDebounce(Key<Duration> name, const QString &what)
{
    return secondsKey(name, 0.1, 0, 5, u"how long the %1 must be stable before a change counts"_s.arg(what));
}
} // namespace

const ConfigSchema &ConfigSchema::instance()
{
    static const ConfigSchema schema;
    return schema;
}

ConfigSchema::ConfigSchema()
{
    m_keys = {
        integerKey(bmcManufacturerId, 0, 0, 0xFFFFF,
                   u"IANA enterprise number reported as the BMC's manufacturer (IPMI Get Device ID)"_s),
        integerKey(bmcProductId, 0, 0, 0xFFFF, u"product number reported by IPMI Get Device ID"_s),

        fruKey(fruBoardManufacturer, u"board manufacturer"_s),
        fruKey(fruBoardProduct, u"board product name"_s),
        fruKey(fruBoardSerial, u"board serial number"_s),
        fruKey(fruBoardPartNumber, u"board part number"_s),
        fruKey(fruProductManufacturer, u"product manufacturer"_s),
        fruKey(fruProductName, u"product name"_s),
        fruKey(fruProductPartNumber, u"product part or model number"_s),
        fruKey(fruProductVersion, u"product version"_s),
        fruKey(fruProductSerial, u"product serial number"_s),
        fruKey(fruProductAssetTag, u"product asset tag"_s),

        choiceKey(hostBackend, {u"sim"_s, u"gpio"_s},
                  u"what drives the host: the simulated host or a GPIO-wired ATX header"_s),
        [] {
            ConfigKey key = stringKey(hostBiosVersion,
                                      u"the host firmware's version, as Redfish shows it (BiosVersion, "
                                      "FirmwareInventory); nothing reads it from the host"_s);
            key.maximum = 63;
            return key;
        }(),
        secondsKey(hostSimPowerOnDelay, 1.0, 0, 60,
                   u"simulated host: power LED comes on this long after a short press"_s),
        secondsKey(hostSimShutdownDelay, 2.0, 0, 600,
                   u"simulated host: a short press while on shuts down after this long"_s),
        secondsKey(hostSimForceOffHold, 4.0, 0.01, 60,
                   u"simulated host: holding power this long while on cuts power, as an ATX supply does"_s),
        boolKey(hostSimNmi, false, u"simulated host: the virtual board has an NMI line (an ATX header has none)"_s),
        secondsKey(hostSimSetupWait, 2.0, 0, 60,
                   u"simulated host: at power-on its firmware offers setup (F2 or Del) this long"_s),

        stringKey(gpioChip, u"GPIO chip by name, path, label or number"_s, u"gpiochip0"_s),
        gpioLine(gpioPowerSwitchLine, 23, u"power switch output"_s),
        gpioInverted(gpioPowerSwitchInverted, u"power switch output"_s),
        gpioLine(gpioResetSwitchLine, 27, u"reset switch output"_s),
        gpioInverted(gpioResetSwitchInverted, u"reset switch output"_s),
        gpioLine(gpioPowerLedLine, 24, u"power LED input"_s),
        gpioInverted(gpioPowerLedInverted, u"power LED input"_s),
        gpioDebounce(gpioPowerLedDebounce, u"power LED input"_s),
        gpioLine(gpioHddLedLine, 22, u"HDD LED input"_s),
        gpioInverted(gpioHddLedInverted, u"HDD LED input"_s),
        gpioDebounce(gpioHddLedDebounce, u"HDD LED input"_s),

        secondsKey(powerShortPress, 0.1, 0.01, 10,
                   u"power button press that turns the host on or asks it to shut down"_s),
        secondsKey(powerLongPress, 5.5, 0.01, 30, u"power button hold that forces the host off"_s),
        secondsKey(powerResetPress, 0.1, 0.01, 10, u"reset button press"_s),
        secondsKey(powerOnTimeout, 10, 0.1, 600,
                   u"how long the power LED may take to come on after a power-on press"_s),
        secondsKey(powerOffTimeout, 10, 0.1, 600,
                   u"how long the power LED may take to go off after a forced power-off"_s),
        secondsKey(powerGracefulTimeout, 120, 1, 3600,
                   u"how long the host's OS may take to shut down after a graceful request"_s),
        secondsKey(powerCycleDelay, 3, 0, 60, u"time the host stays off during a power cycle or graceful restart"_s),
        choiceKey(powerRestorePolicy, {u"always_off"_s, u"always_on"_s, u"last_state"_s},
                  u"what qbmc does at start: leave the host as it is, power it on, or restore its last state"_s,
                  runtime),

        boolKey(ipmiEnabled, true, u"serve IPMI over LAN"_s, runtime),
        addressKey(ipmiListen, u"address IPMI listens on"_s),
        integerKey(ipmiPort, 623, 1, 65535, u"UDP port of IPMI over LAN"_s),
        integerListKey(ipmiCipherSuites, QVariantList{17, 3}, {17, 3},
                       u"RMCP+ cipher suites offered, best first (17: SHA-256, 3: SHA-1; both AES-128)"_s),
        integerKey(ipmiMaxSessions, 16, 1, 63, u"most IPMI sessions at once; the longest idle one makes room"_s),
        secondsKey(ipmiSessionTimeout, 60, 5, 3600, u"an IPMI session with no traffic for this long is closed"_s),
        integerKey(ipmiThrottleFailures, 5, 0, 1000,
                   u"failed IPMI logins from one address within ipmi.throttle.period that block it (0: never)"_s),
        secondsKey(ipmiThrottlePeriod, 60, 1, 86400, u"how long a failed IPMI login counts against its address"_s),
        stringKey(ipmiAuthFile, u"PiKVM ipmipasswd file (user:password lines); its users are IPMI administrators"_s),
        boolKey(ipmiSolEnabled, true, u"allow Serial-over-LAN"_s, runtime),
        stringKey(ipmiSolDevice,
                  u"serial adapter wired to the host's console, e.g. /dev/ttyUSB0; "
                  "empty uses the simulated host's console"_s),
        integerChoiceKey(ipmiSolSpeed, 115200, {9600, 19200, 38400, 57600, 115200}, u"bit rate of the serial console"_s,
                         runtime),
        choiceKey(ipmiSolPrivilege, {u"operator"_s, u"user"_s, u"administrator"_s},
                  u"lowest IPMI session privilege that may activate Serial-over-LAN"_s, runtime),
        boolKey(ipmiSolForceEncryption, true, u"SoL payloads must be encrypted"_s, runtime),
        boolKey(ipmiSolForceAuthentication, true, u"SoL payloads must be authenticated"_s, runtime),
        secondsKey(ipmiSolAccumulateInterval, 0.1, 0.005, 1.275,
                   u"how long SoL gathers host output before sending it"_s, runtime),
        integerKey(ipmiSolSendThreshold, 1, 1, 255,
                   u"characters that make SoL send a packet before the accumulate interval ends"_s, runtime),
        integerKey(ipmiSolRetryCount, 7, 0, 7, u"times an unacknowledged SoL packet is sent again"_s, runtime),
        secondsKey(ipmiSolRetryInterval, 0.1, 0.01, 2.55, u"wait for a SoL acknowledgement before sending again"_s,
                   runtime),
        secondsKey(ipmiSolBreakDuration, 0.3, 0.01, 5, u"how long a serial break (ipmitool's ~B) holds the line"_s),
        integerKey(ipmiSolDataBits, 8, 7, 8, u"data bits of the serial console"_s),
        choiceKey(ipmiSolParity, {u"none"_s, u"even"_s, u"odd"_s, u"mark"_s, u"space"_s},
                  u"parity of the serial console"_s),
        integerKey(ipmiSolStopBits, 1, 1, 2, u"stop bits of the serial console"_s),
        choiceKey(ipmiSolFlowControl, {u"none"_s, u"rtscts"_s, u"xonxoff"_s},
                  u"flow control of the serial console: none, hardware (RTS/CTS) or software (XON/XOFF)"_s),

        integerKey(consoleHistory, 256 * 1024, 4096, 16 * 1024 * 1024,
                   u"bytes of recent host console output kept in memory for readers that join later"_s),
        integerKey(consoleLogSize, 1024 * 1024, 4096, 64 * 1024 * 1024,
                   u"bytes of one console log file in the state directory before it rotates"_s),
        integerKey(consoleLogFiles, 4, 0, 16,
                   u"console log files kept, console.log and console.log.1 ... (0: no log)"_s),
        integerKey(consoleColumns, 80, 20, 400, u"columns of the terminal that renders the host console"_s),
        integerKey(consoleRows, 25, 5, 200, u"rows of the terminal that renders the host console"_s),
        integerKey(consoleScrollback, 1000, 0, 100000,
                   u"lines that scrolled off the console's terminal kept for the scrollback view"_s),
        choiceKey(consolePrivilege, {u"operator"_s, u"user"_s, u"administrator"_s},
                  u"lowest role that may use the host console over SSH or the WebSocket"_s),

        boolKey(kvmEnabled, true, u"serve the host's screen, keyboard and mouse (KVM) to viewers"_s, runtime),
        choiceKey(kvmPrivilege, {u"operator"_s, u"user"_s, u"administrator"_s},
                  u"lowest role that may open the KVM (watch the host's screen and drive its keyboard and mouse)"_s),
        integerKey(kvmMaxSessions, 4, 1, 16, u"most KVM viewers at once; one of them drives the input"_s),
        stringKey(kvmVideoDevice,
                  u"V4L2 capture device of the host's video (/dev/video0); empty: the simulated host's display, "
                  "none on a GPIO board"_s),
        integerKey(kvmVideoMaxFps, 30, 1, 60, u"most frames per second taken from the capture device"_s),
        choiceKey(kvmHid, {u"auto"_s, u"otg"_s, u"none"_s},
                  u"the host's keyboard and mouse: auto is the simulated host's own, none on a GPIO board; otg is "
                  "a USB gadget on the board's OTG port"_s),
        choiceKey(kvmOtgMouse, {u"absolute"_s, u"relative"_s},
                  u"the gadget's mouse: absolute (a tablet, follows the viewer's pointer exactly) or relative (for "
                  "firmware that refuses absolute pointers)"_s),
        stringKey(kvmOtgUdc, u"USB device controller the gadget binds to; empty: the first in /sys/class/udc"_s),

        stringKey(mediaStore, u"folder of the virtual media image store; empty: \"media\" in the state directory"_s),
        integerKey(mediaMaxBytes, 16LL << 30, 1LL << 20, 1LL << 50,
                   u"most bytes the image store holds, uploads in progress included"_s),

        boolKey(sshEnabled, true, u"serve the host console over SSH"_s, runtime),
        addressKey(sshListen, u"address SSH listens on"_s),
        integerKey(sshPort, 2200, 1, 65535, u"TCP port of the SSH console"_s, runtime),
        integerKey(sshMaxSessions, 16, 1, 256, u"most SSH console sessions at once"_s),
        secondsKey(sshLoginTimeout, 20, 0.5, 120, u"a connection that has not logged in after this long is closed"_s),

        addressKey(redfishListen, u"address Redfish listens on"_s),
        integerKey(redfishPort, 443, 1, 65535, u"TCP port of Redfish"_s),
        boolKey(redfishTls, true, u"serve HTTPS; false serves plain HTTP, for loopback use only"_s),
        stringKey(redfishTlsCert, u"PEM certificate; empty generates a self-signed one in the state directory"_s),
        stringKey(redfishTlsKey, u"PEM private key of redfish.tls_cert"_s),
        secondsKey(redfishSessionTimeout, 1800, 30, 86400, u"a Redfish session unused for this long ends"_s, runtime),
        integerKey(redfishMaxSessions, 64, 1, 1024,
                   u"most Redfish sessions at once; the last sixteenth of them only for Administrators"_s),
        integerKey(redfishMaxSessionsPerUser, 16, 1, 1024,
                   u"most Redfish sessions of one user; one more login ends that user's oldest"_s),
        integerKey(redfishMaxConnections, 256, 4, 4096,
                   u"most HTTP connections at once; the longest idle one makes room for a new one"_s),

        integerKey(accountsLockoutThreshold, 5, 0, 100,
                   u"failed logins from one address that lock the account for that address (0: never lock)"_s, runtime),
        secondsKey(accountsLockoutDuration, 300, 1, 86400, u"how long a locked account stays locked"_s, runtime),
        integerKey(accountsMinPasswordLength, 8, 1, 20, u"shortest password accepted when one is set"_s, runtime),
        boolKey(accountsIpmiByDefault, true,
                u"accounts created through Redfish without AccountTypes may use IPMI too (their password is kept "
                "for IPMI's RAKP, as IPMI requires)"_s),

        integerKey(eventlogMaxEntries, 2048, 16, 65534,
                   u"entries the event log keeps; the oldest of the lowest severity go first"_s),

        choiceKey(uiLanguage, {u"system"_s, u"en"_s, u"de"_s, u"zh_CN"_s},
                  u"language of the screen: the system locale's, English, German or Simplified Chinese"_s),
        digitsKey(uiPin, 4, 8, u"PIN that unlocks the screen and guards recovery; empty: no screen lock"_s),
        secondsKey(uiScreenOffTimeout, 300, 0, 86400,
                   u"the screen goes dark after this long untouched and wakes on touch (0: never)"_s),

        stringKey(logRules, u"Qt logging rules, e.g. \"qbmc.power.debug=true\""_s),
    };
    for (qsizetype i = 0; i < m_keys.size(); ++i)
        m_index.insert(m_keys.at(i).path, i);

    m_aliases = {
        {u"ipmi.server.host"_s, ipmiListen.path},
        {u"ipmi.server.port"_s, ipmiPort.path},
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
