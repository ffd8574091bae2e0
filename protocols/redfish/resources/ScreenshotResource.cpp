#include "ScreenshotResource.h"

#include "BaseMessages.h"
#include "RedfishLogging.h"
#include "ServiceSettings.h"
#include "VideoSource.h"

#include <QBuffer>
#include <QImage>
#include <QImageWriter>

#include <chrono>

using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

const QString ScreenshotResource::path = u"/redfish/v1/Systems/system/Oem/Qbmc/Screenshot"_s;

namespace {
// A capture device needs a moment to start streaming; a host without a picture answers sooner.
constexpr auto firstFramePatience = 3s;
// Screenshots waiting for capture to start; more at once are asked to come back.
constexpr qsizetype maxWaiting = 8;
} // namespace

ScreenshotResource::ScreenshotResource(VideoSource *video, const ServiceSettings *services, QObject *parent)
    : RedfishResource(parent)
    , m_video(video)
    , m_services(services)
{
    m_patience.setSingleShot(true);
    m_patience.setInterval(firstFramePatience);
    m_patience.callOnTimeout(this, [this] { answerWaiting(false); });
    // Queued: a source that draws as soon as it is watched must not be told to stop from inside
    // its own start.
    connect(
        m_video, &VideoSource::frameChanged, this, [this] { answerWaiting(true); }, Qt::QueuedConnection);
}

ScreenshotResource::~ScreenshotResource()
{
    if (!m_waiting.isEmpty())
        m_video->removeWatcher();
}

void ScreenshotResource::registerIn(ServiceDirectory &directory)
{
    // The role it needs is kvm.privilege, which may change at run time; take() checks it.
    directory.routes().add(HttpMethod::Get, path, RedfishPrivilege::Login, this, &ScreenshotResource::take);
}

RedfishReply ScreenshotResource::take(const RedfishRequest &request)
{
    if (!m_services->isKvmEnabled())
        return RedfishReply::error(503, BaseMessages::make("ServiceDisabled", {path}));
    if (request.role < m_services->kvmPrivilege())
        return RedfishReply::error(403, BaseMessages::insufficientPrivilege());
    // Viewers keep the frame current; otherwise it may be from whenever someone last watched.
    if (m_video->watcherCount() > 0 && m_waiting.isEmpty())
        return answer();
    if (m_waiting.size() >= maxWaiting)
        return RedfishReply::error(503, BaseMessages::make("ServiceTemporarilyUnavailable", {u"1"_s}));
    RedfishReply reply;
    reply.deferred = [this](RedfishReply::Answer send) {
        m_waiting.append(std::move(send));
        if (m_waiting.size() == 1) {
            m_patience.start();
            m_video->addWatcher();
        }
    };
    return reply;
}

void ScreenshotResource::answerWaiting(bool frameArrived)
{
    if (m_waiting.isEmpty())
        return;
    // A source that has no picture says so at once; one starting up gets its patience.
    if (!frameArrived && m_patience.isActive())
        return;
    m_patience.stop();
    const RedfishReply reply = answer();
    const QList<RedfishReply::Answer> waiting = std::exchange(m_waiting, {});
    m_video->removeWatcher();
    for (const RedfishReply::Answer &send : waiting)
        send(reply);
}

RedfishReply ScreenshotResource::answer() const
{
    switch (m_video->status()) {
    case VideoSource::Status::Picture:
        if (const VideoFrame frame = m_video->frame(); !frame.isNull())
            return picture(frame);
        break;
    case VideoSource::Status::NoSignal:
        // The host is off or asleep, or its cable is out: no picture to take.
        return RedfishReply::error(409, BaseMessages::make("ResourceInStandby"));
    case VideoSource::Status::NoDevice: break;
    }
    qCInfo(lcRedfish, "no screenshot: %s", qPrintable(m_video->problem()));
    return RedfishReply::error(503, BaseMessages::make("ServiceTemporarilyUnavailable", {u"5"_s}));
}

RedfishReply ScreenshotResource::picture(const VideoFrame &frame)
{
    const QImage image(reinterpret_cast<const uchar *>(frame.pixels.constData()), frame.size.width(),
                       frame.size.height(), frame.size.width() * 4, QImage::Format_RGB32);
    QBuffer png;
    png.open(QIODevice::WriteOnly);
    QImageWriter writer(&png, "png");
    // zlib's quickest level (Qt maps quality 80 to it): screens are mostly flat colour, which
    // packs well anyway, and the main thread encodes.
    writer.setQuality(80);
    writer.write(image);
    RedfishReply reply;
    reply.raw = png.data();
    reply.contentType = "image/png";
    return reply;
}
