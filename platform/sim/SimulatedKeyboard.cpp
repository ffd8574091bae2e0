#include "SimulatedKeyboard.h"

#include "sim/SimulatedConsole.h"
#include "sim/SimulatedDisplay.h"

using namespace Qt::StringLiterals;

SimulatedKeyboard::SimulatedKeyboard(SimulatedConsole *console, SimulatedDisplay *display, QObject *parent)
    : HostInput(parent)
    , m_console(console)
    , m_typing(display->terminal())
{
}

void SimulatedKeyboard::setKey(quint8 usage, bool pressed)
{
    const QByteArray keys = m_typing.setKey(usage, pressed);
    // A machine that is off reads no keyboard.
    if (!keys.isEmpty() && m_console->state() != SimulatedConsole::State::Off)
        m_console->input(keys);
}

void SimulatedKeyboard::movePointer(int, int, quint8, int) { }

void SimulatedKeyboard::releaseAll()
{
    m_typing.releaseAll();
}

QString SimulatedKeyboard::description() const
{
    return u"the simulated host's keyboard"_s;
}
