#include "FakeCaptureDevice.h"
#include "TestJpeg.h"
#include "linux/V4l2VideoSource.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <chrono>
#include <memory>

using namespace std::chrono_literals;
using namespace TestJpeg;
using Status = VideoSource::Status;

namespace {

// Short, so that the suite is quick; waits for a state allow far longer.
constexpr V4l2VideoSource::Settings testSettings{
    .maxSize = {1920, 1080}, .maxFps = 30, .noSignalAfter = 150ms, .retryInterval = 50ms};
constexpr int patience = 10000;

// Raw UYVY of one colour (BT.601 limited range), as an HDMI bridge sends.
QByteArray uyvyFilled(QSize size, quint8 y, quint8 u, quint8 v)
{
    return (QByteArray(1, char(u)) + char(y) + char(v) + char(y)).repeated(qsizetype(size.width()) / 2 * size.height());
}

} // namespace

class tst_V4l2VideoSource : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void picturesArriveWhileActive();
    void framesFollowTheHostsModeChange();
    void aBridgeFollowsItsTimings();
    void withoutFramesThereIsNoSignalUntilTheyReturn();
    void aBridgeWithoutLinkHasNoSignal();
    void aMissingDeviceIsRetried();
    void aDeviceThatGoesAwayComesBack();
    void inactiveStopsStreaming();
    void undecodableFormatsSayWhy();
    void damagedFramesAreDropped();
    void aSlowReaderSkipsFrames();
    void destructionDoesNotWaitForAStuckDevice();

private:
    void create(CaptureDevice::Description description, V4l2VideoSource::Settings settings = testSettings);

    FakeCaptureDevice *m_device = nullptr; // owned by m_source
    std::unique_ptr<V4l2VideoSource> m_source;
};

void tst_V4l2VideoSource::init()
{
    qRegisterMetaType<VideoSource::Status>();
}

void tst_V4l2VideoSource::cleanup()
{
    m_source.reset();
    m_device = nullptr;
}

void tst_V4l2VideoSource::create(CaptureDevice::Description description, V4l2VideoSource::Settings settings)
{
    auto device = std::make_unique<FakeCaptureDevice>(std::move(description));
    m_device = device.get();
    m_source = std::make_unique<V4l2VideoSource>(std::move(device), settings);
}

void tst_V4l2VideoSource::picturesArriveWhileActive()
{
    create(FakeCaptureDevice::usbDongle());
    m_device->send(colourBarsJpeg({1920, 1080}));
    QCOMPARE(m_source->description(), QStringLiteral("/dev/video9"));
    QCOMPARE(m_source->status(), Status::NoSignal);
    QVERIFY(m_source->frame().isNull());
    QTest::qWait(50);
    QVERIFY(!m_device->streaming()); // nobody watches yet
    QCOMPARE(m_device->streamStarts(), 0);

    QSignalSpy frames(m_source.get(), &VideoSource::frameChanged);
    QSignalSpy statuses(m_source.get(), &VideoSource::statusChanged);
    m_source->setActive(true);
    QTRY_COMPARE_WITH_TIMEOUT(m_source->status(), Status::Picture, patience);
    QCOMPARE(statuses.first().first().value<Status>(), Status::Picture);
    QTRY_VERIFY_WITH_TIMEOUT(!frames.isEmpty(), patience);
    const VideoFrame frame = m_source->frame();
    QCOMPARE(frame.size, QSize(1920, 1080));
    QVERIFY(near(frame.pixel(barCentre(2, 1920), 540), bars[2]));
    QCOMPARE(m_source->description(), QStringLiteral("/dev/video9, 1920x1080 MJPEG at 30 Hz"));
    QVERIFY(m_source->problem().isEmpty());
}

void tst_V4l2VideoSource::framesFollowTheHostsModeChange()
{
    create(FakeCaptureDevice::usbDongle());
    m_source->setActive(true);
    // The host starts in its firmware's 640x480 while the dongle was asked for 1080p.
    m_device->send(colourBarsJpeg({640, 480}));
    QTRY_COMPARE_WITH_TIMEOUT(m_source->frame().size, QSize(640, 480), patience);
    QVERIFY(m_device->formatsSet() >= 2); // negotiated again when the size changed
    QCOMPARE(m_source->description(), QStringLiteral("/dev/video9, 640x480 MJPEG"));
    QVERIFY(near(m_source->frame().pixel(barCentre(6, 640), 100), bars[6]));

    // The system switches to 1080p.
    m_device->send(colourBarsJpeg({1920, 1080}));
    QTRY_COMPARE_WITH_TIMEOUT(m_source->frame().size, QSize(1920, 1080), patience);
    QTRY_COMPARE_WITH_TIMEOUT(m_source->description(), QStringLiteral("/dev/video9, 1920x1080 MJPEG at 30 Hz"),
                              patience);
    QCOMPARE(m_source->status(), Status::Picture);

    // And back, without a restart.
    m_device->send(colourBarsJpeg({640, 480}));
    QTRY_COMPARE_WITH_TIMEOUT(m_source->frame().size, QSize(640, 480), patience);
    QCOMPARE(m_source->status(), Status::Picture);
}

void tst_V4l2VideoSource::aBridgeFollowsItsTimings()
{
    create(FakeCaptureDevice::hdmiBridge());
    m_device->setTimings({true, {1280, 720}, 60});
    m_device->send(uyvyFilled({1280, 720}, 81, 90, 240)); // red
    m_source->setActive(true);
    QTRY_COMPARE_WITH_TIMEOUT(m_source->status(), Status::Picture, patience);
    QCOMPARE(m_source->frame().size, QSize(1280, 720));
    QCOMPARE(m_source->frame().pixel(640, 360), 0xff0000u);
    QCOMPARE(m_source->description(), QStringLiteral("/dev/video9, 1280x720 UYVY at 60 Hz"));

    // The host switches mode: the receiver tells with an event and new timings.
    m_device->send(uyvyFilled({1920, 1080}, 41, 240, 110)); // blue
    m_device->setTimings({true, {1920, 1080}, 50});
    QTRY_COMPARE_WITH_TIMEOUT(m_source->frame().size, QSize(1920, 1080), patience);
    QCOMPARE(m_source->frame().pixel(1919, 1079), 0x0000ffu);
    QCOMPARE(m_source->description(), QStringLiteral("/dev/video9, 1920x1080 UYVY at 50 Hz"));
}

void tst_V4l2VideoSource::withoutFramesThereIsNoSignalUntilTheyReturn()
{
    create(FakeCaptureDevice::usbDongle());
    m_device->send(colourBarsJpeg({1920, 1080}));
    m_source->setActive(true);
    QTRY_COMPARE_WITH_TIMEOUT(m_source->status(), Status::Picture, patience);

    QSignalSpy statuses(m_source.get(), &VideoSource::statusChanged);
    m_device->stopSending();
    QTRY_COMPARE_WITH_TIMEOUT(m_source->status(), Status::NoSignal, patience);
    QVERIFY(m_source->frame().isNull());
    QVERIFY(!m_source->problem().isEmpty());
    QVERIFY(m_device->streaming()); // a dongle may send again any time

    QSignalSpy frames(m_source.get(), &VideoSource::frameChanged);
    m_device->send(colourBarsJpeg({1920, 1080}));
    QTRY_COMPARE_WITH_TIMEOUT(m_source->status(), Status::Picture, patience);
    QTRY_VERIFY_WITH_TIMEOUT(!frames.isEmpty(), patience);
    QCOMPARE(statuses.size(), 2);
    QCOMPARE(statuses.at(0).first().value<Status>(), Status::NoSignal);
    QCOMPARE(statuses.at(1).first().value<Status>(), Status::Picture);
}

void tst_V4l2VideoSource::aBridgeWithoutLinkHasNoSignal()
{
    create(FakeCaptureDevice::hdmiBridge());
    m_device->setTimings({false, {}, 0});
    m_source->setActive(true);
    QTest::qWait(100);
    QCOMPARE(m_source->status(), Status::NoSignal);
    QVERIFY(!m_device->streaming());
    QVERIFY(!m_source->problem().isEmpty());

    m_device->send(uyvyFilled({800, 600}, 235, 128, 128));
    m_device->setTimings({true, {800, 600}, 60});
    QTRY_COMPARE_WITH_TIMEOUT(m_source->status(), Status::Picture, patience);
    QCOMPARE(m_source->frame().pixel(0, 0), 0xffffffu);

    // The cable is pulled: frames stop, the receiver loses the link.
    m_device->stopSending();
    m_device->setTimings({false, {}, 0});
    QTRY_COMPARE_WITH_TIMEOUT(m_source->status(), Status::NoSignal, patience);
    QTRY_VERIFY_WITH_TIMEOUT(!m_device->streaming(), patience);
}

void tst_V4l2VideoSource::aMissingDeviceIsRetried()
{
    auto device = std::make_unique<FakeCaptureDevice>(FakeCaptureDevice::usbDongle());
    m_device = device.get();
    m_device->setPresent(false);
    m_device->send(colourBarsJpeg({640, 480}));
    m_source = std::make_unique<V4l2VideoSource>(std::move(device), testSettings);
    m_source->setActive(true);
    QTRY_COMPARE_WITH_TIMEOUT(m_source->status(), Status::NoDevice, patience);
    QVERIFY2(m_source->problem().contains(QLatin1String("/dev/video9: cannot open")), qPrintable(m_source->problem()));
    QVERIFY(m_source->frame().isNull());
    QTRY_VERIFY_WITH_TIMEOUT(m_device->opens() >= 3, patience); // tried again and again

    m_device->setPresent(true);
    QTRY_COMPARE_WITH_TIMEOUT(m_source->status(), Status::Picture, patience);
    QVERIFY(m_source->problem().isEmpty());
}

void tst_V4l2VideoSource::aDeviceThatGoesAwayComesBack()
{
    create(FakeCaptureDevice::usbDongle());
    m_device->send(colourBarsJpeg({1920, 1080}));
    m_source->setActive(true);
    QTRY_COMPARE_WITH_TIMEOUT(m_source->status(), Status::Picture, patience);

    m_device->setPresent(false);
    QTRY_COMPARE_WITH_TIMEOUT(m_source->status(), Status::NoDevice, patience);
    QVERIFY(!m_source->problem().isEmpty());
    QVERIFY(m_source->frame().isNull());

    m_device->setPresent(true);
    QTRY_COMPARE_WITH_TIMEOUT(m_source->status(), Status::Picture, patience);
    QCOMPARE(m_source->frame().size, QSize(1920, 1080));
}

void tst_V4l2VideoSource::inactiveStopsStreaming()
{
    create(FakeCaptureDevice::usbDongle());
    m_device->send(colourBarsJpeg({640, 480}));
    m_source->setActive(true);
    QTRY_COMPARE_WITH_TIMEOUT(m_source->status(), Status::Picture, patience);
    QVERIFY(m_device->streaming());

    const int starts = m_device->streamStarts();
    m_source->setActive(false);
    QTRY_VERIFY_WITH_TIMEOUT(!m_device->streaming(), patience);
    const int handed = m_device->framesHanded();
    QTest::qWait(100);
    QCOMPARE(m_device->framesHanded(), handed);

    m_source->setActive(true);
    QTRY_VERIFY_WITH_TIMEOUT(m_device->streaming(), patience);
    QTRY_VERIFY_WITH_TIMEOUT(m_device->framesHanded() > handed, patience);
    QCOMPARE(m_device->streamStarts(), starts + 1);
}

void tst_V4l2VideoSource::undecodableFormatsSayWhy()
{
    CaptureDevice::Description camera{QStringLiteral("uvcvideo"), QStringLiteral("Camera"), true, false, {}};
    camera.formats.append({V4L2_PIX_FMT_H264, QStringLiteral("H.264"), {{{1920, 1080}, {1920, 1080}, {}, {}}}});
    create(camera);
    m_source->setActive(true);
    QTRY_COMPARE_WITH_TIMEOUT(m_source->status(), Status::NoDevice, patience);
    QCOMPARE(m_source->problem(), QStringLiteral("/dev/video9: no format qbmc can decode: H264"));
    QCOMPARE(m_device->streamStarts(), 0);
}

void tst_V4l2VideoSource::damagedFramesAreDropped()
{
    create(FakeCaptureDevice::usbDongle());
    QByteArray jpeg = colourBarsJpeg({640, 480});
    m_device->send(jpeg.left(jpeg.size() / 2));
    QSignalSpy frames(m_source.get(), &VideoSource::frameChanged);
    m_source->setActive(true);
    QTRY_VERIFY_WITH_TIMEOUT(m_device->framesHanded() > 20, patience);
    QCOMPARE(frames.size(), 0);
    QCOMPARE(m_source->status(), Status::NoSignal);

    m_device->send(jpeg);
    QTRY_COMPARE_WITH_TIMEOUT(m_source->status(), Status::Picture, patience);
    QVERIFY(!frames.isEmpty());
}

void tst_V4l2VideoSource::aSlowReaderSkipsFrames()
{
    create(FakeCaptureDevice::usbDongle());
    m_device->setFramePeriod(2ms);
    m_device->send(colourBarsJpeg({640, 480}));
    m_source->setActive(true);
    QTRY_COMPARE_WITH_TIMEOUT(m_source->status(), Status::Picture, patience);
    QTRY_COMPARE_WITH_TIMEOUT(m_source->frame().size, QSize(640, 480), patience);

    // The main thread is busy while frames keep coming: it then gets the latest, not a queue.
    QSignalSpy frames(m_source.get(), &VideoSource::frameChanged);
    const int before = m_device->framesHanded();
    QThread::msleep(300);
    m_device->stopSending();
    const int during = m_device->framesHanded() - before;
    QThread::msleep(100);
    QCoreApplication::processEvents();
    QVERIFY2(during >= 5, qPrintable(QString::number(during)));
    QVERIFY2(frames.size() <= 2, qPrintable(QString::number(frames.size())));
    QCOMPARE(m_source->frame().size, QSize(640, 480));
}

void tst_V4l2VideoSource::destructionDoesNotWaitForAStuckDevice()
{
    create(FakeCaptureDevice::usbDongle());
    m_device->send(colourBarsJpeg({640, 480}));
    m_source->setActive(true);
    QTRY_COMPARE_WITH_TIMEOUT(m_source->status(), Status::Picture, patience);
    // A driver that never answers: only wake() ends the wait, which the destructor calls.
    m_device->setStuck(true);
    QTest::qWait(50);
    m_source.reset();
    m_device = nullptr;

    // Destroyed while retrying a missing device, and while inactive.
    V4l2VideoSource::Settings slowRetry = testSettings;
    slowRetry.retryInterval = 1h;
    create(FakeCaptureDevice::usbDongle(), slowRetry);
    m_device->setPresent(false);
    m_source->setActive(true);
    QTRY_COMPARE_WITH_TIMEOUT(m_source->status(), Status::NoDevice, patience);
    m_source.reset();
    create(FakeCaptureDevice::usbDongle(), slowRetry);
    m_source.reset();
}

QTEST_GUILESS_MAIN(tst_V4l2VideoSource)
#include "tst_v4l2videosource.moc"
