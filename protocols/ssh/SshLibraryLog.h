#pragma once

#include <QByteArray>

// libssh's log, through qbmc.ssh: its warnings as warnings, its protocol lines as debug output.
// Packet-level lines are never forwarded (they are many, and not for operators); one of them is
// read, because libssh 0.10 hands a channel request it has no name for (RFC 4335's "break") to
// the server without its name, and names it only in that line.
class SshLibraryLog
{
public:
    // Once, before the first session: sets libssh's log level and callback for the process.
    static void install();
    // The name of the last channel request libssh logged as received, taken once (empty after).
    static QByteArray takeLastChannelRequest();
};
