#include "SimulatedHost.h"

#include "PlatformLogging.h"

SimulatedHost::SimulatedHost(Timings timings, bool hasNmi, const QString &firmwareSettingsPath, QObject *parent)
    : HostBackend(parent)
    , m_timings(timings)
    , m_hasNmi(hasNmi)
    , m_firmware(&m_terminal, firmwareSettingsPath, timings.setupWait, this)
{
    // Coarse timers may fire 5 % early or late, enough to reorder a 4.1 s press and the 4 s hold.
    const auto setUp = [this](QTimer &timer, void (SimulatedHost::*onTimeout)()) {
        timer.setSingleShot(true);
        timer.setTimerType(Qt::PreciseTimer);
        timer.callOnTimeout(this, onTimeout);
    };
    setUp(m_powerRelease, &SimulatedHost::releasePower);
    setUp(m_resetRelease, &SimulatedHost::releaseReset);
    setUp(m_forceOffHold, &SimulatedHost::powerButtonHeld);
    setUp(m_powerOnDelay, &SimulatedHost::finishPowerOn);
    setUp(m_shutdownDelay, &SimulatedHost::cutPower);

    connect(&m_console, &SimulatedConsole::stateChanged, this, [this](SimulatedConsole::State state) {
        setHddLed(state == SimulatedConsole::State::Booting ? LedState::On : LedState::Off);
    });
}

std::optional<Failure> SimulatedHost::start()
{
    if (auto failure = m_terminal.open())
        return failure;
    qCInfo(lcSim).noquote() << "simulated host console:" << m_terminal.slavePath();
    return std::nullopt;
}

QString SimulatedHost::consolePath() const
{
    return m_terminal.slavePath();
}

void SimulatedHost::sendBreak()
{
    qCDebug(lcSim) << "serial break";
    m_console.breakReceived();
}

HostBackend::Capabilities SimulatedHost::capabilities() const
{
    Capabilities capabilities = Capability::ResetButton | Capability::HddLed;
    if (m_hasNmi)
        capabilities |= Capability::Nmi;
    return capabilities;
}

HostBackend::LedState SimulatedHost::powerLed() const
{
    return m_powerState == PowerState::On || m_powerState == PowerState::ShuttingDown ? LedState::On : LedState::Off;
}

void SimulatedHost::press(Button button, std::chrono::milliseconds duration)
{
    if (isPressing(button)) {
        qCWarning(lcSim) << button << "button is already being pressed; press refused";
        return;
    }
    qCDebug(lcSim) << "pressing" << button << "for" << duration.count() << "ms";
    if (button == Button::Reset) {
        m_resetRelease.start(duration);
        return;
    }
    m_powerPressIsLong = duration >= m_timings.forceOffHold;
    if (m_powerPressIsLong)
        m_forceOffHold.start(m_timings.forceOffHold);
    m_powerRelease.start(duration);
}

bool SimulatedHost::isPressing(Button button) const
{
    return (button == Button::Power ? m_powerRelease : m_resetRelease).isActive();
}

void SimulatedHost::pulseNmi()
{
    if (!m_hasNmi) {
        qCWarning(lcSim) << "NMI requested, but this simulated host has no NMI line";
        return;
    }
    qCInfo(lcSim) << "NMI";
    m_console.nmi();
}

QString SimulatedHost::description() const
{
    return QStringLiteral("simulated host");
}

void SimulatedHost::releasePower()
{
    if (m_forceOffHold.isActive()) { // a press exactly as long as the hold: equal deadlines
        m_forceOffHold.stop();
        powerButtonHeld();
    }
    if (!m_powerPressIsLong)
        shortPowerPressed();
    emit pressFinished(Button::Power);
}

void SimulatedHost::shortPowerPressed()
{
    switch (m_powerState) {
    case PowerState::Off:
        qCInfo(lcSim) << "power button: powering on";
        setPowerState(PowerState::PoweringOn);
        m_powerOnDelay.start(m_timings.powerOnDelay);
        break;
    case PowerState::On:
        qCInfo(lcSim) << "power button: graceful shutdown";
        setPowerState(PowerState::ShuttingDown);
        m_console.shutdown();
        m_shutdownDelay.start(m_timings.shutdownDelay);
        break;
    case PowerState::PoweringOn:
    case PowerState::ShuttingDown: qCDebug(lcSim) << "power button ignored: already changing power state"; break;
    }
}

void SimulatedHost::releaseReset()
{
    if (powerLed() == LedState::On) {
        qCInfo(lcSim) << "reset button: rebooting";
        m_shutdownDelay.stop();
        setPowerState(PowerState::On);
        m_console.reboot();
    }
    emit pressFinished(Button::Reset);
}

void SimulatedHost::powerButtonHeld()
{
    if (m_powerState == PowerState::Off)
        return;
    qCInfo(lcSim) << "power button held" << m_timings.forceOffHold.count() << "ms: forcing off";
    cutPower();
}

void SimulatedHost::finishPowerOn()
{
    qCInfo(lcSim) << "powered on";
    setPowerState(PowerState::On);
    m_console.powerOn();
}

void SimulatedHost::cutPower()
{
    qCInfo(lcSim) << "powered off";
    m_powerOnDelay.stop();
    m_shutdownDelay.stop();
    m_console.powerOff();
    setPowerState(PowerState::Off);
}

void SimulatedHost::setPowerState(PowerState state)
{
    const LedState before = powerLed();
    m_powerState = state;
    if (powerLed() != before)
        emit powerLedChanged(powerLed());
}

void SimulatedHost::setHddLed(LedState state)
{
    if (m_hddLed == state)
        return;
    m_hddLed = state;
    emit hddLedChanged(state);
}
