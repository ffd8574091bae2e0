#include "RfbScreen.h"

#include "HostInput.h"
#include "RfbKeyMap.h"
#include "RfbLogging.h"

#include <rfb/rfb.h>

#include <QtEndian>

#include <cstdarg>
#include <cstring>
#include <mutex>

namespace {
constexpr int initialWidth = 640;
constexpr int initialHeight = 480;
constexpr int bytesPerPixel = 4;
// While viewers are connected, the thread looks at its inbox at least this often; a new frame
// waits no longer than this for its turn.
constexpr long pollMicroseconds = 10'000;
// Frames are compared in tiles of this size, and only changed tiles are sent.
constexpr int tileSize = 32;

// RFB's button bits: 1 left, 2 middle, 3 right, 4 and 5 the wheel's steps up and down.
constexpr int rfbLeft = 0x01;
constexpr int rfbMiddle = 0x02;
constexpr int rfbRight = 0x04;
constexpr int rfbWheelUp = 0x08;
constexpr int rfbWheelDown = 0x10;

// QEMU's Extended Key Event (RFB's community-maintained protocol, "QEMU Client Message"): the
// key's scan code beside its keysym, so that the key itself reaches the host and the host's layout
// applies. libvncserver has no server side for it; a protocol extension adds it.
constexpr quint8 qemuClientMessage = 255;
constexpr quint8 qemuExtendedKeyEvent = 0;
constexpr int qemuKeyEventRest = 11; // after the type: subtype, down flag (2), keysym (4), keycode (4)
int qemuPseudoEncodings[] = {int(rfbEncodingQemuExtendedKeyEvent), 0};

void logDebug(const char *format, ...)
{
    if (!lcRfb().isDebugEnabled())
        return;
    char text[512];
    va_list arguments;
    va_start(arguments, format);
    std::vsnprintf(text, sizeof text, format, arguments);
    va_end(arguments);
    qCDebug(lcRfb).noquote() << QByteArray(text).trimmed();
}

void logError(const char *format, ...)
{
    char text[512];
    va_list arguments;
    va_start(arguments, format);
    std::vsnprintf(text, sizeof text, format, arguments);
    va_end(arguments);
    qCInfo(lcRfb).noquote() << QByteArray(text).trimmed();
}
} // namespace

struct RfbScreen::Viewer
{
    RfbScreen *screen;
    quint64 id;
    bool mayDriveInput;
    int buttons = 0;
    // The size changed after this viewer was told the old one and before it said it can follow a
    // change (its SetEncodings): libvncserver 0.9.14 never tells it then, so the screen does.
    bool missedResize = false;
};

struct RfbScreenCallbacks
{
    static RfbScreen *screenOf(rfbClientPtr client) { return static_cast<RfbScreen *>(client->screen->screenData); }
    static RfbScreen::Viewer *viewerOf(rfbClientPtr client)
    {
        return static_cast<RfbScreen::Viewer *>(client->clientData);
    }

    static rfbNewClientAction newClient(rfbClientPtr client)
    {
        RfbScreen *screen = screenOf(client);
        client->clientData = screen->m_arriving;
        client->clientGoneHook = &RfbScreenCallbacks::clientGone;
        return RFB_CLIENT_ACCEPT;
    }

    static void clientGone(rfbClientPtr client)
    {
        auto *viewer = viewerOf(client);
        if (!viewer)
            return;
        client->clientData = nullptr;
        // libvncserver 0.9.14 calls its extensions' close but never frees their records.
        while (client->extensions)
            rfbDisableExtension(client, client->extensions->extension);
        RfbScreen *screen = viewer->screen;
        screen->m_clients.remove(viewer->id);
        if (!screen->m_stopping)
            screen->m_sink({.kind = RfbViewerEvent::Kind::Closed, .viewer = viewer->id});
        delete viewer;
    }

    static void key(quint8 usage, bool pressed, rfbClientPtr client)
    {
        auto *viewer = viewerOf(client);
        if (viewer && viewer->mayDriveInput)
            viewer->screen->m_sink(
                {.kind = RfbViewerEvent::Kind::Key, .viewer = viewer->id, .usage = usage, .pressed = pressed});
    }

    static void keysym(rfbBool down, rfbKeySym keysym, rfbClientPtr client)
    {
        if (const std::optional<quint8> usage = RfbKeyMap::usageForKeysym(keysym))
            key(*usage, down, client);
    }

    static void pointer(int buttonMask, int x, int y, rfbClientPtr client)
    {
        auto *viewer = viewerOf(client);
        if (!viewer || !viewer->mayDriveInput)
            return;
        const int pressedNow = buttonMask & ~viewer->buttons;
        viewer->buttons = buttonMask;
        const int wheel = ((pressedNow & rfbWheelUp) ? 1 : 0) - ((pressedNow & rfbWheelDown) ? 1 : 0);
        quint8 buttons = 0;
        if (buttonMask & rfbLeft)
            buttons |= HostInput::Left;
        if (buttonMask & rfbRight)
            buttons |= HostInput::Right;
        if (buttonMask & rfbMiddle)
            buttons |= HostInput::Middle;
        const auto scale = [](int at, int size) {
            return int(qint64(std::clamp(at, 0, size - 1)) * HostInput::maxCoordinate / std::max(size - 1, 1));
        };
        viewer->screen->m_sink({.kind = RfbViewerEvent::Kind::Pointer,
                                .viewer = viewer->id,
                                .x = scale(x, client->screen->width),
                                .y = scale(y, client->screen->height),
                                .buttons = buttons,
                                .wheel = wheel});
    }

    // The client asked for QEMU key events: say yes with the pseudo-rectangle that tells it so.
    static rfbBool enableQemuKeys(rfbClientPtr client, void **, int encoding)
    {
        if (encoding != int(rfbEncodingQemuExtendedKeyEvent))
            return TRUE; // 0: the client's encodings start over; the extension stays
        char update[sz_rfbFramebufferUpdateMsg + sz_rfbFramebufferUpdateRectHeader] = {};
        update[0] = rfbFramebufferUpdate;
        qToBigEndian<quint16>(1, update + 2); // one rectangle
        qToBigEndian<quint32>(quint32(rfbEncodingQemuExtendedKeyEvent), update + sz_rfbFramebufferUpdateMsg + 8);
        if (rfbWriteExact(client, update, int(sizeof update)) < 0)
            rfbCloseClient(client);
        return TRUE;
    }

    static rfbBool qemuMessage(rfbClientPtr client, void *, const rfbClientToServerMsg *message)
    {
        if (message->type != qemuClientMessage)
            return FALSE;
        char rest[qemuKeyEventRest];
        if (rfbReadExact(client, rest, qemuKeyEventRest) <= 0 || quint8(rest[0]) != qemuExtendedKeyEvent) {
            // Other QEMU messages (audio) have lengths of their own: the stream cannot be followed.
            rfbCloseClient(client);
            return TRUE;
        }
        const bool down = qFromBigEndian<quint16>(rest + 1) != 0;
        const quint32 keysymValue = qFromBigEndian<quint32>(rest + 3);
        const quint32 keycode = qFromBigEndian<quint32>(rest + 7);
        if (const std::optional<quint8> usage = RfbKeyMap::usageForQemuKeycode(keycode))
            key(*usage, down, client);
        else
            keysym(down, keysymValue, client);
        return TRUE;
    }
};

namespace {
rfbProtocolExtension qemuKeyExtension = {
    .newClient = nullptr,
    .init = nullptr,
    .pseudoEncodings = qemuPseudoEncodings,
    .enablePseudoEncoding = &RfbScreenCallbacks::enableQemuKeys,
    .handleMessage = &RfbScreenCallbacks::qemuMessage,
    .close = nullptr,
    .usage = nullptr,
    .processArgument = nullptr,
    .next = nullptr,
};

void setUpLibrary()
{
    static std::once_flag once;
    std::call_once(once, [] {
        rfbLog = &logDebug;
        rfbErr = &logError;
        rfbRegisterProtocolExtension(&qemuKeyExtension);
    });
}
} // namespace

RfbScreen::RfbScreen(EventSink sink)
    : m_sink(std::move(sink))
    , m_framebuffer(qsizetype(initialWidth) * initialHeight * bytesPerPixel, '\0')
{
    setUpLibrary();
    int argc = 1;
    char name[] = "qbmc";
    char *argv[] = {name, nullptr};
    m_screen = rfbGetScreen(&argc, argv, initialWidth, initialHeight, 8, 3, bytesPerPixel);
    m_screen->desktopName = "qbmc";
    setServerFormat();
    m_screen->frameBuffer = m_framebuffer.data();
    // No listening socket of any kind: viewers come authenticated, as sockets (addViewer).
    m_screen->autoPort = FALSE;
    m_screen->port = 0;
    m_screen->ipv6port = 0;
    m_screen->httpPort = 0;
    m_screen->http6Port = 0;
    m_screen->httpDir = nullptr;
    // Viewers watch together; one asking for exclusive use does not disconnect the others.
    m_screen->alwaysShared = TRUE;
    // The host draws its own pointer into its video; libvncserver's arrow would be a second one.
    m_screen->cursor = nullptr;
    m_screen->handleEventsEagerly = TRUE;
    m_screen->screenData = this;
    m_screen->newClientHook = &RfbScreenCallbacks::newClient;
    m_screen->kbdAddEvent = &RfbScreenCallbacks::keysym;
    m_screen->ptrAddEvent = &RfbScreenCallbacks::pointer;
    rfbInitServer(m_screen);
    m_thread = std::thread(&RfbScreen::run, this);
}

RfbScreen::~RfbScreen()
{
    {
        std::lock_guard lock(m_mutex);
        m_inbox.stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
    m_stopping = true;
    rfbShutdownServer(m_screen, TRUE);
    rfbScreenCleanup(m_screen);
}

void RfbScreen::addViewer(quint64 viewer, int socket, bool mayDriveInput)
{
    {
        std::lock_guard lock(m_mutex);
        m_inbox.arrivals.push_back({viewer, socket, mayDriveInput});
    }
    m_wake.notify_one();
}

void RfbScreen::closeViewer(quint64 viewer)
{
    {
        std::lock_guard lock(m_mutex);
        m_inbox.closings.push_back(viewer);
    }
    m_wake.notify_one();
}

void RfbScreen::setMayDriveInput(quint64 viewer, bool may)
{
    {
        std::lock_guard lock(m_mutex);
        m_inbox.permissions.emplace_back(viewer, may);
    }
    m_wake.notify_one();
}

void RfbScreen::setServerFormat()
{
    // Frames are 0x00RRGGBB words (VideoFrame); libvncserver assumes red in the low byte unless told.
    m_screen->serverFormat.redShift = 16;
    m_screen->serverFormat.greenShift = 8;
    m_screen->serverFormat.blueShift = 0;
}

void RfbScreen::showFrame(VideoFrame frame)
{
    {
        std::lock_guard lock(m_mutex);
        m_inbox.frame = std::move(frame); // a frame not yet served is replaced: the latest counts
    }
    m_wake.notify_one();
}

void RfbScreen::run()
{
    for (;;) {
        Inbox inbox;
        {
            std::unique_lock lock(m_mutex);
            // With nobody to serve, the thread sleeps until there is.
            if (m_clients.isEmpty())
                m_wake.wait(lock, [this] { return !m_inbox.isEmpty(); });
            std::swap(inbox, m_inbox);
        }
        if (inbox.stopping)
            return;
        apply(inbox);
        if (!m_clients.isEmpty()) {
            rfbProcessEvents(m_screen, pollMicroseconds);
            tellMissedResizes();
        }
    }
}

void RfbScreen::tellMissedResizes()
{
    for (rfbClientPtr client : std::as_const(m_clients)) {
        auto *viewer = RfbScreenCallbacks::viewerOf(client);
        if (viewer && viewer->missedResize && (client->useNewFBSize || client->useExtDesktopSize)) {
            viewer->missedResize = false;
            client->newFBSizePending = TRUE;
        }
    }
}

void RfbScreen::apply(Inbox &inbox)
{
    if (inbox.frame)
        applyFrame(*inbox.frame);
    for (const Inbox::Arrival &arrival : inbox.arrivals) {
        m_arriving = new Viewer{this, arrival.viewer, arrival.mayDriveInput};
        rfbClientPtr client = rfbNewClient(m_screen, arrival.socket);
        if (!client) {
            delete std::exchange(m_arriving, nullptr);
            m_sink({.kind = RfbViewerEvent::Kind::Closed, .viewer = arrival.viewer});
            continue;
        }
        m_arriving = nullptr;
        m_clients.insert(arrival.viewer, client);
    }
    for (const auto &[viewer, may] : inbox.permissions) {
        if (rfbClientPtr client = m_clients.value(viewer))
            RfbScreenCallbacks::viewerOf(client)->mayDriveInput = may;
    }
    for (const quint64 viewer : inbox.closings) {
        if (rfbClientPtr client = m_clients.value(viewer))
            rfbCloseClient(client); // libvncserver frees it, and calls clientGone, in rfbProcessEvents
    }
}

void RfbScreen::applyFrame(const VideoFrame &frame)
{
    const int width = m_screen->width;
    const int height = m_screen->height;
    const VideoFrame shown = frame.isNull() ? VideoFrame::filled(QSize(width, height), 0) : frame;
    const int newWidth = shown.size.width();
    const int newHeight = shown.size.height();
    if (newWidth != width || newHeight != height) {
        QByteArray framebuffer = shown.pixels;
        rfbNewFramebuffer(m_screen, framebuffer.data(), newWidth, newHeight, 8, 3, bytesPerPixel);
        // rfbNewFramebuffer resets the pixel format to the library's default, and each viewer's
        // translation with it: put back ours, and the viewers' translations for it.
        setServerFormat();
        for (rfbClientPtr client : std::as_const(m_clients))
            m_screen->setTranslateFunction(client);
        m_framebuffer = std::move(framebuffer); // the old one is let go only once libvncserver has
        for (rfbClientPtr client : std::as_const(m_clients)) {
            if (!client->useNewFBSize && !client->useExtDesktopSize)
                RfbScreenCallbacks::viewerOf(client)->missedResize = true;
        }
        return;
    }
    // Only what changed goes out: compare tile by tile, copy and mark what differs.
    const qsizetype stride = qsizetype(width) * bytesPerPixel;
    char *served = m_framebuffer.data();
    const char *next = shown.pixels.constData();
    for (int top = 0; top < height; top += tileSize) {
        const int bottom = std::min(top + tileSize, height);
        for (int left = 0; left < width; left += tileSize) {
            const int right = std::min(left + tileSize, width);
            const qsizetype rowBytes = qsizetype(right - left) * bytesPerPixel;
            bool changed = false;
            for (int y = top; y < bottom && !changed; ++y) {
                const qsizetype offset = y * stride + qsizetype(left) * bytesPerPixel;
                changed = std::memcmp(served + offset, next + offset, size_t(rowBytes)) != 0;
            }
            if (!changed)
                continue;
            for (int y = top; y < bottom; ++y) {
                const qsizetype offset = y * stride + qsizetype(left) * bytesPerPixel;
                std::memcpy(served + offset, next + offset, size_t(rowBytes));
            }
            rfbMarkRectAsModified(m_screen, left, top, right, bottom);
        }
    }
}
