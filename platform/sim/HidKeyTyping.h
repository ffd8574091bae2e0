#pragma once

#include "TerminalScreen.h"

#include <QByteArray>

// Keys as a USB keyboard reports them, typed into a serial console: the bytes a terminal with a
// US layout sends for each key press, in the modes the host has set on `screen` (cursor keys,
// keypad). The terminal, not the host, turns keys into characters here, so it keeps what a
// keyboard's host would keep: which modifiers are held and whether Caps Lock and Num Lock are on.
class HidKeyTyping
{
public:
    explicit HidKeyTyping(TerminalScreen *screen);

    // The bytes a press of `usage` sends, empty for releases, modifiers and keys a terminal has no
    // bytes for (Print Screen, the Windows keys).
    QByteArray setKey(quint8 usage, bool pressed);
    // Lets go of held modifiers; Caps Lock and Num Lock stay as they are, as on a keyboard.
    void releaseAll();

private:
    TerminalScreen::Modifiers heldModifiers() const;
    QByteArray typeCharacter(char32_t character);

    TerminalScreen *m_screen;
    quint8 m_modifiers = 0; // boot report bits of the modifier keys held
    bool m_capsLock = false;
    // PC firmware turns Num Lock on at power-on, so the keypad types digits until toggled.
    bool m_numLock = true;
};
