#include "DashboardFixture.h"

#include "AccountStore.h"
#include "Bmc.h"
#include "ChassisIdentify.h"
#include "ConfigEntry.h"
#include "ConsoleHub.h"
#include "EventLog.h"
#include "MediaStore.h"
#include "MediaUpload.h"
#include "PowerController.h"
#include "RemoteSessionRegistry.h"
#include "VirtualMedia.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
ConfigEntry scalar(const QString &path, const QString &value)
{
    ConfigEntry entry;
    entry.path = path;
    entry.scalar = value;
    return entry;
}

SimulatedHost::Timings quickHost()
{
    SimulatedHost::Timings timings;
    timings.powerOnDelay = 400ms;
    timings.shutdownDelay = 400ms;
    timings.forceOffHold = 300ms;
    // The firmware's splash waits for F2 long enough for a test that presses it on the Screen page.
    timings.setupWait = 30s;
    return timings;
}
} // namespace

DashboardFixture::DashboardFixture(QObject *parent)
    : QObject(parent)
    , m_host(quickHost(), false)
{
    const auto error = m_configuration.applyFile(u"fixture"_s,
                                                 {
                                                     scalar(u"power.short_press"_s, u"0.05"_s),
                                                     scalar(u"power.long_press"_s, u"0.5"_s),
                                                     scalar(u"power.cycle_delay"_s, u"0.2"_s),
                                                     scalar(u"power.restore_policy"_s, u"always_off"_s),
                                                 });
    if (error)
        qFatal("fixture: %s", qPrintable(error->toString()));
    if (const auto failure = m_host.start())
        qFatal("fixture: %s", qPrintable(failure->message));
    if (const auto failure = m_hostConsole.open())
        qFatal("fixture: %s", qPrintable(failure->message));
    connect(&m_hostConsole, &PseudoTerminal::received, this, [this](const QByteArray &data) {
        m_hostReceived.append(data);
        if (m_firmware)
            m_firmware->feed(data);
    });

    m_bmc = std::make_unique<Bmc>(&m_configuration, &m_host, &m_hasher, m_stateDirectory.path());
    m_bmc->accounts()->ensureAdministrator();
    m_administratorPassword = m_bmc->accounts()->pendingInitialPassword();
    SerialConsoleTransport::Settings serial;
    serial.path = m_hostConsole.slavePath();
    m_transport = std::make_unique<SerialConsoleTransport>(serial);
    m_bmc->console()->setTransport(m_transport.get());
    m_bmc->start();

    Dashboard::Settings settings;
    settings.language = u"en"_s;
    settings.access.hostName = u"rack7-node3"_s;
    settings.access.addresses = {u"192.0.2.17"_s, u"2001:db8::17"_s};
    settings.access.ipmiPort = 623;
    settings.access.redfishPort = 443;
    settings.access.redfishUrl = u"https://192.0.2.17/redfish/v1"_s;
    settings.video = m_host.display();
    settings.input = m_host.keyboard();
    m_dashboard = std::make_unique<Dashboard>(m_bmc.get(), settings);
    Dashboard::setInstance(m_dashboard.get());
    // The console is connected before any test looks at it.
    if (!QTest::qWaitFor([this] { return m_bmc->console()->state() == ConsoleHub::State::Connected; }, 5000))
        qWarning("fixture: the host console did not connect");
}

DashboardFixture::~DashboardFixture()
{
    Dashboard::setInstance(nullptr);
    m_dashboard.reset();
    m_bmc.reset();
}

PowerController::Admission DashboardFixture::requestAsIpmi(PowerController::Action action)
{
    return m_bmc->power()->request(action, Actor::ipmi(u"admin"_s));
}

void DashboardFixture::writeHostConsole(const QString &text)
{
    m_hostConsole.write(text.toUtf8());
}

void DashboardFixture::startFirmware()
{
    m_firmware = std::make_unique<SimulatedFirmware>(&m_hostConsole, QString(), 60s);
    m_firmware->start();
}

QString DashboardFixture::firmwareSetting(const QString &name) const
{
    return m_firmware ? QString::fromLatin1(m_firmware->setting(name.toLatin1())) : QString();
}

void DashboardFixture::attachSol(const QString &user)
{
    m_bmc->console()->attachRemote(Actor::ipmi(user));
}

bool DashboardFixture::isSolAttached() const
{
    return m_bmc->console()->isRemoteAttached();
}

void DashboardFixture::setIdentify(bool on)
{
    if (on)
        m_bmc->chassisIdentify()->turnOn(0s, Actor::redfish(u"admin"_s));
    else
        m_bmc->chassisIdentify()->turnOff(Actor::redfish(u"admin"_s));
}

bool DashboardFixture::insertMedia(const QString &slot, const QString &imageName)
{
    const std::optional<VirtualMedia::Slot> which = VirtualMedia::slotFromName(slot);
    auto upload = m_bmc->mediaStore()->beginUpload(imageName, 4096);
    if (!which || !upload || (*upload)->write(QByteArray(4096, 'm')) || !(*upload)->commit())
        return false;
    VirtualMedia::Medium medium;
    medium.storeName = imageName;
    return !m_bmc->virtualMedia()->insert(*which, medium, Actor::redfish(u"admin"_s));
}

QString DashboardFixture::lastEventOrigin() const
{
    const auto &entries = m_bmc->eventLog()->entries();
    return entries.isEmpty() ? QString() : Actor::originName(entries.constLast().actor.origin);
}

QString DashboardFixture::lastEventMessage() const
{
    const auto &entries = m_bmc->eventLog()->entries();
    return entries.isEmpty() ? QString() : entries.constLast().message;
}

void DashboardFixture::lockOut(const QString &name, const QString &address)
{
    AccountStore *accounts = m_bmc->accounts();
    while (!accounts->isLockedOut(name, address))
        accounts->authenticate(name, "not the password", Actor::Origin::Redfish, address);
}

bool DashboardFixture::isLockedAnywhere(const QString &name) const
{
    return m_bmc->accounts()->isLockedAnywhere(name);
}

void DashboardFixture::populate()
{
    lockOut(u"admin"_s, u"192.0.2.99"_s);
    m_bmc->remoteSessions()->add(RemoteSession::Protocol::Ipmi, u"admin"_s, u"192.0.2.50"_s, Role::Administrator);
    m_bmc->remoteSessions()->add(RemoteSession::Protocol::Redfish, u"operator"_s, u"2001:db8::50"_s, Role::Operator);
    m_bmc->eventLog()->warning(Actor::redfish(u"operator"_s), u"Login failed for \"root\" from 192.0.2.99"_s);
    m_bmc->eventLog()->critical(Actor::host(), u"The host's power LED did not come on within 10 s"_s);
    writeHostConsole(u"[    0.000000] Linux version 6.1.0-13-arm64 (debian-kernel@lists.debian.org)\r\n"
                     "[    1.234567] systemd[1]: Reached target Multi-User System.\r\n\r\n"
                     "Debian GNU/Linux 12 rack7-node3 ttyS0\r\n\r\nrack7-node3 login: "_s);
}
