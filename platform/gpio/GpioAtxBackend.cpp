#include "GpioAtxBackend.h"

#include "PlatformLogging.h"

#include <algorithm>

using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

namespace {

int physicalLevel(bool active, bool inverted)
{
    return active != inverted ? 1 : 0;
}

const char *ledStateText(HostBackend::LedState state)
{
    switch (state) {
    case HostBackend::LedState::Unknown: return "unknown";
    case HostBackend::LedState::Off: return "off";
    case HostBackend::LedState::On: return "on";
    }
    return "";
}

} // namespace

GpioAtxBackend::GpioAtxBackend(std::unique_ptr<GpioChip> chip, const Wiring &wiring, QObject *parent)
    : HostBackend(parent)
    , m_chip(std::move(chip))
{
    setUpSwitch(m_powerSwitch, u"power switch"_s, wiring.powerSwitch, Button::Power);
    setUpSwitch(m_resetSwitch, u"reset switch"_s, wiring.resetSwitch, Button::Reset);
    setUpLed(m_powerLed, u"power LED"_s, wiring.powerLed, &HostBackend::powerLedChanged);
    setUpLed(m_hddLed, u"HDD LED"_s, wiring.hddLed, &HostBackend::hddLedChanged);
    connect(m_chip.get(), &GpioChip::lineChanged, this, &GpioAtxBackend::onLineChanged);
}

GpioAtxBackend::~GpioAtxBackend()
{
    for (Switch *output : {&m_powerSwitch, &m_resetSwitch}) {
        if (!output->releaseTimer.isActive())
            continue;
        qCInfo(lcGpio).noquote() << "releasing the" << output->name << "on shutdown";
        m_chip->setValue(output->wiring.line, physicalLevel(false, output->wiring.inverted));
    }
}

std::optional<Failure> GpioAtxBackend::start()
{
    const auto requestFailed = [this](const QString &name, unsigned line) {
        return Failure{Failure::Code::Unavailable,
                       u"%1 (line %2): %3"_s.arg(name).arg(line).arg(m_chip->errorString())};
    };
    for (Switch *output : {&m_powerSwitch, &m_resetSwitch}) {
        const Output &wiring = output->wiring;
        if (!m_chip->requestOutput(wiring.line, physicalLevel(false, wiring.inverted)))
            return requestFailed(output->name, wiring.line);
    }
    for (Led *led : {&m_powerLed, &m_hddLed}) {
        if (!m_chip->requestInput(led->wiring.line))
            return requestFailed(led->name, led->wiring.line);
    }
    m_started = true;
    readLed(m_powerLed);
    readLed(m_hddLed);
    qCInfo(lcGpio).noquote().nospace() << description() << " ready: power LED " << ledStateText(m_powerLed.state)
                                       << ", HDD LED " << ledStateText(m_hddLed.state);
    return std::nullopt;
}

HostBackend::Capabilities GpioAtxBackend::capabilities() const
{
    return Capability::ResetButton | Capability::HddLed;
}

HostBackend::LedState GpioAtxBackend::powerLed() const
{
    return m_powerLed.state;
}

HostBackend::LedState GpioAtxBackend::hddLed() const
{
    return m_hddLed.state;
}

void GpioAtxBackend::press(Button button, std::chrono::milliseconds duration)
{
    Switch &output = switchFor(button);
    if (!m_started) {
        qCWarning(lcGpio).noquote() << "refusing to press the" << output.name << "before the lines are requested";
        return;
    }
    if (output.releaseTimer.isActive()) {
        qCWarning(lcGpio).noquote() << "refusing to press the" << output.name << "while it is being pressed";
        return;
    }
    qCDebug(lcGpio).noquote() << "pressing the" << output.name << "for" << duration.count() << "ms";
    m_chip->setValue(output.wiring.line, physicalLevel(true, output.wiring.inverted));
    output.releaseTimer.start(std::max(duration, 0ms));
}

bool GpioAtxBackend::isPressing(Button button) const
{
    return switchFor(button).releaseTimer.isActive();
}

void GpioAtxBackend::pulseNmi()
{
    qCWarning(lcGpio) << "an ATX header has no NMI line; ignoring the NMI request";
}

QString GpioAtxBackend::description() const
{
    return u"ATX header on %1"_s.arg(m_chip->name());
}

GpioAtxBackend::Switch &GpioAtxBackend::switchFor(Button button)
{
    return button == Button::Power ? m_powerSwitch : m_resetSwitch;
}

const GpioAtxBackend::Switch &GpioAtxBackend::switchFor(Button button) const
{
    return button == Button::Power ? m_powerSwitch : m_resetSwitch;
}

void GpioAtxBackend::release(Button button)
{
    const Switch &output = switchFor(button);
    m_chip->setValue(output.wiring.line, physicalLevel(false, output.wiring.inverted));
    qCDebug(lcGpio).noquote() << "released the" << output.name;
    emit pressFinished(button);
}

void GpioAtxBackend::onLineChanged(unsigned line)
{
    for (Led *led : {&m_powerLed, &m_hddLed}) {
        if (led->wiring.line != line)
            continue;
        if (led->wiring.debounce <= 0ms)
            readLed(*led);
        else
            led->debounceTimer.start();
    }
}

void GpioAtxBackend::readLed(Led &led)
{
    const int level = m_chip->value(led.wiring.line);
    if (level < 0)
        qCWarning(lcGpio).noquote() << "cannot read the" << led.name << "-" << m_chip->errorString();
    const LedState state = level < 0          ? LedState::Unknown
        : (level == 1) != led.wiring.inverted ? LedState::On
                                              : LedState::Off;
    if (state == led.state)
        return;
    led.state = state;
    emit(this->*led.changed)(state);
}

void GpioAtxBackend::setUpSwitch(Switch &output, const QString &name, const Output &wiring, Button button)
{
    output.name = name;
    output.wiring = wiring;
    output.releaseTimer.setSingleShot(true);
    // A coarse timer may fire up to 5% early, and a hold must never be shorter than asked:
    // a long press that ends early is no forced power-off.
    output.releaseTimer.setTimerType(Qt::PreciseTimer);
    connect(&output.releaseTimer, &QTimer::timeout, this, [this, button] { release(button); });
}

void GpioAtxBackend::setUpLed(Led &led, const QString &name, const Input &wiring,
                              void (HostBackend::*changed)(LedState))
{
    led.name = name;
    led.wiring = wiring;
    led.changed = changed;
    led.debounceTimer.setSingleShot(true);
    led.debounceTimer.setTimerType(Qt::PreciseTimer);
    led.debounceTimer.setInterval(wiring.debounce);
    connect(&led.debounceTimer, &QTimer::timeout, this, [this, &led] { readLed(led); });
}
