#include "DisplayChoice.h"

#include <QDir>
#include <QFileInfo>

#include <cstring>

using namespace Qt::StringLiterals;

DisplayChoice::Facts DisplayChoice::gather(int argc, char **argv)
{
    Facts facts;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--headless") == 0 || std::strcmp(argv[i], "-headless") == 0)
            facts.headlessOption = true;
        else if (std::strcmp(argv[i], "-platform") == 0 && i + 1 < argc)
            facts.platformArgument = QString::fromLocal8Bit(argv[++i]);
    }
    facts.platformVariable = qEnvironmentVariable("QT_QPA_PLATFORM");
    facts.waylandDisplay = !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    facts.x11Display = !qEnvironmentVariableIsEmpty("DISPLAY");
    facts.drmDevice = !QDir(u"/dev/dri"_s).entryList({u"card*"_s}, QDir::System).isEmpty();
    facts.framebuffer = QFileInfo::exists(u"/dev/fb0"_s);
    return facts;
}

DisplayChoice DisplayChoice::decide(const Facts &facts)
{
    if (facts.headlessOption)
        return {Mode::Headless, {}, u"--headless"_s};

    const QString requested = !facts.platformArgument.isEmpty() ? facts.platformArgument : facts.platformVariable;
    if (!requested.isEmpty()) {
        const QString name = requested.section(u':', 0, 0);
        if (name == u"eglfs"_s) {
            if (facts.drmDevice)
                return {Mode::Kiosk, requested, u"eglfs on /dev/dri"_s};
            if (facts.framebuffer)
                return {Mode::Kiosk, u"linuxfb"_s, u"eglfs asked for, but there is no DRM device: linuxfb on /dev/fb0"_s};
            return {Mode::Headless, {}, u"eglfs asked for, but there is no DRM device or framebuffer"_s};
        }
        if (name == u"linuxfb"_s) {
            return facts.framebuffer ? DisplayChoice{Mode::Kiosk, requested, u"linuxfb on /dev/fb0"_s}
                                     : DisplayChoice{Mode::Headless, {}, u"linuxfb asked for, but there is no /dev/fb0"_s};
        }
        if (name == u"xcb"_s && !facts.x11Display)
            return {Mode::Headless, {}, u"xcb asked for, but DISPLAY is not set"_s};
        if (name == u"wayland"_s && !facts.waylandDisplay)
            return {Mode::Headless, {}, u"wayland asked for, but WAYLAND_DISPLAY is not set"_s};
        return {Mode::Window, requested, u"platform %1 asked for"_s.arg(name)};
    }

    if (facts.x11Display)
        return {Mode::Window, u"xcb"_s, u"a desktop session (DISPLAY)"_s};
    if (facts.waylandDisplay)
        return {Mode::Window, u"wayland"_s, u"a desktop session (WAYLAND_DISPLAY)"_s};
    if (facts.drmDevice)
        return {Mode::Kiosk, u"eglfs"_s, u"eglfs on /dev/dri"_s};
    if (facts.framebuffer)
        return {Mode::Kiosk, u"linuxfb"_s, u"linuxfb on /dev/fb0"_s};
    return {Mode::Headless, {}, u"no display found"_s};
}
