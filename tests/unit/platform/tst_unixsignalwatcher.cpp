#include "linux/UnixSignalWatcher.h"

#include <QSignalSpy>
#include <QTest>

#include <csignal>

class tst_UnixSignalWatcher : public QObject
{
    Q_OBJECT

private slots:
    void deliversOnTheEventLoop();
};

void tst_UnixSignalWatcher::deliversOnTheEventLoop()
{
    UnixSignalWatcher::blockInThisThread({SIGHUP, SIGUSR1});
    UnixSignalWatcher watcher({SIGHUP, SIGUSR1});
    QVERIFY(watcher.isValid());
    QSignalSpy received(&watcher, &UnixSignalWatcher::received);
    // raise() targets this thread, where the signals are blocked. A process-wide kill() could land
    // on Qt Test's watchdog thread, started before the mask was set; qbmc's main() blocks them
    // before any thread exists, so the daemon itself has no such thread.
    ::raise(SIGHUP);
    ::raise(SIGUSR1);
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, 5000);
    QCOMPARE(received.at(0).at(0).toInt(), SIGHUP);
    QCOMPARE(received.at(1).at(0).toInt(), SIGUSR1);
}

QTEST_GUILESS_MAIN(tst_UnixSignalWatcher)
#include "tst_unixsignalwatcher.moc"
