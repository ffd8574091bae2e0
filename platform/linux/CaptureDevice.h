#pragma once

#include "Expected.h"

#include <QList>
#include <QSize>
#include <QString>

#include <chrono>
#include <optional>

// What qbmc needs of a V4L2 video capture device (an HDMI-to-USB dongle, a CSI bridge such as
// the TC358743), so that V4l2VideoSource runs the same on the kernel's device and on a fake that
// replays recorded frames. Calls come from one thread, the capture worker's, except wake().
class CaptureDevice
{
public:
    // Why a call failed. A device that is gone (unplugged, its driver unbound) is told apart,
    // since only reopening it later can help.
    struct Error
    {
        QString message;
        bool deviceGone = false;
    };

    // A time per frame as V4L2 gives it: numerator / denominator seconds.
    struct Interval
    {
        quint32 numerator = 0;
        quint32 denominator = 0;

        bool isValid() const { return numerator != 0 && denominator != 0; }
        double framesPerSecond() const { return isValid() ? double(denominator) / double(numerator) : 0.0; }
        friend bool operator==(const Interval &, const Interval &) = default;
    };

    // The frame intervals a size offers: one (minimum == maximum) or a range in steps (a step of
    // zero: any interval in between).
    struct IntervalRange
    {
        Interval minimum;
        Interval maximum;
        Interval step;

        bool isDiscrete() const { return minimum == maximum; }
    };

    // The frame sizes a format offers: one (minimum == maximum) or a range in steps, with the
    // intervals the driver listed for the size (for a range: for its largest size).
    struct SizeRange
    {
        QSize minimum;
        QSize maximum;
        QSize step{1, 1};
        QList<IntervalRange> intervals;

        bool isDiscrete() const { return minimum == maximum; }
    };

    struct Format
    {
        quint32 fourcc = 0;
        QString name; // the driver's words, for logs
        // Empty when the driver does not list sizes (DV-timings bridges often do not).
        QList<SizeRange> sizes;
    };

    struct Description
    {
        QString driver; // "uvcvideo", "tc358743" (through "unicam" on a Raspberry Pi)
        QString card;
        bool canStream = false;
        // The device follows the host's video timings itself (an HDMI receiver); its frame size
        // is the detected timings', set with applyDvTimings().
        bool hasDvTimings = false;
        QList<Format> formats;

        // A USB dongle: its bandwidth is the USB link's, which only compressed frames fit.
        bool isUvc() const { return driver == QLatin1String("uvcvideo"); }
    };

    // What an HDMI receiver sees of the host's output. No link (cable out, host off or asleep)
    // is a result, not an error.
    struct DvTimings
    {
        bool signal = false;
        QSize size;
        double framesPerSecond = 0;

        friend bool operator==(const DvTimings &, const DvTimings &) = default;
    };

    // What the driver agreed to stream, which may differ from what was asked.
    struct StreamFormat
    {
        quint32 fourcc = 0;
        QSize size;
        int bytesPerLine = 0;
        Interval interval; // invalid when the driver does not say
    };

    // The outcome of a wait.
    struct Capture
    {
        enum class Kind {
            Frame,        // data and bytesUsed hold a frame, valid until the next call on the device
            Timeout,      // nothing arrived in time
            SourceChange, // the input changed (new timings, a link came or went): renegotiate
            Woken,        // wake() was called
        };
        Kind kind = Kind::Timeout;
        const uchar *data = nullptr;
        qsizetype bytesUsed = 0;
        bool damaged = false; // the driver marked the buffer as holding an incomplete frame
    };

    virtual ~CaptureDevice() = default;

    // The device node, for logs and descriptions: "/dev/video0".
    virtual QString path() const = 0;
    virtual std::optional<Error> open() = 0;
    // Stops streaming and releases the device; harmless when closed.
    virtual void close() = 0;
    virtual bool isOpen() const = 0;

    virtual Expected<Description, Error> describe() = 0;
    virtual Expected<DvTimings, Error> queryDvTimings() = 0;
    // Uses the timings the last queryDvTimings() detected.
    virtual std::optional<Error> applyDvTimings() = 0;
    // Asks for a format, size and frame interval (an invalid interval: the driver's choice) and
    // tells what the driver chose. Only while not streaming.
    virtual Expected<StreamFormat, Error> setFormat(quint32 fourcc, QSize size, Interval interval) = 0;

    virtual std::optional<Error> startStreaming() = 0;
    virtual void stopStreaming() = 0;
    virtual bool isStreaming() const = 0;
    // Waits at most `timeout` for a frame or an event. The previous frame's data is given back to
    // the driver by this call.
    virtual Expected<Capture, Error> waitForFrame(std::chrono::milliseconds timeout) = 0;
    // Ends a waitForFrame() in progress, or the next one, with Capture::Kind::Woken. Any thread.
    virtual void wake() = 0;

    // "MJPEG", "YUYV", "H264": a fourcc as people read it.
    static QString fourccName(quint32 fourcc);
};
