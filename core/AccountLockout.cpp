#include "AccountLockout.h"

AccountLockout::AccountLockout(int threshold, std::chrono::milliseconds duration, const Clock &clock)
    : m_threshold(threshold)
    , m_duration(duration)
    , m_clock(clock)
{
}

bool AccountLockout::isLocked(const QString &name) const
{
    const auto it = m_states.constFind(name);
    return it != m_states.cend() && m_clock.now() < it->lockedUntil;
}

bool AccountLockout::recordFailure(const QString &name)
{
    if (m_threshold <= 0 || isLocked(name))
        return false;
    const Clock::TimePoint now = m_clock.now();
    State &state = m_states[name];
    if (now >= state.countUntil)
        state.failures = 0;
    ++state.failures;
    state.countUntil = now + m_duration;
    if (state.failures < m_threshold)
        return false;
    state.failures = 0;
    state.lockedUntil = now + m_duration;
    return true;
}

void AccountLockout::recordSuccess(const QString &name)
{
    if (!isLocked(name))
        m_states.remove(name);
}

void AccountLockout::rename(const QString &name, const QString &newName)
{
    if (const auto it = m_states.constFind(name); it != m_states.cend()) {
        const State state = *it;
        m_states.remove(name);
        m_states.insert(newName, state);
    }
}
