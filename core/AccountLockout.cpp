#include "AccountLockout.h"

#include <algorithm>

AccountLockout::AccountLockout(int threshold, std::chrono::milliseconds duration, const Clock &clock)
    : m_threshold(threshold)
    , m_duration(duration)
    , m_clock(clock)
{
}

bool AccountLockout::isLocked(const QString &name, const QString &address) const
{
    const auto account = m_states.constFind(name);
    if (account == m_states.cend())
        return false;
    const auto state = account->constFind(address);
    return state != account->cend() && m_clock.now() < state->lockedUntil;
}

bool AccountLockout::isLockedAnywhere(const QString &name) const
{
    const auto account = m_states.constFind(name);
    if (account == m_states.cend())
        return false;
    const Clock::TimePoint now = m_clock.now();
    return std::any_of(account->cbegin(), account->cend(),
                       [now](const State &state) { return now < state.lockedUntil; });
}

bool AccountLockout::recordFailure(const QString &name, const QString &address)
{
    if (m_threshold <= 0 || isLocked(name, address))
        return false;
    const Clock::TimePoint now = m_clock.now();
    ByAddress &addresses = m_states[name];
    if (!addresses.contains(address))
        makeRoom(addresses);
    State &state = addresses[address];
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

void AccountLockout::recordSuccess(const QString &name, const QString &address)
{
    const auto account = m_states.find(name);
    if (account == m_states.end() || isLocked(name, address))
        return;
    account->remove(address);
    if (account->isEmpty())
        m_states.erase(account);
}

void AccountLockout::rename(const QString &name, const QString &newName)
{
    if (const auto it = m_states.constFind(name); it != m_states.cend()) {
        const ByAddress addresses = *it;
        m_states.remove(name);
        m_states.insert(newName, addresses);
    }
}

void AccountLockout::makeRoom(ByAddress &addresses) const
{
    if (addresses.size() < maxAddressesPerAccount)
        return;
    const Clock::TimePoint now = m_clock.now();
    for (auto it = addresses.begin(); it != addresses.end();) {
        if (now >= it->countUntil && now >= it->lockedUntil)
            it = addresses.erase(it);
        else
            ++it;
    }
    if (addresses.size() < maxAddressesPerAccount)
        return;
    const auto first = std::min_element(addresses.begin(), addresses.end(),
                                        [](const State &a, const State &b) { return a.countUntil < b.countUntil; });
    addresses.erase(first);
}
