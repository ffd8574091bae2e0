#include "CommandLine.h"
#include "Daemon.h"
#include "DisplayChoice.h"
#include "LocalDisplay.h"
#include "linux/JournalLogFormat.h"
#include "linux/UnixSignalWatcher.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QTemporaryFile>
#include <QtQml/QQmlExtensionPlugin>

#include <csignal>
#include <cstring>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

Q_IMPORT_QML_PLUGIN(Qbmc_UiPlugin)
Q_IMPORT_QML_PLUGIN(Qbmc_DashboardPlugin)

namespace {
// The arguments without "-platform NAME": the choice made goes to Qt through QT_QPA_PLATFORM,
// and a headless qbmc has no use for the option.
std::vector<char *> withoutPlatformArgument(int argc, char **argv)
{
    std::vector<char *> arguments;
    for (int i = 0; i < argc; ++i) {
        if (std::strcmp(argv[i], "-platform") == 0 && i + 1 < argc)
            ++i;
        else
            arguments.push_back(argv[i]);
    }
    arguments.push_back(nullptr);
    return arguments;
}

std::unique_ptr<QCoreApplication> createApplication(const DisplayChoice &display, int &argc, char **argv)
{
    if (display.mode == DisplayChoice::Mode::Headless)
        return std::make_unique<QCoreApplication>(argc, argv);
    qputenv("QT_QPA_PLATFORM", display.platform.toLocal8Bit());
    // eglfs on the card that drives the display (on a Pi 4 the first card is the GPU without
    // one), unless the board's own KMS configuration says otherwise. Qt reads the file while the
    // application object is made.
    static QTemporaryFile kmsConfigurationFile;
    const QByteArray kmsConfiguration = display.kmsConfiguration();
    if (!kmsConfiguration.isEmpty() && qEnvironmentVariableIsEmpty("QT_QPA_EGLFS_KMS_CONFIG")
        && kmsConfigurationFile.open()) {
        kmsConfigurationFile.write(kmsConfiguration);
        kmsConfigurationFile.flush();
        qputenv("QT_QPA_EGLFS_KMS_CONFIG", QFile::encodeName(kmsConfigurationFile.fileName()));
    }
    // A kiosk has no keyboard: Qt's virtual keyboard comes up for text fields.
    if (display.mode == DisplayChoice::Mode::Kiosk && qEnvironmentVariableIsEmpty("QT_IM_MODULE"))
        qputenv("QT_IM_MODULE", "qtvirtualkeyboard");
    return std::make_unique<QGuiApplication>(argc, argv);
}
} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    // Before any thread exists, so that every thread inherits the mask and these signals reach
    // only the watcher's signalfd.
    UnixSignalWatcher::blockInThisThread({SIGTERM, SIGINT, SIGHUP});
    // State files hold password hashes and IPMI passwords: nothing qbmc creates is for others.
    umask(077);
    qSetMessagePattern(JournalLogFormat::messagePattern(JournalLogFormat::standardErrorIsJournal()));

    const DisplayChoice display = DisplayChoice::decide(DisplayChoice::gather(argc, argv));
    std::vector<char *> arguments = withoutPlatformArgument(argc, argv);
    int argumentCount = int(arguments.size()) - 1;
    const std::unique_ptr<QCoreApplication> app = createApplication(display, argumentCount, arguments.data());
    QCoreApplication::setApplicationName(QStringLiteral("qbmc"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QBMC_VERSION));

    auto daemon = std::make_unique<Daemon>(CommandLine::parse(QCoreApplication::arguments()));
    if (const auto exitCode = daemon->start())
        return *exitCode;
    std::unique_ptr<LocalDisplay> localDisplay;
    if (display.mode != DisplayChoice::Mode::Headless) {
        localDisplay = std::make_unique<LocalDisplay>(daemon.get(), display, sinceStart);
        if (const auto failure = localDisplay->show()) {
            qCritical("qbmc: %s", qPrintable(failure->message));
            return Daemon::StartFailed;
        }
    }
    const int result = QCoreApplication::exec();
    // Everything is written and every socket closed before a restart replaces this process.
    localDisplay.reset();
    daemon.reset();
    if (result == Daemon::restartRequested) {
        execv("/proc/self/exe", argv);
        fprintf(stderr, "qbmc: cannot restart: %s\n", strerror(errno));
        return Daemon::StartFailed;
    }
    return result;
}
