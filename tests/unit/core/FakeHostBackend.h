#pragma once

#include "HostBackend.h"

#include <QList>

#include <optional>

// A host backend the test drives by hand: presses are recorded and end only when the test
// releases them, and the power LED changes only when the test says so. PowerController's unit
// tests use it to step through every action deterministically; SimulatedHost covers real timing.
class FakeHostBackend : public HostBackend
{
    Q_OBJECT
public:
    struct Press
    {
        Button button;
        std::chrono::milliseconds duration;
        friend bool operator==(const Press &, const Press &) = default;
    };

    Capabilities capabilities() const override { return caps; }
    LedState powerLed() const override { return led; }
    LedState hddLed() const override { return LedState::Unknown; }
    void press(Button button, std::chrono::milliseconds duration) override
    {
        presses.append({button, duration});
        pressing = button;
    }
    bool isPressing(Button button) const override { return pressing == button; }
    void pulseNmi() override { ++nmiPulses; }
    QString description() const override { return QStringLiteral("fake host"); }

    void release()
    {
        const Button button = pressing.value();
        pressing.reset();
        emit pressFinished(button);
    }
    void setLed(LedState state)
    {
        if (led == state)
            return;
        led = state;
        emit powerLedChanged(state);
    }

    Capabilities caps = Capability::ResetButton | Capability::HddLed | Capability::Nmi;
    LedState led = LedState::Off;
    QList<Press> presses;
    std::optional<Button> pressing;
    int nmiPulses = 0;
};
