#pragma once

#include "HostInput.h"

#include <QList>
#include <QPoint>
#include <QSize>
#include <QTimer>

#include <chrono>

class QSocketNotifier;
class UsbGadget;

// The host's keyboard and mouse as USB HID functions of qbmc's gadget (UsbGadget), written to their
// /dev/hidgN nodes. Reports are states, not events: each keyboard report lists every key held, each
// absolute mouse report the position and buttons. So a report the host did not take is dropped, not
// queued, and the next one carries the whole state; a write never blocks the daemon. While the
// host does not read (asleep, or in firmware that polls slowly) a write finds the node busy and
// the state is sent again when it can be; while the host is off or rebooting the node refuses
// writes and is reopened every reopen interval, and then given the current state.
//
// The keyboard's output report, the host's LEDs (Caps Lock and the others), is read from the
// keyboard's node; ledsChanged() tells when the host changes them.
class UsbHidInput : public HostInput
{
    Q_OBJECT
public:
    // Absolute puts the pointer where the viewer's is; relative is the boot mouse, for firmware
    // that ignores an absolute pointer.
    enum class MouseMode { Absolute, Relative };

    struct Devices
    {
        QString keyboard; // "/dev/hidg0"
        QString mouse;    // "/dev/hidg1"
        // Where the LED reports come from; empty for the keyboard's node itself, which a HID
        // function reads and writes through one descriptor.
        QString keyboardLeds;
        QString controller; // the USB device controller, for description()
    };

    // The gadget functions this needs, "keyboard" and "mouse", declared before gadget.create().
    static void addFunctions(UsbGadget &gadget, MouseMode mode);
    // Their nodes, once the gadget is created.
    static Devices devicesOf(const UsbGadget &gadget);

    UsbHidInput(Devices devices, MouseMode mode, std::chrono::milliseconds reopenInterval = std::chrono::seconds(1),
                QObject *parent = nullptr);
    ~UsbHidInput() override;

    void setKey(quint8 usage, bool pressed) override;
    void movePointer(int x, int y, quint8 buttons, int wheel) override;
    void releaseAll() override;
    QString description() const override;

    MouseMode mouseMode() const { return m_mouseMode; }
    // The host's keyboard LEDs as it last set them (HidReports::Led bits).
    quint8 leds() const { return m_leds; }

    // The relative mouse moves the host's pointer by pixels, so a move of the viewer's pointer is
    // scaled to the host's screen when its size is known; without one (an empty size), a move is
    // sent in the absolute coordinates' units. The absolute mouse needs no size.
    void setScreenSize(QSize size);

signals:
    void ledsChanged(quint8 leds);

private:
    struct Node
    {
        QString path;
        int fd = -1;
        QSocketNotifier *writable = nullptr;
        bool lostLogged = false;
    };
    enum class Written { Done, Busy, Lost };

    bool open(Node &node, int flags);
    void close(Node &node);
    Written write(Node &node, const QByteArray &report);
    void reopen();
    void keyboardOpened();
    void mouseOpened();
    void sendKeyboard();
    void sendMouse();
    void openLeds();
    void closeLeds();
    void readLeds();
    bool ledsFromKeyboard() const { return m_ledsPath.isEmpty(); }
    // The position in the relative mouse's units.
    QPoint relativeTarget() const;

    Node m_keyboard;
    Node m_mouse;
    QString m_ledsPath;
    int m_ledsFd = -1; // the keyboard's own descriptor when m_ledsPath is empty
    QSocketNotifier *m_ledsReader = nullptr;
    QString m_controller;
    MouseMode m_mouseMode;
    QTimer m_reopen;

    quint8 m_modifiers = 0;
    QList<quint8> m_keys; // held, in the order they went down
    quint8 m_leds = 0;

    int m_x = 0;
    int m_y = 0;
    quint8 m_buttons = 0;
    int m_wheel = 0; // steps not yet sent
    QSize m_screenSize;
    // Relative mode: where the host's pointer was last sent, in relativeTarget()'s units.
    QPoint m_sent;
    bool m_havePosition = false;
};
