#include "V4l2VideoSource.h"

#include "PlatformLogging.h"
#include "linux/V4l2CaptureDevice.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QThread>

using namespace std::chrono;
using Capture = CaptureDevice::Capture;

namespace {

// Decoding failures are logged once, then every this many, so a broken stream does not flood
// the journal at the frame rate.
constexpr quint64 failuresPerLogLine = 300;

qint64 monotonicMs()
{
    static const QElapsedTimer clock = [] {
        QElapsedTimer timer;
        timer.start();
        return timer;
    }();
    return clock.elapsed();
}

QString rateText(double framesPerSecond)
{
    return QString::number(framesPerSecond, 'g', 4);
}

} // namespace

V4l2VideoSource::V4l2VideoSource(const QString &path, Settings settings, QObject *parent)
    : V4l2VideoSource(std::make_unique<V4l2CaptureDevice>(path), settings, parent)
{
}

V4l2VideoSource::V4l2VideoSource(std::unique_ptr<CaptureDevice> device, Settings settings, QObject *parent)
    : VideoSource(parent)
    , m_device(std::move(device))
    , m_settings(settings)
    , m_description(m_device->path())
{
    m_shared.description = m_description;
    m_problem = m_shared.problem = QStringLiteral("capture has not started");
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(QStringLiteral("qbmc-capture"));
    m_thread->start();
}

V4l2VideoSource::~V4l2VideoSource()
{
    {
        const QMutexLocker lock(&m_mutex);
        m_stop = true;
        m_wakeup.wakeAll();
    }
    m_device->wake();
    // Every wait of the worker is bounded and ended by wake(), so this returns promptly.
    m_thread->wait();
    delete m_thread;
}

VideoFrame V4l2VideoSource::frame() const
{
    return m_status == Status::Picture ? m_frame : VideoFrame();
}

void V4l2VideoSource::setActive(bool active)
{
    if (m_active.exchange(active) == active)
        return;
    qCDebug(lcLinux).noquote() << m_device->path() << (active ? "capture starts" : "capture pauses");
    {
        const QMutexLocker lock(&m_mutex);
        ++m_pokes;
        m_wakeup.wakeAll();
    }
    m_device->wake();
}

void V4l2VideoSource::run()
{
    while (!stopping()) {
        if (!m_device->isOpen()) {
            if (const std::optional<CaptureDevice::Error> error = m_device->open()) {
                fail(error->message);
                rest(m_settings.retryInterval);
                continue;
            }
            qCInfo(lcLinux).noquote() << m_device->path() << "opened";
            // Only the worker writes the status, so it reads its own value without the lock.
            if (m_shared.status == Status::NoDevice)
                publish(Status::NoSignal, QStringLiteral("capture has not started"));
        }
        if (!m_active) {
            if (m_device->isStreaming())
                m_device->stopStreaming();
            const QMutexLocker lock(&m_mutex);
            while (!m_active && !m_stop)
                m_wakeup.wait(&m_mutex);
            continue;
        }
        if (!m_device->isStreaming()) {
            switch (startCapture()) {
            case Start::Streaming: break;
            case Start::NoSignal: {
                // An HDMI receiver without a link: its source-change event, or the next query,
                // says when the host sends again.
                const Expected<Capture, CaptureDevice::Error> wait = m_device->waitForFrame(m_settings.noSignalAfter);
                if (!wait)
                    lose(wait.failure());
                continue;
            }
            case Start::Failed: rest(m_settings.retryInterval); continue;
            }
        }
        const Expected<Capture, CaptureDevice::Error> capture = m_device->waitForFrame(m_settings.noSignalAfter);
        if (!capture) {
            lose(capture.failure());
            rest(m_settings.retryInterval);
            continue;
        }
        switch (capture->kind) {
        case Capture::Kind::Woken: continue;
        case Capture::Kind::SourceChange:
            qCInfo(lcLinux).noquote() << m_device->path() << "source changed; negotiating again";
            m_device->stopStreaming();
            continue;
        case Capture::Kind::Timeout:
            if (monotonicMs() - m_lastFrameAt < m_settings.noSignalAfter.count())
                continue;
            if (m_followsTimings) {
                // The receiver may have lost the link or the host may have changed its mode
                // without an event; both are found out by negotiating again.
                const Expected<CaptureDevice::DvTimings, CaptureDevice::Error> timings = m_device->queryDvTimings();
                if (!timings) {
                    lose(timings.failure());
                    continue;
                }
                if (*timings != m_timings)
                    m_device->stopStreaming();
            }
            publish(Status::NoSignal, QStringLiteral("the host sends no picture"));
            continue;
        case Capture::Kind::Frame: handleFrame(*capture); continue;
        }
    }
    m_device->close();
}

V4l2VideoSource::Start V4l2VideoSource::startCapture()
{
    const Expected<CaptureDevice::Description, CaptureDevice::Error> description = m_device->describe();
    if (!description) {
        lose(description.failure());
        return Start::Failed;
    }
    m_followsTimings = description->hasDvTimings;
    std::optional<CaptureDevice::DvTimings> timings;
    if (m_followsTimings) {
        const Expected<CaptureDevice::DvTimings, CaptureDevice::Error> detected = m_device->queryDvTimings();
        if (!detected) {
            lose(detected.failure());
            return Start::Failed;
        }
        m_timings = *detected;
        if (!detected->signal) {
            publish(Status::NoSignal, QStringLiteral("no signal on the capture device's input"));
            return Start::NoSignal;
        }
        if (const std::optional<CaptureDevice::Error> error = m_device->applyDvTimings()) {
            lose(*error);
            return Start::Failed;
        }
        timings = *detected;
    }
    const Expected<CaptureFormatChoice::Choice, QString> choice =
        CaptureFormatChoice::choose(*description, {m_settings.maxSize, m_settings.maxFps}, timings);
    if (!choice) {
        fail(QStringLiteral("%1: %2").arg(m_device->path(), choice.failure()));
        m_device->close();
        return Start::Failed;
    }
    const Expected<CaptureDevice::StreamFormat, CaptureDevice::Error> format =
        m_device->setFormat(choice->fourcc, choice->size, choice->interval);
    if (!format) {
        lose(format.failure());
        return Start::Failed;
    }
    if (!FrameDecoder::canDecode(format->fourcc) || format->size.isEmpty()) {
        fail(QStringLiteral("%1: the driver chose %2 at %3x%4, which qbmc cannot decode")
                 .arg(m_device->path(), CaptureDevice::fourccName(format->fourcc))
                 .arg(format->size.width())
                 .arg(format->size.height()));
        m_device->close();
        return Start::Failed;
    }
    if (const std::optional<CaptureDevice::Error> error = m_device->startStreaming()) {
        lose(*error);
        return Start::Failed;
    }
    m_format = *format;
    m_decoder.setFormat(format->fourcc, format->size, format->bytesPerLine);
    m_lastFrameAt = monotonicMs();
    const double rate = m_format.interval.isValid() ? m_format.interval.framesPerSecond()
        : timings                                   ? timings->framesPerSecond
                                                    : 0;
    QString text = QStringLiteral("%1, %2x%3 %4")
                       .arg(m_device->path())
                       .arg(m_format.size.width())
                       .arg(m_format.size.height())
                       .arg(CaptureDevice::fourccName(m_format.fourcc));
    if (rate > 0)
        text += QStringLiteral(" at %1 Hz").arg(rateText(rate));
    qCInfo(lcLinux).noquote() << "capturing from" << text;
    publishDescription(text);
    return Start::Streaming;
}

void V4l2VideoSource::handleFrame(const Capture &capture)
{
    if (capture.damaged)
        return;
    if (const std::optional<QString> failure = m_decoder.decode(capture.data, capture.bytesUsed, m_work)) {
        if (m_decodeFailures++ % failuresPerLogLine == 0)
            qCWarning(lcLinux).noquote() << QStringLiteral("%1: frame dropped (%2 so far): %3")
                                                .arg(m_device->path())
                                                .arg(m_decodeFailures)
                                                .arg(*failure);
        return;
    }
    m_lastFrameAt = monotonicMs();
    const QSize size = m_work.size;
    if (size != m_format.size) {
        // A JPEG of another size than agreed: the host changed its mode under the device. Once
        // the stream is negotiated again for it, a size that stays is the device's way and taken.
        if (size != m_toleratedSize) {
            qCInfo(lcLinux).noquote() << QStringLiteral("%1 sends %2x%3 frames instead of %4x%5; negotiating again")
                                             .arg(m_device->path())
                                             .arg(size.width())
                                             .arg(size.height())
                                             .arg(m_format.size.width())
                                             .arg(m_format.size.height());
            m_toleratedSize = size;
            m_device->stopStreaming();
            return;
        }
        m_format.size = size;
        publishDescription(QStringLiteral("%1, %2x%3 %4")
                               .arg(m_device->path())
                               .arg(size.width())
                               .arg(size.height())
                               .arg(CaptureDevice::fourccName(m_format.fourcc)));
    }
    publishFrame();
}

void V4l2VideoSource::lose(const CaptureDevice::Error &error)
{
    // Whatever failed, the device is closed and opened afresh: a driver that refused once will
    // likely refuse the same call on the same file again.
    m_device->close();
    fail(error.deviceGone ? QStringLiteral("%1 (the device is gone)").arg(error.message) : error.message);
}

void V4l2VideoSource::fail(const QString &problem)
{
    publish(Status::NoDevice, problem);
}

void V4l2VideoSource::publish(Status status, const QString &problem)
{
    const QMutexLocker lock(&m_mutex);
    if (m_shared.status == status && m_shared.problem == problem)
        return;
    m_shared.status = status;
    m_shared.problem = problem;
    if (status != Status::Picture)
        m_shared.pending.reset();
    post();
}

void V4l2VideoSource::publishFrame()
{
    const QMutexLocker lock(&m_mutex);
    m_shared.status = Status::Picture;
    m_shared.problem.clear();
    if (m_shared.pending) {
        // The main thread has not taken the last one: it is dropped, and its pixels reused.
        std::swap(*m_shared.pending, m_work);
    } else {
        m_shared.pending = std::move(m_work);
        m_work = std::exchange(m_shared.spare, {});
    }
    post();
}

void V4l2VideoSource::publishDescription(const QString &description)
{
    const QMutexLocker lock(&m_mutex);
    if (m_shared.description == description)
        return;
    m_shared.description = description;
    post();
}

void V4l2VideoSource::post()
{
    if (m_shared.posted)
        return;
    m_shared.posted = true;
    QMetaObject::invokeMethod(this, &V4l2VideoSource::takeUpdates, Qt::QueuedConnection);
}

void V4l2VideoSource::rest(milliseconds duration)
{
    const QMutexLocker lock(&m_mutex);
    const quint64 pokes = m_pokes;
    QDeadlineTimer deadline(duration);
    while (!m_stop && m_pokes == pokes && !deadline.hasExpired())
        m_wakeup.wait(&m_mutex, deadline);
}

void V4l2VideoSource::takeUpdates()
{
    bool newFrame = false;
    Status status = m_status;
    {
        const QMutexLocker lock(&m_mutex);
        m_shared.posted = false;
        status = m_shared.status;
        m_problem = m_shared.problem;
        m_description = m_shared.description;
        if (m_shared.pending) {
            // The frame shown so far goes back to the worker; if a reader still holds a copy,
            // the decoder sees that and draws into fresh pixels.
            m_shared.spare = std::exchange(m_frame, std::move(*m_shared.pending));
            m_shared.pending.reset();
            newFrame = true;
        }
    }
    if (status != m_status) {
        qCInfo(lcLinux).noquote() << m_device->path() << "video" << status
                                  << (m_problem.isEmpty() ? QString() : QStringLiteral("(%1)").arg(m_problem));
        m_status = status;
        if (status != Status::Picture)
            m_frame = {};
        emit statusChanged(status);
    }
    if (newFrame && m_status == Status::Picture)
        emit frameChanged();
}
