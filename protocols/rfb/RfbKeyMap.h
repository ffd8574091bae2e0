#pragma once

#include <QtGlobal>

#include <optional>

// Keys as RFB viewers send them, turned into the HID usages the host's keyboard reports.
//
// A KeyEvent carries an X11 keysym: a character or a function, not a key. Which key typed it
// depends on the viewer's layout, which the server does not know, so keysyms are read as a US
// keyboard would produce them; the viewer sends Shift itself when a character needs it. The
// QEMU Extended Key Event also carries the key's position as a PC scan code, which makes the
// host's layout apply whatever the viewer's is; viewers that know it (noVNC) send both.
class RfbKeyMap
{
public:
    RfbKeyMap() = delete;

    // The key that types `keysym` on a US keyboard; letters in either case and shifted symbols
    // give their key ('A' and 'a' KeyA, '!' Key1). Keysyms without a key there give nothing.
    static std::optional<quint8> usageForKeysym(quint32 keysym);

    // The key of a scan code from set 1 (XT) as QEMU's message carries it: one byte, with the
    // 0xE0-prefixed keys folded to 0x80 | code (Right Control, E0 1D, is 0x9D).
    static std::optional<quint8> usageForQemuKeycode(quint32 keycode);
};
