#pragma once

#include "Actor.h"
#include "Clock.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <chrono>

// Failed logins per source address, so that a flood of them costs the event log a few entries
// instead of one each (decisions.md#101). In each interval that starts with an address's failure,
// the first `individually` failures are logged one by one (a person mistyping sees them all), and
// the rest become one summary when the interval ends. Memory is bounded: at most maxAddresses
// addresses and maxNames user names per address are remembered; past that the oldest interval
// ends early and further names are only counted.
class FailedLoginDigest
{
public:
    static constexpr int maxAddresses = 1024;
    static constexpr int maxNames = 64;

    struct Summary
    {
        QString address;
        Actor::Origin origin = Actor::Origin::Bmc; // of the first failure summarised
        int failures = 0;                          // summarised, not logged one by one
        int names = 0;                             // distinct user names among them
        bool moreNames = false;                    // more than maxNames
        std::chrono::milliseconds span{0};         // from the interval's start to its last failure
    };

    FailedLoginDigest(int individually, std::chrono::milliseconds interval, const Clock &clock = Clock::steady());

    // Ends the intervals that are over and returns their summaries (only those that summarised
    // something), those ended early to make room first, then the others oldest first. Call before
    // record().
    QList<Summary> takeEnded();
    // True when this failure is to be logged on its own; false when it was counted for a summary.
    bool record(const QString &address, Actor::Origin origin, const QString &name);
    bool hasPending() const { return !m_byAddress.isEmpty() || !m_endedEarly.isEmpty(); }
    std::chrono::milliseconds interval() const { return m_interval; }

private:
    struct Window
    {
        Clock::TimePoint start;
        Clock::TimePoint last;
        int individual = 0;
        Summary summary;
        QSet<QString> names;
    };

    static Summary finished(const Window &window);

    int m_individually;
    std::chrono::milliseconds m_interval;
    const Clock &m_clock;
    QHash<QString, Window> m_byAddress;
    QList<Summary> m_endedEarly; // ended to make room for another address
};
