#include "Dashboard.h"

#include "Bmc.h"
#include "ChassisIdentify.h"
#include "ConsoleViewModel.h"
#include "EventLogModel.h"
#include "FirstStartNotice.h"
#include "LanguageSwitcher.h"
#include "PasswordRecovery.h"
#include "PowerViewModel.h"
#include "RemoteSessionModel.h"
#include "ScreenLock.h"

#include <QPointer>
#include <QQmlEngine>

namespace {
QPointer<Dashboard> instance;
}

Dashboard::Dashboard(Bmc *bmc, Settings settings, QObject *parent)
    : QObject(parent)
    , m_bmc(bmc)
    , m_power(new PowerViewModel(bmc->power(), this))
    , m_console(new ConsoleViewModel(bmc->console(), this))
    , m_screen(new ScreenViewModel(settings.video, settings.input, this))
    , m_media(new VirtualMediaViewModel(bmc->virtualMedia(), this))
    , m_events(new EventLogModel(bmc->eventLog(), this))
    , m_sessions(new RemoteSessionModel(bmc->remoteSessions(), this))
    , m_access(new AccessViewModel(settings.access, bmc->services(), bmc->accounts(), m_sessions, this))
    , m_firstStart(new FirstStartNotice(bmc->accounts(), settings.access.redfishUrl, this))
    , m_screenLock(new ScreenLock(settings.pin, settings.screenOffTimeout, bmc->eventLog(), this))
    , m_recovery(new PasswordRecovery(bmc->accounts(), bmc->eventLog(), m_screenLock, this))
    , m_language(new LanguageSwitcher(settings.language, this))
{
    connect(bmc->chassisIdentify(), &ChassisIdentify::stateChanged, this, &Dashboard::identifyActiveChanged);
}

Dashboard::~Dashboard() = default;

void Dashboard::setInstance(Dashboard *dashboard)
{
    instance = dashboard;
}

Dashboard *Dashboard::create(QQmlEngine *engine, QJSEngine *)
{
    Q_ASSERT_X(instance, "Dashboard::create", "the composition root sets the instance before loading QML");
    // The composition root owns it; the engine must not delete it.
    QJSEngine::setObjectOwnership(instance, QJSEngine::CppOwnership);
    instance->m_language->setEngine(engine);
    return instance;
}

bool Dashboard::isIdentifyActive() const
{
    return m_bmc->chassisIdentify()->isActive();
}

QString Dashboard::version() const
{
    return QStringLiteral(QBMC_VERSION);
}
