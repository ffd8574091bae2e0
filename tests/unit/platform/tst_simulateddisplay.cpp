#include "HidUsage.h"
#include "sim/SimulatedHost.h"

#include <QSignalSpy>
#include <QTest>

#include <chrono>
#include <memory>
#include <optional>

using namespace std::chrono_literals;
using namespace Qt::StringLiterals;
using Button = HostBackend::Button;
using Mode = SimulatedDisplay::Mode;
using Status = VideoSource::Status;

namespace {

// Short enough to keep the suite fast; setup is offered long enough for a test to press F2.
constexpr SimulatedHost::Timings testTimings{
    .powerOnDelay = 50ms, .shutdownDelay = 300ms, .forceOffHold = 300ms, .setupWait = 3s};
// A host that boots without waiting for a key.
constexpr SimulatedHost::Timings bootingTimings{
    .powerOnDelay = 50ms, .shutdownDelay = 300ms, .forceOffHold = 300ms, .setupWait = 100ms};
constexpr auto shortPress = 20ms;
// The display draws at most once a refresh (60 Hz); waits for a frame allow far more.
constexpr auto refresh = 16ms;
constexpr auto patience = 10s;
constexpr QSize firmwareSize{640, 480};
constexpr QSize systemSize{1024, 768};
constexpr quint32 black = 0x000000;

// Qt 6.4's waits take plain milliseconds.
int ms(std::chrono::milliseconds duration)
{
    return int(duration.count());
}

QPoint insideTheLogo()
{
    return SimulatedDisplay::logoArea.topLeft() + QPoint(2, 2);
}

} // namespace

class tst_SimulatedDisplay : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();

    void whileOffThereIsNoSignal();
    void powerOnShowsTheSplashWithItsLogoAndPrompt();
    void f2ShowsSetupAndEscapeBootsToTheSystemConsole();
    void aPowerCutTakesTheSignalAway();
    void anInactiveDisplayDrawsNothingUntilActiveAgain();
    void aResetFromTheSystemReturnsToTheFirmwareMode();
    void onlyChangedRowsAreDrawnAndTheyMatchAWholeDraw();

private:
    void createHost(SimulatedHost::Timings timings);
    void powerOn();
    void tap(quint8 usage);
    bool showsText(const QString &text) const;
    // The frame's pixel inside the logo; none before the first frame is drawn.
    std::optional<quint32> logoPixel() const;
    SimulatedDisplay *display() const { return m_host->display(); }

    std::unique_ptr<SimulatedHost> m_host;
};

void tst_SimulatedDisplay::cleanup()
{
    m_host.reset();
}

void tst_SimulatedDisplay::createHost(SimulatedHost::Timings timings)
{
    m_host = std::make_unique<SimulatedHost>(timings, false);
    const std::optional<Failure> failure = m_host->start();
    QVERIFY2(!failure, qPrintable(failure ? failure->message : QString()));
    display()->setActive(true);
}

void tst_SimulatedDisplay::powerOn()
{
    QSignalSpy statusChanges(display(), &VideoSource::statusChanged);
    m_host->press(Button::Power, shortPress);
    QTRY_COMPARE_WITH_TIMEOUT(display()->status(), Status::Picture, ms(patience));
    QCOMPARE(statusChanges.size(), 1);
    QCOMPARE(statusChanges.first().first().value<Status>(), Status::Picture);
}

// A key pressed and released on the host's keyboard.
void tst_SimulatedDisplay::tap(quint8 usage)
{
    m_host->keyboard()->setKey(usage, true);
    m_host->keyboard()->setKey(usage, false);
}

std::optional<quint32> tst_SimulatedDisplay::logoPixel() const
{
    const VideoFrame frame = display()->frame();
    if (!QRect(QPoint(), frame.size).contains(insideTheLogo()))
        return std::nullopt;
    return frame.pixel(insideTheLogo().x(), insideTheLogo().y());
}

bool tst_SimulatedDisplay::showsText(const QString &text) const
{
    for (int row = 0; row < display()->terminal()->rows(); ++row) {
        if (display()->rowText(row).contains(text))
            return true;
    }
    return false;
}

void tst_SimulatedDisplay::whileOffThereIsNoSignal()
{
    createHost(testTimings);
    QSignalSpy frames(display(), &VideoSource::frameChanged);
    QCOMPARE(display()->mode(), Mode::Off);
    QCOMPARE(display()->status(), Status::NoSignal);
    QVERIFY(display()->frame().isNull());
    QVERIFY(!display()->problem().isEmpty());
    QVERIFY(!display()->description().isEmpty());
    QTest::qWait(ms(10 * refresh));
    QCOMPARE(frames.size(), 0);
}

void tst_SimulatedDisplay::powerOnShowsTheSplashWithItsLogoAndPrompt()
{
    createHost(testTimings);
    QSignalSpy frames(display(), &VideoSource::frameChanged);
    powerOn();
    QCOMPARE(display()->mode(), Mode::Splash);
    QVERIFY(display()->problem().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(showsText(u"Press F2 or Del to enter setup"_s), ms(patience));
    // The frame follows the text within a refresh.
    QTRY_VERIFY_WITH_TIMEOUT(frames.size() > 0 && !display()->frame().isNull(), ms(patience));

    const VideoFrame frame = display()->frame();
    QCOMPARE(frame.size, firmwareSize);
    QCOMPARE(frame.pixels.size(), qsizetype(firmwareSize.width()) * firmwareSize.height() * 4);
    QCOMPARE(frame.pixel(insideTheLogo().x(), insideTheLogo().y()), SimulatedDisplay::logoColour);
    QCOMPARE(frame.pixel(630, 470), black);
}

void tst_SimulatedDisplay::f2ShowsSetupAndEscapeBootsToTheSystemConsole()
{
    createHost(testTimings);
    powerOn();
    QTRY_VERIFY_WITH_TIMEOUT(showsText(u"Press F2 or Del to enter setup"_s), ms(patience));

    tap(HidUsage::F2);
    QTRY_COMPARE_WITH_TIMEOUT(display()->mode(), Mode::FirmwareText, ms(patience));
    QTRY_VERIFY_WITH_TIMEOUT(display()->rowText(0).contains(u"qbmc Simulated Setup Utility"_s), ms(patience));
    // Setup's text covers the screen where the splash had its logo.
    QTRY_VERIFY_WITH_TIMEOUT(logoPixel() && logoPixel() != SimulatedDisplay::logoColour, ms(patience));
    QCOMPARE(display()->frame().size, firmwareSize);

    tap(HidUsage::Escape);
    QTRY_COMPARE_WITH_TIMEOUT(display()->mode(), Mode::SystemConsole, ms(patience));
    QCOMPARE(m_host->firmware().state(), SimulatedFirmware::State::Booted);
    QTRY_COMPARE_WITH_TIMEOUT(display()->frame().size, systemSize, ms(patience));
    QCOMPARE(display()->status(), Status::Picture);
    QTRY_VERIFY_WITH_TIMEOUT(showsText(u"Linux version 6.1.0-sim"_s), ms(patience));
}

void tst_SimulatedDisplay::aPowerCutTakesTheSignalAway()
{
    createHost(bootingTimings);
    powerOn();
    QTRY_COMPARE_WITH_TIMEOUT(display()->mode(), Mode::SystemConsole, ms(patience));
    QTRY_COMPARE_WITH_TIMEOUT(display()->frame().size, systemSize, ms(patience));

    QSignalSpy statusChanges(display(), &VideoSource::statusChanged);
    QSignalSpy frames(display(), &VideoSource::frameChanged);
    m_host->press(Button::Power, 3 * bootingTimings.forceOffHold);
    QTRY_COMPARE_WITH_TIMEOUT(display()->status(), Status::NoSignal, ms(patience));
    QCOMPARE(display()->mode(), Mode::Off);
    QVERIFY(display()->frame().isNull());
    QVERIFY(!display()->problem().isEmpty());
    QCOMPARE(statusChanges.size(), 1);
    QCOMPARE(statusChanges.first().first().value<Status>(), Status::NoSignal);
    // Those who watch learn that the picture went.
    QVERIFY(frames.size() > 0);
}

void tst_SimulatedDisplay::anInactiveDisplayDrawsNothingUntilActiveAgain()
{
    createHost(testTimings);
    powerOn();
    QTRY_VERIFY_WITH_TIMEOUT(showsText(u"Press F2 or Del to enter setup"_s), ms(patience));
    QTRY_VERIFY_WITH_TIMEOUT(!display()->frame().isNull(), ms(patience));
    // The prompt waits for a key and prints nothing: once a refresh has passed, no draw is due.
    QTest::qWait(ms(4 * refresh));

    display()->setActive(false);
    QSignalSpy frames(display(), &VideoSource::frameChanged);
    // Setup draws its whole screen, then Escape boots and the boot log runs: output all along.
    tap(HidUsage::F2);
    QTRY_COMPARE_WITH_TIMEOUT(display()->mode(), Mode::FirmwareText, ms(patience));
    QTest::qWait(ms(10 * refresh));
    tap(HidUsage::Escape);
    QTRY_VERIFY_WITH_TIMEOUT(showsText(u"simhost login:"_s), ms(patience));
    QCOMPARE(display()->mode(), Mode::SystemConsole);
    QCOMPARE(frames.size(), 0);

    // A viewer that comes back sees the screen as it is at once, not after the next output.
    display()->setActive(true);
    QCOMPARE(frames.size(), 1);
    QCOMPARE(display()->frame().size, systemSize);
    // The login prompt waits and prints nothing more: nothing else is drawn.
    QTest::qWait(ms(10 * refresh));
    QCOMPARE(frames.size(), 1);
}

void tst_SimulatedDisplay::aResetFromTheSystemReturnsToTheFirmwareMode()
{
    createHost(testTimings);
    powerOn();
    QTRY_VERIFY_WITH_TIMEOUT(showsText(u"Press F2 or Del to enter setup"_s), ms(patience));
    tap(HidUsage::Escape);
    QTRY_VERIFY_WITH_TIMEOUT(showsText(u"simhost login:"_s), ms(patience));
    QTRY_COMPARE_WITH_TIMEOUT(display()->frame().size, systemSize, ms(patience));

    // The reset button: the firmware starts again in its own mode, at its own size and text grid.
    m_host->press(Button::Reset, shortPress);
    QTRY_COMPARE_WITH_TIMEOUT(display()->mode(), Mode::Splash, ms(patience));
    QCOMPARE(display()->terminal()->columns(), SimulatedFirmware::columns);
    QCOMPARE(display()->terminal()->rows(), SimulatedFirmware::rows);
    QVERIFY(!showsText(u"simhost login:"_s));
    QTRY_COMPARE_WITH_TIMEOUT(display()->frame().size, firmwareSize, ms(patience));
    QTRY_COMPARE_WITH_TIMEOUT(logoPixel(), std::optional(SimulatedDisplay::logoColour), ms(patience));
}

void tst_SimulatedDisplay::onlyChangedRowsAreDrawnAndTheyMatchAWholeDraw()
{
    createHost(bootingTimings);
    powerOn();
    QTRY_VERIFY_WITH_TIMEOUT(showsText(u"simhost login:"_s), ms(patience));
    QTRY_COMPARE_WITH_TIMEOUT(display()->frame().size, systemSize, ms(patience));
    QTest::qWait(ms(4 * refresh));

    // Typed letters are echoed: only their row is drawn again.
    QSignalSpy frames(display(), &VideoSource::frameChanged);
    for (const quint8 usage : {HidUsage::KeyR, HidUsage::KeyO, HidUsage::KeyO, HidUsage::KeyT})
        tap(usage);
    QTRY_VERIFY_WITH_TIMEOUT(showsText(u"simhost login: root"_s), ms(patience));
    QTRY_VERIFY_WITH_TIMEOUT(frames.size() > 0, ms(patience));
    QTest::qWait(ms(4 * refresh));
    const VideoFrame drawnInParts = display()->frame();

    // A key that prints nothing draws nothing.
    const qsizetype framesBefore = frames.size();
    tap(HidUsage::LeftShift);
    QTest::qWait(ms(10 * refresh));
    QCOMPARE(frames.size(), framesBefore);

    // Drawn whole (as for a viewer that comes back), the screen is the same to the pixel.
    display()->setActive(false);
    display()->setActive(true);
    QCOMPARE(display()->frame().size, drawnInParts.size);
    QVERIFY(display()->frame().pixels == drawnInParts.pixels);
}

QTEST_GUILESS_MAIN(tst_SimulatedDisplay)
#include "tst_simulateddisplay.moc"
