#pragma once

#include <QObject>
#include <QString>

// The host's keyboard and pointer as a USB keyboard and mouse give them to it: keys as HID
// keyboard usages (what a physical key sends, so the host's own layout applies), the pointer at
// absolute coordinates. Behind it: the USB gadget on the Pi's OTG port, or the simulated host.
class HostInput : public QObject
{
    Q_OBJECT
public:
    // Pointer coordinates span 0..maxCoordinate on both axes, whatever the screen's size, as the
    // absolute mouse's report descriptor declares.
    static constexpr int maxCoordinate = 32767;

    enum Button : quint8 { Left = 0x1, Right = 0x2, Middle = 0x4 };

    using QObject::QObject;

    // A key went down or up; `usage` is from the HID keyboard page (0x07), 0xE0..0xE7 the modifiers.
    virtual void setKey(quint8 usage, bool pressed) = 0;
    // The pointer is at (x, y) with `buttons` held; `wheel` steps since the last call, up positive.
    virtual void movePointer(int x, int y, quint8 buttons, int wheel) = 0;
    // Lets go of every key and button: a viewer left or another took over the input.
    virtual void releaseAll() = 0;
    // One line for logs and readers: "USB gadget on fe980000.usb" or "the simulated host".
    virtual QString description() const = 0;
};
