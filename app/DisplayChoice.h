#pragma once

#include <QString>

// Whether qbmc shows its dashboard, and on which Qt platform, decided before the application
// object exists (DECISIONS.md "Display"): --headless or no usable display means no GUI at all.
// eglfs without a DRM device would abort in Qt 6.4, so it falls back to linuxfb when a
// framebuffer exists and to headless when nothing does.
struct DisplayChoice
{
    enum class Mode {
        Headless,
        Window, // a desktop session or a virtual platform (offscreen, vnc): an ordinary window
        Kiosk,  // the board's own display (eglfs, linuxfb): full screen, no cursor, touch keyboard
    };

    // What the decision depends on, gathered from the command line, the environment and /dev.
    struct Facts
    {
        bool headlessOption = false;
        QString platformArgument; // -platform NAME[:options]
        QString platformVariable; // QT_QPA_PLATFORM
        bool waylandDisplay = false;
        bool x11Display = false;
        bool drmDevice = false;   // /dev/dri/card*
        bool framebuffer = false; // /dev/fb0
    };

    Mode mode = Mode::Headless;
    QString platform; // QT_QPA_PLATFORM to use; empty when headless
    QString reason;   // why, for the log

    static Facts gather(int argc, char **argv);
    static DisplayChoice decide(const Facts &facts);
};
