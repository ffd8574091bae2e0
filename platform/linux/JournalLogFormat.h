#pragma once

#include <QString>

// How qbmc's log lines look. Each line names its QLoggingCategory ("qbmc.accounts: ..."). When
// standard error is systemd's journal stream (JOURNAL_STREAM names its device and inode), each
// line also starts with its syslog priority ("<4>" for a warning, sd-daemon(3)). journald reads
// that prefix, so `journalctl -p warning` and the console forwarding of warnings work.
class JournalLogFormat
{
public:
    static bool standardErrorIsJournal();
    static QString messagePattern(bool toJournal);
};
