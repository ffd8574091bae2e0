#pragma once

#include <QString>

// Whether qbmc shows its dashboard, and on which Qt platform, decided before the application
// object exists (docs/decisions.md#69): --headless or no usable display means no GUI at all.
// eglfs without a DRM device would abort in Qt 6.4, so it falls back to linuxfb when a
// framebuffer exists and to headless when nothing does. A DRM device counts only when it drives a
// display (it has connectors): a Pi 4's v3d is a GPU without one, and eglfs must be told to use
// vc4's card rather than the first it finds.
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
        QString drmDisplay;       // the /dev/dri/card* that drives a display (displayCard)
        bool framebuffer = false; // /dev/fb0
    };

    Mode mode = Mode::Headless;
    QString platform;       // QT_QPA_PLATFORM to use; empty when headless
    QString reason;         // why, for the log
    QString kmsDevice = {}; // the DRM device eglfs is to use; empty for any other platform

    // eglfs_kms's configuration (QT_QPA_EGLFS_KMS_CONFIG) for kmsDevice: that device, and no
    // hardware cursor, which a hidden cursor does not need. Empty when not on eglfs.
    QByteArray kmsConfiguration() const;

    static Facts gather(int argc, char **argv);
    // The card in `devices` (/dev/dri) that drives a display, from `sysfs` (/sys/class/drm): the
    // lowest-numbered one with a connected connector (card1-HDMI-A-1/status), else with any.
    static QString displayCard(const QString &sysfs, const QString &devices);
    static DisplayChoice decide(const Facts &facts);
};
