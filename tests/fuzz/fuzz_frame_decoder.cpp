// A capture device's buffer as FrameDecoder reads it: the first bytes choose the negotiated
// format and size, the rest is the frame. Whatever the bytes, the decoder refuses with a reason
// or gives a frame of the size it says, with every pixel's unused byte zero, and reads nothing
// outside the buffer.
#include "linux/FrameDecoder.h"

#include <linux/videodev2.h>

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

constexpr quint32 formats[] = {V4L2_PIX_FMT_MJPEG, V4L2_PIX_FMT_YUYV,   V4L2_PIX_FMT_UYVY,   V4L2_PIX_FMT_RGB24,
                               V4L2_PIX_FMT_BGR24, V4L2_PIX_FMT_XBGR32, V4L2_PIX_FMT_XRGB32, V4L2_PIX_FMT_H264};
constexpr size_t headerBytes = 4;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < headerBytes)
        return 0;
    const quint32 fourcc = formats[data[0] % std::size(formats)];
    const QSize negotiated(2 * (1 + data[1] % 64), 1 + data[2] % 64);
    const int padding = data[3] % 8;
    const int bytesPerLine = padding == 0 ? 0 : negotiated.width() * 4 + padding;

    // A copy of exactly the frame's bytes, so that a read past its end is one ASan sees.
    const QByteArray frameBytes(reinterpret_cast<const char *>(data + headerBytes), qsizetype(size - headerBytes));
    FrameDecoder decoder;
    decoder.setFormat(fourcc, negotiated, bytesPerLine);
    VideoFrame frame;
    for (int round = 0; round < 2; ++round) { // the second into the first's pixels
        const std::optional<QString> failure =
            decoder.decode(reinterpret_cast<const uchar *>(frameBytes.constData()), frameBytes.size(), frame);
        if (failure) {
            if (failure->isEmpty())
                std::abort();
            return 0;
        }
        if (frame.size.isEmpty() || frame.size.width() > FrameDecoder::maxSide
            || frame.size.height() > FrameDecoder::maxSide
            || frame.pixels.size() != qsizetype(frame.size.width()) * frame.size.height() * 4)
            std::abort();
        if (fourcc != V4L2_PIX_FMT_MJPEG && frame.size != negotiated)
            std::abort();
        for (int y = 0; y < frame.size.height(); ++y) {
            for (int x = 0; x < frame.size.width(); ++x) {
                if (frame.pixel(x, y) >> 24)
                    std::abort();
            }
        }
    }
    return 0;
}
