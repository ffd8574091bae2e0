#include "DisplayChoice.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Mode = DisplayChoice::Mode;
using Facts = DisplayChoice::Facts;

Q_DECLARE_METATYPE(DisplayChoice::Facts)

class tst_DisplayChoice : public QObject
{
    Q_OBJECT
private slots:
    void decide_data();
    void decide();
    void gatherReadsTheCommandLine();
    void kmsConfigurationNamesTheDisplayCard();
    void displayCardSkipsTheRenderOnlyGpu();
};

void tst_DisplayChoice::decide_data()
{
    QTest::addColumn<Facts>("facts");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("platform");

    const auto facts = [](auto change) {
        Facts f;
        change(f);
        return f;
    };
    QTest::newRow("nothing") << Facts{} << int(Mode::Headless) << QString();
    QTest::newRow("--headless wins") << facts([](Facts &f) {
        f.headlessOption = true;
        f.drmDisplay = u"/dev/dri/card1"_s;
        f.x11Display = true;
    }) << int(Mode::Headless) << QString();
    QTest::newRow("Pi with KMS") << facts([](Facts &f) {
        f.drmDisplay = u"/dev/dri/card1"_s;
        f.framebuffer = true;
    }) << int(Mode::Kiosk) << u"eglfs"_s;
    QTest::newRow("framebuffer only") << facts([](Facts &f) { f.framebuffer = true; }) << int(Mode::Kiosk)
                                      << u"linuxfb"_s;
    QTest::newRow("desktop") << facts([](Facts &f) {
        f.x11Display = true;
        f.drmDisplay = u"/dev/dri/card1"_s;
    }) << int(Mode::Window) << u"xcb"_s;
    QTest::newRow("wayland desktop") << facts([](Facts &f) { f.waylandDisplay = true; }) << int(Mode::Window)
                                     << u"wayland"_s;
    QTest::newRow("-platform eglfs without DRM falls back") << facts([](Facts &f) {
        f.platformArgument = u"eglfs"_s;
        f.framebuffer = true;
    }) << int(Mode::Kiosk) << u"linuxfb"_s;
    QTest::newRow("-platform eglfs without any display")
        << facts([](Facts &f) { f.platformArgument = u"eglfs"_s; }) << int(Mode::Headless) << QString();
    QTest::newRow("eglfs with options kept") << facts([](Facts &f) {
        f.platformVariable = u"eglfs:rotation=90"_s;
        f.drmDisplay = u"/dev/dri/card1"_s;
    }) << int(Mode::Kiosk) << u"eglfs:rotation=90"_s;
    QTest::newRow("argument before variable") << facts([](Facts &f) {
        f.platformArgument = u"offscreen"_s;
        f.platformVariable = u"xcb"_s;
    }) << int(Mode::Window) << u"offscreen"_s;
    QTest::newRow("offscreen") << facts([](Facts &f) { f.platformVariable = u"offscreen"_s; }) << int(Mode::Window)
                               << u"offscreen"_s;
    QTest::newRow("xcb without DISPLAY") << facts([](Facts &f) { f.platformVariable = u"xcb"_s; })
                                         << int(Mode::Headless) << QString();
}

void tst_DisplayChoice::decide()
{
    QFETCH(Facts, facts);
    QFETCH(int, mode);
    QFETCH(QString, platform);
    const DisplayChoice choice = DisplayChoice::decide(facts);
    QCOMPARE(int(choice.mode), mode);
    QCOMPARE(choice.platform, platform);
    QVERIFY(!choice.reason.isEmpty());
}

void tst_DisplayChoice::gatherReadsTheCommandLine()
{
    char program[] = "qbmc", headless[] = "--headless", platform[] = "-platform", name[] = "vnc";
    char *argv[] = {program, platform, name, headless, nullptr};
    const Facts facts = DisplayChoice::gather(4, argv);
    QVERIFY(facts.headlessOption);
    QCOMPARE(facts.platformArgument, u"vnc"_s);
}

void tst_DisplayChoice::kmsConfigurationNamesTheDisplayCard()
{
    Facts facts;
    facts.drmDisplay = u"/dev/dri/card1"_s;
    facts.framebuffer = true;
    const DisplayChoice eglfs = DisplayChoice::decide(facts);
    QCOMPARE(eglfs.kmsDevice, u"/dev/dri/card1"_s);
    QCOMPARE(eglfs.reason, u"eglfs on /dev/dri/card1"_s);
    const QJsonObject configuration = QJsonDocument::fromJson(eglfs.kmsConfiguration()).object();
    QCOMPARE(configuration.value(u"device"_s).toString(), u"/dev/dri/card1"_s);
    QCOMPARE(configuration.value(u"hwcursor"_s), QJsonValue(false));

    facts.platformVariable = u"linuxfb"_s;
    QVERIFY(DisplayChoice::decide(facts).kmsConfiguration().isEmpty());
}

// A Pi 4: card0 is v3d (a GPU, no connectors), card1 is vc4 with HDMI (nothing plugged in) and the
// DSI touchscreen (connected); card2 is a USB display, also connected.
void tst_DisplayChoice::displayCardSkipsTheRenderOnlyGpu()
{
    QTemporaryDir sysfs;
    QTemporaryDir devices;
    const auto connector = [&](const QString &name, const QByteArray &status) {
        QDir(sysfs.path()).mkpath(name);
        QFile file(sysfs.filePath(name + u"/status"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(status + '\n');
    };
    QDir(sysfs.path()).mkpath(u"card0"_s);
    QDir(sysfs.path()).mkpath(u"renderD128"_s);
    QDir(sysfs.path()).mkpath(u"card1"_s);
    connector(u"card1-HDMI-A-1"_s, "disconnected");
    QCOMPARE(DisplayChoice::displayCard(sysfs.path(), devices.path()), QString()); // no device node
    for (const QString &card : {u"card0"_s, u"card1"_s, u"card2"_s})
        QVERIFY(QFile(devices.filePath(card)).open(QIODevice::WriteOnly));
    QCOMPARE(DisplayChoice::displayCard(sysfs.path(), devices.path()), devices.filePath(u"card1"_s));
    connector(u"card2-HDMI-A-2"_s, "connected");
    QCOMPARE(DisplayChoice::displayCard(sysfs.path(), devices.path()), devices.filePath(u"card2"_s));
    connector(u"card1-DSI-1"_s, "connected");
    QCOMPARE(DisplayChoice::displayCard(sysfs.path(), devices.path()), devices.filePath(u"card1"_s));
}

QTEST_GUILESS_MAIN(tst_DisplayChoice)
#include "tst_displaychoice.moc"
