#pragma once

#include "linux/CaptureDevice.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QMutex>
#include <QMutexLocker>
#include <QWaitCondition>

#include <linux/videodev2.h>

#include <chrono>

// A capture device played by the test: it streams whatever frame the test last showed, at a
// fixed period, like a dongle replaying the host's screen. The test changes what the host sends
// (another mode, nothing, a source-change event), pulls the plug, and reads what the source did
// (streaming or not, the formats it asked for). The source calls it from its worker thread, the
// test from the main thread; everything is under one lock.
class FakeCaptureDevice : public CaptureDevice
{
public:
    explicit FakeCaptureDevice(Description description, QString path = QStringLiteral("/dev/video9"))
        : m_description(std::move(description))
        , m_path(std::move(path))
    {
    }

    // A UVC dongle offering MJPEG at 640x480 and 1920x1080, at 30 Hz.
    static Description usbDongle()
    {
        const QList<IntervalRange> rates{{{1, 30}, {1, 30}, {}}};
        Description description{QStringLiteral("uvcvideo"), QStringLiteral("Fake HDMI dongle"), true, false, {}};
        description.formats.append({V4L2_PIX_FMT_MJPEG,
                                    QStringLiteral("Motion-JPEG"),
                                    {{{640, 480}, {640, 480}, {}, rates}, {{1920, 1080}, {1920, 1080}, {}, rates}}});
        return description;
    }

    // An HDMI-to-CSI bridge: DV timings, UYVY at whatever size the host sends.
    static Description hdmiBridge()
    {
        Description description{QStringLiteral("unicam"), QStringLiteral("Fake TC358743"), true, true, {}};
        description.formats.append({V4L2_PIX_FMT_UYVY, QStringLiteral("UYVY 4:2:2"), {}});
        return description;
    }

    // --- What the test does ---

    // The host sends `frame` from now on (for MJPEG a JPEG, else raw bytes of the timings' size).
    void send(const QByteArray &frame)
    {
        const QMutexLocker lock(&m_mutex);
        m_frame = frame;
        m_sending = true;
        m_changed.wakeAll();
    }
    // The host sends nothing (off, asleep, cable out).
    void stopSending()
    {
        const QMutexLocker lock(&m_mutex);
        m_sending = false;
    }
    // What a DV-timings device detects; raises a source-change event as a receiver does.
    void setTimings(const DvTimings &timings)
    {
        const QMutexLocker lock(&m_mutex);
        m_timings = timings;
        m_sourceChange = true;
        m_changed.wakeAll();
    }
    void raiseSourceChange()
    {
        const QMutexLocker lock(&m_mutex);
        m_sourceChange = true;
        m_changed.wakeAll();
    }
    // The device goes (or comes back): calls fail as on an unplugged device, open() too.
    void setPresent(bool present)
    {
        const QMutexLocker lock(&m_mutex);
        m_present = present;
        if (!present)
            m_open = m_streaming = false;
        m_changed.wakeAll();
    }
    // waitForFrame() ignores its timeout and returns only when woken, as a stuck driver would.
    void setStuck(bool stuck)
    {
        const QMutexLocker lock(&m_mutex);
        m_stuck = stuck;
    }
    void setFramePeriod(std::chrono::milliseconds period)
    {
        const QMutexLocker lock(&m_mutex);
        m_period = period;
    }

    // --- What the test reads ---

    bool streaming() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_streaming;
    }
    int streamStarts() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_starts;
    }
    int formatsSet() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_formatsSet;
    }
    int framesHanded() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_handed;
    }
    int opens() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_opens;
    }

    // --- CaptureDevice ---

    QString path() const override { return m_path; }
    std::optional<Error> open() override
    {
        const QMutexLocker lock(&m_mutex);
        ++m_opens;
        if (!m_present)
            return Error{m_path + QStringLiteral(": cannot open: No such file or directory"), true};
        m_open = true;
        return std::nullopt;
    }
    void close() override
    {
        const QMutexLocker lock(&m_mutex);
        m_open = m_streaming = false;
    }
    bool isOpen() const override
    {
        const QMutexLocker lock(&m_mutex);
        return m_open;
    }
    Expected<Description, Error> describe() override
    {
        const QMutexLocker lock(&m_mutex);
        if (!m_present)
            return gone();
        return m_description;
    }
    Expected<DvTimings, Error> queryDvTimings() override
    {
        const QMutexLocker lock(&m_mutex);
        if (!m_present)
            return gone();
        m_detected = m_timings;
        return m_timings;
    }
    std::optional<Error> applyDvTimings() override
    {
        const QMutexLocker lock(&m_mutex);
        if (!m_present)
            return gone();
        m_applied = m_detected;
        return std::nullopt;
    }
    Expected<StreamFormat, Error> setFormat(quint32 fourcc, QSize size, Interval interval) override
    {
        const QMutexLocker lock(&m_mutex);
        if (!m_present)
            return gone();
        ++m_formatsSet;
        // A bridge streams at its timings, whatever was asked.
        const QSize chosen = m_description.hasDvTimings ? m_applied.size : size;
        const int bytesPerLine = fourcc == V4L2_PIX_FMT_MJPEG ? 0 : chosen.width() * 2;
        return StreamFormat{fourcc, chosen, bytesPerLine, interval};
    }
    std::optional<Error> startStreaming() override
    {
        const QMutexLocker lock(&m_mutex);
        if (!m_present)
            return gone();
        m_streaming = true;
        ++m_starts;
        m_nextFrame = QDeadlineTimer(0);
        return std::nullopt;
    }
    void stopStreaming() override
    {
        const QMutexLocker lock(&m_mutex);
        m_streaming = false;
    }
    bool isStreaming() const override
    {
        const QMutexLocker lock(&m_mutex);
        return m_streaming;
    }
    Expected<Capture, Error> waitForFrame(std::chrono::milliseconds timeout) override
    {
        QMutexLocker lock(&m_mutex);
        const QDeadlineTimer deadline(m_stuck ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(timeout));
        for (;;) {
            if (m_woken) {
                m_woken = false;
                return Capture{Capture::Kind::Woken};
            }
            if (!m_present)
                return gone();
            if (m_sourceChange && !m_stuck) {
                m_sourceChange = false;
                return Capture{Capture::Kind::SourceChange};
            }
            const bool frameDue = m_streaming && m_sending && !m_stuck;
            if (frameDue && m_nextFrame.hasExpired()) {
                m_nextFrame = QDeadlineTimer(m_period);
                m_handedFrame = m_frame; // kept until the next call, as a mapped buffer is
                ++m_handed;
                Capture capture{Capture::Kind::Frame};
                capture.data = reinterpret_cast<const uchar *>(m_handedFrame.constData());
                capture.bytesUsed = m_handedFrame.size();
                return capture;
            }
            if (deadline.hasExpired())
                return Capture{Capture::Kind::Timeout};
            const QDeadlineTimer until =
                frameDue && m_nextFrame.deadline() < deadline.deadline() ? m_nextFrame : deadline;
            m_changed.wait(&m_mutex, until);
        }
    }
    void wake() override
    {
        const QMutexLocker lock(&m_mutex);
        m_woken = true;
        m_changed.wakeAll();
    }

private:
    Error gone() const { return Error{m_path + QStringLiteral(": No such device"), true}; }

    mutable QMutex m_mutex;
    QWaitCondition m_changed;
    const Description m_description;
    const QString m_path;
    QByteArray m_frame;
    QByteArray m_handedFrame;
    DvTimings m_timings;
    DvTimings m_detected;
    DvTimings m_applied;
    std::chrono::milliseconds m_period{10};
    QDeadlineTimer m_nextFrame{0};
    bool m_sending = false;
    bool m_sourceChange = false;
    bool m_present = true;
    bool m_stuck = false;
    bool m_woken = false;
    bool m_open = false;
    bool m_streaming = false;
    int m_starts = 0;
    int m_formatsSet = 0;
    int m_handed = 0;
    int m_opens = 0;
};
