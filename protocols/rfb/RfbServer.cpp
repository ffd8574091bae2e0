#include "RfbServer.h"

#include "HostInput.h"
#include "RfbLogging.h"
#include "RfbScreen.h"
#include "VideoSource.h"

#include <csignal>

RfbServer::RfbServer(VideoSource *video, HostInput *input, QObject *parent)
    : QObject(parent)
    , m_video(video)
    , m_input(input)
{
    // libvncserver writes to its sockets with write(): a viewer whose bridge closed first would
    // otherwise end qbmc with SIGPIPE instead of getting EPIPE.
    std::signal(SIGPIPE, SIG_IGN);
    m_screen = std::make_unique<RfbScreen>([this](const RfbViewerEvent &event) {
        // On the RFB thread: the event is handled on this object's.
        QMetaObject::invokeMethod(
            this, [this, event] { onEvent(event); }, Qt::QueuedConnection);
    });
    connect(m_video, &VideoSource::frameChanged, this, &RfbServer::showFrame);
    connect(m_video, &VideoSource::statusChanged, this, &RfbServer::showFrame);
}

RfbServer::~RfbServer()
{
    m_screen.reset(); // joins the RFB thread before anything it calls back goes
    if (!m_viewers.isEmpty())
        m_video->removeWatcher();
}

quint64 RfbServer::addViewer(int socket, bool mayDriveInput)
{
    const quint64 id = ++m_lastId;
    m_viewers.append({id, mayDriveInput});
    if (m_viewers.size() == 1) {
        m_video->addWatcher();
        showFrame();
    }
    // A viewer that takes the input at once arrives on the RFB thread with it, so that no key it
    // sends early is dropped while a separate grant is still on its way.
    const bool drives = m_driver == 0 && m_input && mayDriveInput;
    m_screen->addViewer(id, socket, drives);
    qCDebug(lcRfb) << "viewer" << id << "added;" << m_viewers.size() << "watching";
    if (drives) {
        m_driver = id;
        emit driverChanged(m_driver);
    }
    return id;
}

void RfbServer::closeViewer(quint64 viewer)
{
    m_screen->closeViewer(viewer);
    // Gone for the input now, not once the RFB thread confirms: the next viewer may drive at once.
    forget(viewer);
}

bool RfbServer::typeText(quint64 viewer, const QList<KeyStroke> &strokes)
{
    return viewer != 0 && viewer == m_driver && m_typing.type(strokes);
}

void RfbServer::onEvent(const RfbViewerEvent &event)
{
    // Events of a viewer that has lost the input in the meantime are dropped here.
    switch (event.kind) {
    case RfbViewerEvent::Kind::Key:
        if (event.viewer == m_driver)
            m_input->setKey(event.usage, event.pressed);
        break;
    case RfbViewerEvent::Kind::Pointer:
        if (event.viewer == m_driver)
            m_input->movePointer(event.x, event.y, event.buttons, event.wheel);
        break;
    case RfbViewerEvent::Kind::Closed: forget(event.viewer); break;
    }
}

void RfbServer::forget(quint64 viewer)
{
    const auto found =
        std::find_if(m_viewers.cbegin(), m_viewers.cend(), [viewer](const Viewer &each) { return each.id == viewer; });
    if (found == m_viewers.cend())
        return;
    m_viewers.erase(found);
    qCDebug(lcRfb) << "viewer" << viewer << "gone;" << m_viewers.size() << "watching";
    if (viewer == m_driver) {
        // Keys it held down stay down otherwise: the host would see Ctrl held for ever.
        m_input->releaseAll();
        m_typing.clear();
        m_driver = 0;
        chooseDriver();
    }
    if (m_viewers.isEmpty())
        m_video->removeWatcher();
    emit viewerClosed(viewer);
}

void RfbServer::chooseDriver()
{
    // Without a keyboard and mouse for the host (no USB gadget), everyone watches.
    if (m_driver != 0 || !m_input)
        return;
    for (const Viewer &viewer : std::as_const(m_viewers)) {
        if (viewer.mayDriveInput) {
            m_driver = viewer.id;
            m_screen->setMayDriveInput(viewer.id, true);
            emit driverChanged(m_driver);
            return;
        }
    }
}

void RfbServer::showFrame()
{
    if (!m_viewers.isEmpty())
        m_screen->showFrame(m_video->status() == VideoSource::Status::Picture ? m_video->frame() : VideoFrame());
}
