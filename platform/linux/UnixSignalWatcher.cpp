#include "UnixSignalWatcher.h"

#include "PlatformLogging.h"

#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

namespace {
sigset_t signalSet(const QList<int> &signalNumbers)
{
    sigset_t set;
    sigemptyset(&set);
    for (int number : signalNumbers)
        sigaddset(&set, number);
    return set;
}
} // namespace

void UnixSignalWatcher::blockInThisThread(const QList<int> &signalNumbers)
{
    const sigset_t set = signalSet(signalNumbers);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

UnixSignalWatcher::UnixSignalWatcher(const QList<int> &signalNumbers, QObject *parent)
    : QObject(parent)
{
    const sigset_t set = signalSet(signalNumbers);
    m_fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    if (m_fd < 0) {
        qCCritical(lcLinux, "signalfd failed: %s", strerror(errno));
        return;
    }
    m_notifier = std::make_unique<QSocketNotifier>(m_fd, QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &UnixSignalWatcher::readSignals);
}

UnixSignalWatcher::~UnixSignalWatcher()
{
    m_notifier.reset();
    if (m_fd >= 0)
        close(m_fd);
}

void UnixSignalWatcher::readSignals()
{
    signalfd_siginfo info;
    while (read(m_fd, &info, sizeof info) == sizeof info)
        emit received(int(info.ssi_signo));
}
