#include "PowerController.h"

#include "CoreLogging.h"
#include "EventLog.h"

#include <QMetaEnum>

#include <utility>

using namespace Qt::StringLiterals;

namespace {
using Button = HostBackend::Button;
using LedState = HostBackend::LedState;

QString secondsText(std::chrono::milliseconds duration)
{
    return QString::number(std::chrono::duration<double>(duration).count());
}

QString nothingToDo(PowerController::State stable)
{
    return stable == PowerController::State::On ? u"the host is already on, nothing to do"_s
                                                : u"the host is already off, nothing to do"_s;
}
} // namespace

PowerController::PowerController(HostBackend *backend, EventLog *eventLog, Timings timings, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_eventLog(eventLog)
    , m_timings(timings)
{
    m_stepTimer.setSingleShot(true);
    connect(&m_stepTimer, &QTimer::timeout, this, &PowerController::onStepTimer);
    connect(m_backend, &HostBackend::powerLedChanged, this, &PowerController::onPowerLedChanged);
    connect(m_backend, &HostBackend::pressFinished, this, &PowerController::onPressFinished);
    m_state = stableState();
    m_loggedStableState = m_state;
}

QString PowerController::actionName(Action action)
{
    return QString::fromLatin1(QMetaEnum::fromType<Action>().valueToKey(int(action)));
}

std::optional<PowerController::Action> PowerController::actionFromName(const QString &name)
{
    bool ok = false;
    const int value = QMetaEnum::fromType<Action>().keyToValue(name.toLatin1().constData(), &ok);
    return ok ? std::optional<Action>(Action(value)) : std::nullopt;
}

QString PowerController::stateName(State state)
{
    return QString::fromLatin1(QMetaEnum::fromType<State>().valueToKey(int(state)));
}

std::optional<PowerController::Action> PowerController::currentAction() const
{
    return m_running ? std::optional<Action>(m_running->action) : std::nullopt;
}

bool PowerController::isSupported(Action action) const
{
    switch (action) {
    case Action::Nmi: return m_backend->capabilities().testFlag(HostBackend::Capability::Nmi);
    case Action::ForceRestart: return m_backend->capabilities().testFlag(HostBackend::Capability::ResetButton);
    default: return true;
    }
}

QList<PowerController::Action> PowerController::supportedActions() const
{
    QList<Action> actions;
    const QMetaEnum meta = QMetaEnum::fromType<Action>();
    for (int i = 0; i < meta.keyCount(); ++i) {
        if (isSupported(Action(meta.value(i))))
            actions.append(Action(meta.value(i)));
    }
    return actions;
}

PowerController::State PowerController::stableState() const
{
    switch (m_backend->powerLed()) {
    case LedState::On: return State::On;
    case LedState::Off: return State::Off;
    case LedState::Unknown: return State::Unknown;
    }
    return State::Unknown;
}

PowerController::Admission PowerController::admit(Action action, State stableState) const
{
    if (!isSupported(action))
        return Admission::Unsupported;
    // Without a readable power LED nothing can be waited on; only a bare button press makes sense.
    if (stableState == State::Unknown)
        return action == Action::PushPowerButton ? Admission::Accepted : Admission::InvalidInState;

    switch (action) {
    case Action::On:
    case Action::ForceOn: return stableState == State::On ? Admission::AlreadyDone : Admission::Accepted;
    case Action::ForceOff:
    case Action::GracefulShutdown: return stableState == State::Off ? Admission::AlreadyDone : Admission::Accepted;
    case Action::GracefulRestart:
    case Action::ForceRestart:
    case Action::Nmi: return stableState == State::Off ? Admission::InvalidInState : Admission::Accepted;
    case Action::PowerCycle:
    case Action::PushPowerButton: return Admission::Accepted;
    }
    return Admission::InvalidInState;
}

QList<PowerController::Step> PowerController::stepsFor(Action action, State stableState) const
{
    const auto press = [](Button button, std::chrono::milliseconds duration, State heading, bool startsHost = false) {
        Step step;
        step.kind = Step::Kind::Press;
        step.button = button;
        step.duration = duration;
        step.heading = heading;
        step.startsHost = startsHost;
        return step;
    };
    const auto waitFor = [](State heading, std::chrono::milliseconds timeout, bool interruptible = false) {
        Step step;
        step.kind = Step::Kind::WaitForLed;
        step.duration = timeout;
        step.heading = heading;
        step.interruptible = interruptible;
        return step;
    };
    Step pause;
    pause.kind = Step::Kind::Pause;
    pause.duration = m_timings.cycleDelay;
    Step nmi;
    nmi.kind = Step::Kind::Nmi;

    const Step pressOn = press(Button::Power, m_timings.shortPress, State::On, true);
    const Step waitOn = waitFor(State::On, m_timings.onTimeout);
    const Step pressOff = press(Button::Power, m_timings.longPress, State::Off);
    const Step waitOff = waitFor(State::Off, m_timings.offTimeout);
    const Step requestShutdown = press(Button::Power, m_timings.shortPress, State::Off);
    const Step waitShutdown = waitFor(State::Off, m_timings.gracefulTimeout, true);

    switch (action) {
    case Action::On:
    case Action::ForceOn: return {pressOn, waitOn};
    case Action::ForceOff: return {pressOff, waitOff};
    case Action::GracefulShutdown: return {requestShutdown, waitShutdown};
    case Action::GracefulRestart: return {requestShutdown, waitShutdown, pause, pressOn, waitOn};
    case Action::ForceRestart: return {press(Button::Reset, m_timings.resetPress, State::Unknown, true)};
    case Action::PowerCycle:
        if (stableState == State::Off)
            return {pressOn, waitOn};
        return {pressOff, waitOff, pause, pressOn, waitOn};
    case Action::PushPowerButton:
        return {press(Button::Power, m_timings.shortPress, State::Unknown, stableState == State::Off)};
    case Action::Nmi: return {nmi};
    }
    return {};
}

PowerController::Submission PowerController::submit(Action action, const Actor &actor)
{
    const QString who = actor.toString();
    if (m_running) {
        const Step *step = currentStep();
        const bool forced =
            action == Action::ForceOff || action == Action::ForceRestart || action == Action::PowerCycle;
        if (forced && m_queue.isEmpty() && step && step->interruptible && isSupported(action)) {
            finish(Outcome::Interrupted, u"%1 from %2 took over"_s.arg(actionName(action), who));
        } else {
            if (!chainsOnto(actor) || m_queue.size() >= maxQueued) {
                qCInfo(lcPower, "%s from %s refused: %s from %s is running", qPrintable(actionName(action)),
                       qPrintable(who), qPrintable(actionName(m_running->action)),
                       qPrintable(m_running->actor.toString()));
                return {Admission::Busy};
            }
            return enqueue(action, actor);
        }
    }

    const State stable = stableState();
    const Admission admission = admit(action, stable);
    if (admission == Admission::Unsupported || admission == Admission::InvalidInState) {
        logRefusal(action, actor, admission, stable);
        return {admission};
    }
    recordRequest(action, actor);
    if (admission == Admission::AlreadyDone) {
        m_eventLog->info(actor, u"%1 requested; %2"_s.arg(actionName(action), nothingToDo(stable)));
        return {admission};
    }

    m_eventLog->info(actor, u"%1 requested"_s.arg(actionName(action)));
    const Pending request{action, actor, ++m_lastTicket};
    begin(request, stable, false);
    return {Admission::Accepted, request.ticket, false};
}

PowerController::Submission PowerController::enqueue(Action action, const Actor &actor)
{
    // Judged against the state the queue leaves the host in: "ForceOff, then ForceRestart" is
    // refused now, while the user can still act on it, not when its turn comes.
    const State expected = stateAfterQueue();
    const Admission admission = expected == State::Unknown
        ? (isSupported(action) ? Admission::Accepted : Admission::Unsupported)
        : admit(action, expected);
    if (admission == Admission::Unsupported || admission == Admission::InvalidInState) {
        logRefusal(action, actor, admission, expected);
        return {admission};
    }
    recordRequest(action, actor);
    const Action before = m_queue.isEmpty() ? m_running->action : m_queue.constLast().action;
    m_eventLog->info(actor, u"%1 requested; it runs after %2"_s.arg(actionName(action), actionName(before)));
    m_queue.append(Pending{action, actor, ++m_lastTicket});
    emit queueChanged();
    updateState();
    return {Admission::Accepted, m_lastTicket, true};
}

void PowerController::logRefusal(Action action, const Actor &actor, Admission admission, State state) const
{
    qCInfo(lcPower, "%s from %s refused: %s while the host is %s", qPrintable(actionName(action)),
           qPrintable(actor.toString()),
           admission == Admission::Unsupported ? "not supported by this wiring" : "not possible",
           qPrintable(stateName(state)));
}

void PowerController::recordRequest(Action action, const Actor &actor)
{
    m_lastRequest = Request{action, actor, QDateTime::currentDateTimeUtc()};
    emit lastRequestChanged();
}

bool PowerController::chainsOnto(const Actor &actor) const
{
    const Actor &last = m_queue.isEmpty() ? m_running->actor : m_queue.constLast().actor;
    return !actor.user.isEmpty() && actor.user == last.user;
}

PowerController::State PowerController::stateAfter(Action action, State before)
{
    switch (action) {
    case Action::On:
    case Action::ForceOn:
    case Action::GracefulRestart:
    case Action::ForceRestart:
    case Action::PowerCycle: return State::On;
    case Action::ForceOff:
    case Action::GracefulShutdown: return State::Off;
    case Action::Nmi: return before;
    case Action::PushPowerButton: return State::Unknown; // what the OS makes of a press is its own
    }
    return State::Unknown;
}

PowerController::State PowerController::stateAfterQueue() const
{
    State state = stableState();
    if (m_running)
        state = stateAfter(m_running->action, state);
    for (const Pending &pending : m_queue)
        state = stateAfter(pending.action, state);
    return state;
}

QList<PowerController::Action> PowerController::queuedActions() const
{
    QList<Action> actions;
    for (const Pending &pending : m_queue)
        actions.append(pending.action);
    return actions;
}

std::optional<Actor> PowerController::currentActor() const
{
    return m_running ? std::optional<Actor>(m_running->actor) : std::nullopt;
}

bool PowerController::cancel(quint64 ticket, const Actor &actor)
{
    for (qsizetype i = 0; i < m_queue.size(); ++i) {
        if (m_queue.at(i).ticket != ticket)
            continue;
        const Pending cancelled = m_queue.takeAt(i);
        m_eventLog->info(
            actor,
            u"%1 from %2 cancelled before it ran"_s.arg(actionName(cancelled.action), cancelled.actor.toString()));
        emit queueChanged();
        updateState();
        emit requestFinished(ticket, Outcome::Cancelled, u"cancelled by %1"_s.arg(actor.toString()));
        return true;
    }
    return false;
}

void PowerController::begin(const Pending &request, State stable, bool afterPowerOff)
{
    QList<Step> steps = stepsFor(request.action, stable);
    // A power supply that was just switched off gets the same rest before it starts again as
    // within a PowerCycle.
    if (afterPowerOff && !steps.isEmpty() && steps.constFirst().startsHost) {
        Step pause;
        pause.kind = Step::Kind::Pause;
        pause.duration = m_timings.cycleDelay;
        steps.prepend(pause);
    }
    m_running = Run{request.action, request.actor, request.ticket, steps, 0};
    notifyBusy();
    emit actionStarted(request.action, request.actor);
    emit requestStarted(request.ticket);
    runNextStep();
}

void PowerController::startNext(Action previous)
{
    // Each queued request is judged again against the host as it is now; begin() may finish at
    // once (an NMI) and start the next one itself, hence the check on m_running.
    while (!m_running && !m_queue.isEmpty()) {
        const Pending next = m_queue.takeFirst();
        emit queueChanged();
        const State stable = stableState();
        const Admission admission = admit(next.action, stable);
        if (admission == Admission::AlreadyDone) {
            m_eventLog->info(next.actor, u"%1: %2"_s.arg(actionName(next.action), nothingToDo(stable)));
            emit requestStarted(next.ticket);
            emit requestFinished(next.ticket, Outcome::Completed, {});
            continue;
        }
        if (admission != Admission::Accepted) {
            notRun(next, u"the host is %1"_s.arg(stateName(stable)));
            continue;
        }
        begin(next, stable, previous == Action::ForceOff || previous == Action::GracefulShutdown);
        previous = next.action;
    }
}

void PowerController::notifyBusy()
{
    const bool busy = m_running.has_value();
    if (busy == m_notifiedBusy)
        return;
    m_notifiedBusy = busy;
    emit busyChanged(busy);
}

const PowerController::Step *PowerController::currentStep() const
{
    if (!m_running || m_running->next == 0)
        return nullptr;
    return &m_running->steps.at(m_running->next - 1);
}

void PowerController::runNextStep()
{
    // Steps that complete at once (a wait already satisfied, an NMI pulse) loop here rather than
    // recurse.
    while (m_running) {
        if (m_running->next >= m_running->steps.size()) {
            finish(Outcome::Completed);
            return;
        }
        const Step step = m_running->steps.at(m_running->next++);
        updateState();
        switch (step.kind) {
        case Step::Kind::Press:
            if (step.startsHost)
                emit hostStarting(m_running->actor);
            m_backend->press(step.button, step.duration);
            return;
        case Step::Kind::WaitForLed:
            if (stableState() == step.heading)
                continue;
            m_stepTimer.start(step.duration);
            return;
        case Step::Kind::Pause: m_stepTimer.start(step.duration); return;
        case Step::Kind::Nmi: m_backend->pulseNmi(); continue;
        }
    }
}

void PowerController::onPressFinished(HostBackend::Button button)
{
    const Step *step = currentStep();
    if (step && step->kind == Step::Kind::Press && step->button == button)
        runNextStep();
}

void PowerController::onPowerLedChanged()
{
    updateState();
    const Step *step = currentStep();
    if (step && step->kind == Step::Kind::WaitForLed && stableState() == step->heading) {
        m_stepTimer.stop();
        runNextStep();
    }
}

void PowerController::onStepTimer()
{
    const Step *step = currentStep();
    if (!step)
        return;
    if (step->kind == Step::Kind::Pause) {
        runNextStep();
    } else if (step->kind == Step::Kind::WaitForLed) {
        finish(Outcome::TimedOut,
               u"the power LED did not %1 within %2 s"_s.arg(step->heading == State::On ? u"come on"_s : u"go off"_s,
                                                             secondsText(step->duration)));
    }
}

void PowerController::finish(Outcome outcome, const QString &detail)
{
    const Run run = std::move(*m_running);
    m_running.reset();
    m_stepTimer.stop();
    if (outcome != Outcome::Interrupted)
        m_lastActionFailed = outcome == Outcome::TimedOut;

    switch (outcome) {
    case Outcome::Completed:
        qCInfo(lcPower, "%s from %s completed", qPrintable(actionName(run.action)), qPrintable(run.actor.toString()));
        break;
    case Outcome::TimedOut:
        m_eventLog->add(EventLogEntry::Severity::Warning, EventLogEntry::Kind::PowerActionFailed, run.actor,
                        u"%1 did not complete: %2"_s.arg(actionName(run.action), detail));
        break;
    case Outcome::Interrupted:
        m_eventLog->info(run.actor, u"%1 was cut short: %2"_s.arg(actionName(run.action), detail));
        break;
    case Outcome::Cancelled: break;
    }
    updateState();
    emit actionFinished(run.action, run.actor, outcome);
    emit requestFinished(run.ticket, outcome, detail);
    if (outcome == Outcome::TimedOut)
        dropQueue(u"%1 before it did not complete"_s.arg(actionName(run.action)));
    startNext(run.action);
    notifyBusy();
}

void PowerController::dropQueue(const QString &reason)
{
    const QList<Pending> dropped = std::exchange(m_queue, {});
    if (dropped.isEmpty())
        return;
    emit queueChanged();
    for (const Pending &pending : dropped)
        notRun(pending, reason);
}

void PowerController::notRun(const Pending &request, const QString &reason)
{
    m_eventLog->add(EventLogEntry::Severity::Warning, EventLogEntry::Kind::PowerActionFailed, request.actor,
                    u"%1 was not run: %2"_s.arg(actionName(request.action), reason));
    emit requestFinished(request.ticket, Outcome::Cancelled, reason);
}

void PowerController::updateState()
{
    const State stable = stableState();
    if (stable != m_loggedStableState)
        logStableState(stable);

    // In transition while the running step moves the host, or, when it does not, while the rest
    // of the action or the queue will: "Off" in the pause of a PowerCycle, or with a power-on
    // queued, would tell a script that reads the state before its next request that nothing is
    // coming (decisions.md#105).
    const Step *step = currentStep();
    State heading = step ? step->heading : State::Unknown;
    if (m_running && (heading == State::Unknown || heading == stable))
        heading = stateAfterQueue();
    State state = stable;
    if (heading != State::Unknown && stable != State::Unknown && stable != heading)
        state = heading == State::On ? State::PoweringOn : State::PoweringOff;
    if (state != m_state) {
        m_state = state;
        qCDebug(lcPower, "state %s", qPrintable(stateName(state)));
        emit stateChanged(state);
    }
}

void PowerController::logStableState(State state)
{
    m_loggedStableState = state;
    const Actor actor = m_running ? m_running->actor : Actor::host();
    switch (state) {
    case State::On:
        m_eventLog->add(EventLogEntry::Severity::Info, EventLogEntry::Kind::HostPoweredOn, actor, u"Host powered on"_s);
        break;
    case State::Off:
        m_eventLog->add(EventLogEntry::Severity::Info, EventLogEntry::Kind::HostPoweredOff, actor,
                        u"Host powered off"_s);
        break;
    default: m_eventLog->warning(actor, u"Host power state unknown: the power LED cannot be read"_s); break;
    }
}
