#pragma once

#include <QtGlobal>

// Usages of the HID keyboard page (0x07, HID Usage Tables section 10): what a USB keyboard reports
// for a physical key. A usage names a position, not a character ("KeyZ" is the key a US keyboard
// labels Z, a German one Y); the host's layout decides the character.
namespace HidUsage {

constexpr quint8 KeyA = 0x04;
constexpr quint8 KeyB = 0x05;
constexpr quint8 KeyC = 0x06;
constexpr quint8 KeyD = 0x07;
constexpr quint8 KeyE = 0x08;
constexpr quint8 KeyF = 0x09;
constexpr quint8 KeyG = 0x0A;
constexpr quint8 KeyH = 0x0B;
constexpr quint8 KeyI = 0x0C;
constexpr quint8 KeyJ = 0x0D;
constexpr quint8 KeyK = 0x0E;
constexpr quint8 KeyL = 0x0F;
constexpr quint8 KeyM = 0x10;
constexpr quint8 KeyN = 0x11;
constexpr quint8 KeyO = 0x12;
constexpr quint8 KeyP = 0x13;
constexpr quint8 KeyQ = 0x14;
constexpr quint8 KeyR = 0x15;
constexpr quint8 KeyS = 0x16;
constexpr quint8 KeyT = 0x17;
constexpr quint8 KeyU = 0x18;
constexpr quint8 KeyV = 0x19;
constexpr quint8 KeyW = 0x1A;
constexpr quint8 KeyX = 0x1B;
constexpr quint8 KeyY = 0x1C;
constexpr quint8 KeyZ = 0x1D;

// The digit row runs 1..9 and then 0, as the keys sit.
constexpr quint8 Key1 = 0x1E;
constexpr quint8 Key2 = 0x1F;
constexpr quint8 Key3 = 0x20;
constexpr quint8 Key4 = 0x21;
constexpr quint8 Key5 = 0x22;
constexpr quint8 Key6 = 0x23;
constexpr quint8 Key7 = 0x24;
constexpr quint8 Key8 = 0x25;
constexpr quint8 Key9 = 0x26;
constexpr quint8 Key0 = 0x27;

constexpr quint8 Enter = 0x28;
constexpr quint8 Escape = 0x29;
constexpr quint8 Backspace = 0x2A;
constexpr quint8 Tab = 0x2B;
constexpr quint8 Space = 0x2C;
constexpr quint8 Minus = 0x2D;
constexpr quint8 Equal = 0x2E;
constexpr quint8 LeftBracket = 0x2F;
constexpr quint8 RightBracket = 0x30;
constexpr quint8 Backslash = 0x31;
constexpr quint8 NonUsHash = 0x32; // the key left of Enter on ISO keyboards (# ' on a German one)
constexpr quint8 Semicolon = 0x33;
constexpr quint8 Apostrophe = 0x34;
constexpr quint8 Grave = 0x35;
constexpr quint8 Comma = 0x36;
constexpr quint8 Period = 0x37;
constexpr quint8 Slash = 0x38;
constexpr quint8 CapsLock = 0x39;

constexpr quint8 F1 = 0x3A;
constexpr quint8 F2 = 0x3B;
constexpr quint8 F3 = 0x3C;
constexpr quint8 F4 = 0x3D;
constexpr quint8 F5 = 0x3E;
constexpr quint8 F6 = 0x3F;
constexpr quint8 F7 = 0x40;
constexpr quint8 F8 = 0x41;
constexpr quint8 F9 = 0x42;
constexpr quint8 F10 = 0x43;
constexpr quint8 F11 = 0x44;
constexpr quint8 F12 = 0x45;

constexpr quint8 PrintScreen = 0x46;
constexpr quint8 ScrollLock = 0x47;
constexpr quint8 Pause = 0x48;
constexpr quint8 Insert = 0x49;
constexpr quint8 Home = 0x4A;
constexpr quint8 PageUp = 0x4B;
constexpr quint8 Delete = 0x4C;
constexpr quint8 End = 0x4D;
constexpr quint8 PageDown = 0x4E;
constexpr quint8 Right = 0x4F;
constexpr quint8 Left = 0x50;
constexpr quint8 Down = 0x51;
constexpr quint8 Up = 0x52;

constexpr quint8 NumLock = 0x53;
constexpr quint8 KeypadDivide = 0x54;
constexpr quint8 KeypadMultiply = 0x55;
constexpr quint8 KeypadMinus = 0x56;
constexpr quint8 KeypadPlus = 0x57;
constexpr quint8 KeypadEnter = 0x58;
constexpr quint8 Keypad1 = 0x59;
constexpr quint8 Keypad2 = 0x5A;
constexpr quint8 Keypad3 = 0x5B;
constexpr quint8 Keypad4 = 0x5C;
constexpr quint8 Keypad5 = 0x5D;
constexpr quint8 Keypad6 = 0x5E;
constexpr quint8 Keypad7 = 0x5F;
constexpr quint8 Keypad8 = 0x60;
constexpr quint8 Keypad9 = 0x61;
constexpr quint8 Keypad0 = 0x62;
constexpr quint8 KeypadPeriod = 0x63;

constexpr quint8 NonUsBackslash = 0x64; // the key left of Z on ISO keyboards (< > | on a German one)
constexpr quint8 Application = 0x65;    // the context menu key

constexpr quint8 LeftControl = 0xE0;
constexpr quint8 LeftShift = 0xE1;
constexpr quint8 LeftAlt = 0xE2;
constexpr quint8 LeftGui = 0xE3;
constexpr quint8 RightControl = 0xE4;
constexpr quint8 RightShift = 0xE5;
constexpr quint8 RightAlt = 0xE6; // AltGr on layouts that have a third level
constexpr quint8 RightGui = 0xE7;

// The key of a letter a..z or A..Z; 0 (no key) for anything else.
constexpr quint8 letterKey(char32_t letter)
{
    if (letter >= U'a' && letter <= U'z')
        return quint8(KeyA + (letter - U'a'));
    if (letter >= U'A' && letter <= U'Z')
        return quint8(KeyA + (letter - U'A'));
    return 0;
}

// The digit row's key of 0..9; 0 (no key) for anything else.
constexpr quint8 digitKey(int digit)
{
    if (digit == 0)
        return Key0;
    return digit >= 1 && digit <= 9 ? quint8(Key1 + digit - 1) : quint8(0);
}

constexpr bool isModifier(quint8 usage)
{
    return usage >= LeftControl && usage <= RightGui;
}

// The modifier's bit in the first byte of a boot keyboard report (bit 0 LeftControl ... bit 7
// RightGui); 0 for a key that is not a modifier.
constexpr quint8 modifierBit(quint8 usage)
{
    return isModifier(usage) ? quint8(1u << (usage - LeftControl)) : quint8(0);
}

} // namespace HidUsage
