#include "linux/V4l2CaptureDevice.h"
#include "linux/V4l2VideoSource.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>

using namespace std::chrono_literals;

// No capture hardware here: what can be checked is that anything but a V4L2 capture device is
// refused with a clear reason, and that nothing is left open or crashes on the way.
class tst_V4l2CaptureDevice : public QObject
{
    Q_OBJECT

private slots:
    void aMissingPathIsGoneForNow();
    void aFileThatIsNoVideoDeviceIsRefused();
    void callsOnAClosedDeviceFail();
    void wakeOnAClosedDeviceIsHarmless();
    void aSourceOnAMissingPathHasNoDevice();
};

void tst_V4l2CaptureDevice::aMissingPathIsGoneForNow()
{
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("video0"));
    V4l2CaptureDevice device(path);
    QCOMPARE(device.path(), path);
    const std::optional<CaptureDevice::Error> error = device.open();
    QVERIFY(error);
    QVERIFY(error->deviceGone); // it may be plugged in later
    QCOMPARE(error->message, path + QStringLiteral(": cannot open: No such file or directory"));
    QVERIFY(!device.isOpen());
}

void tst_V4l2CaptureDevice::aFileThatIsNoVideoDeviceIsRefused()
{
    QTemporaryDir directory;
    const QString file = directory.filePath(QStringLiteral("plain"));
    QFile plain(file);
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.close();
    for (const QString &path : {QStringLiteral("/dev/null"), file}) {
        V4l2CaptureDevice device(path);
        const std::optional<CaptureDevice::Error> error = device.open();
        QVERIFY(error);
        QVERIFY(!error->deviceGone);
        QCOMPARE(error->message, path + QStringLiteral(" is not a V4L2 device"));
        QVERIFY(!device.isOpen());
        device.close(); // harmless
    }
}

void tst_V4l2CaptureDevice::callsOnAClosedDeviceFail()
{
    V4l2CaptureDevice device(QStringLiteral("/dev/null"));
    QVERIFY(!device.describe());
    QVERIFY(!device.queryDvTimings());
    QVERIFY(device.applyDvTimings());
    QVERIFY(!device.setFormat(0, QSize(640, 480), {}));
    QVERIFY(device.startStreaming());
    QVERIFY(!device.isStreaming());
    const auto wait = device.waitForFrame(10ms);
    QVERIFY(!wait);
    QVERIFY(wait.failure().message.contains(QLatin1String("not open")));
}

void tst_V4l2CaptureDevice::wakeOnAClosedDeviceIsHarmless()
{
    // The source's destructor wakes the device whatever state it is in.
    V4l2CaptureDevice device(QStringLiteral("/nonexistent/video0"));
    device.wake();
    device.wake();
    QVERIFY(!device.waitForFrame(1h));
    device.close();
}

void tst_V4l2CaptureDevice::aSourceOnAMissingPathHasNoDevice()
{
    qRegisterMetaType<VideoSource::Status>();
    V4l2VideoSource::Settings settings;
    settings.retryInterval = 20ms;
    V4l2VideoSource source(QStringLiteral("/nonexistent/video0"), settings);
    QCOMPARE(source.description(), QStringLiteral("/nonexistent/video0"));
    source.setActive(true);
    QTRY_COMPARE_WITH_TIMEOUT(source.status(), VideoSource::Status::NoDevice, 10000);
    QCOMPARE(source.problem(), QStringLiteral("/nonexistent/video0: cannot open: No such file or directory"));
    QVERIFY(source.frame().isNull());
}

QTEST_GUILESS_MAIN(tst_V4l2CaptureDevice)
#include "tst_v4l2capturedevice.moc"
