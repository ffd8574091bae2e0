#pragma once

#include "Failure.h"
#include "GpioChip.h"
#include "HostBackend.h"

#include <QTimer>

#include <chrono>
#include <memory>

// A server's ATX front-panel header on GPIO lines: two outputs press the power and reset buttons
// (through an optocoupler or transistor), two inputs watch the power and HDD LEDs.
class GpioAtxBackend : public HostBackend
{
    Q_OBJECT
public:
    // `inverted` means active low: pressed or lit is physical 0.
    struct Output
    {
        unsigned line = 0;
        bool inverted = false;
    };
    struct Input
    {
        unsigned line = 0;
        bool inverted = false;
        std::chrono::milliseconds debounce{100};
    };
    // PiKVM's BCM lines on gpiochip0.
    struct Wiring
    {
        Output powerSwitch{23};
        Output resetSwitch{27};
        Input powerLed{24};
        Input hddLed{22};
    };

    GpioAtxBackend(std::unique_ptr<GpioChip> chip, const Wiring &wiring, QObject *parent = nullptr);
    ~GpioAtxBackend() override;

    // Requests the lines, buttons released, and reads the LEDs.
    std::optional<Failure> start();

    Capabilities capabilities() const override;
    LedState powerLed() const override;
    LedState hddLed() const override;

    void press(Button button, std::chrono::milliseconds duration) override;
    bool isPressing(Button button) const override;

    void pulseNmi() override;

    QString description() const override;

private:
    struct Switch
    {
        QString name;
        Output wiring;
        QTimer releaseTimer;
    };
    struct Led
    {
        QString name;
        Input wiring;
        QTimer debounceTimer;
        LedState state = LedState::Unknown;
        void (HostBackend::*changed)(HostBackend::LedState) = nullptr;
    };

    Switch &switchFor(Button button);
    const Switch &switchFor(Button button) const;
    void release(Button button);
    void onLineChanged(unsigned line);
    void readLed(Led &led);
    void setUpSwitch(Switch &output, const QString &name, const Output &wiring, Button button);
    void setUpLed(Led &led, const QString &name, const Input &wiring, void (HostBackend::*changed)(LedState));

    std::unique_ptr<GpioChip> m_chip;
    Switch m_powerSwitch;
    Switch m_resetSwitch;
    Led m_powerLed;
    Led m_hddLed;
    bool m_started = false;
};
