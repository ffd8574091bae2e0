#pragma once

#include <QString>

#include <optional>

// The state directory as a whole, looked at before any of its files is loaded.
class StateDirectory
{
public:
    // The first state file (or last good copy) written in a newer format than this qbmc reads,
    // as a message that names the file and both versions. qbmc then stops with status 1 and
    // leaves every file as it is (docs/decisions.md#103).
    static std::optional<QString> newerFormat(const QString &directory);
};
