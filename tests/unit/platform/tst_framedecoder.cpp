#include "TestJpeg.h"
#include "linux/FrameDecoder.h"

#include <QFile>
#include <QTest>

#include <linux/videodev2.h>

using namespace TestJpeg;

namespace {

// Hand-computed BT.601 limited-range samples (Y, Cb, Cr) and what they are in RGB.
struct Sample
{
    quint8 y, u, v;
    quint32 rgb;
};
constexpr Sample white{235, 128, 128, 0xffffff};
constexpr Sample black{16, 128, 128, 0x000000};
constexpr Sample grey{126, 128, 128, 0x808080};
constexpr Sample red{81, 90, 240, 0xff0000};
// 8.8 fixed point rounds pure green's blue to 1.
constexpr Sample green{145, 54, 34, 0x00ff01};
constexpr Sample blue{41, 240, 110, 0x0000ff};

// Two pixels of the same chroma per sample, in YUYV order.
QByteArray yuyv(std::initializer_list<Sample> samples)
{
    QByteArray bytes;
    for (const Sample &s : samples)
        bytes += QByteArray(1, char(s.y)) + char(s.u) + char(s.y) + char(s.v);
    return bytes;
}

QByteArray uyvy(std::initializer_list<Sample> samples)
{
    QByteArray bytes;
    for (const Sample &s : samples)
        bytes += QByteArray(1, char(s.u)) + char(s.y) + char(s.v) + char(s.y);
    return bytes;
}

std::optional<QString> decode(FrameDecoder &decoder, const QByteArray &bytes, VideoFrame &frame)
{
    return decoder.decode(reinterpret_cast<const uchar *>(bytes.constData()), bytes.size(), frame);
}

QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(QBMC_TEST_DATA "/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The offset of the frame header (SOF0) in a JPEG, whose height and width follow at +5 and +7.
qsizetype frameHeaderAt(const QByteArray &jpeg)
{
    return jpeg.indexOf(QByteArray("\xff\xc0", 2));
}

void setJpegSize(QByteArray &jpeg, int width, int height)
{
    const qsizetype at = frameHeaderAt(jpeg);
    jpeg[at + 5] = char(height >> 8);
    jpeg[at + 6] = char(height);
    jpeg[at + 7] = char(width >> 8);
    jpeg[at + 8] = char(width);
}

} // namespace

class tst_FrameDecoder : public QObject
{
    Q_OBJECT

private slots:
    void jpegColourBars_data();
    void jpegColourBars();
    void jpegWithoutHuffmanTablesDecodesAsWithThem();
    void committedCaptures_data();
    void committedCaptures();
    void paddingAfterTheJpegIsIgnored();
    void truncatedJpegIsRefused_data();
    void truncatedJpegIsRefused();
    void corruptJpegIsRefused_data();
    void corruptJpegIsRefused();
    void jpegFollowsItsOwnSize();
    void yuyvAndUyvyMatchHandComputedValues();
    void paddedRowsAreSkipped();
    void rgbFormats_data();
    void rgbFormats();
    void shortRawFramesAreRefused_data();
    void shortRawFramesAreRefused();
    void unknownFormatsAreRefused();
    void pixelsAreReusedUnlessShared();
};

void tst_FrameDecoder::jpegColourBars_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("quality");
    QTest::newRow("640x480 q90") << QSize(640, 480) << 90;
    QTest::newRow("1920x1080 q80") << QSize(1920, 1080) << 80;
    QTest::newRow("odd 333x77 q95") << QSize(333, 77) << 95;
}

void tst_FrameDecoder::jpegColourBars()
{
    QFETCH(QSize, size);
    QFETCH(int, quality);
    const QByteArray jpeg = colourBarsJpeg(size, quality);
    QVERIFY(!jpeg.isEmpty());
    FrameDecoder decoder;
    decoder.setFormat(V4L2_PIX_FMT_MJPEG, size);
    VideoFrame frame;
    const std::optional<QString> failure = decode(decoder, jpeg, frame);
    QVERIFY2(!failure, qPrintable(failure.value_or(QString())));
    QCOMPARE(frame.size, size);
    QCOMPARE(frame.pixels.size(), qsizetype(size.width()) * size.height() * 4);
    for (int bar = 0; bar < int(bars.size()); ++bar) {
        for (const int y : {0, size.height() / 2, size.height() - 1}) {
            const quint32 pixel = frame.pixel(barCentre(bar, size.width()), y);
            QVERIFY2(near(pixel, bars[size_t(bar)]),
                     qPrintable(QStringLiteral("bar %1 row %2: %3 for %4")
                                    .arg(bar)
                                    .arg(y)
                                    .arg(pixel, 8, 16, QLatin1Char('0'))
                                    .arg(bars[size_t(bar)], 6, 16, QLatin1Char('0'))));
        }
    }
}

void tst_FrameDecoder::jpegWithoutHuffmanTablesDecodesAsWithThem()
{
    const QSize size(320, 240);
    const QByteArray jpeg = colourBarsJpeg(size);
    const QByteArray stripped = withoutHuffmanTables(jpeg);
    QVERIFY(jpeg.contains(QByteArray("\xff\xc4", 2)));
    QVERIFY(!stripped.contains(QByteArray("\xff\xc4", 2)));
    QVERIFY(stripped.size() < jpeg.size());

    FrameDecoder decoder;
    decoder.setFormat(V4L2_PIX_FMT_MJPEG, size);
    VideoFrame withTables;
    VideoFrame withoutTables;
    QVERIFY(!decode(decoder, jpeg, withTables));
    const std::optional<QString> failure = decode(decoder, stripped, withoutTables);
    QVERIFY2(!failure, qPrintable(failure.value_or(QString())));
    QCOMPARE(withoutTables.size, size);
    QCOMPARE(withoutTables.pixels, withTables.pixels);
}

void tst_FrameDecoder::committedCaptures_data()
{
    QTest::addColumn<QString>("file");
    // Colour bars as a dongle sends them: with the standard tables, and without any (no DHT).
    QTest::newRow("with tables") << QStringLiteral("colourbars-160x120.jpg");
    QTest::newRow("without tables") << QStringLiteral("colourbars-160x120-nodht.jpg");
}

void tst_FrameDecoder::committedCaptures()
{
    QFETCH(QString, file);
    const QByteArray jpeg = readData(file);
    QVERIFY2(!jpeg.isEmpty(), qPrintable(file));
    QCOMPARE(jpeg.contains(QByteArray("\xff\xc4", 2)), !file.contains(QLatin1String("nodht")));
    FrameDecoder decoder;
    decoder.setFormat(V4L2_PIX_FMT_MJPEG, QSize(160, 120));
    VideoFrame frame;
    const std::optional<QString> failure = decode(decoder, jpeg, frame);
    QVERIFY2(!failure, qPrintable(failure.value_or(QString())));
    QCOMPARE(frame.size, QSize(160, 120));
    for (int bar = 0; bar < int(bars.size()); ++bar)
        QVERIFY(near(frame.pixel(barCentre(bar, 160), 60), bars[size_t(bar)]));
}

void tst_FrameDecoder::paddingAfterTheJpegIsIgnored()
{
    // UVC drivers hand over whole buffers; what follows the end marker is not the picture's.
    const QByteArray jpeg = colourBarsJpeg(QSize(64, 48)) + QByteArray(1000, '\0') + QByteArray(10, '\xff');
    FrameDecoder decoder;
    decoder.setFormat(V4L2_PIX_FMT_MJPEG, QSize(64, 48));
    VideoFrame frame;
    QVERIFY(!decode(decoder, jpeg, frame));
    QCOMPARE(frame.size, QSize(64, 48));
}

void tst_FrameDecoder::truncatedJpegIsRefused_data()
{
    QTest::addColumn<int>("keep"); // bytes kept; negative: that many removed from the end
    QTest::newRow("only the start marker") << 2;
    QTest::newRow("within the headers") << 100;
    QTest::newRow("half") << -50000;
    QTest::newRow("without the end marker") << -2;
    QTest::newRow("one byte short") << -1;
}

void tst_FrameDecoder::truncatedJpegIsRefused()
{
    QFETCH(int, keep);
    const QByteArray jpeg = colourBarsJpeg(QSize(640, 480));
    const qsizetype kept = keep > 0 ? keep : (keep == -50000 ? jpeg.size() / 2 : jpeg.size() + keep);
    // A copy of its own, so that ASan sees any read past its end.
    const QByteArray truncated(jpeg.constData(), kept);
    FrameDecoder decoder;
    decoder.setFormat(V4L2_PIX_FMT_MJPEG, QSize(640, 480));
    VideoFrame frame;
    const std::optional<QString> failure = decode(decoder, truncated, frame);
    QVERIFY(failure);
    QVERIFY(!failure->isEmpty());
}

void tst_FrameDecoder::corruptJpegIsRefused_data()
{
    QTest::addColumn<QByteArray>("jpeg");
    QTest::addColumn<QString>("expected"); // part of the reason
    const QByteArray good = colourBarsJpeg(QSize(320, 240));

    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("not a JPEG") << QByteArray("\x89PNG\r\n\x1a\n....", 12) << QStringLiteral("start marker");
    QTest::newRow("markers only") << QByteArray("\xff\xd8\xff\xd9", 4) << QStringLiteral("JPEG");
    QByteArray garbage(4000, '\0');
    for (int i = 0; i < garbage.size(); ++i)
        garbage[i] = char((i * 7919 + 13) % 251);
    QTest::newRow("garbage between markers")
        << QByteArray("\xff\xd8", 2) + garbage + QByteArray("\xff\xd9", 2) << QStringLiteral("JPEG");
    QByteArray zeroHeight = good;
    setJpegSize(zeroHeight, 320, 0);
    QTest::newRow("zero height") << zeroHeight << QStringLiteral("JPEG");
    QByteArray huge = good;
    setJpegSize(huge, 65000, 65000);
    QTest::newRow("header of 65000x65000") << huge << QStringLiteral("refused");
    // The header claims more picture than the data holds: the decoder runs out of data.
    QByteArray larger = good;
    setJpegSize(larger, 1920, 1080);
    QTest::newRow("header larger than the data") << larger << QStringLiteral("damaged");
    QByteArray noScan = good;
    const qsizetype scan = noScan.indexOf(QByteArray("\xff\xda", 2));
    noScan = noScan.left(scan) + QByteArray("\xff\xd9", 2);
    QTest::newRow("no scan") << noScan << QStringLiteral("JPEG");
}

void tst_FrameDecoder::corruptJpegIsRefused()
{
    QFETCH(QByteArray, jpeg);
    QFETCH(QString, expected);
    FrameDecoder decoder;
    decoder.setFormat(V4L2_PIX_FMT_MJPEG, QSize(320, 240));
    VideoFrame frame;
    const QByteArray copy(jpeg.constData(), jpeg.size());
    const std::optional<QString> failure =
        decoder.decode(reinterpret_cast<const uchar *>(copy.constData()), copy.size(), frame);
    QVERIFY(failure);
    QVERIFY2(failure->contains(expected, Qt::CaseInsensitive), qPrintable(*failure));
}

void tst_FrameDecoder::jpegFollowsItsOwnSize()
{
    // The stream was negotiated at 1920x1080, the host switched to 640x480: the frame says so
    // and the caller sees it.
    FrameDecoder decoder;
    decoder.setFormat(V4L2_PIX_FMT_MJPEG, QSize(1920, 1080));
    VideoFrame frame;
    QVERIFY(!decode(decoder, colourBarsJpeg(QSize(640, 480)), frame));
    QCOMPARE(frame.size, QSize(640, 480));
    QVERIFY(near(frame.pixel(barCentre(5, 640), 240), 0xff0000));
}

void tst_FrameDecoder::yuyvAndUyvyMatchHandComputedValues()
{
    const QList<quint32> expected{white.rgb, white.rgb, black.rgb, black.rgb, grey.rgb, grey.rgb,
                                  red.rgb,   red.rgb,   green.rgb, green.rgb, blue.rgb, blue.rgb};
    const QSize size(12, 1);
    for (const quint32 fourcc : {V4L2_PIX_FMT_YUYV, V4L2_PIX_FMT_UYVY}) {
        const QByteArray bytes = fourcc == V4L2_PIX_FMT_YUYV ? yuyv({white, black, grey, red, green, blue})
                                                             : uyvy({white, black, grey, red, green, blue});
        FrameDecoder decoder;
        decoder.setFormat(fourcc, size);
        VideoFrame frame;
        QVERIFY(!decode(decoder, bytes, frame));
        QCOMPARE(frame.size, size);
        for (int x = 0; x < size.width(); ++x)
            QCOMPARE(frame.pixel(x, 0), expected.at(x));
    }
}

void tst_FrameDecoder::paddedRowsAreSkipped()
{
    // Two rows of 2 pixels in rows of 8 bytes; the padding holds what would show as colour.
    QByteArray bytes = yuyv({red}) + QByteArray(4, '\x7f') + yuyv({blue}) + QByteArray(4, '\x7f');
    FrameDecoder decoder;
    decoder.setFormat(V4L2_PIX_FMT_YUYV, QSize(2, 2), 8);
    VideoFrame frame;
    QVERIFY(!decode(decoder, bytes, frame));
    QCOMPARE(frame.pixel(0, 0), red.rgb);
    QCOMPARE(frame.pixel(1, 0), red.rgb);
    QCOMPARE(frame.pixel(0, 1), blue.rgb);
    QCOMPARE(frame.pixel(1, 1), blue.rgb);
    // The last row needs no padding after it.
    bytes.chop(4);
    QVERIFY(!decode(decoder, bytes, frame));
}

void tst_FrameDecoder::rgbFormats_data()
{
    QTest::addColumn<quint32>("fourcc");
    QTest::addColumn<QByteArray>("bytes"); // two pixels: 0x123456, then 0xabcdef
    QTest::newRow("RGB24") << quint32(V4L2_PIX_FMT_RGB24) << QByteArray("\x12\x34\x56\xab\xcd\xef", 6);
    QTest::newRow("BGR24") << quint32(V4L2_PIX_FMT_BGR24) << QByteArray("\x56\x34\x12\xef\xcd\xab", 6);
    QTest::newRow("XBGR32") << quint32(V4L2_PIX_FMT_XBGR32) << QByteArray("\x56\x34\x12\x99\xef\xcd\xab\x99", 8);
    QTest::newRow("BGR32") << quint32(V4L2_PIX_FMT_BGR32) << QByteArray("\x56\x34\x12\xff\xef\xcd\xab\x00", 8);
    QTest::newRow("XRGB32") << quint32(V4L2_PIX_FMT_XRGB32) << QByteArray("\x99\x12\x34\x56\x99\xab\xcd\xef", 8);
    QTest::newRow("RGB32") << quint32(V4L2_PIX_FMT_RGB32) << QByteArray("\xff\x12\x34\x56\x00\xab\xcd\xef", 8);
}

void tst_FrameDecoder::rgbFormats()
{
    QFETCH(quint32, fourcc);
    QFETCH(QByteArray, bytes);
    QVERIFY(FrameDecoder::canDecode(fourcc));
    FrameDecoder decoder;
    decoder.setFormat(fourcc, QSize(2, 1));
    VideoFrame frame;
    QVERIFY(!decode(decoder, bytes, frame));
    QCOMPARE(frame.pixel(0, 0), 0x123456u);
    QCOMPARE(frame.pixel(1, 0), 0xabcdefu);
}

void tst_FrameDecoder::shortRawFramesAreRefused_data()
{
    QTest::addColumn<quint32>("fourcc");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("bytesPerLine");
    QTest::addColumn<int>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("YUYV one byte short") << quint32(V4L2_PIX_FMT_YUYV) << QSize(640, 480) << 0 << 640 * 480 * 2 - 1
                                         << QStringLiteral("short frame");
    QTest::newRow("RGB24 half") << quint32(V4L2_PIX_FMT_RGB24) << QSize(64, 64) << 0 << 64 * 32 * 3
                                << QStringLiteral("short frame");
    QTest::newRow("padded rows, short") << quint32(V4L2_PIX_FMT_UYVY) << QSize(64, 2) << 256 << 256 + 100
                                        << QStringLiteral("short frame");
    QTest::newRow("rows narrower than the width")
        << quint32(V4L2_PIX_FMT_YUYV) << QSize(64, 2) << 100 << 10000 << QStringLiteral("cannot hold");
    QTest::newRow("odd YUYV width") << quint32(V4L2_PIX_FMT_YUYV) << QSize(63, 2) << 0 << 10000
                                    << QStringLiteral("odd width");
    QTest::newRow("no size") << quint32(V4L2_PIX_FMT_RGB24) << QSize() << 0 << 10000 << QStringLiteral("no frame size");
}

void tst_FrameDecoder::shortRawFramesAreRefused()
{
    QFETCH(quint32, fourcc);
    QFETCH(QSize, size);
    QFETCH(int, bytesPerLine);
    QFETCH(int, bytes);
    QFETCH(QString, expected);
    FrameDecoder decoder;
    decoder.setFormat(fourcc, size, bytesPerLine);
    const QByteArray data(bytes, '\x80');
    VideoFrame frame;
    const std::optional<QString> failure = decode(decoder, data, frame);
    QVERIFY(failure);
    QVERIFY2(failure->contains(expected), qPrintable(*failure));
}

void tst_FrameDecoder::unknownFormatsAreRefused()
{
    QVERIFY(!FrameDecoder::canDecode(V4L2_PIX_FMT_H264));
    FrameDecoder decoder;
    decoder.setFormat(V4L2_PIX_FMT_H264, QSize(64, 64));
    VideoFrame frame;
    const std::optional<QString> failure = decode(decoder, QByteArray(10000, '\0'), frame);
    QVERIFY(failure);
    QCOMPARE(*failure, QStringLiteral("H264 frames cannot be decoded"));
}

void tst_FrameDecoder::pixelsAreReusedUnlessShared()
{
    const QSize size(320, 240);
    const QByteArray jpeg = colourBarsJpeg(size);
    const QByteArray raw = yuyv({red}).repeated(size.width() / 2 * size.height());
    FrameDecoder decoder;
    decoder.setFormat(V4L2_PIX_FMT_MJPEG, size);
    VideoFrame frame;
    QVERIFY(!decode(decoder, jpeg, frame));
    const char *pixels = frame.pixels.constData();
    QVERIFY(!decode(decoder, jpeg, frame));
    QCOMPARE(frame.pixels.constData(), pixels);
    decoder.setFormat(V4L2_PIX_FMT_YUYV, size);
    QVERIFY(!decode(decoder, raw, frame));
    QCOMPARE(frame.pixels.constData(), pixels);
    QCOMPARE(frame.pixel(0, 0), red.rgb);

    // A frame handed on keeps its pixels: the next decode draws elsewhere.
    const VideoFrame handedOn = frame;
    decoder.setFormat(V4L2_PIX_FMT_MJPEG, size);
    QVERIFY(!decode(decoder, jpeg, frame));
    QVERIFY(frame.pixels.constData() != handedOn.pixels.constData());
    QCOMPARE(handedOn.pixel(0, 0), red.rgb);
    QVERIFY(near(frame.pixel(barCentre(0, size.width()), 0), bars[0]));
}

QTEST_GUILESS_MAIN(tst_FrameDecoder)
#include "tst_framedecoder.moc"
