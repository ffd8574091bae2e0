#include "linux/CaptureFormatChoice.h"

#include <QTest>

#include <linux/videodev2.h>

using Choice = CaptureFormatChoice::Choice;
using Description = CaptureDevice::Description;
using DvTimings = CaptureDevice::DvTimings;
using Interval = CaptureDevice::Interval;
using IntervalRange = CaptureDevice::IntervalRange;
using SizeRange = CaptureDevice::SizeRange;

Q_DECLARE_METATYPE(CaptureDevice::Description)
Q_DECLARE_METATYPE(CaptureFormatChoice::Choice)
Q_DECLARE_METATYPE(CaptureDevice::Interval)
Q_DECLARE_METATYPE(CaptureDevice::SizeRange)
Q_DECLARE_METATYPE(std::optional<CaptureDevice::DvTimings>)

namespace {

IntervalRange rate(quint32 numerator, quint32 denominator)
{
    return {{numerator, denominator}, {numerator, denominator}, {}};
}

SizeRange size(int width, int height, QList<IntervalRange> intervals = {rate(1, 30)})
{
    return {QSize(width, height), QSize(width, height), {}, intervals};
}

// An MS2109-like HDMI-to-USB dongle: MJPEG in many sizes and rates, YUYV only slowly.
Description usbDongle()
{
    Description device{QStringLiteral("uvcvideo"), QStringLiteral("USB Video"), true, false, {}};
    device.formats.append({V4L2_PIX_FMT_YUYV,
                           QStringLiteral("YUYV 4:2:2"),
                           {size(640, 480, {rate(1, 30)}), size(1920, 1080, {rate(1, 5)})}});
    device.formats.append({V4L2_PIX_FMT_MJPEG,
                           QStringLiteral("Motion-JPEG"),
                           {size(640, 480, {rate(1, 60), rate(1, 30)}), size(3840, 2160, {rate(1, 30)}),
                            size(1280, 720, {rate(1, 60), rate(1, 50), rate(1, 30)}),
                            size(1920, 1080, {rate(1, 60), rate(1, 50), rate(1, 30), rate(1, 20), rate(1, 10)}),
                            size(1600, 1200, {rate(1, 30)})}});
    return device;
}

// A TC358743 HDMI-to-CSI bridge behind the Raspberry Pi's unicam: DV timings, no size lists.
Description csiBridge()
{
    Description device{QStringLiteral("unicam"), QStringLiteral("unicam"), true, true, {}};
    device.formats.append({V4L2_PIX_FMT_RGB24, QStringLiteral("24-bit RGB 8-8-8"), {}});
    device.formats.append({V4L2_PIX_FMT_UYVY, QStringLiteral("UYVY 4:2:2"), {}});
    return device;
}

Description h264Only()
{
    Description device{QStringLiteral("uvcvideo"), QStringLiteral("Camera"), true, false, {}};
    device.formats.append({V4L2_PIX_FMT_H264, QStringLiteral("H.264"), {size(1920, 1080)}});
    device.formats.append({V4L2_PIX_FMT_HEVC, QStringLiteral("HEVC"), {size(1920, 1080)}});
    return device;
}

// A device with sizes in steps of 16x8 and a continuous range of rates.
Description stepwise()
{
    Description device{QStringLiteral("vivid"), QStringLiteral("vivid"), true, false, {}};
    device.formats.append({V4L2_PIX_FMT_BGR24,
                           QStringLiteral("24-bit BGR"),
                           {{QSize(16, 16), QSize(4096, 2160), QSize(16, 8), {{{1, 120}, {1, 1}, {}}}}}});
    return device;
}

} // namespace

class tst_CaptureFormatChoice : public QObject
{
    Q_OBJECT

private slots:
    void choices_data();
    void choices();
    void nothingUsableSaysWhy_data();
    void nothingUsableSaysWhy();
    void largestWithin_data();
    void largestWithin();
    void intervalFor_data();
    void intervalFor();
};

void tst_CaptureFormatChoice::choices_data()
{
    QTest::addColumn<Description>("device");
    QTest::addColumn<QSize>("maxSize");
    QTest::addColumn<int>("maxFps");
    QTest::addColumn<std::optional<DvTimings>>("timings");
    QTest::addColumn<Choice>("expected");

    const std::optional<DvTimings> none;
    QTest::newRow("dongle: MJPEG at 1080p30, not 4K, not 60 Hz")
        << usbDongle() << QSize(1920, 1080) << 30 << none << Choice{V4L2_PIX_FMT_MJPEG, {1920, 1080}, {1, 30}};
    QTest::newRow("dongle at up to 60 Hz")
        << usbDongle() << QSize(1920, 1080) << 60 << none << Choice{V4L2_PIX_FMT_MJPEG, {1920, 1080}, {1, 60}};
    QTest::newRow("dongle at up to 25 Hz: the next rate below")
        << usbDongle() << QSize(1920, 1080) << 25 << none << Choice{V4L2_PIX_FMT_MJPEG, {1920, 1080}, {1, 20}};
    QTest::newRow("dongle at up to 5 Hz: the slowest it has")
        << usbDongle() << QSize(1920, 1080) << 5 << none << Choice{V4L2_PIX_FMT_MJPEG, {1920, 1080}, {1, 10}};
    QTest::newRow("dongle within 1280x1024: 720p, since 1600x1200 is taller")
        << usbDongle() << QSize(1280, 1024) << 30 << none << Choice{V4L2_PIX_FMT_MJPEG, {1280, 720}, {1, 30}};
    QTest::newRow("dongle within 320x240: its smallest")
        << usbDongle() << QSize(320, 240) << 30 << none << Choice{V4L2_PIX_FMT_MJPEG, {640, 480}, {1, 30}};

    Description rawFirst = usbDongle();
    rawFirst.driver = QStringLiteral("em28xx");
    QTest::newRow("not a UVC dongle: raw first")
        << rawFirst << QSize(1920, 1080) << 30 << none << Choice{V4L2_PIX_FMT_YUYV, {1920, 1080}, {1, 5}};

    QTest::newRow("bridge at the host's 1080p60: UYVY at its timings")
        << csiBridge() << QSize(1920, 1080) << 30 << std::optional<DvTimings>(DvTimings{true, {1920, 1080}, 60})
        << Choice{V4L2_PIX_FMT_UYVY, {1920, 1080}, {}};
    QTest::newRow("bridge at the host's 720p, larger than wanted or not")
        << csiBridge() << QSize(640, 480) << 30 << std::optional<DvTimings>(DvTimings{true, {1280, 720}, 60})
        << Choice{V4L2_PIX_FMT_UYVY, {1280, 720}, {}};
    Description rgbBridge = csiBridge();
    rgbBridge.formats.removeLast();
    QTest::newRow("bridge with RGB24 only")
        << rgbBridge << QSize(1920, 1080) << 30 << std::optional<DvTimings>(DvTimings{true, {1024, 768}, 60})
        << Choice{V4L2_PIX_FMT_RGB24, {1024, 768}, {}};

    QTest::newRow("stepwise sizes and continuous rates")
        << stepwise() << QSize(1920, 1080) << 30 << none << Choice{V4L2_PIX_FMT_BGR24, {1920, 1080}, {1, 30}};
    QTest::newRow("stepwise sizes, off the steps")
        << stepwise() << QSize(1366, 771) << 24 << none << Choice{V4L2_PIX_FMT_BGR24, {1360, 768}, {1, 24}};

    Description unlisted = csiBridge();
    unlisted.hasDvTimings = false;
    QTest::newRow("no sizes listed: ask for the most wanted")
        << unlisted << QSize(1920, 1080) << 30 << none << Choice{V4L2_PIX_FMT_UYVY, {1920, 1080}, {1, 30}};
}

void tst_CaptureFormatChoice::choices()
{
    QFETCH(Description, device);
    QFETCH(QSize, maxSize);
    QFETCH(int, maxFps);
    QFETCH(std::optional<DvTimings>, timings);
    QFETCH(Choice, expected);
    const Expected<Choice, QString> choice = CaptureFormatChoice::choose(device, {maxSize, maxFps}, timings);
    QVERIFY2(choice.hasValue(), qPrintable(choice ? QString() : choice.failure()));
    QCOMPARE(CaptureDevice::fourccName(choice->fourcc), CaptureDevice::fourccName(expected.fourcc));
    QCOMPARE(choice->size, expected.size);
    QCOMPARE(choice->interval.numerator, expected.interval.numerator);
    QCOMPARE(choice->interval.denominator, expected.interval.denominator);
}

void tst_CaptureFormatChoice::nothingUsableSaysWhy_data()
{
    QTest::addColumn<Description>("device");
    QTest::addColumn<QString>("reason");
    QTest::newRow("H264 and HEVC only") << h264Only() << QStringLiteral("no format qbmc can decode: H264, HEVC");
    Description empty = usbDongle();
    empty.formats.clear();
    QTest::newRow("no formats") << empty << QStringLiteral("the device offers no capture format");
    Description noStreaming = usbDongle();
    noStreaming.canStream = false;
    QTest::newRow("no streaming") << noStreaming << QStringLiteral("the device cannot stream video");
    Description sizeless = usbDongle();
    for (CaptureDevice::Format &format : sizeless.formats)
        format.sizes = {SizeRange{QSize(0, 0), QSize(0, 0), {}, {}}};
    QTest::newRow("only empty sizes") << sizeless << QStringLiteral("no format qbmc can decode: YUYV, MJPEG");
}

void tst_CaptureFormatChoice::nothingUsableSaysWhy()
{
    QFETCH(Description, device);
    QFETCH(QString, reason);
    const Expected<Choice, QString> choice = CaptureFormatChoice::choose(device, {});
    QVERIFY(!choice);
    QCOMPARE(choice.failure(), reason);
}

void tst_CaptureFormatChoice::largestWithin_data()
{
    QTest::addColumn<SizeRange>("range");
    QTest::addColumn<QSize>("maxSize");
    QTest::addColumn<QSize>("expected");
    QTest::newRow("discrete") << size(800, 600) << QSize(1920, 1080) << QSize(800, 600);
    QTest::newRow("continuous") << SizeRange{{2, 2}, {4000, 3000}, {1, 1}, {}} << QSize(1921, 1079)
                                << QSize(1921, 1079);
    QTest::newRow("steps from an odd start")
        << SizeRange{{100, 50}, {4000, 3000}, {64, 10}, {}} << QSize(1920, 1080) << QSize(1892, 1080);
    QTest::newRow("range smaller than wanted")
        << SizeRange{{16, 16}, {1280, 720}, {16, 16}, {}} << QSize(1920, 1080) << QSize(1280, 720);
    QTest::newRow("range larger than wanted")
        << SizeRange{{800, 600}, {1280, 720}, {16, 16}, {}} << QSize(640, 480) << QSize(800, 600);
}

void tst_CaptureFormatChoice::largestWithin()
{
    QFETCH(SizeRange, range);
    QFETCH(QSize, maxSize);
    QFETCH(QSize, expected);
    QCOMPARE(CaptureFormatChoice::largestWithin(range, maxSize), expected);
}

void tst_CaptureFormatChoice::intervalFor_data()
{
    QTest::addColumn<QList<IntervalRange>>("ranges");
    QTest::addColumn<int>("maxFps");
    QTest::addColumn<Interval>("expected");
    QTest::newRow("none") << QList<IntervalRange>{} << 30 << Interval{};
    QTest::newRow("NTSC rates") << QList<IntervalRange>{rate(1001, 60000), rate(1001, 30000), rate(1, 15)} << 30
                                << Interval{1001, 30000};
    QTest::newRow("all faster") << QList<IntervalRange>{rate(1, 60), rate(1, 50)} << 30 << Interval{1, 50};
    QTest::newRow("continuous") << QList<IntervalRange>{{{1, 60}, {1, 1}, {}}} << 25 << Interval{1, 25};
    QTest::newRow("continuous, all slower") << QList<IntervalRange>{{{1, 10}, {1, 1}, {}}} << 25 << Interval{1, 10};
    // 1/60 + k * 1/120: k = 2 gives 1/30 exactly.
    QTest::newRow("stepwise") << QList<IntervalRange>{{{1, 60}, {1, 5}, {1, 120}}} << 30 << Interval{1, 30};
    // 1/25 s is between steps 4/120 (30 Hz) and 5/120 (24 Hz): 24 Hz, not above 25.
    QTest::newRow("stepwise, between steps")
        << QList<IntervalRange>{{{1, 60}, {1, 5}, {1, 120}}} << 25 << Interval{1, 24};
}

void tst_CaptureFormatChoice::intervalFor()
{
    QFETCH(QList<IntervalRange>, ranges);
    QFETCH(int, maxFps);
    QFETCH(Interval, expected);
    const Interval interval = CaptureFormatChoice::intervalFor(ranges, maxFps);
    QCOMPARE(interval.numerator, expected.numerator);
    QCOMPARE(interval.denominator, expected.denominator);
}

QTEST_GUILESS_MAIN(tst_CaptureFormatChoice)
#include "tst_captureformatchoice.moc"
