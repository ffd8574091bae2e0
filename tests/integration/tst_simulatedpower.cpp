#include "Bmc.h"
#include "BootOverride.h"
#include "Configuration.h"
#include "EventLog.h"
#include "PowerController.h"
#include "linux/CryptPasswordHasher.h"
#include "sim/SimulatedHost.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using Action = PowerController::Action;
using Admission = PowerController::Admission;
using Outcome = PowerController::Outcome;
using State = PowerController::State;

// Every power action through the one model, on the simulated host in real time (with its timings
// shortened): what IPMI, Redfish and the screen will all call.
class tst_SimulatedPower : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void onThenGracefulShutdown();
    void forceOffCutsPowerDuringTheHold();
    void powerCycleAndGracefulRestartComeBack_data();
    void powerCycleAndGracefulRestartComeBack();
    void forceRestartKeepsTheHostOn();
    void onceBootOverrideIsUsedByTheBootQbmcStarts();
    void busyWhilePoweringOn();
    void nmiFollowsTheWiring();

private:
    void makeBmc(bool nmi = false);
    Outcome runToEnd(Action action, const Actor &actor, std::chrono::milliseconds *took = nullptr);

    QTemporaryDir *m_dir = nullptr;
    Configuration *m_configuration = nullptr;
    SimulatedHost *m_host = nullptr;
    CryptPasswordHasher m_hasher;
    Bmc *m_bmc = nullptr;
};

void tst_SimulatedPower::init()
{
    m_dir = new QTemporaryDir;
    m_configuration = new Configuration;
    QList<ConfigEntry> entries;
    const auto set = [&](const QString &path, const QString &value) {
        entries.append(ConfigEntry{path, 1, ConfigEntry::Kind::Scalar, value, {}, {}});
    };
    set(u"host.sim.power_on_delay"_s, u"0.1"_s);
    set(u"host.sim.shutdown_delay"_s, u"0.2"_s);
    set(u"host.sim.force_off_hold"_s, u"0.2"_s);
    set(u"power.long_press"_s, u"0.4"_s);
    set(u"power.cycle_delay"_s, u"0.1"_s);
    set(u"power.graceful_timeout"_s, u"5"_s);
    QVERIFY(!m_configuration->applyFile(u"test.yaml"_s, entries));
    QVERIFY(!m_configuration->validate());
}

void tst_SimulatedPower::cleanup()
{
    delete m_bmc;
    m_bmc = nullptr;
    delete m_host;
    delete m_configuration;
    delete m_dir;
}

void tst_SimulatedPower::makeBmc(bool nmi)
{
    SimulatedHost::Timings timings;
    timings.powerOnDelay = m_configuration->value(ConfigKeys::hostSimPowerOnDelay);
    timings.shutdownDelay = m_configuration->value(ConfigKeys::hostSimShutdownDelay);
    timings.forceOffHold = m_configuration->value(ConfigKeys::hostSimForceOffHold);
    m_host = new SimulatedHost(timings, nmi);
    const std::optional<Failure> failure = m_host->start();
    QVERIFY2(!failure, qPrintable(failure ? failure->message : QString()));
    m_bmc = new Bmc(m_configuration, m_host, &m_hasher, m_dir->path());
    m_bmc->start();
}

Outcome tst_SimulatedPower::runToEnd(Action action, const Actor &actor, std::chrono::milliseconds *took)
{
    QSignalSpy finished(m_bmc->power(), &PowerController::actionFinished);
    QElapsedTimer clock;
    clock.start();
    if (m_bmc->power()->request(action, actor) != Admission::Accepted)
        return Outcome::Interrupted;
    if (finished.isEmpty() && !finished.wait(20000))
        return Outcome::TimedOut;
    if (took)
        *took = std::chrono::milliseconds(clock.elapsed());
    return finished.first().at(2).value<Outcome>();
}

void tst_SimulatedPower::onThenGracefulShutdown()
{
    makeBmc();
    QCOMPARE(m_bmc->power()->state(), State::Off);
    QSignalSpy states(m_bmc->power(), &PowerController::stateChanged);
    std::chrono::milliseconds took{};
    QCOMPARE(runToEnd(Action::On, Actor::ipmi(u"admin"_s), &took), Outcome::Completed);
    QCOMPARE(m_bmc->power()->state(), State::On);
    QCOMPARE(states.first().at(0).value<State>(), State::PoweringOn);
    qInfo("On took %lld ms (simulated power-on delay 100 ms)", qlonglong(took.count()));

    QCOMPARE(runToEnd(Action::GracefulShutdown, Actor::redfish(u"ironic"_s), &took), Outcome::Completed);
    QCOMPARE(m_bmc->power()->state(), State::Off);
    qInfo("GracefulShutdown took %lld ms (simulated shutdown 200 ms)", qlonglong(took.count()));

    const QList<EventLogEntry> entries = m_bmc->eventLog()->entries();
    const auto logged = [&](const QString &message, const Actor &actor) {
        return std::any_of(entries.cbegin(), entries.cend(),
                           [&](const EventLogEntry &e) { return e.message == message && e.actor == actor; });
    };
    QVERIFY(logged(u"Host powered on"_s, Actor::ipmi(u"admin"_s)));
    QVERIFY(logged(u"Host powered off"_s, Actor::redfish(u"ironic"_s)));
}

void tst_SimulatedPower::forceOffCutsPowerDuringTheHold()
{
    makeBmc();
    QCOMPARE(runToEnd(Action::On, Actor::screen()), Outcome::Completed);
    QSignalSpy states(m_bmc->power(), &PowerController::stateChanged);
    QCOMPARE(m_bmc->power()->request(Action::ForceOff, Actor::screen()), Admission::Accepted);
    // The LED goes off at the 0.2 s mark of the 0.4 s hold, while the action still runs.
    QTRY_COMPARE_WITH_TIMEOUT(m_bmc->power()->state(), State::Off, 10000);
    QVERIFY(m_bmc->power()->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!m_bmc->power()->isBusy(), 10000);
}

void tst_SimulatedPower::powerCycleAndGracefulRestartComeBack_data()
{
    QTest::addColumn<Action>("action");
    QTest::newRow("PowerCycle") << Action::PowerCycle;
    QTest::newRow("GracefulRestart") << Action::GracefulRestart;
}

void tst_SimulatedPower::powerCycleAndGracefulRestartComeBack()
{
    QFETCH(Action, action);
    makeBmc();
    QCOMPARE(runToEnd(Action::On, Actor::screen()), Outcome::Completed);
    QList<State> seen;
    connect(m_bmc->power(), &PowerController::stateChanged, this, [&](State state) { seen.append(state); });
    std::chrono::milliseconds took{};
    QCOMPARE(runToEnd(action, Actor::ipmi(u"admin"_s), &took), Outcome::Completed);
    // Between off and on the host is on its way back, not off (decisions.md#105).
    QCOMPARE(seen, (QList<State>{State::PoweringOff, State::PoweringOn, State::On}));
    qInfo("%s took %lld ms", qPrintable(PowerController::actionName(action)), qlonglong(took.count()));
}

void tst_SimulatedPower::forceRestartKeepsTheHostOn()
{
    makeBmc();
    QCOMPARE(runToEnd(Action::On, Actor::screen()), Outcome::Completed);
    QSignalSpy states(m_bmc->power(), &PowerController::stateChanged);
    QCOMPARE(runToEnd(Action::ForceRestart, Actor::screen()), Outcome::Completed);
    QCOMPARE(m_bmc->power()->state(), State::On);
    QVERIFY(states.isEmpty());
}

void tst_SimulatedPower::onceBootOverrideIsUsedByTheBootQbmcStarts()
{
    makeBmc();
    BootOverride *boot = m_bmc->bootOverride();
    boot->set(BootOverride::Target::Pxe, BootOverride::Enabled::Once, BootOverride::Mode::UEFI,
              Actor::redfish(u"ironic"_s));
    QCOMPARE(runToEnd(Action::On, Actor::redfish(u"ironic"_s)), Outcome::Completed);
    QCOMPARE(boot->enabled(), BootOverride::Enabled::Disabled);

    boot->set(BootOverride::Target::Cd, BootOverride::Enabled::Once, BootOverride::Mode::UEFI, Actor::screen());
    QCOMPARE(runToEnd(Action::ForceRestart, Actor::screen()), Outcome::Completed);
    QCOMPARE(boot->enabled(), BootOverride::Enabled::Disabled);

    boot->set(BootOverride::Target::Hdd, BootOverride::Enabled::Once, BootOverride::Mode::UEFI, Actor::screen());
    QCOMPARE(runToEnd(Action::ForceOff, Actor::screen()), Outcome::Completed);
    QCOMPARE(boot->enabled(), BootOverride::Enabled::Once);
}

void tst_SimulatedPower::busyWhilePoweringOn()
{
    makeBmc();
    QCOMPARE(m_bmc->power()->request(Action::On, Actor::screen()), Admission::Accepted);
    QCOMPARE(m_bmc->power()->request(Action::ForceOff, Actor::ipmi(u"admin"_s)), Admission::Busy);
    QTRY_COMPARE_WITH_TIMEOUT(m_bmc->power()->state(), State::On, 10000);
}

void tst_SimulatedPower::nmiFollowsTheWiring()
{
    makeBmc();
    QCOMPARE(runToEnd(Action::On, Actor::screen()), Outcome::Completed);
    QCOMPARE(m_bmc->power()->request(Action::Nmi, Actor::ipmi(u"admin"_s)), Admission::Unsupported);
    cleanup();
    init();
    makeBmc(true);
    QCOMPARE(runToEnd(Action::On, Actor::screen()), Outcome::Completed);
    QCOMPARE(runToEnd(Action::Nmi, Actor::ipmi(u"admin"_s)), Outcome::Completed);
}

QTEST_GUILESS_MAIN(tst_SimulatedPower)
#include "tst_simulatedpower.moc"
