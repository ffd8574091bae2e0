#pragma once

#include "Clock.h"

// A clock that moves only when a test says so: lockouts and throttles are tested at their
// boundaries without waiting.
class ManualClock final : public Clock
{
public:
    TimePoint now() const override { return m_now; }
    void advance(std::chrono::milliseconds by) { m_now += by; }

private:
    TimePoint m_now{std::chrono::hours(1)};
};
