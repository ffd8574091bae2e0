#include "V4l2CaptureDevice.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

using namespace std::chrono;

namespace {

// Enough for the driver to fill one while qbmc decodes another and one waits; more only adds
// latency.
constexpr quint32 bufferCount = 4;

QString fromDriver(const __u8 *text, size_t size)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(text),
                             qsizetype(strnlen(reinterpret_cast<const char *>(text), size)));
}

CaptureDevice::Interval intervalOf(const v4l2_fract &fraction)
{
    return {fraction.numerator, fraction.denominator};
}

} // namespace

V4l2CaptureDevice::V4l2CaptureDevice(QString path)
    : m_path(std::move(path))
    , m_wakeFd(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC))
{
}

V4l2CaptureDevice::~V4l2CaptureDevice()
{
    close();
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
}

int V4l2CaptureDevice::ioctlRetrying(unsigned long request, void *argument) const
{
    int result;
    do
        result = ::ioctl(m_fd, request, argument);
    while (result < 0 && errno == EINTR);
    return result;
}

CaptureDevice::Error V4l2CaptureDevice::failure(const QString &what) const
{
    const int error = errno;
    return {QStringLiteral("%1: %2: %3").arg(m_path, what, QString::fromLocal8Bit(std::strerror(error))),
            error == ENODEV || error == ENXIO || error == ENOENT};
}

std::optional<CaptureDevice::Error> V4l2CaptureDevice::open()
{
    if (m_fd >= 0)
        return std::nullopt;
    if (m_wakeFd < 0)
        return Error{QStringLiteral("%1: no eventfd: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno)))};
    do
        m_fd = ::open(m_path.toLocal8Bit().constData(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
    while (m_fd < 0 && errno == EINTR);
    if (m_fd < 0) {
        Error error = failure(QStringLiteral("cannot open"));
        error.deviceGone = true; // missing now, perhaps plugged in later
        return error;
    }
    v4l2_capability capability{};
    if (ioctlRetrying(VIDIOC_QUERYCAP, &capability) < 0) {
        const Error error = errno == ENOTTY || errno == EINVAL
            ? Error{QStringLiteral("%1 is not a V4L2 device").arg(m_path)}
            : failure(QStringLiteral("cannot query its capabilities"));
        close();
        return error;
    }
    const quint32 capabilities =
        (capability.capabilities & V4L2_CAP_DEVICE_CAPS) ? capability.device_caps : capability.capabilities;
    if (!(capabilities & V4L2_CAP_VIDEO_CAPTURE)) {
        close();
        return Error{QStringLiteral("%1 is not a single-planar video capture device").arg(m_path)};
    }
    // Only HDMI receivers send these; a UVC dongle refuses the subscription, which is fine.
    v4l2_event_subscription subscription{};
    subscription.type = V4L2_EVENT_SOURCE_CHANGE;
    ioctlRetrying(VIDIOC_SUBSCRIBE_EVENT, &subscription);
    return std::nullopt;
}

void V4l2CaptureDevice::close()
{
    if (m_fd < 0)
        return;
    stopStreaming();
    ::close(m_fd);
    m_fd = -1;
    m_haveDetected = false;
}

QList<CaptureDevice::IntervalRange> V4l2CaptureDevice::intervals(quint32 fourcc, QSize size) const
{
    QList<IntervalRange> ranges;
    for (quint32 index = 0;; ++index) {
        v4l2_frmivalenum interval{};
        interval.index = index;
        interval.pixel_format = fourcc;
        interval.width = quint32(size.width());
        interval.height = quint32(size.height());
        if (ioctlRetrying(VIDIOC_ENUM_FRAMEINTERVALS, &interval) < 0)
            break;
        if (interval.type == V4L2_FRMIVAL_TYPE_DISCRETE) {
            ranges.append({intervalOf(interval.discrete), intervalOf(interval.discrete), {}});
            continue;
        }
        const Interval step =
            interval.type == V4L2_FRMIVAL_TYPE_STEPWISE ? intervalOf(interval.stepwise.step) : Interval{};
        ranges.append({intervalOf(interval.stepwise.min), intervalOf(interval.stepwise.max), step});
        break; // a range is the only entry
    }
    return ranges;
}

QList<CaptureDevice::SizeRange> V4l2CaptureDevice::sizes(quint32 fourcc) const
{
    QList<SizeRange> ranges;
    for (quint32 index = 0;; ++index) {
        v4l2_frmsizeenum size{};
        size.index = index;
        size.pixel_format = fourcc;
        if (ioctlRetrying(VIDIOC_ENUM_FRAMESIZES, &size) < 0)
            break;
        if (size.type == V4L2_FRMSIZE_TYPE_DISCRETE) {
            const QSize discrete(int(size.discrete.width), int(size.discrete.height));
            ranges.append({discrete, discrete, {}, intervals(fourcc, discrete)});
            continue;
        }
        const QSize largest(int(size.stepwise.max_width), int(size.stepwise.max_height));
        const QSize step = size.type == V4L2_FRMSIZE_TYPE_STEPWISE
            ? QSize(int(size.stepwise.step_width), int(size.stepwise.step_height))
            : QSize(1, 1);
        ranges.append({QSize(int(size.stepwise.min_width), int(size.stepwise.min_height)), largest, step,
                       intervals(fourcc, largest)});
        break;
    }
    return ranges;
}

bool V4l2CaptureDevice::inputHasDvTimings() const
{
    int current = 0;
    if (ioctlRetrying(VIDIOC_G_INPUT, &current) < 0)
        current = 0;
    v4l2_input input{};
    input.index = quint32(current);
    if (ioctlRetrying(VIDIOC_ENUMINPUT, &input) < 0)
        return false;
    return input.capabilities & V4L2_IN_CAP_DV_TIMINGS;
}

Expected<CaptureDevice::Description, CaptureDevice::Error> V4l2CaptureDevice::describe()
{
    v4l2_capability capability{};
    if (ioctlRetrying(VIDIOC_QUERYCAP, &capability) < 0)
        return failure(QStringLiteral("cannot query its capabilities"));
    const quint32 capabilities =
        (capability.capabilities & V4L2_CAP_DEVICE_CAPS) ? capability.device_caps : capability.capabilities;
    Description description;
    description.driver = fromDriver(capability.driver, sizeof capability.driver);
    description.card = fromDriver(capability.card, sizeof capability.card);
    description.canStream = capabilities & V4L2_CAP_STREAMING;
    description.hasDvTimings = inputHasDvTimings();
    for (quint32 index = 0;; ++index) {
        v4l2_fmtdesc format{};
        format.index = index;
        format.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        if (ioctlRetrying(VIDIOC_ENUM_FMT, &format) < 0) {
            if (errno == ENODEV)
                return failure(QStringLiteral("cannot list its formats"));
            break;
        }
        description.formats.append(
            {format.pixelformat, fromDriver(format.description, sizeof format.description), sizes(format.pixelformat)});
    }
    return description;
}

Expected<CaptureDevice::DvTimings, CaptureDevice::Error> V4l2CaptureDevice::queryDvTimings()
{
    v4l2_dv_timings timings{};
    if (ioctlRetrying(VIDIOC_QUERY_DV_TIMINGS, &timings) < 0) {
        // No link, no lock, or timings out of the receiver's range: the host sends no picture
        // qbmc can take, which is a state rather than a fault.
        if (errno == ENOLINK || errno == ENOLCK || errno == ERANGE) {
            m_haveDetected = false;
            return DvTimings{};
        }
        return failure(QStringLiteral("cannot query the input's timings"));
    }
    m_detected = timings;
    m_haveDetected = true;
    const v4l2_bt_timings &bt = timings.bt;
    const quint64 total = quint64(V4L2_DV_BT_FRAME_WIDTH(&bt)) * V4L2_DV_BT_FRAME_HEIGHT(&bt);
    return DvTimings{true, QSize(int(bt.width), int(bt.height)), total ? double(bt.pixelclock) / double(total) : 0};
}

std::optional<CaptureDevice::Error> V4l2CaptureDevice::applyDvTimings()
{
    if (!m_haveDetected)
        return Error{QStringLiteral("%1: no timings detected").arg(m_path)};
    if (ioctlRetrying(VIDIOC_S_DV_TIMINGS, &m_detected) < 0)
        return failure(QStringLiteral("cannot set the input's timings"));
    return std::nullopt;
}

Expected<CaptureDevice::StreamFormat, CaptureDevice::Error> V4l2CaptureDevice::setFormat(quint32 fourcc, QSize size,
                                                                                         Interval interval)
{
    v4l2_format format{};
    format.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    format.fmt.pix.width = quint32(size.width());
    format.fmt.pix.height = quint32(size.height());
    format.fmt.pix.pixelformat = fourcc;
    format.fmt.pix.field = V4L2_FIELD_NONE;
    if (ioctlRetrying(VIDIOC_S_FMT, &format) < 0)
        return failure(QStringLiteral("cannot set the format"));
    StreamFormat chosen{format.fmt.pix.pixelformat,
                        QSize(int(format.fmt.pix.width), int(format.fmt.pix.height)),
                        int(format.fmt.pix.bytesperline),
                        {}};

    v4l2_streamparm parameters{};
    parameters.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    if (interval.isValid()) {
        parameters.parm.capture.timeperframe = {interval.numerator, interval.denominator};
        // HDMI receivers take the host's rate and refuse; that is no reason to stop.
        if (ioctlRetrying(VIDIOC_S_PARM, &parameters) < 0 && errno == ENODEV)
            return failure(QStringLiteral("cannot set the frame rate"));
    }
    parameters = {};
    parameters.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    if (ioctlRetrying(VIDIOC_G_PARM, &parameters) == 0 && (parameters.parm.capture.capability & V4L2_CAP_TIMEPERFRAME))
        chosen.interval = intervalOf(parameters.parm.capture.timeperframe);
    return chosen;
}

std::optional<CaptureDevice::Error> V4l2CaptureDevice::startStreaming()
{
    if (m_streaming)
        return std::nullopt;
    v4l2_requestbuffers request{};
    request.count = bufferCount;
    request.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    request.memory = V4L2_MEMORY_MMAP;
    if (ioctlRetrying(VIDIOC_REQBUFS, &request) < 0)
        return failure(QStringLiteral("cannot get capture buffers"));
    if (request.count == 0)
        return Error{QStringLiteral("%1: the driver gave no capture buffers").arg(m_path)};
    for (quint32 index = 0; index < request.count; ++index) {
        v4l2_buffer buffer{};
        buffer.index = index;
        buffer.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        buffer.memory = V4L2_MEMORY_MMAP;
        if (ioctlRetrying(VIDIOC_QUERYBUF, &buffer) < 0) {
            const Error error = failure(QStringLiteral("cannot query a capture buffer"));
            releaseBuffers();
            return error;
        }
        void *start = ::mmap(nullptr, buffer.length, PROT_READ | PROT_WRITE, MAP_SHARED, m_fd, buffer.m.offset);
        if (start == MAP_FAILED) {
            const Error error = failure(QStringLiteral("cannot map a capture buffer"));
            releaseBuffers();
            return error;
        }
        m_buffers.append({start, buffer.length});
        if (ioctlRetrying(VIDIOC_QBUF, &buffer) < 0) {
            const Error error = failure(QStringLiteral("cannot queue a capture buffer"));
            releaseBuffers();
            return error;
        }
    }
    int type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    if (ioctlRetrying(VIDIOC_STREAMON, &type) < 0) {
        const Error error = failure(QStringLiteral("cannot start streaming"));
        releaseBuffers();
        return error;
    }
    m_streaming = true;
    return std::nullopt;
}

void V4l2CaptureDevice::stopStreaming()
{
    if (m_streaming) {
        int type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        ioctlRetrying(VIDIOC_STREAMOFF, &type);
        m_streaming = false;
    }
    releaseBuffers();
}

void V4l2CaptureDevice::releaseBuffers()
{
    m_held = -1;
    for (const Buffer &buffer : std::as_const(m_buffers))
        ::munmap(buffer.start, buffer.length);
    if (m_buffers.isEmpty())
        return;
    m_buffers.clear();
    v4l2_requestbuffers request{};
    request.count = 0;
    request.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    request.memory = V4L2_MEMORY_MMAP;
    ioctlRetrying(VIDIOC_REQBUFS, &request);
}

std::optional<CaptureDevice::Error> V4l2CaptureDevice::requeueHeld()
{
    if (m_held < 0)
        return std::nullopt;
    v4l2_buffer buffer{};
    buffer.index = quint32(m_held);
    buffer.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    buffer.memory = V4L2_MEMORY_MMAP;
    m_held = -1;
    if (ioctlRetrying(VIDIOC_QBUF, &buffer) < 0)
        return failure(QStringLiteral("cannot queue a capture buffer"));
    return std::nullopt;
}

bool V4l2CaptureDevice::takeSourceChange()
{
    bool change = false;
    v4l2_event event{};
    while (ioctlRetrying(VIDIOC_DQEVENT, &event) == 0) {
        if (event.type == V4L2_EVENT_SOURCE_CHANGE && (event.u.src_change.changes & V4L2_EVENT_SRC_CH_RESOLUTION))
            change = true;
        event = {};
    }
    return change;
}

Expected<CaptureDevice::Capture, CaptureDevice::Error> V4l2CaptureDevice::waitForFrame(milliseconds timeout)
{
    if (m_fd < 0)
        return Error{QStringLiteral("%1 is not open").arg(m_path)};
    if (std::optional<Error> error = requeueHeld())
        return *error;
    QElapsedTimer elapsed;
    elapsed.start();
    for (;;) {
        const qint64 left = std::max<qint64>(0, timeout.count() - elapsed.elapsed());
        pollfd fds[2] = {{m_fd, short(POLLPRI | (m_streaming ? POLLIN : 0)), 0}, {m_wakeFd, POLLIN, 0}};
        const int ready = ::poll(fds, 2, int(std::min<qint64>(left, INT_MAX)));
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            return failure(QStringLiteral("cannot wait for a frame"));
        }
        if (fds[1].revents & POLLIN) {
            quint64 count = 0;
            [[maybe_unused]] const ssize_t read = ::read(m_wakeFd, &count, sizeof count);
            return Capture{Capture::Kind::Woken};
        }
        if (ready == 0)
            return Capture{Capture::Kind::Timeout};
        if ((fds[0].revents & POLLPRI) && takeSourceChange())
            return Capture{Capture::Kind::SourceChange};
        if (fds[0].revents & (POLLHUP | POLLNVAL))
            return Error{QStringLiteral("%1 is gone").arg(m_path), true};
        if (fds[0].revents & (POLLIN | POLLERR)) {
            v4l2_buffer buffer{};
            buffer.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
            buffer.memory = V4L2_MEMORY_MMAP;
            if (ioctlRetrying(VIDIOC_DQBUF, &buffer) < 0) {
                if (errno == EAGAIN)
                    continue;
                return failure(QStringLiteral("cannot take a frame"));
            }
            if (buffer.index >= quint32(m_buffers.size()))
                return Error{QStringLiteral("%1: the driver returned an unknown buffer").arg(m_path)};
            m_held = int(buffer.index);
            const Buffer &mapped = m_buffers.at(m_held);
            Capture capture{Capture::Kind::Frame};
            capture.data = static_cast<const uchar *>(mapped.start);
            // The driver's count is not trusted beyond the mapping.
            capture.bytesUsed = qsizetype(std::min<size_t>(buffer.bytesused, mapped.length));
            capture.damaged = buffer.flags & V4L2_BUF_FLAG_ERROR;
            return capture;
        }
        if (left == 0)
            return Capture{Capture::Kind::Timeout};
    }
}

void V4l2CaptureDevice::wake()
{
    const quint64 one = 1;
    [[maybe_unused]] const ssize_t written = ::write(m_wakeFd, &one, sizeof one);
}
