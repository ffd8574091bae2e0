#include "DisplayChoice.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cstring>

using namespace Qt::StringLiterals;

QString DisplayChoice::displayCard(const QString &sysfs, const QString &devices)
{
    static const QRegularExpression connector(u"^card(\\d+)-.+$"_s);
    int connected = -1;
    int present = -1;
    const QStringList entries = QDir(sysfs).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::System);
    for (const QString &entry : entries) {
        const QRegularExpressionMatch match = connector.match(entry);
        if (!match.hasMatch())
            continue;
        const int card = match.captured(1).toInt();
        QFile status(sysfs + u'/' + entry + u"/status"_s);
        const bool isConnected = status.open(QIODevice::ReadOnly) && status.readAll().trimmed() == "connected";
        if (isConnected && (connected < 0 || card < connected))
            connected = card;
        if (present < 0 || card < present)
            present = card;
    }
    const int card = connected >= 0 ? connected : present;
    const QString device = devices + u"/card%1"_s.arg(card);
    if (card < 0 || !QFileInfo::exists(device))
        return {};
    return device;
}

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
    facts.drmDisplay = displayCard(u"/sys/class/drm"_s, u"/dev/dri"_s);
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
            if (!facts.drmDisplay.isEmpty())
                return {Mode::Kiosk, requested, u"eglfs on %1"_s.arg(facts.drmDisplay), facts.drmDisplay};
            if (facts.framebuffer)
                return {Mode::Kiosk, u"linuxfb"_s,
                        u"eglfs asked for, but there is no DRM display device: linuxfb on /dev/fb0"_s};
            return {Mode::Headless, {}, u"eglfs asked for, but there is no DRM display device or framebuffer"_s};
        }
        if (name == u"linuxfb"_s) {
            return facts.framebuffer
                ? DisplayChoice{Mode::Kiosk, requested, u"linuxfb on /dev/fb0"_s}
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
    if (!facts.drmDisplay.isEmpty())
        return {Mode::Kiosk, u"eglfs"_s, u"eglfs on %1"_s.arg(facts.drmDisplay), facts.drmDisplay};
    if (facts.framebuffer)
        return {Mode::Kiosk, u"linuxfb"_s, u"linuxfb on /dev/fb0"_s};
    return {Mode::Headless, {}, u"no display found"_s};
}

QByteArray DisplayChoice::kmsConfiguration() const
{
    if (kmsDevice.isEmpty())
        return {};
    return QJsonDocument(QJsonObject{{u"device"_s, kmsDevice}, {u"hwcursor"_s, false}}).toJson(QJsonDocument::Compact);
}
