#pragma once

#include "VideoSource.h"
#include "linux/CaptureDevice.h"
#include "linux/CaptureFormatChoice.h"
#include "linux/FrameDecoder.h"

#include <QMutex>
#include <QWaitCondition>

#include <atomic>
#include <chrono>
#include <memory>

class QThread;

// The host's screen through a V4L2 capture device. Capture runs on a thread of its own, since
// waiting for and decoding a 1080p frame takes milliseconds the event loop must not lose; the
// main thread takes only the latest decoded frame, so a slow reader skips frames rather than
// queueing them. The worker negotiates with CaptureFormatChoice, follows the host's mode changes
// (a source-change event, new DV timings, JPEG frames of another size) by renegotiating without a
// restart, tells NoSignal when frames stop and NoDevice when the device is missing, unusable or
// gone, and then tries to open it again every few seconds.
class V4l2VideoSource : public VideoSource
{
    Q_OBJECT
public:
    struct Settings
    {
        QSize maxSize{1920, 1080};
        int maxFps = 30;
        // Without a frame for this long the host sends no picture.
        std::chrono::milliseconds noSignalAfter{1000};
        // How long a missing or failed device is left before it is opened again.
        std::chrono::milliseconds retryInterval{3000};
    };

    // The device node `path` ("/dev/video0").
    V4l2VideoSource(const QString &path, Settings settings, QObject *parent = nullptr);
    V4l2VideoSource(std::unique_ptr<CaptureDevice> device, Settings settings, QObject *parent = nullptr);
    ~V4l2VideoSource() override;

    Status status() const override { return m_status; }
    VideoFrame frame() const override;
    QString description() const override { return m_description; }
    QString problem() const override { return m_problem; }
    void setActive(bool active) override;

private:
    // What the worker hands to the main thread, under m_mutex.
    struct Shared
    {
        Status status = Status::NoSignal;
        QString problem;
        QString description;
        std::optional<VideoFrame> pending; // decoded and not yet taken
        VideoFrame spare;                  // the frame the main thread let go, for reuse
        bool posted = false;               // takeUpdates() is queued
    };
    enum class Start { Streaming, NoSignal, Failed };

    // Worker thread.
    void run();
    Start startCapture();
    void handleFrame(const CaptureDevice::Capture &capture);
    void lose(const CaptureDevice::Error &error);
    void fail(const QString &problem);
    void publish(Status status, const QString &problem);
    void publishFrame();
    void publishDescription(const QString &description);
    void post();
    // Waits until `duration` passed, the source is stopped, or setActive() was called.
    void rest(std::chrono::milliseconds duration);
    bool stopping() const { return m_stop.load(); }

    // Main thread.
    void takeUpdates();

    const std::unique_ptr<CaptureDevice> m_device;
    const Settings m_settings;

    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_active{false};
    QMutex m_mutex;
    QWaitCondition m_wakeup; // with m_mutex and m_pokes: ends a rest()
    quint64 m_pokes = 0;
    Shared m_shared;

    // The worker's own.
    FrameDecoder m_decoder;
    VideoFrame m_work;
    CaptureDevice::StreamFormat m_format;
    CaptureDevice::DvTimings m_timings;
    bool m_followsTimings = false;
    QSize m_toleratedSize; // a JPEG size renegotiation did not change; not renegotiated for again
    qint64 m_lastFrameAt = 0;
    quint64 m_decodeFailures = 0;

    // The main thread's.
    Status m_status = Status::NoSignal;
    QString m_problem;
    QString m_description;
    VideoFrame m_frame;
    QThread *m_thread = nullptr;
};
