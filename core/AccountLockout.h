#pragma once

#include "Clock.h"

#include <QHash>
#include <QString>

#include <chrono>

// Failed logins per account, and the lockout they lead to: `threshold` failures in a row, each
// within `duration` of the one before, lock the account for `duration`; a threshold of 0 never
// locks (docs/decisions.md#40). Only names of existing accounts are given to it, so a flood of
// made-up names costs no memory here.
class AccountLockout
{
public:
    AccountLockout(int threshold, std::chrono::milliseconds duration, const Clock &clock = Clock::steady());

    bool isLocked(const QString &name) const;
    // Counts a failure; true when it locked the account.
    bool recordFailure(const QString &name);
    // Clears the count; a lockout stays until it runs out.
    void recordSuccess(const QString &name);
    // Lifts a lockout at once (recovery at the machine).
    void unlock(const QString &name) { m_states.remove(name); }
    void rename(const QString &name, const QString &newName);
    void forget(const QString &name) { m_states.remove(name); }

    int threshold() const { return m_threshold; }
    std::chrono::milliseconds duration() const { return m_duration; }

private:
    struct State
    {
        int failures = 0;
        Clock::TimePoint countUntil;  // the count starts again after this
        Clock::TimePoint lockedUntil; // locked while now is before it
    };

    int m_threshold;
    std::chrono::milliseconds m_duration;
    const Clock &m_clock;
    QHash<QString, State> m_states;
};
