#include "LocalDisplay.h"

#include "AppLogging.h"
#include "Bmc.h"
#include "Configuration.h"
#include "Daemon.h"
#include "Dashboard.h"
#include "NetworkFacts.h"

#include <QGuiApplication>
#include <QNetworkInterface>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace {
QStringList reachableAddresses()
{
    QStringList addresses;
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (!address.isLoopback() && !address.isLinkLocal())
            addresses.append(address.toString());
    }
    return addresses;
}

AccessViewModel::Facts accessFacts(const Configuration &configuration, const NetworkFacts *network)
{
    AccessViewModel::Facts facts;
    facts.hostName = QSysInfo::machineHostName();
    facts.addresses = reachableAddresses();
    facts.ipmiPort = configuration.value(ConfigKeys::ipmiPort);
    facts.redfishPort = configuration.value(ConfigKeys::redfishPort);
    const bool tls = configuration.value(ConfigKeys::redfishTls);
    const QString address = network ? network->primaryInterface().ipv4Address : QString();
    const bool defaultPort = facts.redfishPort == (tls ? 443 : 80);
    facts.redfishUrl =
        u"%1://%2%3/redfish/v1"_s.arg(tls ? u"https"_s : u"http"_s, address.isEmpty() ? facts.hostName : address,
                                      defaultPort ? QString() : u":%1"_s.arg(facts.redfishPort));
    return facts;
}
} // namespace

LocalDisplay::LocalDisplay(Daemon *daemon, DisplayChoice choice, QElapsedTimer sinceStart, QObject *parent)
    : QObject(parent)
    , m_daemon(daemon)
    , m_choice(std::move(choice))
    , m_sinceStart(sinceStart)
{
}

LocalDisplay::~LocalDisplay()
{
    m_engine.reset();
    Dashboard::setInstance(nullptr);
}

std::optional<Failure> LocalDisplay::show()
{
    const Configuration &configuration = *m_daemon->configuration();
    Dashboard::Settings settings;
    settings.pin = configuration.value(ConfigKeys::uiPin);
    settings.screenOffTimeout = configuration.value(ConfigKeys::uiScreenOffTimeout);
    settings.language = configuration.value(ConfigKeys::uiLanguage);
    settings.access = accessFacts(configuration, m_daemon->networkFacts());
    settings.video = m_daemon->video();
    settings.input = m_daemon->hostInput();
    m_dashboard = std::make_unique<Dashboard>(m_daemon->bmc(), settings);
    Dashboard::setInstance(m_dashboard.get());

    m_engine = std::make_unique<QQmlApplicationEngine>();
    // The QML modules are linked in statically and live in the resources.
    m_engine->addImportPath(u"qrc:/"_s);
    m_engine->load(QUrl(u"qrc:/Qbmc/Dashboard/Main.qml"_s));
    auto *window = m_engine->rootObjects().isEmpty()
        ? nullptr
        : qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
    if (!window)
        return Failure{Failure::Code::Internal, u"the dashboard's QML did not load (messages above)"_s};
    if (m_choice.mode == DisplayChoice::Mode::Kiosk) {
        // The board's display is the dashboard's alone; a finger needs no pointer.
        window->showFullScreen();
        QGuiApplication::setOverrideCursor(Qt::BlankCursor);
    }
    m_firstFrame = connect(window, &QQuickWindow::frameSwapped, this, &LocalDisplay::onFirstFrame);
    qCInfo(lcApp, "dashboard on %s (%s)", qPrintable(QGuiApplication::platformName()), qPrintable(m_choice.reason));
    return std::nullopt;
}

void LocalDisplay::onFirstFrame()
{
    disconnect(m_firstFrame);
    qCInfo(lcApp, "dashboard: first frame %lld ms after start", qint64(m_sinceStart.elapsed()));
}
