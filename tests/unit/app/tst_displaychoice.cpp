#include "DisplayChoice.h"

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
    QTest::newRow("--headless wins") << facts([](Facts &f) { f.headlessOption = true; f.drmDevice = true; f.x11Display = true; })
                                     << int(Mode::Headless) << QString();
    QTest::newRow("Pi with KMS") << facts([](Facts &f) { f.drmDevice = true; f.framebuffer = true; })
                                 << int(Mode::Kiosk) << u"eglfs"_s;
    QTest::newRow("framebuffer only") << facts([](Facts &f) { f.framebuffer = true; }) << int(Mode::Kiosk) << u"linuxfb"_s;
    QTest::newRow("desktop") << facts([](Facts &f) { f.x11Display = true; f.drmDevice = true; }) << int(Mode::Window) << u"xcb"_s;
    QTest::newRow("wayland desktop") << facts([](Facts &f) { f.waylandDisplay = true; }) << int(Mode::Window) << u"wayland"_s;
    QTest::newRow("-platform eglfs without DRM falls back")
        << facts([](Facts &f) { f.platformArgument = u"eglfs"_s; f.framebuffer = true; }) << int(Mode::Kiosk) << u"linuxfb"_s;
    QTest::newRow("-platform eglfs without any display")
        << facts([](Facts &f) { f.platformArgument = u"eglfs"_s; }) << int(Mode::Headless) << QString();
    QTest::newRow("eglfs with options kept")
        << facts([](Facts &f) { f.platformVariable = u"eglfs:rotation=90"_s; f.drmDevice = true; })
        << int(Mode::Kiosk) << u"eglfs:rotation=90"_s;
    QTest::newRow("argument before variable")
        << facts([](Facts &f) { f.platformArgument = u"offscreen"_s; f.platformVariable = u"xcb"_s; })
        << int(Mode::Window) << u"offscreen"_s;
    QTest::newRow("offscreen") << facts([](Facts &f) { f.platformVariable = u"offscreen"_s; }) << int(Mode::Window)
                               << u"offscreen"_s;
    QTest::newRow("xcb without DISPLAY") << facts([](Facts &f) { f.platformVariable = u"xcb"_s; }) << int(Mode::Headless)
                                         << QString();
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

QTEST_GUILESS_MAIN(tst_DisplayChoice)
#include "tst_displaychoice.moc"
