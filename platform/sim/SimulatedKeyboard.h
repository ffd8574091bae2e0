#pragma once

#include "HostInput.h"
#include "sim/HidKeyTyping.h"

class SimulatedConsole;
class SimulatedDisplay;

// The simulated host's keyboard and mouse. Its firmware and system are text mode, which reads
// keys as a terminal sends them, so each key becomes those bytes (HidKeyTyping, in the modes the
// display's terminal is in) on the way to the console that reads the serial port too. Text mode
// has no pointer: pointer events are taken and have no effect, as on a real machine in firmware.
class SimulatedKeyboard : public HostInput
{
    Q_OBJECT
public:
    SimulatedKeyboard(SimulatedConsole *console, SimulatedDisplay *display, QObject *parent = nullptr);

    void setKey(quint8 usage, bool pressed) override;
    void movePointer(int x, int y, quint8 buttons, int wheel) override;
    void releaseAll() override;
    QString description() const override;

private:
    SimulatedConsole *m_console;
    HidKeyTyping m_typing;
};
