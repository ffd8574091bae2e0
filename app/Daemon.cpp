#include "Daemon.h"

#include "AccountStore.h"
#include "AppLogging.h"
#include "Bmc.h"
#include "BootOverride.h"
#include "ConfigLoader.h"
#include "Configuration.h"
#include "ConsoleHub.h"
#include "EventLog.h"
#include "HostInput.h"
#include "IpmiPasswordFile.h"
#include "IpmiServer.h"
#include "KvmParts.h"
#include "NetworkAddresses.h"
#include "RedfishServer.h"
#include "RfbServer.h"
#include "SshPublicKeyCheck.h"
#include "SshServer.h"
#include "StateDirectory.h"
#include "VideoSource.h"
#include "VirtualMedia.h"
#include "gpio/GpioAtxBackend.h"
#include "gpio/LibgpiodChip.h"
#include "linux/CryptPasswordHasher.h"
#include "linux/LinuxNetworkFacts.h"
#include "linux/SystemdNotifier.h"
#include "linux/ThermalZoneSensors.h"
#include "linux/UnixSignalWatcher.h"
#include "linux/UsbGadget.h"
#include "linux/UsbMassStorage.h"
#include "serial/SerialConsoleTransport.h"
#include "sim/SimulatedHost.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QNetworkInterface>
#include <QSysInfo>
#include <QTemporaryFile>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
// Problems that stop the start go to stderr as one plain line, whatever the logging rules say.
void printError(const QString &message)
{
    fprintf(stderr, "qbmc: %s\n", qPrintable(message));
}

void applyLogRules(const QString &rules)
{
    // Debug output of qbmc's own categories is off unless log.rules turns it on.
    QLoggingCategory::setFilterRules(u"qbmc.*.debug=false\n"_s + QString(rules).replace(u';', u'\n'));
}

GpioAtxBackend::Wiring gpioWiring(const Configuration &configuration)
{
    using namespace ConfigKeys;
    const auto output = [&](Key<int> line, Key<bool> inverted) {
        return GpioAtxBackend::Output{unsigned(configuration.value(line)), configuration.value(inverted)};
    };
    const auto input = [&](Key<int> line, Key<bool> inverted, Key<Duration> debounce) {
        return GpioAtxBackend::Input{unsigned(configuration.value(line)), configuration.value(inverted),
                                     configuration.value(debounce)};
    };
    GpioAtxBackend::Wiring wiring;
    wiring.powerSwitch = output(gpioPowerSwitchLine, gpioPowerSwitchInverted);
    wiring.resetSwitch = output(gpioResetSwitchLine, gpioResetSwitchInverted);
    wiring.powerLed = input(gpioPowerLedLine, gpioPowerLedInverted, gpioPowerLedDebounce);
    wiring.hddLed = input(gpioHddLedLine, gpioHddLedInverted, gpioHddLedDebounce);
    return wiring;
}

IpmiPasswordFile::Result readPasswordFile(const QString &path)
{
    if (path.isEmpty())
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {{}, ConfigError{path, 0, {}, u"cannot read: %1"_s.arg(file.errorString())}};
    return IpmiPasswordFile::parse(path, file.readAll());
}

SerialConsoleTransport::Settings serialSettings(const Configuration &configuration, const QString &path)
{
    SerialConsoleTransport::Settings settings;
    settings.path = path;
    settings.bitRate = configuration.value(ConfigKeys::ipmiSolSpeed);
    settings.dataBits = configuration.value(ConfigKeys::ipmiSolDataBits) == 7 ? QSerialPort::Data7 : QSerialPort::Data8;
    settings.stopBits =
        configuration.value(ConfigKeys::ipmiSolStopBits) == 2 ? QSerialPort::TwoStop : QSerialPort::OneStop;
    const QString parity = configuration.value(ConfigKeys::ipmiSolParity);
    settings.parity = parity == u"even"_s ? QSerialPort::EvenParity
        : parity == u"odd"_s              ? QSerialPort::OddParity
        : parity == u"mark"_s             ? QSerialPort::MarkParity
        : parity == u"space"_s            ? QSerialPort::SpaceParity
                                          : QSerialPort::NoParity;
    const QString flowControl = configuration.value(ConfigKeys::ipmiSolFlowControl);
    settings.flowControl = flowControl == u"rtscts"_s ? QSerialPort::HardwareControl
        : flowControl == u"xonxoff"_s                 ? QSerialPort::SoftwareControl
                                                      : QSerialPort::NoFlowControl;
    return settings;
}

SimulatedHost::Timings simulatedTimings(const Configuration &configuration)
{
    SimulatedHost::Timings timings;
    timings.powerOnDelay = configuration.value(ConfigKeys::hostSimPowerOnDelay);
    timings.shutdownDelay = configuration.value(ConfigKeys::hostSimShutdownDelay);
    timings.forceOffHold = configuration.value(ConfigKeys::hostSimForceOffHold);
    timings.setupWait = configuration.value(ConfigKeys::hostSimSetupWait);
    return timings;
}
} // namespace

Daemon::Daemon(CommandLine options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

Daemon::~Daemon()
{
    // The model goes before the backend it drives; the backend releases any held button.
    m_ssh.reset();
    m_redfish.reset();
    m_rfb.reset();
    m_kvm.reset();
    m_ipmi.reset();
    m_thermalSensors.reset();
    m_bmc.reset();
    m_backend.reset();
}

int Daemon::exitWith(const Failure &failure)
{
    printError(failure.message);
    return failure.code == Failure::Code::InvalidValue ? ConfigurationError : StartFailed;
}

std::optional<int> Daemon::start()
{
    if (const auto failure = loadConfiguration())
        return exitWith(*failure);

    if (m_options.printConfig) {
        // Shows the runtime values too, without repairing or creating anything.
        if (QFileInfo(m_options.stateDirectory).isDir())
            m_configuration->attachState(m_options.stateDirectory, StateFile::Mode::ReadOnly);
        fputs(qPrintable(m_configuration->toYaml()), stdout);
        return Success;
    }
    if (!m_options.usbGadget.isEmpty()) {
        if (const auto failure = KvmParts::runGadgetCommand(*m_configuration, m_options.usbGadget))
            return exitWith(*failure);
        return Success;
    }

    if (const auto failure = prepareStateDirectory())
        return exitWith(*failure);
    if (const auto newer = StateDirectory::newerFormat(m_options.stateDirectory))
        return exitWith({Failure::Code::Unavailable, *newer});
    const StateFile::Result settings = m_configuration->attachState(m_options.stateDirectory);

    if (const auto failure = createBackend())
        return exitWith(*failure);
    createKvmParts();

    m_hasher = std::make_unique<CryptPasswordHasher>();
    m_bmc = std::make_unique<Bmc>(m_configuration.get(), m_backend.get(), m_hasher.get(), m_options.stateDirectory);
    if (const QString story =
            settings.story(u"settings"_s, u"settings changed at run time are lost and the configuration files apply"_s);
        !story.isEmpty())
        m_bmc->eventLog()->critical(Actor::bmc(), story);
    if (!m_kvm->problem().isEmpty())
        m_bmc->eventLog()->critical(Actor::bmc(), m_kvm->problem());
    if (const auto failure = loadPasswordFile())
        return exitWith(*failure);
    const QByteArray presetPassword = qgetenv("QBMC_ADMIN_PASSWORD");
    if (const auto failure = m_bmc->accounts()->ensureAdministrator(presetPassword))
        return exitWith({Failure::Code::InvalidValue, u"QBMC_ADMIN_PASSWORD: %1"_s.arg(failure->message)});

    connectVirtualMedia();
    m_thermalSensors = std::make_unique<ThermalZoneSensors>(m_bmc->sensors());
    m_thermalSensors->start();
    startConsole();

    // The faces listen before the model starts, so that they see what the start does (the
    // power-restore policy) like everything after it.
    if (const auto failure = startIpmi())
        return exitWith(*failure);
    if (const auto failure = startRedfish())
        return exitWith(*failure);
    if (const auto failure = startSsh())
        return exitWith(*failure);

    m_signals = std::make_unique<UnixSignalWatcher>(QList<int>{SIGTERM, SIGINT, SIGHUP});
    connect(m_signals.get(), &UnixSignalWatcher::received, this, &Daemon::onSignal);

    m_bmc->start();
    qCInfo(lcApp, "ready: %s, state in %s", qPrintable(m_backend->description()),
           qPrintable(QDir(m_options.stateDirectory).absolutePath()));
    // systemd starts what depends on qbmc, and counts the watchdog, from here on.
    m_systemd = std::make_unique<SystemdNotifier>();
    m_systemd->ready(readyStatus());
    return std::nullopt;
}

std::optional<ConfigError> Daemon::readConfigurationFiles(Configuration *configuration) const
{
    QStringList warnings;
    const auto required =
        m_options.configFileGiven ? ConfigLoader::MainFile::Required : ConfigLoader::MainFile::Optional;
    const auto error = ConfigLoader::load(configuration, m_options.configFile, required, &warnings);
    for (const QString &warning : std::as_const(warnings))
        qCWarning(lcApp, "%s", qPrintable(warning));
    return error;
}

std::optional<Failure> Daemon::loadConfiguration()
{
    m_configuration = std::make_unique<Configuration>();
    if (const auto error = readConfigurationFiles(m_configuration.get()))
        return Failure{Failure::Code::InvalidValue, error->toString()};
    applyLogRules(m_configuration->value(ConfigKeys::logRules));
    return std::nullopt;
}

std::optional<Failure> Daemon::prepareStateDirectory()
{
    const QString path = m_options.stateDirectory;
    if (!QDir().mkpath(path))
        return Failure{Failure::Code::Unavailable, u"state directory %1: cannot create it"_s.arg(path)};
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    // Writing is the only honest test of writability (read-only mounts, ACLs, ownership).
    QTemporaryFile probe(QDir(path).filePath(u".write-test-XXXXXX"_s));
    if (!probe.open())
        return Failure{Failure::Code::Unavailable,
                       u"state directory %1: cannot write in it: %2"_s.arg(path, probe.errorString())};
    return std::nullopt;
}

std::optional<Failure> Daemon::createBackend()
{
    if (m_configuration->value(ConfigKeys::hostBackend) == u"gpio"_s) {
        Expected<std::unique_ptr<LibgpiodChip>> chip = LibgpiodChip::open(m_configuration->value(ConfigKeys::gpioChip));
        if (!chip)
            return chip.failure();
        auto backend = std::make_unique<GpioAtxBackend>(std::move(chip).value(), gpioWiring(*m_configuration));
        if (auto failure = backend->start())
            return failure;
        m_backend = std::move(backend);
        return std::nullopt;
    }
    auto backend = std::make_unique<SimulatedHost>(
        simulatedTimings(*m_configuration), m_configuration->value(ConfigKeys::hostSimNmi),
        QDir(m_options.stateDirectory).filePath(u"simulated-firmware.json"_s));
    if (auto failure = backend->start())
        return failure;
    m_backend = std::move(backend);
    return std::nullopt;
}

void Daemon::connectVirtualMedia()
{
    auto *simulatedHost = qobject_cast<SimulatedHost *>(m_backend.get());
    if (!simulatedHost) {
        connectMassStorage();
        return;
    }
    // The simulated firmware reads the boot override and the slots as it boots.
    const Bmc *bmc = m_bmc.get();
    simulatedHost->setBootSources({
        [bmc]() -> QByteArray {
            switch (bmc->bootOverride()->targetForThisBoot()) {
            case BootOverride::Target::None: return {};
            case BootOverride::Target::Pxe: return "Network";
            case BootOverride::Target::Hdd: return "Hard Disk";
            case BootOverride::Target::Cd: return "CD/DVD";
            case BootOverride::Target::Usb: return "USB";
            case BootOverride::Target::BiosSetup: return "Setup";
            }
            return {};
        },
        [bmc](const QByteArray &device) {
            return bmc->virtualMedia()->imagePath(device == "USB" ? VirtualMedia::Slot::UsbStick
                                                                  : VirtualMedia::Slot::Cd);
        },
    });
}

void Daemon::connectMassStorage()
{
    VirtualMedia *media = m_bmc->virtualMedia();
    UsbGadget *gadget = m_kvm ? m_kvm->gadget() : nullptr;
    if (!gadget) {
        // Without the gadget the host would never see what is inserted: say so rather than
        // accept media (docs/decisions.md#132).
        media->setUnavailable(u"the host sees virtual media through the USB gadget, which needs kvm.hid: otg and "
                              u"a USB port that can be a device"_s);
        return;
    }
    m_massStorage = std::make_unique<UsbMassStorage>(gadget->functionPath(UsbMassStorage::functionName));
    const auto apply = [this, media](VirtualMedia::Slot slot) {
        const VirtualMedia::Medium medium = media->medium(slot);
        const auto drive = slot == VirtualMedia::Slot::Cd ? UsbMassStorage::Drive::Cd : UsbMassStorage::Drive::Stick;
        if (const auto failure = m_massStorage->setMedium(drive, media->imagePath(slot), medium.writeProtected))
            m_bmc->eventLog()->warning(
                Actor::bmc(),
                u"Virtual media %1: the host cannot see it: %2"_s.arg(VirtualMedia::slotName(slot), failure->message));
    };
    for (VirtualMedia::Slot slot : VirtualMedia::allSlots)
        apply(slot);
    connect(media, &VirtualMedia::changed, this, apply);
}

void Daemon::createKvmParts()
{
    m_kvm = std::make_unique<KvmParts>(*m_configuration, m_backend.get());
    m_kvm->create();
}

VideoSource *Daemon::video() const
{
    return m_kvm ? m_kvm->video() : nullptr;
}

HostInput *Daemon::hostInput() const
{
    return m_kvm ? m_kvm->input() : nullptr;
}

void Daemon::startConsole()
{
    // A configured adapter is the console; otherwise the simulated host's, if that is the backend
    // (docs/decisions.md#51). A GPIO board without an adapter has no console to offer.
    const QString device = m_configuration->value(ConfigKeys::ipmiSolDevice);
    auto *simulatedHost = qobject_cast<SimulatedHost *>(m_backend.get());
    if (device.isEmpty() && !simulatedHost) {
        qCInfo(lcApp, "no serial console: ipmi.sol.device is not set");
        return;
    }
    auto transport = std::make_unique<SerialConsoleTransport>(
        serialSettings(*m_configuration, device.isEmpty() ? simulatedHost->consolePath() : device));
    // A pseudo-terminal carries no break: the simulated host hears it from the transport itself.
    if (device.isEmpty())
        connect(transport.get(), &ConsoleTransport::breakSent, simulatedHost, &SimulatedHost::sendBreak);
    m_consoleTransport = std::move(transport);
    m_bmc->console()->setTransport(m_consoleTransport.get());
}

std::optional<Failure> Daemon::loadPasswordFile()
{
    const QString path = m_configuration->value(ConfigKeys::ipmiAuthFile);
    const IpmiPasswordFile::Result parsed = readPasswordFile(path);
    if (parsed.error)
        return Failure{Failure::Code::InvalidValue, parsed.error->toString()};
    if (path.isEmpty())
        return std::nullopt;
    if (const auto failure = m_bmc->accounts()->setPasswordFileAccounts(parsed.entries, path))
        return Failure{failure->code, u"%1: %2"_s.arg(path, failure->message)};
    return std::nullopt;
}

std::optional<Failure> Daemon::startIpmi()
{
    IpmiServer::Settings settings;
    settings.listen = NetworkAddresses::listenAddress(m_configuration->value(ConfigKeys::ipmiListen));
    settings.port = quint16(m_configuration->value(ConfigKeys::ipmiPort));
    settings.sessions.maxSessions = m_configuration->value(ConfigKeys::ipmiMaxSessions);
    settings.sessions.idleTimeout = m_configuration->value(ConfigKeys::ipmiSessionTimeout);
    settings.login.cipherSuites = m_configuration->value(ConfigKeys::ipmiCipherSuites);
    settings.login.throttleFailures = m_configuration->value(ConfigKeys::ipmiThrottleFailures);
    settings.login.throttlePeriod = m_configuration->value(ConfigKeys::ipmiThrottlePeriod);
    settings.identity.manufacturerId = quint32(m_configuration->value(ConfigKeys::bmcManufacturerId));
    settings.identity.productId = quint16(m_configuration->value(ConfigKeys::bmcProductId));
    m_networkFacts = std::make_unique<LinuxNetworkFacts>();
    settings.networkFacts = m_networkFacts.get();
    m_ipmi = std::make_unique<IpmiServer>(m_bmc.get(), settings);
    connect(m_ipmi.get(), &IpmiServer::coldResetRequested, this, [this] { restartInPlace(u"IPMI Cold Reset"_s); });
    return m_ipmi->start();
}

std::optional<Failure> Daemon::startRedfish()
{
    RedfishServer::Settings settings;
    settings.listen = NetworkAddresses::listenAddress(m_configuration->value(ConfigKeys::redfishListen));
    settings.port = quint16(m_configuration->value(ConfigKeys::redfishPort));
    settings.tls = m_configuration->value(ConfigKeys::redfishTls);
    settings.certificatePath = m_configuration->value(ConfigKeys::redfishTlsCert);
    settings.keyPath = m_configuration->value(ConfigKeys::redfishTlsKey);
    settings.stateDirectory = m_options.stateDirectory;
    settings.hostName = QSysInfo::machineHostName();
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (address.scopeId().isEmpty())
            settings.addresses.append(address.toString());
    }
    settings.limits.maxConnections = m_configuration->value(ConfigKeys::redfishMaxConnections);
    settings.authentication.sessionTimeout =
        std::chrono::duration_cast<std::chrono::seconds>(m_configuration->value(ConfigKeys::redfishSessionTimeout));
    settings.authentication.maxSessions = m_configuration->value(ConfigKeys::redfishMaxSessions);
    settings.authentication.maxSessionsPerUser = m_configuration->value(ConfigKeys::redfishMaxSessionsPerUser);
    settings.ipmiPort = quint16(m_configuration->value(ConfigKeys::ipmiPort));
    settings.networkFacts = m_networkFacts.get();
    // The KVM, when there is a picture to show.
    if (video()) {
        m_rfb = std::make_unique<RfbServer>(video(), hostInput());
        settings.kvm = m_rfb.get();
        settings.kvmMaxSessions = m_configuration->value(ConfigKeys::kvmMaxSessions);
    }
    m_redfish = std::make_unique<RedfishServer>(m_bmc.get(), settings);
    connect(m_redfish.get(), &RedfishServer::restartRequested, this, &Daemon::restartInPlace);
    return m_redfish->start();
}

std::optional<Failure> Daemon::startSsh()
{
    // Keys added through Redfish are checked by libssh too, not only for their syntax.
    m_bmc->accounts()->setSshKeyCheck(&SshPublicKeyCheck::check);
    SshServer::Settings settings;
    settings.listen = NetworkAddresses::listenAddress(m_configuration->value(ConfigKeys::sshListen));
    settings.stateDirectory = m_options.stateDirectory;
    settings.maxSessions = m_configuration->value(ConfigKeys::sshMaxSessions);
    settings.loginTimeout = m_configuration->value(ConfigKeys::sshLoginTimeout);
    m_ssh = std::make_unique<SshServer>(m_bmc.get(), settings);
    return m_ssh->start();
}

void Daemon::restartInPlace(const QString &reason)
{
    qCInfo(lcApp, "restarting in place: %s", qPrintable(reason));
    m_bmc->eventLog()->info(Actor::bmc(), u"qbmc restarting: %1"_s.arg(reason));
    QCoreApplication::exit(restartRequested);
}

void Daemon::onSignal(int signalNumber)
{
    if (signalNumber == SIGHUP) {
        reload();
        return;
    }
    qCInfo(lcApp, "stopping on %s", strsignal(signalNumber));
    m_systemd->stopping();
    m_bmc->eventLog()->info(Actor::bmc(),
                            u"qbmc stopping on SIG%1"_s.arg(QString::fromLatin1(sigabbrev_np(signalNumber))));
    QCoreApplication::quit();
}

QString Daemon::readyStatus() const
{
    return u"IPMI on UDP port %1, Redfish on TCP port %2, SSH on TCP port %3, %4"_s
        .arg(m_configuration->value(ConfigKeys::ipmiPort))
        .arg(m_configuration->value(ConfigKeys::redfishPort))
        .arg(m_configuration->value(ConfigKeys::sshPort))
        .arg(m_backend->description());
}

void Daemon::reload()
{
    // systemd hears that a reload runs and that it is over, whatever its outcome.
    m_systemd->reloading();
    reloadConfiguration();
    m_systemd->ready(readyStatus());
}

void Daemon::reloadConfiguration()
{
    // Files are read into a fresh configuration first, so a broken edit changes nothing.
    Configuration fresh;
    if (const auto error = readConfigurationFiles(&fresh)) {
        qCCritical(lcApp, "SIGHUP: configuration not reloaded, it has an error: %s", qPrintable(error->toString()));
        return;
    }
    fresh.attachState(m_options.stateDirectory, StateFile::Mode::ReadOnly);

    QStringList needRestart;
    for (const ConfigKey &key : ConfigSchema::instance().keys()) {
        if (key.path == ConfigKeys::logRules.path || key.path == ConfigKeys::ipmiAuthFile.path)
            continue;
        if (fresh.value(key) != m_configuration->value(key))
            needRestart.append(key.path);
    }

    const QString passwordFile = fresh.value(ConfigKeys::ipmiAuthFile);
    const IpmiPasswordFile::Result parsed = readPasswordFile(passwordFile);
    if (parsed.error) {
        qCCritical(lcApp, "SIGHUP: nothing reloaded, the accounts file has an error: %s",
                   qPrintable(parsed.error->toString()));
        return;
    }
    applyLogRules(fresh.value(ConfigKeys::logRules));
    m_bmc->accounts()->setPasswordFileAccounts(parsed.entries, passwordFile);

    qCInfo(lcApp, "SIGHUP: reloaded log.rules and the accounts file%s", passwordFile.isEmpty() ? " (none set)" : "");
    if (!needRestart.isEmpty())
        qCWarning(lcApp, "SIGHUP: changed keys that take effect at the next start: %s",
                  qPrintable(needRestart.join(u", "_s)));
}
