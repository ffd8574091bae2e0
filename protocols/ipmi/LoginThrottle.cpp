#include "LoginThrottle.h"

namespace {
// Bounds the memory a stream of failures from spoofed addresses can take.
constexpr qsizetype maxTrackedAddresses = 4096;
} // namespace

LoginThrottle::LoginThrottle(int failures, std::chrono::milliseconds period, const Clock &clock)
    : m_failures(failures)
    , m_period(period)
    , m_clock(clock)
{
}

void LoginThrottle::forgetExpired(const QString &address)
{
    auto it = m_recent.find(address);
    if (it == m_recent.end())
        return;
    const Clock::TimePoint now = m_clock.now();
    it->removeIf([now](Clock::TimePoint expiry) { return expiry <= now; });
    if (it->isEmpty())
        m_recent.erase(it);
}

bool LoginThrottle::isBlocked(const QString &address)
{
    forgetExpired(address);
    return m_failures > 0 && m_recent.value(address).size() >= m_failures;
}

void LoginThrottle::recordFailure(const QString &address)
{
    const Clock::TimePoint now = m_clock.now();
    if (m_recent.size() >= maxTrackedAddresses && !m_recent.contains(address)) {
        for (auto it = m_recent.begin(); it != m_recent.end();) {
            it->removeIf([now](Clock::TimePoint expiry) { return expiry <= now; });
            it = it->isEmpty() ? m_recent.erase(it) : std::next(it);
        }
        if (m_recent.size() >= maxTrackedAddresses)
            m_recent.erase(m_recent.begin());
    }
    QList<Clock::TimePoint> &recent = m_recent[address];
    recent.append(now + m_period);
    // Only the newest `failures` matter for the decision.
    while (recent.size() > std::max(m_failures, 1))
        recent.removeFirst();
}

void LoginThrottle::recordSuccess(const QString &address)
{
    auto it = m_recent.find(address);
    if (it == m_recent.end())
        return;
    it->removeLast();
    if (it->isEmpty())
        m_recent.erase(it);
}
