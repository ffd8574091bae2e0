#include "CommandLine.h"
#include "Daemon.h"
#include "linux/UnixSignalWatcher.h"

#include <QCoreApplication>

#include <csignal>
#include <cstring>
#include <memory>
#include <unistd.h>
#include <sys/stat.h>

int main(int argc, char *argv[])
{
    // Before any thread exists, so that every thread inherits the mask and these signals reach
    // only the watcher's signalfd.
    UnixSignalWatcher::blockInThisThread({SIGTERM, SIGINT, SIGHUP});
    // State files hold password hashes and IPMI passwords: nothing qbmc creates is for others.
    umask(077);
    qSetMessagePattern(QStringLiteral("%{category}: %{if-warning}warning: %{endif}%{if-critical}error: %{endif}%{message}"));

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("qbmc"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QBMC_VERSION));

    auto daemon = std::make_unique<Daemon>(CommandLine::parse(QCoreApplication::arguments()));
    if (const auto exitCode = daemon->start())
        return *exitCode;
    const int result = QCoreApplication::exec();
    // Everything is written and every socket closed before a restart replaces this process.
    daemon.reset();
    if (result == Daemon::restartRequested) {
        execv("/proc/self/exe", argv);
        fprintf(stderr, "qbmc: cannot restart: %s\n", strerror(errno));
        return Daemon::StartFailed;
    }
    return result;
}
