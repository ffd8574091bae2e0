#pragma once

#include <QList>
#include <QObject>
#include <QSocketNotifier>

#include <memory>

// Delivers Unix signals (SIGTERM, SIGINT, SIGHUP) as a Qt signal on the event loop, through a
// signalfd: no work happens in signal context. blockInThisThread() must run before any thread
// starts, so that every thread inherits the blocked mask and the signals reach only the fd.
class UnixSignalWatcher : public QObject
{
    Q_OBJECT
public:
    static void blockInThisThread(const QList<int> &signalNumbers);

    explicit UnixSignalWatcher(const QList<int> &signalNumbers, QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

    bool isValid() const { return m_fd >= 0; }

signals:
    void received(int signalNumber);

private:
    void readSignals();

    int m_fd = -1;
    std::unique_ptr<QSocketNotifier> m_notifier;
};
