#pragma once

#include <QLatin1StringView>
#include <QList>
#include <QString>

#include <chrono>

// Every configuration key as a typed C++ name: Configuration::value(ConfigKeys::ipmiPort) is an
// int, value(ConfigKeys::powerLongPress) a duration. A key is named here and described once in
// ConfigSchema, whose helpers take these names, so a mistyped key, or a key read as the wrong type,
// does not compile (docs/decisions.md#92). Keys marked runtime may also change while qbmc
// runs; see ConfigSchema.
namespace ConfigKeys {

template <typename T>
struct Key
{
    constexpr explicit Key(const char *dottedPath)
        : path(dottedPath)
    {
    }
    QLatin1StringView path; // "ipmi.port": as YAML nests it, and as messages name it
};

using Duration = std::chrono::milliseconds; // written in seconds, "0.1" or "5.5"

inline constexpr Key<int> bmcManufacturerId{"bmc.manufacturer_id"};
inline constexpr Key<int> bmcProductId{"bmc.product_id"};

inline constexpr Key<QString> fruBoardManufacturer{"fru.board.manufacturer"};
inline constexpr Key<QString> fruBoardProduct{"fru.board.product"};
inline constexpr Key<QString> fruBoardSerial{"fru.board.serial"};
inline constexpr Key<QString> fruBoardPartNumber{"fru.board.part_number"};
inline constexpr Key<QString> fruProductManufacturer{"fru.product.manufacturer"};
inline constexpr Key<QString> fruProductName{"fru.product.name"};
inline constexpr Key<QString> fruProductPartNumber{"fru.product.part_number"};
inline constexpr Key<QString> fruProductVersion{"fru.product.version"};
inline constexpr Key<QString> fruProductSerial{"fru.product.serial"};
inline constexpr Key<QString> fruProductAssetTag{"fru.product.asset_tag"};

inline constexpr Key<QString> hostBackend{"host.backend"};
inline constexpr Key<QString> hostBiosVersion{"host.bios_version"};
inline constexpr Key<Duration> hostSimPowerOnDelay{"host.sim.power_on_delay"};
inline constexpr Key<Duration> hostSimShutdownDelay{"host.sim.shutdown_delay"};
inline constexpr Key<Duration> hostSimForceOffHold{"host.sim.force_off_hold"};
inline constexpr Key<bool> hostSimNmi{"host.sim.nmi"};
inline constexpr Key<Duration> hostSimSetupWait{"host.sim.setup_wait"};

inline constexpr Key<QString> gpioChip{"gpio.chip"};
inline constexpr Key<int> gpioPowerSwitchLine{"gpio.power_switch.line"};
inline constexpr Key<bool> gpioPowerSwitchInverted{"gpio.power_switch.inverted"};
inline constexpr Key<int> gpioResetSwitchLine{"gpio.reset_switch.line"};
inline constexpr Key<bool> gpioResetSwitchInverted{"gpio.reset_switch.inverted"};
inline constexpr Key<int> gpioPowerLedLine{"gpio.power_led.line"};
inline constexpr Key<bool> gpioPowerLedInverted{"gpio.power_led.inverted"};
inline constexpr Key<Duration> gpioPowerLedDebounce{"gpio.power_led.debounce"};
inline constexpr Key<int> gpioHddLedLine{"gpio.hdd_led.line"};
inline constexpr Key<bool> gpioHddLedInverted{"gpio.hdd_led.inverted"};
inline constexpr Key<Duration> gpioHddLedDebounce{"gpio.hdd_led.debounce"};

inline constexpr Key<Duration> powerShortPress{"power.short_press"};
inline constexpr Key<Duration> powerLongPress{"power.long_press"};
inline constexpr Key<Duration> powerResetPress{"power.reset_press"};
inline constexpr Key<Duration> powerOnTimeout{"power.on_timeout"};
inline constexpr Key<Duration> powerOffTimeout{"power.off_timeout"};
inline constexpr Key<Duration> powerGracefulTimeout{"power.graceful_timeout"};
inline constexpr Key<Duration> powerCycleDelay{"power.cycle_delay"};
inline constexpr Key<QString> powerRestorePolicy{"power.restore_policy"};

inline constexpr Key<bool> ipmiEnabled{"ipmi.enabled"};
inline constexpr Key<QString> ipmiListen{"ipmi.listen"};
inline constexpr Key<int> ipmiPort{"ipmi.port"};
inline constexpr Key<QList<int>> ipmiCipherSuites{"ipmi.cipher_suites"};
inline constexpr Key<int> ipmiMaxSessions{"ipmi.max_sessions"};
inline constexpr Key<Duration> ipmiSessionTimeout{"ipmi.session_timeout"};
inline constexpr Key<int> ipmiThrottleFailures{"ipmi.throttle.failures"};
inline constexpr Key<Duration> ipmiThrottlePeriod{"ipmi.throttle.period"};
inline constexpr Key<QString> ipmiAuthFile{"ipmi.auth.file"};
inline constexpr Key<bool> ipmiSolEnabled{"ipmi.sol.enabled"};
inline constexpr Key<QString> ipmiSolDevice{"ipmi.sol.device"};
inline constexpr Key<int> ipmiSolSpeed{"ipmi.sol.speed"};
inline constexpr Key<QString> ipmiSolPrivilege{"ipmi.sol.privilege"};
inline constexpr Key<bool> ipmiSolForceEncryption{"ipmi.sol.force_encryption"};
inline constexpr Key<bool> ipmiSolForceAuthentication{"ipmi.sol.force_authentication"};
inline constexpr Key<Duration> ipmiSolAccumulateInterval{"ipmi.sol.accumulate_interval"};
inline constexpr Key<int> ipmiSolSendThreshold{"ipmi.sol.send_threshold"};
inline constexpr Key<int> ipmiSolRetryCount{"ipmi.sol.retry_count"};
inline constexpr Key<Duration> ipmiSolRetryInterval{"ipmi.sol.retry_interval"};
inline constexpr Key<Duration> ipmiSolBreakDuration{"ipmi.sol.break_duration"};
inline constexpr Key<int> ipmiSolDataBits{"ipmi.sol.data_bits"};
inline constexpr Key<QString> ipmiSolParity{"ipmi.sol.parity"};
inline constexpr Key<int> ipmiSolStopBits{"ipmi.sol.stop_bits"};
inline constexpr Key<QString> ipmiSolFlowControl{"ipmi.sol.flow_control"};

inline constexpr Key<int> consoleHistory{"console.history"};
inline constexpr Key<int> consoleLogSize{"console.log_size"};
inline constexpr Key<int> consoleLogFiles{"console.log_files"};
inline constexpr Key<int> consoleColumns{"console.columns"};
inline constexpr Key<int> consoleRows{"console.rows"};
inline constexpr Key<int> consoleScrollback{"console.scrollback"};
inline constexpr Key<QString> consolePrivilege{"console.privilege"};

inline constexpr Key<bool> kvmEnabled{"kvm.enabled"};
inline constexpr Key<QString> kvmPrivilege{"kvm.privilege"};
inline constexpr Key<int> kvmMaxSessions{"kvm.max_sessions"};
inline constexpr Key<QString> kvmVideoDevice{"kvm.video.device"};
inline constexpr Key<int> kvmVideoMaxFps{"kvm.video.max_fps"};
inline constexpr Key<QString> kvmHid{"kvm.hid"};
inline constexpr Key<QString> kvmOtgMouse{"kvm.otg.mouse"};
inline constexpr Key<QString> kvmOtgUdc{"kvm.otg.udc"};
inline constexpr Key<QString> mediaStore{"media.store"};
inline constexpr Key<qint64> mediaMaxBytes{"media.max_bytes"};

inline constexpr Key<bool> sshEnabled{"ssh.enabled"};
inline constexpr Key<QString> sshListen{"ssh.listen"};
inline constexpr Key<int> sshPort{"ssh.port"};
inline constexpr Key<int> sshMaxSessions{"ssh.max_sessions"};
inline constexpr Key<Duration> sshLoginTimeout{"ssh.login_timeout"};

inline constexpr Key<QString> redfishListen{"redfish.listen"};
inline constexpr Key<int> redfishPort{"redfish.port"};
inline constexpr Key<bool> redfishTls{"redfish.tls"};
inline constexpr Key<QString> redfishTlsCert{"redfish.tls_cert"};
inline constexpr Key<QString> redfishTlsKey{"redfish.tls_key"};
inline constexpr Key<Duration> redfishSessionTimeout{"redfish.session_timeout"};
inline constexpr Key<int> redfishMaxSessions{"redfish.max_sessions"};
inline constexpr Key<int> redfishMaxSessionsPerUser{"redfish.max_sessions_per_user"};
inline constexpr Key<int> redfishMaxConnections{"redfish.max_connections"};

inline constexpr Key<int> accountsLockoutThreshold{"accounts.lockout_threshold"};
inline constexpr Key<Duration> accountsLockoutDuration{"accounts.lockout_duration"};
inline constexpr Key<int> accountsMinPasswordLength{"accounts.min_password_length"};
inline constexpr Key<bool> accountsIpmiByDefault{"accounts.ipmi_by_default"};

inline constexpr Key<int> eventlogMaxEntries{"eventlog.max_entries"};

inline constexpr Key<QString> uiLanguage{"ui.language"};
inline constexpr Key<QString> uiPin{"ui.pin"};
inline constexpr Key<Duration> uiScreenOffTimeout{"ui.screen_off_timeout"};

inline constexpr Key<QString> logRules{"log.rules"};

} // namespace ConfigKeys
