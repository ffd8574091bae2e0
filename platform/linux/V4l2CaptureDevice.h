#pragma once

#include "linux/CaptureDevice.h"

#include <QList>

#include <linux/videodev2.h>

// A V4L2 capture device node, through the kernel's interface itself: single-planar video
// capture with memory-mapped buffers, DV timings where the input has them (HDMI receivers) and
// source-change events. Waits use poll() on the device and an eventfd, so wake() ends them at
// once from another thread.
class V4l2CaptureDevice : public CaptureDevice
{
public:
    explicit V4l2CaptureDevice(QString path);
    ~V4l2CaptureDevice() override;
    V4l2CaptureDevice(const V4l2CaptureDevice &) = delete;
    V4l2CaptureDevice &operator=(const V4l2CaptureDevice &) = delete;

    QString path() const override { return m_path; }
    std::optional<Error> open() override;
    void close() override;
    bool isOpen() const override { return m_fd >= 0; }

    Expected<Description, Error> describe() override;
    Expected<DvTimings, Error> queryDvTimings() override;
    std::optional<Error> applyDvTimings() override;
    Expected<StreamFormat, Error> setFormat(quint32 fourcc, QSize size, Interval interval) override;

    std::optional<Error> startStreaming() override;
    void stopStreaming() override;
    bool isStreaming() const override { return m_streaming; }
    Expected<Capture, Error> waitForFrame(std::chrono::milliseconds timeout) override;
    void wake() override;

private:
    struct Buffer
    {
        void *start = nullptr;
        size_t length = 0;
    };

    int ioctlRetrying(unsigned long request, void *argument) const;
    Error failure(const QString &what) const;
    QList<IntervalRange> intervals(quint32 fourcc, QSize size) const;
    QList<SizeRange> sizes(quint32 fourcc) const;
    bool inputHasDvTimings() const;
    void releaseBuffers();
    std::optional<Error> requeueHeld();
    // Takes the pending events; whether one was a source change.
    bool takeSourceChange();

    QString m_path;
    int m_fd = -1;
    int m_wakeFd = -1;
    bool m_streaming = false;
    QList<Buffer> m_buffers;
    int m_held = -1; // the buffer whose frame the caller reads, queued again on the next wait
    v4l2_dv_timings m_detected{};
    bool m_haveDetected = false;
};
