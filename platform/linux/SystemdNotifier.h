#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

// Tells systemd how qbmc is doing through sd_notify(3): READY=1 once the protocols listen,
// RELOADING=1 around a SIGHUP, STOPPING=1 at the end, and WATCHDOG=1 from the event loop at half
// the service's WatchdogSec=, so that a hung loop gets qbmc restarted. Started by anything other
// than systemd (no NOTIFY_SOCKET), it does nothing.
class SystemdNotifier : public QObject
{
    Q_OBJECT
public:
    explicit SystemdNotifier(QObject *parent = nullptr);

    bool isWatchdogEnabled() const { return m_watchdog.isActive(); }
    std::chrono::milliseconds watchdogInterval() const { return m_watchdog.intervalAsDuration(); }

    void ready(const QString &status);
    void reloading();
    void stopping();

private:
    void send(const QByteArray &state);

    QTimer m_watchdog;
};
