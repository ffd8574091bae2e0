#pragma once

#include "Clock.h"

#include <QHash>
#include <QString>

#include <chrono>

// Failed logins per account and source address, and the lockout they lead to: `threshold`
// failures in a row from one address, each within `duration` of the one before, lock the account
// for that address for `duration`. The right password from another address still works, so a
// stranger cannot lock the administrator out (docs/decisions.md#40, #99). A threshold of 0 never
// locks. Only names of existing accounts are given to it, and each keeps at most
// maxAddressesPerAccount addresses, so a flood of names or addresses costs bounded memory.
class AccountLockout
{
public:
    static constexpr int maxAddressesPerAccount = 256;

    AccountLockout(int threshold, std::chrono::milliseconds duration, const Clock &clock = Clock::steady());

    bool isLocked(const QString &name, const QString &address) const;
    // Locked for at least one address (what Redfish's `Locked` shows).
    bool isLockedAnywhere(const QString &name) const;
    // Counts a failure; true when it locked the account for `address`.
    bool recordFailure(const QString &name, const QString &address);
    // Clears the address's count; a lockout stays until it runs out.
    void recordSuccess(const QString &name, const QString &address);
    // Lifts every lockout of the account at once (an administrator, or recovery at the machine).
    void unlock(const QString &name) { m_states.remove(name); }
    void rename(const QString &name, const QString &newName);
    void forget(const QString &name) { m_states.remove(name); }

    // New rules apply to the next failure; counts and locks already made stay as they are.
    void setRules(int threshold, std::chrono::milliseconds duration)
    {
        m_threshold = threshold;
        m_duration = duration;
    }

    int threshold() const { return m_threshold; }
    std::chrono::milliseconds duration() const { return m_duration; }

private:
    struct State
    {
        int failures = 0;
        Clock::TimePoint countUntil;  // the count starts again after this
        Clock::TimePoint lockedUntil; // locked while now is before it
    };
    using ByAddress = QHash<QString, State>;

    // Room for one more address: forgets those whose count and lock have run out, then, if still
    // full, the one whose count ends first.
    void makeRoom(ByAddress &addresses) const;

    int m_threshold;
    std::chrono::milliseconds m_duration;
    const Clock &m_clock;
    QHash<QString, ByAddress> m_states;
};
