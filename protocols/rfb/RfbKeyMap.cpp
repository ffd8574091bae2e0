#include "RfbKeyMap.h"

#include "HidUsage.h"

#include <array>

using namespace HidUsage;

namespace {

struct KeysymKey
{
    quint32 keysym;
    quint8 usage;
};

// Letters and digits come from letterKey() and digitKey(); these are the rest of a US keyboard.
// Values from X11's keysymdef.h; the printable ASCII ones equal the character.
constexpr std::array keysymKeys{
    KeysymKey{' ', Space}, KeysymKey{'!', Key1}, KeysymKey{'@', Key2}, KeysymKey{'#', Key3}, KeysymKey{'$', Key4},
    KeysymKey{'%', Key5}, KeysymKey{'^', Key6}, KeysymKey{'&', Key7}, KeysymKey{'*', Key8}, KeysymKey{'(', Key9},
    KeysymKey{')', Key0}, KeysymKey{'-', Minus}, KeysymKey{'_', Minus}, KeysymKey{'=', Equal}, KeysymKey{'+', Equal},
    KeysymKey{'[', LeftBracket}, KeysymKey{'{', LeftBracket}, KeysymKey{']', RightBracket},
    KeysymKey{'}', RightBracket}, KeysymKey{'\\', Backslash}, KeysymKey{'|', Backslash}, KeysymKey{';', Semicolon},
    KeysymKey{':', Semicolon}, KeysymKey{'\'', Apostrophe}, KeysymKey{'"', Apostrophe}, KeysymKey{'`', Grave},
    KeysymKey{'~', Grave}, KeysymKey{',', Comma}, KeysymKey{'<', Comma}, KeysymKey{'.', Period}, KeysymKey{'>', Period},
    KeysymKey{'/', Slash}, KeysymKey{'?', Slash}, KeysymKey{0xff08, Backspace}, // XK_BackSpace
    KeysymKey{0xff09, Tab},                                                     // XK_Tab
    KeysymKey{0xfe20, Tab},         // XK_ISO_Left_Tab: what X11 makes of Shift+Tab
    KeysymKey{0xff0d, Enter},       // XK_Return
    KeysymKey{0xff13, Pause},       // XK_Pause
    KeysymKey{0xff6b, Pause},       // XK_Break: Control+Pause
    KeysymKey{0xff14, ScrollLock},  // XK_Scroll_Lock
    KeysymKey{0xff15, PrintScreen}, // XK_Sys_Req: Alt+PrintScreen
    KeysymKey{0xff1b, Escape},      // XK_Escape
    KeysymKey{0xff50, Home},        // XK_Home
    KeysymKey{0xff51, Left},        // XK_Left
    KeysymKey{0xff52, Up},          // XK_Up
    KeysymKey{0xff53, Right},       // XK_Right
    KeysymKey{0xff54, Down},        // XK_Down
    KeysymKey{0xff55, PageUp},      // XK_Page_Up
    KeysymKey{0xff56, PageDown},    // XK_Page_Down
    KeysymKey{0xff57, End},         // XK_End
    KeysymKey{0xff61, PrintScreen}, // XK_Print
    KeysymKey{0xff63, Insert},      // XK_Insert
    KeysymKey{0xff67, Application}, // XK_Menu
    KeysymKey{0xff7f, NumLock},     // XK_Num_Lock
    KeysymKey{0xff8d, KeypadEnter}, // XK_KP_Enter
    // Without Num Lock the keypad's keys send their second functions' keysyms; the key is the same.
    KeysymKey{0xff95, Keypad7},        // XK_KP_Home
    KeysymKey{0xff96, Keypad4},        // XK_KP_Left
    KeysymKey{0xff97, Keypad8},        // XK_KP_Up
    KeysymKey{0xff98, Keypad6},        // XK_KP_Right
    KeysymKey{0xff99, Keypad2},        // XK_KP_Down
    KeysymKey{0xff9a, Keypad9},        // XK_KP_Page_Up
    KeysymKey{0xff9b, Keypad3},        // XK_KP_Page_Down
    KeysymKey{0xff9c, Keypad1},        // XK_KP_End
    KeysymKey{0xff9d, Keypad5},        // XK_KP_Begin
    KeysymKey{0xff9e, Keypad0},        // XK_KP_Insert
    KeysymKey{0xff9f, KeypadPeriod},   // XK_KP_Delete
    KeysymKey{0xffaa, KeypadMultiply}, // XK_KP_Multiply
    KeysymKey{0xffab, KeypadPlus},     // XK_KP_Add
    KeysymKey{0xffac, KeypadPeriod},   // XK_KP_Separator: the decimal key where it types a comma
    KeysymKey{0xffad, KeypadMinus},    // XK_KP_Subtract
    KeysymKey{0xffae, KeypadPeriod},   // XK_KP_Decimal
    KeysymKey{0xffaf, KeypadDivide},   // XK_KP_Divide
    KeysymKey{0xffb0, Keypad0},        // XK_KP_0
    KeysymKey{0xffb1, Keypad1}, KeysymKey{0xffb2, Keypad2}, KeysymKey{0xffb3, Keypad3}, KeysymKey{0xffb4, Keypad4},
    KeysymKey{0xffb5, Keypad5}, KeysymKey{0xffb6, Keypad6}, KeysymKey{0xffb7, Keypad7}, KeysymKey{0xffb8, Keypad8},
    KeysymKey{0xffb9, Keypad9},      // XK_KP_9
    KeysymKey{0xffe1, LeftShift},    // XK_Shift_L
    KeysymKey{0xffe2, RightShift},   // XK_Shift_R
    KeysymKey{0xffe3, LeftControl},  // XK_Control_L
    KeysymKey{0xffe4, RightControl}, // XK_Control_R
    KeysymKey{0xffe5, CapsLock},     // XK_Caps_Lock
    KeysymKey{0xffe7, LeftGui},      // XK_Meta_L: the Windows key, as QEMU reads it
    KeysymKey{0xffe8, RightGui},     // XK_Meta_R
    KeysymKey{0xffe9, LeftAlt},      // XK_Alt_L
    KeysymKey{0xffea, RightAlt},     // XK_Alt_R
    KeysymKey{0xffeb, LeftGui},      // XK_Super_L
    KeysymKey{0xffec, RightGui},     // XK_Super_R
    KeysymKey{0xfe03, RightAlt},     // XK_ISO_Level3_Shift: AltGr
    KeysymKey{0xffff, Delete},       // XK_Delete
};

constexpr quint32 keysymF1 = 0xffbe; // XK_F1; F2..F12 follow it

struct ScanCodeKey
{
    quint8 keycode;
    quint8 usage;
};

// Scan code set 1 of a 105-key PC keyboard; 0x80 | code for the keys sent after an 0xE0 prefix.
constexpr std::array scanCodeKeys{
    ScanCodeKey{0x01, Escape},
    ScanCodeKey{0x02, Key1},
    ScanCodeKey{0x03, Key2},
    ScanCodeKey{0x04, Key3},
    ScanCodeKey{0x05, Key4},
    ScanCodeKey{0x06, Key5},
    ScanCodeKey{0x07, Key6},
    ScanCodeKey{0x08, Key7},
    ScanCodeKey{0x09, Key8},
    ScanCodeKey{0x0a, Key9},
    ScanCodeKey{0x0b, Key0},
    ScanCodeKey{0x0c, Minus},
    ScanCodeKey{0x0d, Equal},
    ScanCodeKey{0x0e, Backspace},
    ScanCodeKey{0x0f, Tab},
    ScanCodeKey{0x10, KeyQ},
    ScanCodeKey{0x11, KeyW},
    ScanCodeKey{0x12, KeyE},
    ScanCodeKey{0x13, KeyR},
    ScanCodeKey{0x14, KeyT},
    ScanCodeKey{0x15, KeyY},
    ScanCodeKey{0x16, KeyU},
    ScanCodeKey{0x17, KeyI},
    ScanCodeKey{0x18, KeyO},
    ScanCodeKey{0x19, KeyP},
    ScanCodeKey{0x1a, LeftBracket},
    ScanCodeKey{0x1b, RightBracket},
    ScanCodeKey{0x1c, Enter},
    ScanCodeKey{0x1d, LeftControl},
    ScanCodeKey{0x1e, KeyA},
    ScanCodeKey{0x1f, KeyS},
    ScanCodeKey{0x20, KeyD},
    ScanCodeKey{0x21, KeyF},
    ScanCodeKey{0x22, KeyG},
    ScanCodeKey{0x23, KeyH},
    ScanCodeKey{0x24, KeyJ},
    ScanCodeKey{0x25, KeyK},
    ScanCodeKey{0x26, KeyL},
    ScanCodeKey{0x27, Semicolon},
    ScanCodeKey{0x28, Apostrophe},
    ScanCodeKey{0x29, Grave},
    ScanCodeKey{0x2a, LeftShift},
    // One key on every keyboard: US \ | and ISO # ~ (# ' on a German one); hosts read
    // Backslash and NonUsHash alike.
    ScanCodeKey{0x2b, Backslash},
    ScanCodeKey{0x2c, KeyZ},
    ScanCodeKey{0x2d, KeyX},
    ScanCodeKey{0x2e, KeyC},
    ScanCodeKey{0x2f, KeyV},
    ScanCodeKey{0x30, KeyB},
    ScanCodeKey{0x31, KeyN},
    ScanCodeKey{0x32, KeyM},
    ScanCodeKey{0x33, Comma},
    ScanCodeKey{0x34, Period},
    ScanCodeKey{0x35, Slash},
    ScanCodeKey{0x36, RightShift},
    ScanCodeKey{0x37, KeypadMultiply},
    ScanCodeKey{0x38, LeftAlt},
    ScanCodeKey{0x39, Space},
    ScanCodeKey{0x3a, CapsLock},
    ScanCodeKey{0x3b, F1},
    ScanCodeKey{0x3c, F2},
    ScanCodeKey{0x3d, F3},
    ScanCodeKey{0x3e, F4},
    ScanCodeKey{0x3f, F5},
    ScanCodeKey{0x40, F6},
    ScanCodeKey{0x41, F7},
    ScanCodeKey{0x42, F8},
    ScanCodeKey{0x43, F9},
    ScanCodeKey{0x44, F10},
    ScanCodeKey{0x45, NumLock},
    ScanCodeKey{0x46, ScrollLock},
    ScanCodeKey{0x47, Keypad7},
    ScanCodeKey{0x48, Keypad8},
    ScanCodeKey{0x49, Keypad9},
    ScanCodeKey{0x4a, KeypadMinus},
    ScanCodeKey{0x4b, Keypad4},
    ScanCodeKey{0x4c, Keypad5},
    ScanCodeKey{0x4d, Keypad6},
    ScanCodeKey{0x4e, KeypadPlus},
    ScanCodeKey{0x4f, Keypad1},
    ScanCodeKey{0x50, Keypad2},
    ScanCodeKey{0x51, Keypad3},
    ScanCodeKey{0x52, Keypad0},
    ScanCodeKey{0x53, KeypadPeriod},
    ScanCodeKey{0x54, PrintScreen}, // SysRq: the code of Alt+PrintScreen
    ScanCodeKey{0x56, NonUsBackslash},
    ScanCodeKey{0x57, F11},
    ScanCodeKey{0x58, F12},
    ScanCodeKey{0x9c, KeypadEnter},
    ScanCodeKey{0x9d, RightControl},
    ScanCodeKey{0xb5, KeypadDivide},
    ScanCodeKey{0xb7, PrintScreen},
    ScanCodeKey{0xb8, RightAlt},
    // Pause sends E1 1D 45 E1 9D C5 on the wire, which has no one-byte form; QEMU and noVNC give
    // it the code of Control+Pause (E0 46).
    ScanCodeKey{0xc6, Pause},
    ScanCodeKey{0xc7, Home},
    ScanCodeKey{0xc8, Up},
    ScanCodeKey{0xc9, PageUp},
    ScanCodeKey{0xcb, Left},
    ScanCodeKey{0xcd, Right},
    ScanCodeKey{0xcf, End},
    ScanCodeKey{0xd0, Down},
    ScanCodeKey{0xd1, PageDown},
    ScanCodeKey{0xd2, Insert},
    ScanCodeKey{0xd3, Delete},
    ScanCodeKey{0xdb, LeftGui},
    ScanCodeKey{0xdc, RightGui},
    ScanCodeKey{0xdd, Application},
};

// Indexed by the keycode; 0 where no key has it.
constexpr std::array<quint8, 256> usageByScanCode = [] {
    std::array<quint8, 256> usages{};
    for (const ScanCodeKey &key : scanCodeKeys)
        usages[key.keycode] = key.usage;
    return usages;
}();

} // namespace

std::optional<quint8> RfbKeyMap::usageForKeysym(quint32 keysym)
{
    if (keysym <= 0x7f) {
        if (const quint8 usage = letterKey(char32_t(keysym)))
            return usage;
        if (keysym >= '0' && keysym <= '9')
            return digitKey(int(keysym - '0'));
    }
    if (keysym >= keysymF1 && keysym < keysymF1 + 12)
        return quint8(F1 + (keysym - keysymF1));
    for (const KeysymKey &key : keysymKeys) {
        if (key.keysym == keysym)
            return key.usage;
    }
    return std::nullopt;
}

std::optional<quint8> RfbKeyMap::usageForQemuKeycode(quint32 keycode)
{
    if (keycode >= usageByScanCode.size() || usageByScanCode[keycode] == 0)
        return std::nullopt;
    return usageByScanCode[keycode];
}
