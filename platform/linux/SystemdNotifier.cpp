#include "SystemdNotifier.h"

#include "PlatformLogging.h"

#include <systemd/sd-daemon.h>

#include <cstring>

using namespace std::chrono_literals;

SystemdNotifier::SystemdNotifier(QObject *parent)
    : QObject(parent)
{
    uint64_t watchdogMicroseconds = 0;
    if (sd_watchdog_enabled(0, &watchdogMicroseconds) > 0 && watchdogMicroseconds > 0) {
        // Twice per interval, as sd_watchdog_enabled(3) advises, from the event loop itself: a
        // loop that stops turning stops the pings.
        const auto half =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::microseconds(watchdogMicroseconds) / 2);
        m_watchdog.setInterval(std::max(half, 1ms));
        connect(&m_watchdog, &QTimer::timeout, this, [this] { send("WATCHDOG=1"); });
        m_watchdog.start();
        qCInfo(lcLinux, "systemd watchdog: a ping every %lld ms", qlonglong(m_watchdog.interval()));
    }
}

void SystemdNotifier::ready(const QString &status)
{
    send("READY=1\nSTATUS=" + status.toUtf8());
}

void SystemdNotifier::reloading()
{
    send("RELOADING=1");
}

void SystemdNotifier::stopping()
{
    send("STOPPING=1");
}

void SystemdNotifier::send(const QByteArray &state)
{
    if (const int result = sd_notify(0, state.constData()); result < 0)
        qCWarning(lcLinux, "sd_notify: %s", strerror(-result));
}
