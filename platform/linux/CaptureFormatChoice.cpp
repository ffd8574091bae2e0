#include "CaptureFormatChoice.h"

#include <QStringList>

#include <linux/videodev2.h>

#include <algorithm>
#include <cmath>
#include <numeric>

using Interval = CaptureDevice::Interval;
using IntervalRange = CaptureDevice::IntervalRange;
using SizeRange = CaptureDevice::SizeRange;

namespace {

constexpr quint32 compressed[] = {V4L2_PIX_FMT_MJPEG, V4L2_PIX_FMT_JPEG};
// Raw formats by the bandwidth they need on the device's link: 16-bit YUV, then 24-bit RGB,
// then 32-bit.
constexpr quint32 raw[] = {
    V4L2_PIX_FMT_YUYV,  V4L2_PIX_FMT_UYVY,   V4L2_PIX_FMT_RGB24,  V4L2_PIX_FMT_BGR24, V4L2_PIX_FMT_XBGR32,
    V4L2_PIX_FMT_BGR32, V4L2_PIX_FMT_ABGR32, V4L2_PIX_FMT_XRGB32, V4L2_PIX_FMT_RGB32, V4L2_PIX_FMT_ARGB32,
};
constexpr double rateTolerance = 1e-6;

QList<quint32> preference(bool usb)
{
    const QList<quint32> compressedFirst(std::begin(compressed), std::end(compressed));
    const QList<quint32> rawFormats(std::begin(raw), std::end(raw));
    return usb ? compressedFirst + rawFormats : rawFormats + compressedFirst;
}

bool fits(QSize size, QSize maxSize)
{
    return size.width() <= maxSize.width() && size.height() <= maxSize.height();
}

qint64 area(QSize size)
{
    return qint64(size.width()) * size.height();
}

// Whether `candidate` is a better size than `best` for `maxSize`: one that fits beats one that
// does not; among those that fit the larger wins, among those that do not the smaller.
bool betterSize(QSize candidate, QSize best, QSize maxSize)
{
    if (!best.isValid())
        return true;
    const bool candidateFits = fits(candidate, maxSize);
    if (candidateFits != fits(best, maxSize))
        return candidateFits;
    return candidateFits ? area(candidate) > area(best) : area(candidate) < area(best);
}

int alongSteps(int minimum, int maximum, int step, int wanted)
{
    if (wanted <= minimum)
        return minimum;
    const int limit = std::min(maximum, wanted);
    const int stride = std::max(step, 1);
    return minimum + (limit - minimum) / stride * stride;
}

Interval reduced(quint64 numerator, quint64 denominator)
{
    const quint64 divisor = std::gcd(numerator, denominator);
    if (divisor > 1) {
        numerator /= divisor;
        denominator /= divisor;
    }
    while (numerator > 0xffffffffu || denominator > 0xffffffffu) {
        numerator >>= 1;
        denominator >>= 1;
    }
    return {quint32(numerator), quint32(denominator)};
}

double seconds(Interval interval)
{
    return double(interval.numerator) / double(interval.denominator);
}

// The interval of `range` closest to 1/maxFps without a faster rate, where it has one.
Interval intervalWithin(const IntervalRange &range, int maxFps)
{
    const Interval fastest = range.minimum;
    const Interval slowest = range.maximum;
    if (range.isDiscrete() || fastest.framesPerSecond() <= maxFps + rateTolerance)
        return fastest;
    if (slowest.framesPerSecond() > maxFps + rateTolerance)
        return slowest;
    if (!range.step.isValid())
        return reduced(1, quint64(maxFps));
    // minimum + k * step, the first k whose rate is not above maxFps.
    const double k = std::ceil((1.0 / maxFps - seconds(fastest)) / seconds(range.step) - rateTolerance);
    const quint64 steps = quint64(std::max(k, 0.0));
    return reduced(quint64(fastest.numerator) * range.step.denominator
                       + steps * range.step.numerator * fastest.denominator,
                   quint64(fastest.denominator) * range.step.denominator);
}

} // namespace

QSize CaptureFormatChoice::largestWithin(const SizeRange &range, QSize maxSize)
{
    if (range.isDiscrete())
        return range.minimum;
    return {alongSteps(range.minimum.width(), range.maximum.width(), range.step.width(), maxSize.width()),
            alongSteps(range.minimum.height(), range.maximum.height(), range.step.height(), maxSize.height())};
}

Interval CaptureFormatChoice::intervalFor(const QList<IntervalRange> &ranges, int maxFps)
{
    Interval best;
    for (const IntervalRange &range : ranges) {
        if (!range.minimum.isValid() || !range.maximum.isValid())
            continue;
        const Interval candidate = intervalWithin(range, maxFps);
        if (!best.isValid()) {
            best = candidate;
            continue;
        }
        const double rate = candidate.framesPerSecond();
        const double bestRate = best.framesPerSecond();
        const bool within = rate <= maxFps + rateTolerance;
        const bool bestWithin = bestRate <= maxFps + rateTolerance;
        if (within != bestWithin ? within : (within ? rate > bestRate : rate < bestRate))
            best = candidate;
    }
    return best;
}

Expected<CaptureFormatChoice::Choice, QString>
CaptureFormatChoice::choose(const CaptureDevice::Description &device, const Wanted &wanted,
                            const std::optional<CaptureDevice::DvTimings> &timings)
{
    if (!device.canStream)
        return QStringLiteral("the device cannot stream video");
    if (device.formats.isEmpty())
        return QStringLiteral("the device offers no capture format");
    const bool followsTimings = device.hasDvTimings && timings && timings->signal && timings->size.isValid();

    for (const quint32 fourcc : preference(device.isUvc())) {
        const auto format = std::find_if(device.formats.cbegin(), device.formats.cend(),
                                         [fourcc](const CaptureDevice::Format &f) { return f.fourcc == fourcc; });
        if (format == device.formats.cend())
            continue;
        Choice choice{fourcc, {}, {}};
        if (followsTimings) {
            // An HDMI receiver captures what the host sends, at the host's rate.
            choice.size = timings->size;
            return choice;
        }
        if (format->sizes.isEmpty()) {
            // Nothing listed: ask for the most wanted and take what the driver answers.
            choice.size = wanted.maxSize;
            choice.interval = reduced(1, quint64(std::max(wanted.maxFps, 1)));
            return choice;
        }
        const SizeRange *from = nullptr;
        for (const SizeRange &range : format->sizes) {
            const QSize size = largestWithin(range, wanted.maxSize);
            if (!size.isEmpty() && betterSize(size, choice.size, wanted.maxSize)) {
                choice.size = size;
                from = &range;
            }
        }
        if (!from)
            continue;
        choice.interval = intervalFor(from->intervals, std::max(wanted.maxFps, 1));
        return choice;
    }

    QStringList offered;
    for (const CaptureDevice::Format &format : device.formats)
        offered.append(CaptureDevice::fourccName(format.fourcc));
    offered.removeDuplicates();
    return QStringLiteral("no format qbmc can decode: %1").arg(offered.join(QLatin1String(", ")));
}
