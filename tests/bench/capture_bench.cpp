// The capture path's cost on the BMC: CPU time to turn one 1920x1080 frame from a capture device
// into the KVM's 0x00RRGGBB pixels through FrameDecoder, for MJPEG (what a USB dongle sends, made
// here with libjpeg-turbo from a photo-like picture at quality 80, so its size is a real
// capture's) and for YUYV (what a raw device sends). Prints frames per second on one core and CPU
// milliseconds per frame, the figures that say what capture at a given rate costs.
//   capture_bench [FRAMES]
#include "linux/FrameDecoder.h"

#include <QByteArray>
#include <QCoreApplication>

#include <linux/videodev2.h>
#include <turbojpeg.h>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <random>

namespace {

constexpr QSize frameSize{1920, 1080};

double cpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

double wallSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

// A desktop-like picture: smooth gradients (a wallpaper), sensor-like noise, and windows with
// rows of sharp dark-on-light strokes where text would be, which cost JPEG the most.
QByteArray photoLikeRgb()
{
    std::mt19937 random(1);
    std::uniform_int_distribution<int> noise(-1, 1);
    QByteArray rgb(qsizetype(frameSize.width()) * frameSize.height() * 3, Qt::Uninitialized);
    auto *out = reinterpret_cast<uchar *>(rgb.data());
    for (int y = 0; y < frameSize.height(); ++y) {
        for (int x = 0; x < frameSize.width(); ++x) {
            int r = 40 + 150 * x / frameSize.width() + int(30 * std::sin(y / 90.0));
            int g = 60 + 120 * y / frameSize.height();
            int b = 140 + int(60 * std::cos((x + y) / 200.0));
            const bool window =
                (x / 480) % 2 == (y / 360) % 2 && x % 480 > 40 && x % 480 < 440 && y % 360 > 30 && y % 360 < 330;
            if (window) {
                r = g = b = 235;
                // Text: words of 8-pixel glyph cells on 18-pixel lines, with paragraph gaps; 2-pixel strokes
                // from a hash of the cell.
                const int line = y % 18;
                const int cell = x / 8;
                const quint32 hash = quint32(cell * 2654435761u) ^ quint32((y / 18) * 40503u);
                if (line > 3 && line < 15 && cell % 9 < 6 && (y / 18) % 4 != 3
                    && (hash >> ((x % 8) / 2 + (line / 3) * 4)) & 1 && (hash & 0x7) != 0)
                    r = g = b = 30;
            }
            const int n = noise(random);
            *out++ = uchar(std::clamp(r + n, 0, 255));
            *out++ = uchar(std::clamp(g + n, 0, 255));
            *out++ = uchar(std::clamp(b + n, 0, 255));
        }
    }
    return rgb;
}

QByteArray compress(const QByteArray &rgb)
{
    tjhandle handle = tjInitCompress();
    unsigned char *jpeg = nullptr;
    unsigned long bytes = 0;
    tjCompress2(handle, reinterpret_cast<const unsigned char *>(rgb.constData()), frameSize.width(),
                frameSize.width() * 3, frameSize.height(), TJPF_RGB, &jpeg, &bytes, TJSAMP_422, 80, 0);
    const QByteArray out(reinterpret_cast<const char *>(jpeg), qsizetype(bytes));
    tjFree(jpeg);
    tjDestroy(handle);
    return out;
}

QByteArray yuyvFrom(const QByteArray &rgb)
{
    QByteArray yuyv(qsizetype(frameSize.width()) * frameSize.height() * 2, Qt::Uninitialized);
    const auto *in = reinterpret_cast<const uchar *>(rgb.constData());
    auto *out = reinterpret_cast<uchar *>(yuyv.data());
    for (qsizetype pixel = 0; pixel < qsizetype(frameSize.width()) * frameSize.height(); pixel += 2, in += 6) {
        const auto luma = [](const uchar *p) { return uchar(16 + (66 * p[0] + 129 * p[1] + 25 * p[2] + 128) / 256); };
        *out++ = luma(in);
        *out++ = uchar(128 + (-38 * in[0] - 74 * in[1] + 112 * in[2] + 128) / 256);
        *out++ = luma(in + 3);
        *out++ = uchar(128 + (112 * in[0] - 94 * in[1] - 18 * in[2] + 128) / 256);
    }
    return yuyv;
}

bool measure(const char *name, quint32 fourcc, const QByteArray &input, int frames)
{
    FrameDecoder decoder;
    decoder.setFormat(fourcc, frameSize);
    VideoFrame frame;
    // One frame first, so that the pixels and libjpeg-turbo's state exist, as in a running stream.
    if (const std::optional<QString> failure =
            decoder.decode(reinterpret_cast<const uchar *>(input.constData()), input.size(), frame)) {
        std::fprintf(stderr, "%s: %s\n", name, qPrintable(*failure));
        return false;
    }
    const double cpuStart = cpuSeconds();
    const double wallStart = wallSeconds();
    for (int i = 0; i < frames; ++i)
        (void)decoder.decode(reinterpret_cast<const uchar *>(input.constData()), input.size(), frame);
    const double cpu = cpuSeconds() - cpuStart;
    const double wall = wallSeconds() - wallStart;
    std::printf("%-34s %8.1f kB/frame  %7.1f frames/s  %6.2f ms CPU/frame\n", name, double(input.size()) / 1024.0,
                double(frames) / wall, 1000.0 * cpu / double(frames));
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const int frames = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 200;
    const QByteArray rgb = photoLikeRgb();
    const QByteArray jpeg = compress(rgb);
    std::printf("%d frames of %dx%d each, one thread\n", frames, frameSize.width(), frameSize.height());
    bool ok = measure("MJPEG (quality 80, 4:2:2)", V4L2_PIX_FMT_MJPEG, jpeg, frames);
    ok = measure("YUYV (BT.601 limited range)", V4L2_PIX_FMT_YUYV, yuyvFrom(rgb), frames) && ok;
    return ok ? 0 : 1;
}
