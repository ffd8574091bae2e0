#pragma once

#include "RfbViewerEvent.h"
#include "VideoFrame.h"

#include <QHash>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

struct _rfbClientRec;
struct _rfbScreenInfo;

// libvncserver's screen on a thread of its own. libvncserver writes to a viewer until the whole
// update is out, so it must not share the main thread with those who drain its sockets (the
// WebSocket bridges): here it blocks no one, and a viewer that does not read is the bridge's to
// drop. Everything crosses through the inbox (frames, viewers, permissions) and the event sink
// (what viewers do), both safe from any thread; libvncserver itself is only touched here.
// The screen listens nowhere: viewers arrive as connected sockets of those who authenticated them.
class RfbScreen
{
public:
    using EventSink = std::function<void(const RfbViewerEvent &)>;

    // `sink` is called on the RFB thread.
    explicit RfbScreen(EventSink sink);
    ~RfbScreen();

    RfbScreen(const RfbScreen &) = delete;
    RfbScreen &operator=(const RfbScreen &) = delete;

    // Serves a viewer on `socket`, which the screen owns from now on (and closes). Viewers that
    // may not drive the input only watch.
    void addViewer(quint64 viewer, int socket, bool mayDriveInput);
    void closeViewer(quint64 viewer);
    void setMayDriveInput(quint64 viewer, bool may);
    // The next picture to serve; a null frame keeps the size and goes black (no signal).
    void showFrame(VideoFrame frame);

private:
    struct Viewer;
    struct Inbox
    {
        struct Arrival
        {
            quint64 viewer;
            int socket;
            bool mayDriveInput;
        };
        std::vector<Arrival> arrivals;
        std::vector<quint64> closings;
        std::vector<std::pair<quint64, bool>> permissions;
        std::optional<VideoFrame> frame;
        bool stopping = false;

        bool isEmpty() const
        {
            return arrivals.empty() && closings.empty() && permissions.empty() && !frame && !stopping;
        }
    };

    void run();
    void apply(Inbox &inbox);
    void applyFrame(const VideoFrame &frame);
    void tellMissedResizes();
    void setServerFormat();

    // libvncserver's callbacks, in RfbScreen.cpp.
    friend struct RfbScreenCallbacks;

    EventSink m_sink;
    _rfbScreenInfo *m_screen = nullptr;
    Viewer *m_arriving = nullptr; // the viewer rfbNewClient is making a client for
    bool m_stopping = false;      // no more events once the thread has ended
    QByteArray m_framebuffer;     // what libvncserver serves; the thread's alone
    QHash<quint64, _rfbClientRec *> m_clients;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    Inbox m_inbox;
    std::thread m_thread;
};
