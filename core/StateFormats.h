#pragma once

#include <QLatin1StringView>

#include <array>

// Every file qbmc keeps in its state directory, with the format version this qbmc writes
// (docs/configuration.md lists them for operators). A file that carries a higher version was
// written by a newer qbmc: qbmc refuses to start rather than read it wrongly or replace it
// (docs/decisions.md#103). A change to a file's layout that an older qbmc would misread raises
// its version here.
namespace StateFormats {

struct Format
{
    QLatin1StringView fileName;
    int version;
};

// Version 2 added SSH public keys; a file without any is still written as version 1, which an older
// qbmc reads without losing anything.
inline constexpr Format accounts{QLatin1StringView("accounts.json"), 2};
inline constexpr Format bootOverride{QLatin1StringView("boot.json"), 1};
inline constexpr Format eventLog{QLatin1StringView("eventlog.jsonl"), 2};
inline constexpr Format identity{QLatin1StringView("identity.json"), 1};
inline constexpr Format powerState{QLatin1StringView("power.json"), 1};
inline constexpr Format settings{QLatin1StringView("settings.json"), 1};
inline constexpr Format virtualMedia{QLatin1StringView("virtual-media.json"), 1};

// The files that hold one JSON document (the event log is JSON lines).
inline constexpr std::array jsonDocuments{accounts, bootOverride, identity, powerState, settings, virtualMedia};

} // namespace StateFormats
