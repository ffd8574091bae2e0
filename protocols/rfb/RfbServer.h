#pragma once

#include "KeyStroke.h"
#include "PacedTyping.h"
#include "RfbViewerEvent.h"

#include <QList>
#include <QObject>

#include <memory>

class HostInput;
class RfbScreen;
class VideoSource;

// The host's screen for VNC viewers, through libvncserver (with Tight/JPEG, desktop resize and
// QEMU's key events): frames from the VideoSource, keys and pointer to HostInput. It has no port:
// a face that has authenticated a viewer hands over a connected socket (the KVM WebSocket gives
// one end of a socket pair), so nothing reaches the RFB protocol without a qbmc account.
// Viewers watch together; one at a time drives the input, the first that may, then the longest
// connected of those that may once it leaves.
class RfbServer : public QObject
{
    Q_OBJECT
public:
    // Without `input` (a board with capture but no USB gadget) viewers only watch.
    RfbServer(VideoSource *video, HostInput *input, QObject *parent = nullptr);
    ~RfbServer() override;

    // Serves an authenticated viewer on `socket`, which the server owns from now on. A viewer
    // that `mayDriveInput` takes the input when nobody has it.
    quint64 addViewer(int socket, bool mayDriveInput);
    // Ends a viewer's connection; viewerClosed follows.
    void closeViewer(quint64 viewer);
    // Types `strokes` for `viewer` (paste as typing), one stroke at a time as a person would;
    // refused (false) unless it drives the input. Strokes still waiting when it stops driving
    // are dropped.
    bool typeText(quint64 viewer, const QList<KeyStroke> &strokes);

    VideoSource *video() const { return m_video; }
    int viewerCount() const { return int(m_viewers.size()); }
    // The viewer whose keys and pointer reach the host; 0 when none.
    quint64 driver() const { return m_driver; }

signals:
    void viewerClosed(quint64 viewer);
    void driverChanged(quint64 viewer);

private:
    struct Viewer
    {
        quint64 id;
        bool mayDriveInput;
    };

    void onEvent(const RfbViewerEvent &event);
    void forget(quint64 viewer);
    void chooseDriver();
    void showFrame();

    VideoSource *m_video;
    HostInput *m_input;
    std::unique_ptr<RfbScreen> m_screen;
    QList<Viewer> m_viewers; // in the order they came
    quint64 m_driver = 0;
    quint64 m_lastId = 0;
    PacedTyping m_typing{m_input}; // the driver's pasted text
};
