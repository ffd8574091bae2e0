#pragma once

#include "linux/CaptureDevice.h"

#include <QSize>
#include <QString>

#include <optional>

// Which of a capture device's formats, sizes and frame rates qbmc asks for. A USB dongle streams
// MJPEG, since uncompressed 1080p does not fit through USB 2 at a useful rate; any other device
// streams a raw format FrameDecoder converts, with 16-bit YUV first for the narrower link. An
// HDMI receiver (DV timings) captures at the size the host sends, since it cannot scale. Otherwise
// the largest size within the wanted maximum, then the fastest rate not above the wanted one.
class CaptureFormatChoice
{
public:
    struct Wanted
    {
        QSize maxSize{1920, 1080};
        int maxFps = 30;
    };

    struct Choice
    {
        quint32 fourcc = 0;
        QSize size;
        CaptureDevice::Interval interval; // invalid: let the driver choose

        friend bool operator==(const Choice &, const Choice &) = default;
    };

    // The choice, or why nothing the device offers will do ("no format qbmc can decode: H264").
    // `timings` are the detected ones of a DV-timings device, with a signal.
    static Expected<Choice, QString> choose(const CaptureDevice::Description &device, const Wanted &wanted,
                                            const std::optional<CaptureDevice::DvTimings> &timings = std::nullopt);

    // The size of `range` closest to `maxSize` from below, or its smallest when all are larger.
    static QSize largestWithin(const CaptureDevice::SizeRange &range, QSize maxSize);
    // The interval of the fastest rate in `ranges` not above `maxFps`, or of the slowest rate
    // when all are faster; invalid when `ranges` is empty.
    static CaptureDevice::Interval intervalFor(const QList<CaptureDevice::IntervalRange> &ranges, int maxFps);
};
