#pragma once

#include <QByteArray>
#include <QSize>
#include <QtGlobal>

#include <turbojpeg.h>

#include <array>

// Known pictures for the capture tests, made with libjpeg-turbo at test time: eight vertical
// colour bars, as a signal generator shows them.
namespace TestJpeg {

inline constexpr std::array<quint32, 8> bars{0xffffff, 0xffff00, 0x00ffff, 0x00ff00,
                                             0xff00ff, 0xff0000, 0x0000ff, 0x000000};

inline quint32 barAt(int x, int width)
{
    return bars[size_t(x * int(bars.size()) / width)];
}

// The centre of bar `index` in a picture `width` wide, where JPEG's blur at the edges is not.
inline int barCentre(int index, int width)
{
    return (2 * index + 1) * width / (2 * int(bars.size()));
}

// Packed RGB24 bytes of the bars.
inline QByteArray colourBarsRgb(QSize size)
{
    QByteArray rgb(qsizetype(size.width()) * size.height() * 3, Qt::Uninitialized);
    char *out = rgb.data();
    for (int y = 0; y < size.height(); ++y) {
        for (int x = 0; x < size.width(); ++x) {
            const quint32 colour = barAt(x, size.width());
            *out++ = char(colour >> 16);
            *out++ = char(colour >> 8);
            *out++ = char(colour);
        }
    }
    return rgb;
}

// RGB24 bytes as a JPEG with libjpeg-turbo's standard Huffman tables, as a UVC dongle sends.
inline QByteArray compress(const QByteArray &rgb, QSize size, int quality = 90, int subsampling = TJSAMP_422)
{
    tjhandle handle = tjInitCompress();
    unsigned char *jpeg = nullptr;
    unsigned long bytes = 0;
    const int result = tjCompress2(handle, reinterpret_cast<const unsigned char *>(rgb.constData()), size.width(),
                                   size.width() * 3, size.height(), TJPF_RGB, &jpeg, &bytes, subsampling, quality, 0);
    QByteArray out = result == 0 ? QByteArray(reinterpret_cast<const char *>(jpeg), qsizetype(bytes)) : QByteArray();
    tjFree(jpeg);
    tjDestroy(handle);
    return out;
}

inline QByteArray colourBarsJpeg(QSize size, int quality = 90)
{
    return compress(colourBarsRgb(size), size, quality);
}

// The JPEG without its DHT segments, as many UVC dongles send MJPEG: the decoder has to assume
// the standard tables.
inline QByteArray withoutHuffmanTables(const QByteArray &jpeg)
{
    QByteArray out = jpeg.left(2);
    qsizetype at = 2;
    while (at + 4 <= jpeg.size() && quint8(jpeg[at]) == 0xff) {
        const quint8 marker = quint8(jpeg[at + 1]);
        if (marker == 0xda) // start of scan: the rest is entropy-coded data
            break;
        const qsizetype length = (qsizetype(quint8(jpeg[at + 2])) << 8) | quint8(jpeg[at + 3]);
        if (marker != 0xc4)
            out += jpeg.mid(at, 2 + length);
        at += 2 + length;
    }
    return out + jpeg.mid(at);
}

// Whether two colours differ by at most `tolerance` in each channel.
inline bool near(quint32 actual, quint32 expected, int tolerance = 12)
{
    for (int shift = 0; shift < 24; shift += 8) {
        if (qAbs(int((actual >> shift) & 0xff) - int((expected >> shift) & 0xff)) > tolerance)
            return false;
    }
    return (actual >> 24) == 0;
}

} // namespace TestJpeg
