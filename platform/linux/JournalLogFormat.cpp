#include "JournalLogFormat.h"

#include <systemd/sd-daemon.h>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

bool JournalLogFormat::standardErrorIsJournal()
{
    const QByteArray stream = qgetenv("JOURNAL_STREAM");
    const qsizetype colon = stream.indexOf(':');
    if (colon <= 0)
        return false;
    bool deviceOk = false;
    bool inodeOk = false;
    const qulonglong device = stream.left(colon).toULongLong(&deviceOk);
    const qulonglong inode = stream.mid(colon + 1).toULongLong(&inodeOk);
    struct stat status
    {
    };
    // systemd passes the variable on to children whose standard error goes elsewhere: only the
    // same device and inode mean the journal reads what qbmc writes.
    return deviceOk && inodeOk && fstat(STDERR_FILENO, &status) == 0 && status.st_dev == device
        && status.st_ino == inode;
}

QString JournalLogFormat::messagePattern(bool toJournal)
{
    const QString text = u"%{category}: %{if-warning}warning: %{endif}%{if-critical}error: %{endif}%{message}"_s;
    if (!toJournal)
        return text;
    return QString::fromLatin1("%{if-debug}" SD_DEBUG "%{endif}%{if-info}" SD_INFO "%{endif}%{if-warning}" SD_WARNING
                               "%{endif}%{if-critical}" SD_ERR "%{endif}%{if-fatal}" SD_CRIT "%{endif}")
        + text;
}
