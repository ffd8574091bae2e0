#pragma once

#include "PacedTyping.h"
#include "VideoFrame.h"

#include <QObject>
#include <QSize>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <memory>

class HostInput;
class VideoSource;

// The host's screen on the touchscreen, a crash cart on the BMC: the video source's frames for
// ScreenView to draw, the source's state, and the keys and taps that reach the host as a USB
// keyboard and mouse give them. Capture runs only while the page is shown (watching). Someone at
// the BMC types whenever the page is open, as a keyboard plugged into the host would, next to any
// KVM viewer that drives (docs/decisions.md#125).
class ScreenViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Dashboard.screen provides it")
    // There is a picture source at all (the simulated host's display or a capture device).
    Q_PROPERTY(bool available READ isAvailable CONSTANT)
    // Keys and taps can reach the host (the simulated host, or the USB gadget).
    Q_PROPERTY(bool canType READ canType CONSTANT)
    // "Picture", "NoSignal", "NoDevice", or "None" without a source.
    Q_PROPERTY(QString status READ status NOTIFY statusChanged)
    Q_PROPERTY(QString problem READ problem NOTIFY statusChanged)
    Q_PROPERTY(QString description READ description NOTIFY statusChanged)
    Q_PROPERTY(QSize frameSize READ frameSize NOTIFY frameSizeChanged)
    Q_PROPERTY(bool watching READ isWatching WRITE setWatching NOTIFY watchingChanged)

public:
    // Either may be null: a board without capture or without the USB gadget.
    ScreenViewModel(VideoSource *video, HostInput *input, QObject *parent = nullptr);
    ~ScreenViewModel() override;

    bool isAvailable() const { return m_video != nullptr; }
    bool canType() const { return m_input != nullptr; }
    QString status() const;
    QString problem() const;
    QString description() const;
    QSize frameSize() const { return m_frame.size; }
    bool isWatching() const { return m_watching; }
    void setWatching(bool watching);
    // The picture to draw; null while there is none.
    const VideoFrame &frame() const { return m_frame; }

    // A key pressed and released, by name: "Enter", "Escape", "Tab", "Backspace", "Delete",
    // "Insert", "Home", "End", "PageUp", "PageDown", "Up", "Down", "Left", "Right", "F1".."F12",
    // or "CtrlAltDel". False for a name it does not know or without input.
    Q_INVOKABLE bool pressKey(const QString &name);
    // Text typed with the given layout ("us" or "de"); false when nothing could be typed.
    Q_INVOKABLE bool typeText(const QString &text, const QString &layout = QStringLiteral("us"));
    // A click of the left button at (x, y), each 0..1 across the picture.
    Q_INVOKABLE void tap(qreal x, qreal y);

signals:
    void frameChanged();
    void frameSizeChanged();
    void statusChanged();
    void watchingChanged();

private:
    void takeFrame();

    VideoSource *m_video;
    HostInput *m_input;
    std::unique_ptr<PacedTyping> m_typing;
    VideoFrame m_frame;
    bool m_watching = false;
};
