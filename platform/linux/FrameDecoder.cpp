#include "FrameDecoder.h"

#include "linux/CaptureDevice.h"

#include <QtEndian>

#include <linux/videodev2.h>
#include <turbojpeg.h>

#include <algorithm>

namespace {

// libjpeg-turbo writes the pixel's bytes in memory order; these are 0x??RRGGBB as a quint32 in
// the machine's byte order, as VideoFrame holds them.
#if Q_BYTE_ORDER == Q_LITTLE_ENDIAN
constexpr TJPF nativePixelFormat = TJPF_BGRX;
#else
constexpr TJPF nativePixelFormat = TJPF_XRGB;
#endif
constexpr quint32 rgbMask = 0x00ffffff;

enum class Layout { Jpeg, Yuyv, Uyvy, Rgb24, Bgr24, Bgrx32, Xrgb32, Unknown };

Layout layoutOf(quint32 fourcc)
{
    switch (fourcc) {
    case V4L2_PIX_FMT_MJPEG:
    case V4L2_PIX_FMT_JPEG: return Layout::Jpeg;
    case V4L2_PIX_FMT_YUYV: return Layout::Yuyv;
    case V4L2_PIX_FMT_UYVY: return Layout::Uyvy;
    case V4L2_PIX_FMT_RGB24: return Layout::Rgb24;
    case V4L2_PIX_FMT_BGR24: return Layout::Bgr24;
    // Memory order B, G, R, X.
    case V4L2_PIX_FMT_XBGR32:
    case V4L2_PIX_FMT_ABGR32:
    case V4L2_PIX_FMT_BGR32: return Layout::Bgrx32;
    // Memory order X, R, G, B.
    case V4L2_PIX_FMT_XRGB32:
    case V4L2_PIX_FMT_ARGB32:
    case V4L2_PIX_FMT_RGB32: return Layout::Xrgb32;
    default: return Layout::Unknown;
    }
}

int bytesPerPixel(Layout layout)
{
    switch (layout) {
    case Layout::Yuyv:
    case Layout::Uyvy: return 2;
    case Layout::Rgb24:
    case Layout::Bgr24: return 3;
    case Layout::Bgrx32:
    case Layout::Xrgb32: return 4;
    default: return 0;
    }
}

// Pixels of `size` in `frame`, reusing its buffer when it is the right size and nobody shares it
// (a frame handed on keeps its own copy).
quint32 *prepare(VideoFrame &frame, QSize size)
{
    const qsizetype bytes = qsizetype(size.width()) * size.height() * 4;
    if (frame.pixels.size() != bytes || !frame.pixels.isDetached())
        frame.pixels = QByteArray(bytes, Qt::Uninitialized);
    frame.size = size;
    return reinterpret_cast<quint32 *>(frame.pixels.data());
}

quint8 clamp8(int value)
{
    return quint8(std::clamp(value, 0, 255));
}

// BT.601 limited range (Y 16..235, Cb/Cr 16..240) in 8.8 fixed point, as HDMI's YCbCr is.
quint32 yuvToRgb(int y, int u, int v)
{
    const int c = 298 * (y - 16) + 128;
    const int d = u - 128;
    const int e = v - 128;
    const quint32 r = clamp8((c + 409 * e) >> 8);
    const quint32 g = clamp8((c - 100 * d - 208 * e) >> 8);
    const quint32 b = clamp8((c + 516 * d) >> 8);
    return (r << 16) | (g << 8) | b;
}

// One row of packed 4:2:2: two pixels share a chroma pair, in the order the layout says.
void convertYuvRow(const uchar *in, quint32 *out, int width, bool yFirst)
{
    const int y0 = yFirst ? 0 : 1;
    const int u = yFirst ? 1 : 0;
    const int y1 = yFirst ? 2 : 3;
    const int v = yFirst ? 3 : 2;
    for (int x = 0; x + 1 < width; x += 2, in += 4) {
        out[x] = yuvToRgb(in[y0], in[u], in[v]);
        out[x + 1] = yuvToRgb(in[y1], in[u], in[v]);
    }
}

} // namespace

FrameDecoder::FrameDecoder() = default;

FrameDecoder::~FrameDecoder()
{
    if (m_jpeg)
        tjDestroy(static_cast<tjhandle>(m_jpeg));
}

bool FrameDecoder::canDecode(quint32 fourcc)
{
    return layoutOf(fourcc) != Layout::Unknown;
}

void FrameDecoder::setFormat(quint32 fourcc, QSize size, int bytesPerLine)
{
    m_fourcc = fourcc;
    m_size = size;
    m_bytesPerLine = bytesPerLine;
}

std::optional<QString> FrameDecoder::decode(const uchar *data, qsizetype bytes, VideoFrame &frame)
{
    if (!data || bytes <= 0)
        return QStringLiteral("empty buffer");
    if (layoutOf(m_fourcc) == Layout::Jpeg)
        return decodeJpeg(data, bytes, frame);
    return decodeRaw(data, bytes, frame);
}

std::optional<QString> FrameDecoder::decodeJpeg(const uchar *data, qsizetype bytes, VideoFrame &frame)
{
    if (bytes < 4 || data[0] != 0xff || data[1] != 0xd8)
        return QStringLiteral("not a JPEG frame (no start marker)");
    // Devices pad their buffers after the picture; the frame ends with its last end marker, and
    // one without is cut short (a frame the USB link dropped part of).
    qsizetype end = bytes;
    while (end >= 4 && !(data[end - 2] == 0xff && data[end - 1] == 0xd9))
        --end;
    if (end < 4)
        return QStringLiteral("truncated JPEG frame (no end marker in %1 bytes)").arg(bytes);

    if (!m_jpeg) {
        m_jpeg = tjInitDecompress();
        if (!m_jpeg)
            return QStringLiteral("libjpeg-turbo cannot start: %1")
                .arg(QString::fromLocal8Bit(tjGetErrorStr2(nullptr)));
    }
    const auto handle = static_cast<tjhandle>(m_jpeg);
    auto *jpeg = const_cast<uchar *>(data); // TurboJPEG 2's signatures are not const; it only reads
    const auto jpegBytes = static_cast<unsigned long>(end);
    int width = 0;
    int height = 0;
    int subsampling = 0;
    int colourspace = 0;
    if (tjDecompressHeader3(handle, jpeg, jpegBytes, &width, &height, &subsampling, &colourspace) != 0)
        return QStringLiteral("damaged JPEG header: %1").arg(QString::fromLocal8Bit(tjGetErrorStr2(handle)));
    if (width <= 0 || height <= 0 || width > maxSide || height > maxSide)
        return QStringLiteral("JPEG frame of %1x%2 refused").arg(width).arg(height);

    quint32 *pixels = prepare(frame, QSize(width, height));
    // A warning is a frame libjpeg had to patch up (data missing or damaged): the viewer would
    // see grey blocks, so the frame is dropped instead. Progressive JPEGs do not come from
    // capture devices; a limit on their scans keeps a hostile one from costing minutes.
    const int flags = TJFLAG_STOPONWARNING | TJFLAG_LIMITSCANS;
    if (tjDecompress2(handle, jpeg, jpegBytes, reinterpret_cast<uchar *>(pixels), width, width * 4, height,
                      nativePixelFormat, flags)
        != 0)
        return QStringLiteral("damaged JPEG frame: %1").arg(QString::fromLocal8Bit(tjGetErrorStr2(handle)));
    // libjpeg-turbo sets the unused byte to 0xff; VideoFrame's pixels have it zero.
    const qsizetype count = qsizetype(width) * height;
    for (qsizetype i = 0; i < count; ++i)
        pixels[i] &= rgbMask;
    return std::nullopt;
}

std::optional<QString> FrameDecoder::decodeRaw(const uchar *data, qsizetype bytes, VideoFrame &frame)
{
    const Layout layout = layoutOf(m_fourcc);
    if (layout == Layout::Unknown)
        return QStringLiteral("%1 frames cannot be decoded").arg(CaptureDevice::fourccName(m_fourcc));
    const int width = m_size.width();
    const int height = m_size.height();
    if (width <= 0 || height <= 0 || width > maxSide || height > maxSide)
        return QStringLiteral("no frame size negotiated");
    const bool yuv = layout == Layout::Yuyv || layout == Layout::Uyvy;
    if (yuv && width % 2 != 0)
        return QStringLiteral("YUV 4:2:2 frame of odd width %1").arg(width);
    const qint64 rowBytes = qint64(width) * bytesPerPixel(layout);
    const qint64 stride = m_bytesPerLine > 0 ? m_bytesPerLine : rowBytes;
    if (stride < rowBytes)
        return QStringLiteral("rows of %1 bytes cannot hold %2 pixels").arg(stride).arg(width);
    const qint64 needed = stride * (height - 1) + rowBytes;
    if (bytes < needed)
        return QStringLiteral("short frame: %1 bytes of %2").arg(bytes).arg(needed);

    quint32 *pixels = prepare(frame, m_size);
    for (int y = 0; y < height; ++y) {
        const uchar *in = data + stride * y;
        quint32 *out = pixels + qsizetype(width) * y;
        switch (layout) {
        case Layout::Yuyv: convertYuvRow(in, out, width, true); break;
        case Layout::Uyvy: convertYuvRow(in, out, width, false); break;
        case Layout::Rgb24:
            for (int x = 0; x < width; ++x, in += 3)
                out[x] = (quint32(in[0]) << 16) | (quint32(in[1]) << 8) | in[2];
            break;
        case Layout::Bgr24:
            for (int x = 0; x < width; ++x, in += 3)
                out[x] = (quint32(in[2]) << 16) | (quint32(in[1]) << 8) | in[0];
            break;
        case Layout::Bgrx32:
            for (int x = 0; x < width; ++x, in += 4)
                out[x] = qFromLittleEndian<quint32>(in) & rgbMask;
            break;
        case Layout::Xrgb32:
            for (int x = 0; x < width; ++x, in += 4)
                out[x] = qFromBigEndian<quint32>(in) & rgbMask;
            break;
        default: break;
        }
    }
    return std::nullopt;
}
