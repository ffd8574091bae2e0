#include "HidKeyTyping.h"

#include "HidUsage.h"

#include <array>
#include <optional>

using namespace HidUsage;
using Key = TerminalScreen::Key;
using Modifier = TerminalScreen::Modifier;

namespace {

constexpr quint8 shiftBits = modifierBit(LeftShift) | modifierBit(RightShift);
constexpr quint8 controlBits = modifierBit(LeftControl) | modifierBit(RightControl);
constexpr quint8 altBits = modifierBit(LeftAlt) | modifierBit(RightAlt);

struct UsageKey
{
    quint8 usage;
    Key key;
};

// Keys that terminals send as sequences (or as one control character such as Enter's CR).
constexpr std::array terminalKeys{
    UsageKey{Enter, Key::Enter},
    UsageKey{KeypadEnter, Key::Enter},
    UsageKey{Escape, Key::Escape},
    UsageKey{Backspace, Key::Backspace},
    UsageKey{Tab, Key::Tab},
    UsageKey{Insert, Key::Insert},
    UsageKey{Home, Key::Home},
    UsageKey{PageUp, Key::PageUp},
    UsageKey{Delete, Key::Delete},
    UsageKey{End, Key::End},
    UsageKey{PageDown, Key::PageDown},
    UsageKey{Right, Key::Right},
    UsageKey{Left, Key::Left},
    UsageKey{Down, Key::Down},
    UsageKey{Up, Key::Up},
    UsageKey{F1, Key::F1},
    UsageKey{F2, Key::F2},
    UsageKey{F3, Key::F3},
    UsageKey{F4, Key::F4},
    UsageKey{F5, Key::F5},
    UsageKey{F6, Key::F6},
    UsageKey{F7, Key::F7},
    UsageKey{F8, Key::F8},
    UsageKey{F9, Key::F9},
    UsageKey{F10, Key::F10},
    UsageKey{F11, Key::F11},
    UsageKey{F12, Key::F12},
};

// The keypad's second functions, which it has while Num Lock is off (5 has none).
constexpr std::array keypadWithoutNumLock{
    UsageKey{Keypad1, Key::End},         UsageKey{Keypad2, Key::Down},   UsageKey{Keypad3, Key::PageDown},
    UsageKey{Keypad4, Key::Left},        UsageKey{Keypad6, Key::Right},  UsageKey{Keypad7, Key::Home},
    UsageKey{Keypad8, Key::Up},          UsageKey{Keypad9, Key::PageUp}, UsageKey{Keypad0, Key::Insert},
    UsageKey{KeypadPeriod, Key::Delete},
};

struct UsageCharacters
{
    quint8 usage;
    char32_t plain;
    char32_t shifted;
};

// A US keyboard's character keys other than letters; the keypad's do not shift.
constexpr std::array characterKeys{
    UsageCharacters{Key1, U'1', U'!'},         UsageCharacters{Key2, U'2', U'@'},
    UsageCharacters{Key3, U'3', U'#'},         UsageCharacters{Key4, U'4', U'$'},
    UsageCharacters{Key5, U'5', U'%'},         UsageCharacters{Key6, U'6', U'^'},
    UsageCharacters{Key7, U'7', U'&'},         UsageCharacters{Key8, U'8', U'*'},
    UsageCharacters{Key9, U'9', U'('},         UsageCharacters{Key0, U'0', U')'},
    UsageCharacters{Space, U' ', U' '},        UsageCharacters{Minus, U'-', U'_'},
    UsageCharacters{Equal, U'=', U'+'},        UsageCharacters{LeftBracket, U'[', U'{'},
    UsageCharacters{RightBracket, U']', U'}'}, UsageCharacters{Backslash, U'\\', U'|'},
    UsageCharacters{NonUsHash, U'\\', U'|'},   UsageCharacters{Semicolon, U';', U':'},
    UsageCharacters{Apostrophe, U'\'', U'"'},  UsageCharacters{Grave, U'`', U'~'},
    UsageCharacters{Comma, U',', U'<'},        UsageCharacters{Period, U'.', U'>'},
    UsageCharacters{Slash, U'/', U'?'},        UsageCharacters{NonUsBackslash, U'<', U'>'},
    UsageCharacters{KeypadDivide, U'/', U'/'}, UsageCharacters{KeypadMultiply, U'*', U'*'},
    UsageCharacters{KeypadMinus, U'-', U'-'},  UsageCharacters{KeypadPlus, U'+', U'+'},
};

std::optional<Key> keyOf(quint8 usage, bool numLock)
{
    for (const UsageKey &entry : terminalKeys) {
        if (entry.usage == usage)
            return entry.key;
    }
    if (!numLock) {
        for (const UsageKey &entry : keypadWithoutNumLock) {
            if (entry.usage == usage)
                return entry.key;
        }
    }
    return std::nullopt;
}

// What the key types, 0 for none; letters in lower case.
char32_t characterOf(quint8 usage, bool shifted, bool numLock)
{
    if (usage >= KeyA && usage <= KeyZ)
        return char32_t(U'a' + (usage - KeyA));
    if (usage >= Keypad1 && usage <= Keypad9)
        return numLock ? char32_t(U'1' + (usage - Keypad1)) : 0;
    if (usage == Keypad0)
        return numLock ? U'0' : 0;
    if (usage == KeypadPeriod)
        return numLock ? U'.' : 0;
    for (const UsageCharacters &entry : characterKeys) {
        if (entry.usage == usage)
            return shifted ? entry.shifted : entry.plain;
    }
    return 0;
}

} // namespace

HidKeyTyping::HidKeyTyping(TerminalScreen *screen)
    : m_screen(screen)
{
}

QByteArray HidKeyTyping::setKey(quint8 usage, bool pressed)
{
    if (isModifier(usage)) {
        if (pressed)
            m_modifiers |= modifierBit(usage);
        else
            m_modifiers &= quint8(~modifierBit(usage));
        return {};
    }
    if (!pressed)
        return {};
    if (usage == CapsLock) {
        m_capsLock = !m_capsLock;
        return {};
    }
    if (usage == NumLock) {
        m_numLock = !m_numLock;
        return {};
    }
    if (const std::optional<Key> key = keyOf(usage, m_numLock))
        return m_screen->encodeKey(*key, heldModifiers());
    const bool shifted = m_modifiers & shiftBits;
    char32_t character = characterOf(usage, shifted, m_numLock);
    if (character == 0)
        return {};
    // Caps Lock shifts letters only, and Shift undoes it; Control makes a letter its control
    // character, which the terminal model finds from the lower case one.
    const bool upperCase = shifted != m_capsLock && !(m_modifiers & controlBits);
    if (character >= U'a' && character <= U'z' && upperCase)
        character = character - U'a' + U'A';
    return typeCharacter(character);
}

void HidKeyTyping::releaseAll()
{
    m_modifiers = 0;
}

TerminalScreen::Modifiers HidKeyTyping::heldModifiers() const
{
    TerminalScreen::Modifiers modifiers;
    if (m_modifiers & shiftBits)
        modifiers |= Modifier::Shift;
    if (m_modifiers & controlBits)
        modifiers |= Modifier::Control;
    if (m_modifiers & altBits)
        modifiers |= Modifier::Alt;
    return modifiers;
}

QByteArray HidKeyTyping::typeCharacter(char32_t character)
{
    // Shift is in the character already; passed on, it would make Shift+Space an escape sequence.
    TerminalScreen::Modifiers modifiers = heldModifiers();
    modifiers.setFlag(Modifier::Shift, false);
    return m_screen->encodeText(QString::fromUcs4(&character, 1), modifiers);
}
