#pragma once

#include "Clock.h"

#include <QHash>
#include <QList>
#include <QString>

#include <chrono>

// Limits RAKP from one source address: after `failures` failed logins within `period`, that
// address gets no new session until the oldest of them is older than `period`. Only failures
// count, so a benchmark's many good sessions from one address are never slowed. Together with
// the per-account lockout this contains RAKP 2's offline-cracking oracle
// (docs/decisions.md#43).
class LoginThrottle
{
public:
    LoginThrottle(int failures, std::chrono::milliseconds period, const Clock &clock = Clock::steady());

    bool isBlocked(const QString &address);
    void recordFailure(const QString &address);
    // Takes back the newest failure of `address`: a charge made in advance that a login repaid.
    void recordSuccess(const QString &address);

private:
    void forgetExpired(const QString &address);

    int m_failures;
    std::chrono::milliseconds m_period;
    const Clock &m_clock;
    QHash<QString, QList<Clock::TimePoint>> m_recent; // per address: when each failure stops counting
};
