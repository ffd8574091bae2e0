#pragma once

// How many sessions of one protocol may be open: in all, per user, and how many of them only an
// Administrator may take, so that an administrator can always log in (decisions.md#98).
struct SessionLimits
{
    int total = 64;
    int perUser = 16;

    // A sixteenth of the total (4 of 64); none when the total is below 16.
    int administratorReserve() const { return total / 16; }
};
