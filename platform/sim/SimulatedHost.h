#pragma once

#include "Failure.h"
#include "HostBackend.h"
#include "linux/PseudoTerminal.h"
#include "sim/SimulatedConsole.h"
#include "sim/SimulatedDisplay.h"
#include "sim/SimulatedFirmware.h"
#include "sim/SimulatedKeyboard.h"

#include <QTimer>

#include <chrono>

// A virtual server behind a virtual ATX header, with its serial console on a pseudo-terminal:
// the backend qbmc uses when nothing is wired, so it runs on any Linux machine.
class SimulatedHost : public HostBackend
{
    Q_OBJECT
public:
    struct Timings
    {
        std::chrono::milliseconds powerOnDelay{1000}; // power LED comes on this long after a short press while off
        std::chrono::milliseconds shutdownDelay{
            2000}; // a short press while on: the OS shuts down gracefully, LED off after this
        std::chrono::milliseconds forceOffHold{
            4000}; // holding the power button this long while on cuts power at once (as a real ATX PSU does at 4 s)
        std::chrono::milliseconds setupWait{2000}; // the firmware offers its setup this long at power-on
    };

    // `firmwareSettingsPath` keeps what the firmware's setup saves; empty keeps it in memory.
    SimulatedHost(Timings timings, bool hasNmi, const QString &firmwareSettingsPath = {}, QObject *parent = nullptr);

    // Opens the pseudo-terminal that carries the host's serial console.
    std::optional<Failure> start();
    QString consolePath() const;
    // A serial break arriving at the host; a pty cannot carry one, so the console seam calls this.
    void sendBreak();

    Capabilities capabilities() const override;
    LedState powerLed() const override;
    LedState hddLed() const override { return m_hddLed; }
    void press(Button button, std::chrono::milliseconds duration) override;
    bool isPressing(Button button) const override;
    void pulseNmi() override;
    QString description() const override;
    const SimulatedFirmware &firmware() const { return m_firmware; }
    void setBootSources(SimulatedFirmware::BootSources sources) { m_firmware.setBootSources(std::move(sources)); }
    // What a KVM sees and drives of the host.
    SimulatedDisplay *display() { return &m_display; }
    SimulatedKeyboard *keyboard() { return &m_keyboard; }

private:
    enum class PowerState { Off, PoweringOn, On, ShuttingDown };

    void releasePower();
    void shortPowerPressed();
    void releaseReset();
    void powerButtonHeld();
    void finishPowerOn();
    void cutPower();
    void setPowerState(PowerState state);
    void setHddLed(LedState state);

    const Timings m_timings;
    const bool m_hasNmi;
    PowerState m_powerState = PowerState::Off;
    LedState m_hddLed = LedState::Off;
    bool m_powerPressIsLong = false;

    PseudoTerminal m_terminal{this};
    SimulatedFirmware m_firmware;
    SimulatedConsole m_console{&m_terminal, &m_firmware, this};
    SimulatedDisplay m_display{&m_terminal, &m_console, &m_firmware, this};
    SimulatedKeyboard m_keyboard{&m_console, &m_display, this};
    QTimer m_powerRelease{this};
    QTimer m_resetRelease{this};
    QTimer m_forceOffHold{this};
    QTimer m_powerOnDelay{this};
    QTimer m_shutdownDelay{this};
};
