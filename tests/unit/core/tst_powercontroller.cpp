#include "EventLog.h"
#include "FakeHostBackend.h"
#include "PowerController.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

using Action = PowerController::Action;
using Admission = PowerController::Admission;
using Outcome = PowerController::Outcome;
using State = PowerController::State;
using Button = HostBackend::Button;
using Led = HostBackend::LedState;
using Press = FakeHostBackend::Press;

Q_DECLARE_METATYPE(HostBackend::LedState)

class tst_PowerController : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void admission_data();
    void admission();
    void unsupportedWithoutWiring();

    void onPressesShortAndWaitsForLed();
    void forceOffHoldsLong();
    void gracefulShutdownWaitsForTheOs();
    void gracefulRestartShutsDownPausesAndStarts();
    void forceRestartPressesReset();
    void powerCycleFromOnAndFromOff();
    void pushPowerButtonOnlyPresses();
    void nmiPulsesAtOnce();

    void busyRefusesEveryOtherRequest();
    void theSameUsersRequestsQueue();
    void aQueuedRequestIsJudgedByTheStateTheQueueLeaves();
    void theQueueIsBounded();
    void aFailedActionDropsTheQueue();
    void aQueuedRequestCanBeCancelled();
    void forcedActionCutsShortGracefulWait();
    void gracefulPressIsNotInterruptible();
    void waitForLedTimesOut();
    void gracefulShutdownTimeoutReturnsToOn();

    void hostStartingMarksBootsQbmcStarts();
    void eventLogCarriesTheActor();
    void alreadyDoneIsLoggedAndRecorded();
    void refusalsStayOutOfTheEventLog();
    void unknownPowerLed();
    void names();

private:
    PowerController *makeController(Led led = Led::Off);
    QStringList messages() const;

    QTemporaryDir *m_dir = nullptr;
    EventLog *m_log = nullptr;
    FakeHostBackend *m_backend = nullptr;
    PowerController *m_power = nullptr;
    PowerController::Timings m_timings;
};

void tst_PowerController::init()
{
    m_dir = new QTemporaryDir;
    m_log = new EventLog(m_dir->path(), 100);
    m_backend = new FakeHostBackend;
    m_timings = PowerController::Timings{};
    m_timings.cycleDelay = 20ms;
}

void tst_PowerController::cleanup()
{
    delete m_power;
    m_power = nullptr;
    delete m_backend;
    delete m_log;
    delete m_dir;
}

PowerController *tst_PowerController::makeController(Led led)
{
    m_backend->led = led;
    m_power = new PowerController(m_backend, m_log, m_timings);
    return m_power;
}

QStringList tst_PowerController::messages() const
{
    QStringList list;
    for (const EventLogEntry &entry : m_log->entries())
        list.append(entry.message);
    return list;
}

void tst_PowerController::admission_data()
{
    QTest::addColumn<Action>("action");
    QTest::addColumn<Led>("led");
    QTest::addColumn<Admission>("expected");

    const auto row = [](Action action, Led led, Admission expected) {
        QTest::addRow("%s while %s", qPrintable(PowerController::actionName(action)),
                      led == Led::On        ? "on"
                          : led == Led::Off ? "off"
                                            : "unknown")
            << action << led << expected;
    };
    // docs/decisions.md#25 and #26, for every action in every state.
    for (Action action : {Action::On, Action::ForceOn}) {
        row(action, Led::Off, Admission::Accepted);
        row(action, Led::On, Admission::AlreadyDone);
        row(action, Led::Unknown, Admission::InvalidInState);
    }
    for (Action action : {Action::ForceOff, Action::GracefulShutdown}) {
        row(action, Led::Off, Admission::AlreadyDone);
        row(action, Led::On, Admission::Accepted);
        row(action, Led::Unknown, Admission::InvalidInState);
    }
    for (Action action : {Action::GracefulRestart, Action::ForceRestart, Action::Nmi}) {
        row(action, Led::Off, Admission::InvalidInState);
        row(action, Led::On, Admission::Accepted);
        row(action, Led::Unknown, Admission::InvalidInState);
    }
    row(Action::PowerCycle, Led::Off, Admission::Accepted);
    row(Action::PowerCycle, Led::On, Admission::Accepted);
    row(Action::PowerCycle, Led::Unknown, Admission::InvalidInState);
    row(Action::PushPowerButton, Led::Off, Admission::Accepted);
    row(Action::PushPowerButton, Led::On, Admission::Accepted);
    row(Action::PushPowerButton, Led::Unknown, Admission::Accepted);
}

void tst_PowerController::admission()
{
    QFETCH(Action, action);
    QFETCH(Led, led);
    QFETCH(Admission, expected);

    PowerController *power = makeController(led);
    QSignalSpy busy(power, &PowerController::busyChanged);
    QCOMPARE(power->request(action, Actor::screen()), expected);
    // Only an accepted action makes the controller busy (an NMI pulse finishes at once).
    QCOMPARE(busy.size(), expected == Admission::Accepted ? (action == Action::Nmi ? 2 : 1) : 0);
}

void tst_PowerController::unsupportedWithoutWiring()
{
    m_backend->caps = HostBackend::Capability::HddLed;
    PowerController *power = makeController(Led::On);
    QCOMPARE(power->request(Action::Nmi, Actor::ipmi(u"admin"_s)), Admission::Unsupported);
    QCOMPARE(power->request(Action::ForceRestart, Actor::ipmi(u"admin"_s)), Admission::Unsupported);
    QVERIFY(!power->supportedActions().contains(Action::Nmi));
    QVERIFY(!power->supportedActions().contains(Action::ForceRestart));
    QVERIFY(power->supportedActions().contains(Action::PowerCycle));
    QVERIFY(m_backend->presses.isEmpty());
}

void tst_PowerController::onPressesShortAndWaitsForLed()
{
    PowerController *power = makeController(Led::Off);
    QSignalSpy states(power, &PowerController::stateChanged);
    QSignalSpy finished(power, &PowerController::actionFinished);

    QCOMPARE(power->request(Action::On, Actor::screen()), Admission::Accepted);
    QCOMPARE(m_backend->presses, (QList<Press>{{Button::Power, 100ms}}));
    QCOMPARE(power->state(), State::PoweringOn);
    QVERIFY(power->isBusy());
    QCOMPARE(power->currentAction(), Action::On);

    m_backend->release();
    QCOMPARE(power->state(), State::PoweringOn);
    QVERIFY(finished.isEmpty());

    m_backend->setLed(Led::On);
    QCOMPARE(power->state(), State::On);
    QVERIFY(!power->isBusy());
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(2).value<Outcome>(), Outcome::Completed);
    QCOMPARE(states.size(), 2);
    QCOMPARE(states.at(0).at(0).value<State>(), State::PoweringOn);
    QCOMPARE(states.at(1).at(0).value<State>(), State::On);
}

void tst_PowerController::forceOffHoldsLong()
{
    PowerController *power = makeController(Led::On);
    QCOMPARE(power->request(Action::ForceOff, Actor::redfish(u"ops"_s)), Admission::Accepted);
    QCOMPARE(m_backend->presses, (QList<Press>{{Button::Power, 5500ms}}));
    QCOMPARE(power->state(), State::PoweringOff);

    // An ATX supply cuts power while the button is still held: the state follows the LED at once.
    m_backend->setLed(Led::Off);
    QCOMPARE(power->state(), State::Off);
    QVERIFY(power->isBusy());
    m_backend->release();
    QVERIFY(!power->isBusy());
}

void tst_PowerController::gracefulShutdownWaitsForTheOs()
{
    PowerController *power = makeController(Led::On);
    QSignalSpy finished(power, &PowerController::actionFinished);
    QCOMPARE(power->request(Action::GracefulShutdown, Actor::ipmi(u"admin"_s)), Admission::Accepted);
    QCOMPARE(m_backend->presses, (QList<Press>{{Button::Power, 100ms}}));
    m_backend->release();
    QCOMPARE(power->state(), State::PoweringOff);
    QVERIFY(power->isBusy());
    m_backend->setLed(Led::Off);
    QCOMPARE(power->state(), State::Off);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(2).value<Outcome>(), Outcome::Completed);
}

void tst_PowerController::gracefulRestartShutsDownPausesAndStarts()
{
    PowerController *power = makeController(Led::On);
    QSignalSpy finished(power, &PowerController::actionFinished);
    QCOMPARE(power->request(Action::GracefulRestart, Actor::screen()), Admission::Accepted);
    m_backend->release();
    m_backend->setLed(Led::Off);
    // Off for the moment, but on its way back: a script reading the state must not take the
    // restart for a shutdown (decisions.md#105).
    QCOMPARE(power->state(), State::PoweringOn);
    QCOMPARE(m_backend->presses.size(), 1);

    // After the cycle delay, the power-on press.
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->presses.size(), 2, 2000);
    QCOMPARE(m_backend->presses.at(1), (Press{Button::Power, 100ms}));
    QCOMPARE(power->state(), State::PoweringOn);
    m_backend->release();
    m_backend->setLed(Led::On);
    QCOMPARE(power->state(), State::On);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(2).value<Outcome>(), Outcome::Completed);
}

void tst_PowerController::forceRestartPressesReset()
{
    PowerController *power = makeController(Led::On);
    QSignalSpy states(power, &PowerController::stateChanged);
    QCOMPARE(power->request(Action::ForceRestart, Actor::screen()), Admission::Accepted);
    QCOMPARE(m_backend->presses, (QList<Press>{{Button::Reset, 100ms}}));
    QVERIFY(power->isBusy());
    m_backend->release();
    QVERIFY(!power->isBusy());
    QCOMPARE(power->state(), State::On);
    QVERIFY(states.isEmpty());
}

void tst_PowerController::powerCycleFromOnAndFromOff()
{
    PowerController *power = makeController(Led::On);
    QCOMPARE(power->request(Action::PowerCycle, Actor::screen()), Admission::Accepted);
    QCOMPARE(m_backend->presses, (QList<Press>{{Button::Power, 5500ms}}));
    m_backend->setLed(Led::Off);
    m_backend->release();
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->presses.size(), 2, 2000);
    QCOMPARE(m_backend->presses.at(1), (Press{Button::Power, 100ms}));
    m_backend->release();
    m_backend->setLed(Led::On);
    QVERIFY(!power->isBusy());

    // From off, a power cycle powers on (docs/decisions.md#26).
    m_backend->presses.clear();
    m_backend->setLed(Led::Off);
    QCOMPARE(power->request(Action::PowerCycle, Actor::screen()), Admission::Accepted);
    QCOMPARE(m_backend->presses, (QList<Press>{{Button::Power, 100ms}}));
    QCOMPARE(power->state(), State::PoweringOn);
    m_backend->release();
    m_backend->setLed(Led::On);
    QVERIFY(!power->isBusy());
}

void tst_PowerController::pushPowerButtonOnlyPresses()
{
    PowerController *power = makeController(Led::On);
    QCOMPARE(power->request(Action::PushPowerButton, Actor::screen()), Admission::Accepted);
    QCOMPARE(m_backend->presses, (QList<Press>{{Button::Power, 100ms}}));
    QCOMPARE(power->state(), State::On);
    m_backend->release();
    QVERIFY(!power->isBusy());
}

void tst_PowerController::nmiPulsesAtOnce()
{
    PowerController *power = makeController(Led::On);
    QSignalSpy finished(power, &PowerController::actionFinished);
    QCOMPARE(power->request(Action::Nmi, Actor::ipmi(u"admin"_s)), Admission::Accepted);
    QCOMPARE(m_backend->nmiPulses, 1);
    QCOMPARE(finished.size(), 1);
    QVERIFY(!power->isBusy());
}

void tst_PowerController::busyRefusesEveryOtherRequest()
{
    PowerController *power = makeController(Led::Off);
    QCOMPARE(power->request(Action::On, Actor::screen()), Admission::Accepted);
    const QMetaEnum actions = QMetaEnum::fromType<Action>();
    for (int i = 0; i < actions.keyCount(); ++i)
        QCOMPARE(power->request(Action(actions.value(i)), Actor::ipmi(u"bob"_s)), Admission::Busy);
    // Refused requests were neither queued nor did they touch the buttons.
    QCOMPARE(m_backend->presses.size(), 1);
    m_backend->release();
    m_backend->setLed(Led::On);
    QVERIFY(!power->isBusy());
    QCOMPARE(m_backend->presses.size(), 1);
    QCOMPARE(power->request(Action::ForceOff, Actor::screen()), Admission::Accepted);
}

// docs/decisions.md#105: "ForceOff, then On" from one user works without a pause in between;
// the On waits its turn, then rests the supply for the cycle delay before it presses.
void tst_PowerController::theSameUsersRequestsQueue()
{
    PowerController *power = makeController(Led::On);
    QSignalSpy started(power, &PowerController::requestStarted);
    QSignalSpy finished(power, &PowerController::requestFinished);
    QSignalSpy busy(power, &PowerController::busyChanged);
    const PowerController::Submission off = power->submit(Action::ForceOff, Actor::redfish(u"ops"_s));
    QCOMPARE(off.admission, Admission::Accepted);
    QVERIFY(!off.queued);
    const PowerController::Submission on = power->submit(Action::On, Actor::ipmi(u"ops"_s));
    QCOMPARE(on.admission, Admission::Accepted);
    QVERIFY(on.queued);
    QVERIFY(on.ticket > off.ticket);
    QCOMPARE(power->queuedActions(), QList<Action>{Action::On});
    QVERIFY(messages().contains(u"On requested; it runs after ForceOff"_s));
    QCOMPARE(power->lastRequest()->action, Action::On);
    QCOMPARE(started.size(), 1);
    QCOMPARE(power->state(), State::PoweringOff);

    // Off, with a power-on queued: in transition, so a script that reads the state before its
    // next request does not take it for done.
    m_backend->setLed(Led::Off);
    QCOMPARE(power->state(), State::PoweringOn);
    m_backend->release();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toULongLong(), off.ticket);
    QCOMPARE(started.size(), 2);
    QCOMPARE(started.at(1).at(0).toULongLong(), on.ticket);
    QCOMPARE(power->currentAction(), Action::On);
    QCOMPARE(power->currentActor()->origin, Actor::Origin::Ipmi);
    QVERIFY(power->queuedActions().isEmpty());
    QCOMPARE(m_backend->presses.size(), 1); // resting first
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->presses.size(), 2, 2000);
    QCOMPARE(m_backend->presses.last(), (Press{Button::Power, 100ms}));
    m_backend->release();
    m_backend->setLed(Led::On);
    QCOMPARE(finished.size(), 2);
    QCOMPARE(finished.at(1).at(0).toULongLong(), on.ticket);
    QCOMPARE(finished.at(1).at(1).value<Outcome>(), Outcome::Completed);
    // Busy once from the first request to the end of the last.
    QCOMPARE(busy.size(), 2);
    QVERIFY(!power->isBusy());
}

void tst_PowerController::aQueuedRequestIsJudgedByTheStateTheQueueLeaves()
{
    PowerController *power = makeController(Led::On);
    const Actor ops = Actor::redfish(u"ops"_s);
    QCOMPARE(power->request(Action::ForceOff, ops), Admission::Accepted);
    // A reset of the host the queue will have switched off: refused now, while it can be acted on.
    QCOMPARE(power->request(Action::ForceRestart, ops), Admission::InvalidInState);
    // Off after off: queued, and a no-op when its turn comes.
    QSignalSpy finished(power, &PowerController::requestFinished);
    const PowerController::Submission shutdown = power->submit(Action::GracefulShutdown, ops);
    QCOMPARE(shutdown.admission, Admission::Accepted);
    QVERIFY(shutdown.queued);
    m_backend->setLed(Led::Off);
    m_backend->release();
    QCOMPARE(finished.size(), 2);
    QCOMPARE(finished.at(1).at(0).toULongLong(), shutdown.ticket);
    QCOMPARE(finished.at(1).at(1).value<Outcome>(), Outcome::Completed);
    QVERIFY(messages().contains(u"GracefulShutdown: the host is already off, nothing to do"_s));
    QCOMPARE(m_backend->presses.size(), 1);
    QVERIFY(!power->isBusy());
}

void tst_PowerController::theQueueIsBounded()
{
    PowerController *power = makeController(Led::Off);
    const Actor ops = Actor::redfish(u"ops"_s);
    QCOMPARE(power->request(Action::On, ops), Admission::Accepted);
    for (int i = 0; i < PowerController::maxQueued; ++i)
        QCOMPARE(power->request(Action::PowerCycle, ops), Admission::Accepted);
    QCOMPARE(power->request(Action::PowerCycle, ops), Admission::Busy);
    QCOMPARE(power->queuedActions().size(), PowerController::maxQueued);
}

void tst_PowerController::aFailedActionDropsTheQueue()
{
    m_timings.onTimeout = 50ms;
    PowerController *power = makeController(Led::Off);
    const Actor ops = Actor::redfish(u"ops"_s);
    QSignalSpy finished(power, &PowerController::requestFinished);
    QCOMPARE(power->request(Action::On, ops), Admission::Accepted);
    const quint64 queued = power->submit(Action::GracefulRestart, ops).ticket;
    m_backend->release();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 5000);
    QCOMPARE(finished.at(0).at(1).value<Outcome>(), Outcome::TimedOut);
    QCOMPARE(finished.at(1).at(0).toULongLong(), queued);
    QCOMPARE(finished.at(1).at(1).value<Outcome>(), Outcome::Cancelled);
    QCOMPARE(finished.at(1).at(2).toString(), u"On before it did not complete"_s);
    QVERIFY(messages().contains(u"GracefulRestart was not run: On before it did not complete"_s));
    QCOMPARE(m_backend->presses.size(), 1);
    QVERIFY(!power->isBusy());
}

void tst_PowerController::aQueuedRequestCanBeCancelled()
{
    PowerController *power = makeController(Led::Off);
    const Actor ops = Actor::redfish(u"ops"_s);
    QSignalSpy finished(power, &PowerController::requestFinished);
    const quint64 running = power->submit(Action::On, ops).ticket;
    const quint64 queued = power->submit(Action::ForceOff, ops).ticket;
    QVERIFY(!power->cancel(running, ops)); // a held button cannot be taken back
    QVERIFY(power->cancel(queued, Actor::redfish(u"admin"_s)));
    QVERIFY(!power->cancel(queued, ops));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(1).value<Outcome>(), Outcome::Cancelled);
    QVERIFY(messages().contains(u"ForceOff from redfish:ops cancelled before it ran"_s));
    m_backend->release();
    m_backend->setLed(Led::On);
    QCOMPARE(m_backend->presses.size(), 1);
    QVERIFY(!power->isBusy());

    // Off with a power-on queued reads PoweringOn; without it, Off again.
    QCOMPARE(power->request(Action::ForceOff, ops), Admission::Accepted);
    const quint64 on = power->submit(Action::On, ops).ticket;
    m_backend->setLed(Led::Off);
    QCOMPARE(power->state(), State::PoweringOn);
    QVERIFY(power->cancel(on, ops));
    QCOMPARE(power->state(), State::Off);
}

void tst_PowerController::forcedActionCutsShortGracefulWait()
{
    PowerController *power = makeController(Led::On);
    QSignalSpy finished(power, &PowerController::actionFinished);
    QCOMPARE(power->request(Action::GracefulShutdown, Actor::redfish(u"ironic"_s)), Admission::Accepted);
    m_backend->release();

    // The OS is taking its time: another graceful request or On is still refused ...
    QCOMPARE(power->request(Action::GracefulShutdown, Actor::screen()), Admission::Busy);
    QCOMPARE(power->request(Action::On, Actor::screen()), Admission::Busy);
    // ... but a forced one takes over.
    QCOMPARE(power->request(Action::ForceOff, Actor::redfish(u"ironic"_s)), Admission::Accepted);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).value<Action>(), Action::GracefulShutdown);
    QCOMPARE(finished.at(0).at(2).value<Outcome>(), Outcome::Interrupted);
    QCOMPARE(power->currentAction(), Action::ForceOff);
    QCOMPARE(m_backend->presses.last(), (Press{Button::Power, 5500ms}));
    QVERIFY(messages().contains(u"GracefulShutdown was cut short: ForceOff from redfish:ironic took over"_s));

    m_backend->setLed(Led::Off);
    m_backend->release();
    QCOMPARE(finished.size(), 2);
    QCOMPARE(finished.at(1).at(2).value<Outcome>(), Outcome::Completed);
}

void tst_PowerController::gracefulPressIsNotInterruptible()
{
    PowerController *power = makeController(Led::On);
    QCOMPARE(power->request(Action::GracefulRestart, Actor::screen()), Admission::Accepted);
    // The button is still held: nothing may start another press now.
    QCOMPARE(power->request(Action::ForceOff, Actor::screen()), Admission::Busy);
    m_backend->release();
    QCOMPARE(power->request(Action::ForceRestart, Actor::screen()), Admission::Accepted);
    QCOMPARE(m_backend->presses.last().button, Button::Reset);
}

void tst_PowerController::waitForLedTimesOut()
{
    m_timings.onTimeout = 50ms;
    PowerController *power = makeController(Led::Off);
    QSignalSpy finished(power, &PowerController::actionFinished);
    QCOMPARE(power->request(Action::On, Actor::ipmi(u"admin"_s)), Admission::Accepted);
    m_backend->release();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QCOMPARE(finished.at(0).at(2).value<Outcome>(), Outcome::TimedOut);
    QCOMPARE(power->state(), State::Off);
    QVERIFY(!power->isBusy());
    const EventLogEntry last = m_log->entries().last();
    QCOMPARE(last.severity, EventLogEntry::Severity::Warning);
    QCOMPARE(last.actor, Actor::ipmi(u"admin"_s));
    QCOMPARE(last.message, u"On did not complete: the power LED did not come on within 0.05 s"_s);
    QCOMPARE(last.kind, EventLogEntry::Kind::PowerActionFailed);
    QVERIFY(power->lastActionFailed());
    // The next action that works clears it.
    QCOMPARE(power->request(Action::On, Actor::screen()), Admission::Accepted);
    m_backend->release();
    m_backend->setLed(Led::On);
    QVERIFY(!power->lastActionFailed());
}

void tst_PowerController::gracefulShutdownTimeoutReturnsToOn()
{
    m_timings.gracefulTimeout = 50ms;
    PowerController *power = makeController(Led::On);
    QSignalSpy finished(power, &PowerController::actionFinished);
    power->request(Action::GracefulShutdown, Actor::screen());
    m_backend->release();
    QCOMPARE(power->state(), State::PoweringOff);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QCOMPARE(finished.at(0).at(2).value<Outcome>(), Outcome::TimedOut);
    QCOMPARE(power->state(), State::On);
    QCOMPARE(m_log->entries().last().message,
             u"GracefulShutdown did not complete: the power LED did not go off within 0.05 s"_s);
}

void tst_PowerController::hostStartingMarksBootsQbmcStarts()
{
    PowerController *power = makeController(Led::Off);
    QSignalSpy starting(power, &PowerController::hostStarting);

    power->request(Action::PushPowerButton, Actor::screen()); // off: this press boots the host
    QCOMPARE(starting.size(), 1);
    m_backend->release();
    m_backend->setLed(Led::On);

    power->request(Action::PushPowerButton, Actor::screen()); // on: it asks the OS to shut down
    m_backend->release();
    power->request(Action::ForceOff, Actor::screen());
    m_backend->release();
    m_backend->setLed(Led::Off);
    QCOMPARE(starting.size(), 1);

    power->request(Action::On, Actor::ipmi(u"admin"_s));
    QCOMPARE(starting.size(), 2);
    QCOMPARE(starting.last().at(0).value<Actor>(), Actor::ipmi(u"admin"_s));
    m_backend->release();
    m_backend->setLed(Led::On);

    power->request(Action::ForceRestart, Actor::screen());
    QCOMPARE(starting.size(), 3);
    m_backend->release();

    power->request(Action::PowerCycle, Actor::screen());
    QCOMPARE(starting.size(), 3); // not at the power-off press ...
    m_backend->setLed(Led::Off);
    m_backend->release();
    QTRY_COMPARE_WITH_TIMEOUT(starting.size(), 4, 2000); // ... but at the power-on press
}

void tst_PowerController::eventLogCarriesTheActor()
{
    PowerController *power = makeController(Led::Off);
    const Actor alice = Actor::ipmi(u"alice"_s);
    power->request(Action::On, alice);
    m_backend->release();
    m_backend->setLed(Led::On);

    // The host's OS powers off by itself: nobody at the BMC did it.
    m_backend->setLed(Led::Off);

    const QList<EventLogEntry> entries = m_log->entries();
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(0).message, u"On requested"_s);
    QCOMPARE(entries.at(0).actor, alice);
    QCOMPARE(entries.at(1).message, u"Host powered on"_s);
    QCOMPARE(entries.at(1).actor, alice);
    QCOMPARE(entries.at(2).message, u"Host powered off"_s);
    QCOMPARE(entries.at(2).actor, Actor::host());
}

void tst_PowerController::alreadyDoneIsLoggedAndRecorded()
{
    PowerController *power = makeController(Led::On);
    QSignalSpy last(power, &PowerController::lastRequestChanged);
    QCOMPARE(power->request(Action::On, Actor::redfish(u"ops"_s)), Admission::AlreadyDone);
    QCOMPARE(m_log->entries().last().message, u"On requested; the host is already on, nothing to do"_s);
    QCOMPARE(last.size(), 1);
    QCOMPARE(power->lastRequest()->action, Action::On);
    QCOMPARE(power->lastRequest()->actor, Actor::redfish(u"ops"_s));
    QVERIFY(m_backend->presses.isEmpty());
}

void tst_PowerController::refusalsStayOutOfTheEventLog()
{
    PowerController *power = makeController(Led::Off);
    QCOMPARE(power->request(Action::ForceRestart, Actor::screen()), Admission::InvalidInState);
    QCOMPARE(m_log->count(), 0);
    QVERIFY(!power->lastRequest());
}

void tst_PowerController::unknownPowerLed()
{
    PowerController *power = makeController(Led::Unknown);
    QCOMPARE(power->state(), State::Unknown);
    QCOMPARE(power->request(Action::On, Actor::screen()), Admission::InvalidInState);

    m_backend->setLed(Led::On);
    QCOMPARE(power->state(), State::On);
    m_backend->setLed(Led::Unknown);
    QCOMPARE(power->state(), State::Unknown);
    QCOMPARE(m_log->entries().last().severity, EventLogEntry::Severity::Warning);
    QCOMPARE(m_log->entries().last().message, u"Host power state unknown: the power LED cannot be read"_s);
}

void tst_PowerController::names()
{
    QCOMPARE(PowerController::actionName(Action::GracefulShutdown), u"GracefulShutdown"_s);
    QCOMPARE(PowerController::actionFromName(u"PushPowerButton"_s), Action::PushPowerButton);
    QCOMPARE(PowerController::actionFromName(u"Explode"_s), std::nullopt);
    QCOMPARE(PowerController::stateName(State::PoweringOn), u"PoweringOn"_s);
}

QTEST_GUILESS_MAIN(tst_PowerController)
#include "tst_powercontroller.moc"
