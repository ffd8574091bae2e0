#pragma once

#include "Actor.h"
#include "HostBackend.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <optional>

class EventLog;

// The host's power, as every face sees and changes it. Actions are named as in Redfish and become
// sequences of backend primitives: presses, pauses and waits on the power LED. One action runs at
// a time. A request from the user whose action runs (or waits) is queued behind it, so a script's
// "ForceOff, then On" works on any face without sleeps; someone else's request is refused as
// Busy, naming what runs, except that a forced action may cut short an action that is only
// waiting for the host's OS to shut down (docs/decisions.md#105). Requests that make no sense in
// the state the host is in, or will be in once the queue has run, get their own answer, and
// already-satisfied requests succeed as no-ops (docs/decisions.md#24 to #28). Each accepted
// request has a ticket whose start and end are signalled, for faces that report progress
// (Redfish tasks). Every request and state change lands in the event log with its actor.
class PowerController : public QObject
{
    Q_OBJECT
    // State and Action share names (On): QML reaches them only as Power.State.On, Power.Action.On.
    Q_CLASSINFO("RegisterEnumClassesUnscoped", "false")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
public:
    enum class State { Unknown, Off, PoweringOn, On, PoweringOff };
    Q_ENUM(State)

    enum class Action {
        On,
        ForceOn,
        ForceOff,
        GracefulShutdown,
        GracefulRestart,
        ForceRestart,
        PowerCycle,
        PushPowerButton,
        Nmi,
    };
    Q_ENUM(Action)

    // The immediate answer to a request; the end of an accepted action comes as actionFinished().
    enum class Admission {
        Accepted, // started, or queued behind the same user's action

        AlreadyDone,    // nothing to do, e.g. On while on: success, logged (IPMI 0x00, Redfish 204)
        Busy,           // another action runs (IPMI 0xC0, Redfish 409)
        InvalidInState, // e.g. ForceRestart while off (IPMI 0xD5, Redfish 409)
        Unsupported,    // the wiring cannot do it, e.g. Nmi on an ATX header (IPMI 0xD5)
    };
    Q_ENUM(Admission)

    enum class Outcome {
        Completed,
        TimedOut,    // the power LED did not reach the expected state in time
        Interrupted, // a forced action took over
        Cancelled,   // dropped from the queue before it ran
    };
    Q_ENUM(Outcome)

    struct Timings
    {
        std::chrono::milliseconds shortPress{100};
        std::chrono::milliseconds longPress{5500};
        std::chrono::milliseconds resetPress{100};
        std::chrono::milliseconds onTimeout{10'000};
        std::chrono::milliseconds offTimeout{10'000};
        std::chrono::milliseconds gracefulTimeout{120'000};
        std::chrono::milliseconds cycleDelay{3000};
    };

    struct Request
    {
        Action action = Action::On;
        Actor actor;
        QDateTime time; // UTC
    };

    // What request() answered, with the ticket of an accepted request (0 otherwise).
    struct Submission
    {
        Admission admission = Admission::Busy;
        quint64 ticket = 0;
        bool queued = false; // accepted behind another action rather than started
    };

    // Requests waiting behind the running action; more are refused as Busy.
    static constexpr int maxQueued = 8;

    PowerController(HostBackend *backend, EventLog *eventLog, Timings timings, QObject *parent = nullptr);

    State state() const { return m_state; }
    bool isBusy() const { return m_running.has_value(); }
    std::optional<Action> currentAction() const;
    // The last accepted or already-satisfied request: what the screen shows as "who did it".
    std::optional<Request> lastRequest() const { return m_lastRequest; }
    // The last action that ran ended without its power change (IPMI's "power control fault").
    bool lastActionFailed() const { return m_lastActionFailed; }

    bool isSupported(Action action) const;
    QList<Action> supportedActions() const;

    Submission submit(Action action, const Actor &actor);
    Admission request(Action action, const Actor &actor) { return submit(action, actor).admission; }
    // Drops a request that is still queued; false once it has started, or for an unknown ticket.
    bool cancel(quint64 ticket, const Actor &actor);
    // The actions waiting behind the running one, in the order they will run.
    QList<Action> queuedActions() const;
    // Who asked for the running action (meaningful while busy).
    std::optional<Actor> currentActor() const;

    static QString actionName(Action action);
    static std::optional<Action> actionFromName(const QString &name);
    static QString stateName(State state);

signals:
    void stateChanged(PowerController::State state);
    void busyChanged(bool busy);
    void lastRequestChanged();
    void actionStarted(PowerController::Action action, const Actor &actor);
    void actionFinished(PowerController::Action action, const Actor &actor, PowerController::Outcome outcome);
    // A ticket's request began to run (at once, or when its turn in the queue came).
    void requestStarted(quint64 ticket);
    // A ticket's request ended; `detail` says why when it did not complete.
    void requestFinished(quint64 ticket, PowerController::Outcome outcome, const QString &detail);
    void queueChanged();
    // qbmc pressed power on an off host, or reset: the host is starting, so a Once boot override
    // is used up.
    void hostStarting(const Actor &actor);

private:
    struct Step
    {
        enum class Kind { Press, WaitForLed, Pause, Nmi };
        Kind kind = Kind::Pause;
        HostBackend::Button button = HostBackend::Button::Power;
        std::chrono::milliseconds duration{0}; // press length, pause, or how long to wait
        State heading = State::Unknown;        // On or Off while this step moves the host there
        bool startsHost = false;
        bool interruptible = false; // waiting on the host's OS, which a forced action may cut short
    };
    struct Run
    {
        Action action;
        Actor actor;
        quint64 ticket = 0;
        QList<Step> steps;
        qsizetype next = 0;
    };
    struct Pending
    {
        Action action;
        Actor actor;
        quint64 ticket = 0;
    };

    QList<Step> stepsFor(Action action, State stableState) const;
    Admission admit(Action action, State stableState) const;
    State stableState() const;
    // The state the host should be in once the running and queued actions are done.
    State stateAfterQueue() const;
    static State stateAfter(Action action, State before);
    bool chainsOnto(const Actor &actor) const;
    Submission enqueue(Action action, const Actor &actor);
    void logRefusal(Action action, const Actor &actor, Admission admission, State state) const;
    void recordRequest(Action action, const Actor &actor);
    void dropQueue(const QString &reason);
    // A queued request that will not run: a warning, and its ticket ends as cancelled.
    void notRun(const Pending &request, const QString &reason);
    void begin(const Pending &request, State stable, bool afterPowerOff);
    void startNext(Action previous);
    void notifyBusy();
    const Step *currentStep() const;
    void runNextStep();
    void onPowerLedChanged();
    void onPressFinished(HostBackend::Button button);
    void onStepTimer();
    void finish(Outcome outcome, const QString &detail = {});
    void updateState();
    void logStableState(State state);

    HostBackend *m_backend;
    EventLog *m_eventLog;
    Timings m_timings;
    State m_state = State::Unknown;
    State m_loggedStableState = State::Unknown;
    std::optional<Run> m_running;
    QList<Pending> m_queue;
    quint64 m_lastTicket = 0;
    bool m_notifiedBusy = false;
    std::optional<Request> m_lastRequest;
    bool m_lastActionFailed = false;
    QTimer m_stepTimer;
};
