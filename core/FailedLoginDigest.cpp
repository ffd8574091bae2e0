#include "FailedLoginDigest.h"

#include <algorithm>
#include <utility>

FailedLoginDigest::FailedLoginDigest(int individually, std::chrono::milliseconds interval, const Clock &clock)
    : m_individually(individually)
    , m_interval(interval)
    , m_clock(clock)
{
}

FailedLoginDigest::Summary FailedLoginDigest::finished(const Window &window)
{
    Summary summary = window.summary;
    summary.names = int(window.names.size());
    summary.span = std::chrono::duration_cast<std::chrono::milliseconds>(window.last - window.start);
    return summary;
}

QList<FailedLoginDigest::Summary> FailedLoginDigest::takeEnded()
{
    const Clock::TimePoint now = m_clock.now();
    QList<std::pair<Clock::TimePoint, Summary>> ended;
    for (auto it = m_byAddress.begin(); it != m_byAddress.end();) {
        if (now < it->start + m_interval) {
            ++it;
            continue;
        }
        if (it->summary.failures > 0)
            ended.append({it->start, finished(*it)});
        it = m_byAddress.erase(it);
    }
    std::sort(ended.begin(), ended.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<Summary> summaries = std::exchange(m_endedEarly, {});
    for (const auto &[start, summary] : std::as_const(ended))
        summaries.append(summary);
    return summaries;
}

bool FailedLoginDigest::record(const QString &address, Actor::Origin origin, const QString &name)
{
    const Clock::TimePoint now = m_clock.now();
    auto it = m_byAddress.find(address);
    if (it == m_byAddress.end()) {
        if (m_byAddress.size() >= maxAddresses) {
            // Full: the oldest interval ends early, and its summary waits for takeEnded().
            const auto oldest = std::min_element(m_byAddress.begin(), m_byAddress.end(),
                                                 [](const Window &a, const Window &b) { return a.start < b.start; });
            if (oldest->summary.failures > 0)
                m_endedEarly.append(finished(*oldest));
            m_byAddress.erase(oldest);
        }
        Window window;
        window.start = now;
        window.summary.address = address;
        it = m_byAddress.insert(address, window);
    }
    it->last = now;
    if (it->individual < m_individually) {
        ++it->individual;
        return true;
    }
    if (it->summary.failures == 0)
        it->summary.origin = origin;
    ++it->summary.failures;
    if (it->names.size() < maxNames)
        it->names.insert(name);
    else if (!it->names.contains(name))
        it->summary.moreNames = true;
    return false;
}
