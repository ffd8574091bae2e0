#include "Bmc.h"

#include "AccountStore.h"
#include "BootOverride.h"
#include "ChassisIdentify.h"
#include "Configuration.h"
#include "ConsoleHub.h"
#include "EventLog.h"
#include "HostBackend.h"
#include "InstallationIdentity.h"
#include "MediaStore.h"
#include "PowerController.h"
#include "PowerRestorePolicy.h"
#include "RemoteSessionRegistry.h"
#include "SensorRegistry.h"
#include "ServiceSettings.h"
#include "VirtualMedia.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace {
PowerController::Timings powerTimings(const Configuration &configuration)
{
    PowerController::Timings timings;
    timings.shortPress = configuration.value(ConfigKeys::powerShortPress);
    timings.longPress = configuration.value(ConfigKeys::powerLongPress);
    timings.resetPress = configuration.value(ConfigKeys::powerResetPress);
    timings.onTimeout = configuration.value(ConfigKeys::powerOnTimeout);
    timings.offTimeout = configuration.value(ConfigKeys::powerOffTimeout);
    timings.gracefulTimeout = configuration.value(ConfigKeys::powerGracefulTimeout);
    timings.cycleDelay = configuration.value(ConfigKeys::powerCycleDelay);
    return timings;
}

ConsoleHub::Settings consoleSettings(const Configuration &configuration, const QString &stateDirectory)
{
    ConsoleHub::Settings settings;
    settings.historyBytes = configuration.value(ConfigKeys::consoleHistory);
    settings.logDirectory = stateDirectory;
    settings.logFileBytes = configuration.value(ConfigKeys::consoleLogSize);
    settings.logFiles = configuration.value(ConfigKeys::consoleLogFiles);
    settings.breakDuration = configuration.value(ConfigKeys::ipmiSolBreakDuration);
    settings.columns = configuration.value(ConfigKeys::consoleColumns);
    settings.rows = configuration.value(ConfigKeys::consoleRows);
    settings.scrollbackLines = configuration.value(ConfigKeys::consoleScrollback);
    return settings;
}

AccountStore::Policy accountPolicy(const Configuration &configuration)
{
    AccountStore::Policy policy;
    policy.lockoutThreshold = configuration.value(ConfigKeys::accountsLockoutThreshold);
    policy.lockoutDuration = configuration.value(ConfigKeys::accountsLockoutDuration);
    policy.minPasswordLength = configuration.value(ConfigKeys::accountsMinPasswordLength);
    return policy;
}

QString mediaStoreDirectory(const Configuration &configuration, const QString &stateDirectory)
{
    const QString configured = configuration.value(ConfigKeys::mediaStore);
    return configured.isEmpty() ? QDir(stateDirectory).filePath(u"media"_s) : configured;
}
} // namespace

Bmc::Bmc(Configuration *configuration, HostBackend *backend, const PasswordHasher *hasher,
         const QString &stateDirectory, QObject *parent)
    : QObject(parent)
    , m_configuration(configuration)
    , m_backend(backend)
    , m_eventLog(new EventLog(stateDirectory, configuration->value(ConfigKeys::eventlogMaxEntries), this))
    , m_accounts(
          new AccountStore(stateDirectory, hasher, m_eventLog, accountPolicy(*configuration), Clock::steady(), this))
    , m_power(new PowerController(backend, m_eventLog, powerTimings(*configuration), this))
    , m_powerRestorePolicy(new PowerRestorePolicy(configuration, m_power, m_eventLog, stateDirectory, this))
    , m_bootOverride(new BootOverride(stateDirectory, m_eventLog, this))
    , m_sessions(new RemoteSessionRegistry(this))
    , m_sensors(new SensorRegistry(this))
    , m_services(new ServiceSettings(configuration, m_eventLog, this))
    , m_identify(new ChassisIdentify(m_eventLog, this))
    , m_console(new ConsoleHub(consoleSettings(*configuration, stateDirectory), m_eventLog, this))
    , m_mediaStore(new MediaStore(mediaStoreDirectory(*configuration, stateDirectory),
                                  configuration->value(ConfigKeys::mediaMaxBytes), this))
    , m_identity(std::make_unique<InstallationIdentity>(stateDirectory, m_eventLog))
{
    // The store is opened before the slots are read, so that they find the images they hold.
    const std::optional<Failure> storeProblem = m_mediaStore->open();
    m_virtualMedia = new VirtualMedia(stateDirectory, m_mediaStore, m_eventLog, this);
    if (storeProblem) {
        m_virtualMedia->setUnavailable(u"the media store cannot be used: %1"_s.arg(storeProblem->message));
        m_eventLog->critical(Actor::bmc(), u"Virtual media is unavailable: %1"_s.arg(storeProblem->message));
    }
    connect(m_power, &PowerController::hostStarting, m_bootOverride, &BootOverride::consume);
    connect(m_power, &PowerController::stateChanged, m_bootOverride, [this](PowerController::State state) {
        if (state == PowerController::State::Off)
            m_bootOverride->bootEnded();
    });
    connect(configuration, &Configuration::valueChanged, m_accounts, [this](const QString &path) {
        if (path.startsWith(u"accounts."))
            m_accounts->setPolicy(accountPolicy(*m_configuration));
    });
    // The SoL bit rate is the serial port's: changed through IPMI, it changes the line.
    connect(m_services, &ServiceSettings::solChanged, m_console,
            [this] { m_console->setBitRate(m_services->solParameters().bitRate); });
    // Connected before any face's handler, so the entry is written whatever the face then logs.
    connect(m_sessions, &RemoteSessionRegistry::endRequested, m_eventLog,
            [this](const RemoteSession &session, const Actor &actor) {
                m_eventLog->info(actor,
                                 u"%1 session of %2 from %3 ended"_s.arg(RemoteSession::protocolName(session.protocol),
                                                                         session.user, session.address));
            });
}

Bmc::~Bmc()
{
    // The event log goes last: the others may still log while they are torn down.
    delete m_virtualMedia;
    delete m_mediaStore;
    delete m_console;
    delete m_identify;
    delete m_services;
    delete m_sensors;
    delete m_sessions;
    delete m_bootOverride;
    delete m_powerRestorePolicy;
    delete m_power;
    delete m_accounts;
    delete m_eventLog;
}

void Bmc::start()
{
    m_eventLog->info(
        Actor::bmc(),
        u"qbmc %1 started on %2; the host is %3"_s.arg(QStringLiteral(QBMC_VERSION), m_backend->description(),
                                                       PowerController::stateName(m_power->state()).toLower()));
    m_powerRestorePolicy->apply();
}
