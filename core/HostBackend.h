#pragma once

#include <QObject>
#include <QString>

#include <chrono>

// What qbmc can do to the host and what it can see of it: the front-panel buttons and LEDs of an
// ATX header, real (GPIO) or simulated. PowerController turns actions into these primitives.
class HostBackend : public QObject
{
    Q_OBJECT
public:
    enum class Button { Power, Reset };
    Q_ENUM(Button)

    enum class LedState { Unknown, Off, On };
    Q_ENUM(LedState)

    // What the wiring offers beyond the power button and power LED, which every backend has.
    enum class Capability {
        ResetButton = 0x1,
        HddLed = 0x2,
        Nmi = 0x4, // an ATX header has no NMI line
    };
    Q_DECLARE_FLAGS(Capabilities, Capability)
    Q_FLAG(Capabilities)

    using QObject::QObject;

    virtual Capabilities capabilities() const = 0;
    virtual LedState powerLed() const = 0;
    virtual LedState hddLed() const = 0;

    // Holds the button for `duration`, then releases it and emits pressFinished(). The backend
    // owns the release, so a button is never left held. One press per button at a time.
    virtual void press(Button button, std::chrono::milliseconds duration) = 0;
    virtual bool isPressing(Button button) const = 0;

    // Only called when capabilities() has Nmi.
    virtual void pulseNmi() = 0;

    // One line for logs: "simulated host", "ATX header on gpiochip0".
    virtual QString description() const = 0;

signals:
    void powerLedChanged(HostBackend::LedState state);
    void hddLedChanged(HostBackend::LedState state);
    void pressFinished(HostBackend::Button button);
};

Q_DECLARE_OPERATORS_FOR_FLAGS(HostBackend::Capabilities)
