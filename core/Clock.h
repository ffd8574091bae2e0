#pragma once

#include <chrono>

// Monotonic time as lockouts and throttles count it. The daemon uses the system's steady clock;
// tests pass a clock they move forward by hand, so nothing waits in real time.
class Clock
{
public:
    using TimePoint = std::chrono::steady_clock::time_point;

    virtual ~Clock() = default;
    virtual TimePoint now() const = 0;

    // The system's steady clock, for everything that is not a test.
    static const Clock &steady();
};
