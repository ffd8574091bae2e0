#pragma once

#include "VideoFrame.h"

#include <QObject>
#include <QString>

// The host's screen as qbmc sees it: a V4L2 capture device (an HDMI dongle or a CSI bridge) or
// the simulated host's display. The KVM faces know nothing else of where frames come from.
class VideoSource : public QObject
{
    Q_OBJECT
public:
    enum class Status {
        Picture,  // frames arrive
        NoSignal, // the device is there, the host sends nothing (off, asleep, cable out)
        NoDevice, // the capture device is missing or failed; problem() says why
    };
    Q_ENUM(Status)

    using QObject::QObject;

    virtual Status status() const = 0;
    // The latest frame; a null frame unless status() is Picture.
    virtual VideoFrame frame() const = 0;
    // One line for logs and readers: "/dev/video0, 1920x1080 MJPEG at 30 Hz".
    virtual QString description() const = 0;
    // Why there is no picture, for people; empty while there is one.
    virtual QString problem() const = 0;
    // Starts or stops capture. Faces do not call it: they say they watch (addWatcher) or no
    // longer do (removeWatcher), since several watch at once (VNC viewers, a screenshot being
    // taken, the touchscreen's Screen page) and capture must run while any of them does.
    virtual void setActive(bool active) = 0;

    void addWatcher()
    {
        if (m_watchers++ == 0)
            setActive(true);
    }
    void removeWatcher()
    {
        if (m_watchers > 0 && --m_watchers == 0)
            setActive(false);
    }
    int watcherCount() const { return m_watchers; }

signals:
    // frame() has changed. Sources do not say where: capture devices cannot tell, so the faces
    // compare frames themselves.
    void frameChanged();
    void statusChanged(VideoSource::Status status);

private:
    int m_watchers = 0;
};
