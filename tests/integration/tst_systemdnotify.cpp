#include "DaemonProcess.h"
#include "IpmiClients.h"
#include "RedfishClients.h"

#include <QSocketNotifier>
#include <QTest>

#include <csignal>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
// What systemd listens on for a Type=notify service: a datagram socket named by NOTIFY_SOCKET.
class NotifySocket
{
public:
    explicit NotifySocket(const QString &path)
    {
        m_fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray encoded = path.toLocal8Bit();
        qstrncpy(address.sun_path, encoded.constData(), sizeof address.sun_path);
        if (m_fd < 0 || bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
            qFatal("cannot bind %s", encoded.constData());
    }
    ~NotifySocket() { close(m_fd); }

    // Messages as they arrive, each with the milliseconds since the first call.
    QList<std::pair<qint64, QByteArray>> receive()
    {
        if (!m_clock.isValid())
            m_clock.start();
        char buffer[4096];
        for (;;) {
            const ssize_t size = recv(m_fd, buffer, sizeof buffer, 0);
            if (size <= 0)
                break;
            m_messages.emplaceBack(m_clock.elapsed(), QByteArray(buffer, size));
        }
        return m_messages;
    }
    bool waitFor(const QByteArray &state, int from = 0, int timeoutMs = 30000)
    {
        return QTest::qWaitFor([&] { return indexOf(state, from) >= 0; }, timeoutMs);
    }
    int indexOf(const QByteArray &state, int from = 0)
    {
        const auto messages = receive();
        for (int i = from; i < messages.size(); ++i) {
            if (messages.at(i).second.split('\n').contains(state))
                return i;
        }
        return -1;
    }

private:
    int m_fd = -1;
    QElapsedTimer m_clock;
    QList<std::pair<qint64, QByteArray>> m_messages;
};
} // namespace

// qbmc as systemd runs it (Type=notify, WatchdogSec=): READY=1 once IPMI and Redfish answer,
// WATCHDOG=1 from the event loop at half the interval, RELOADING=1 and READY=1 around SIGHUP,
// STOPPING=1 at the end.
class tst_SystemdNotify : public QObject
{
    Q_OBJECT
private slots:
    void readyWatchdogReloadStop();
    void nothingWithoutSystemd();
    void journalPriorities();
    void noPrioritiesOnAnotherStream();
};

void tst_SystemdNotify::readyWatchdogReloadStop()
{
    DaemonProcess daemon;
    daemon.writeConfig("");
    NotifySocket notify(daemon.path(u"notify"_s));
    daemon.setEnvironmentValue(u"NOTIFY_SOCKET"_s, daemon.path(u"notify"_s));
    daemon.setEnvironmentValue(u"WATCHDOG_USEC"_s, u"400000"_s);
    daemon.setEnvironmentValue(u"QBMC_ADMIN_PASSWORD"_s, u"Admin-Pass-1"_s);
    QVERIFY(daemon.start());

    QVERIFY(notify.waitFor("READY=1"));
    // Ready means answering, at once.
    const auto ipmi =
        IpmiClients::ipmitool(daemon.ipmiPort(), u"admin"_s, u"Admin-Pass-1"_s, {u"power"_s, u"status"_s});
    QVERIFY2(ipmi.exitCode == 0, qPrintable(ipmi.errors));
    QCOMPARE(RedfishClients::curl(daemon.redfishPort(), u"GET"_s, u"/redfish/v1"_s).status, 200);
    const int ready = notify.indexOf("READY=1");
    QVERIFY(notify.receive().at(ready).second.contains("STATUS=IPMI on UDP port"));

    // The watchdog: every 200 ms while the loop turns.
    const qsizetype before = notify.receive().size();
    QElapsedTimer watching;
    watching.start();
    while (watching.elapsed() < 2000) { // each message stamped within 10 ms of its arrival
        notify.receive();
        QTest::qWait(10);
    }
    QList<qint64> pings;
    for (const auto &[time, message] : notify.receive().mid(before)) {
        if (message == "WATCHDOG=1")
            pings.append(time);
    }
    QVERIFY2(pings.size() >= 6 && pings.size() <= 14, qPrintable(u"%1 pings in 2 s"_s.arg(pings.size())));
    qint64 longestGap = 0;
    for (qsizetype i = 1; i < pings.size(); ++i)
        longestGap = std::max(longestGap, pings.at(i) - pings.at(i - 1));
    qInfo("%lld watchdog pings in 2 s, the longest gap %lld ms (WatchdogSec 400 ms)", qlonglong(pings.size()),
          qlonglong(longestGap));

    const int afterPings = int(notify.receive().size());
    ::kill(pid_t(daemon.process().processId()), SIGHUP);
    QVERIFY(notify.waitFor("RELOADING=1", afterPings));
    QVERIFY(notify.waitFor("READY=1", notify.indexOf("RELOADING=1", afterPings)));
    QVERIFY(daemon.waitForOutput("SIGHUP: reloaded"));

    const int beforeStop = int(notify.receive().size());
    QVERIFY(daemon.stop() >= 0ms);
    QVERIFY(notify.indexOf("STOPPING=1", beforeStop) >= 0);
}

void tst_SystemdNotify::nothingWithoutSystemd()
{
    DaemonProcess daemon;
    daemon.writeConfig("");
    QVERIFY(daemon.start());
    QVERIFY(daemon.stop() >= 0ms);
    QCOMPARE(daemon.process().exitCode(), 0);
    QVERIFY(!daemon.standardError().contains("sd_notify"));
    QVERIFY(!daemon.standardError().contains("watchdog"));
}

namespace {
QString journalStreamOf(const QString &path)
{
    struct stat status
    {
    };
    if (stat(QFile::encodeName(path).constData(), &status) != 0)
        return {};
    return u"%1:%2"_s.arg(qulonglong(status.st_dev)).arg(qulonglong(status.st_ino));
}
} // namespace

// Under systemd, standard error is the journal's stream: each line carries its syslog priority,
// so the first-start password (a warning) reaches `journalctl -p warning` and the console.
void tst_SystemdNotify::journalPriorities()
{
    DaemonProcess daemon;
    daemon.writeConfig("");
    const QString journal = daemon.path(u"journal"_s);
    QVERIFY(QFile(journal).open(QIODevice::WriteOnly));
    daemon.setEnvironmentValue(u"JOURNAL_STREAM"_s, journalStreamOf(journal));
    daemon.process().setStandardErrorFile(journal, QIODevice::Append);
    daemon.launch();
    const auto logged = [&] {
        QFile file(journal);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    QTRY_VERIFY_WITH_TIMEOUT(logged().contains("<6>qbmc.app: ready"), 30000);
    QVERIFY2(logged().contains("<4>qbmc.accounts: warning: first start: created the administrator"), logged());
    QVERIFY(daemon.stop() >= 0ms);
    for (const QByteArray &line : logged().split('\n')) {
        if (!line.isEmpty())
            QVERIFY2(line.size() > 3 && line.startsWith('<') && line.at(2) == '>', line);
    }
}

void tst_SystemdNotify::noPrioritiesOnAnotherStream()
{
    DaemonProcess daemon;
    daemon.writeConfig("");
    // Inherited from a service whose standard error was the journal, but this one is a pipe.
    daemon.setEnvironmentValue(u"JOURNAL_STREAM"_s, journalStreamOf(daemon.configFile()));
    QVERIFY(daemon.start());
    QVERIFY(daemon.stop() >= 0ms);
    QVERIFY(daemon.standardError().startsWith("qbmc."));
    QVERIFY(!daemon.standardError().contains("<6>"));
}

QTEST_GUILESS_MAIN(tst_SystemdNotify)
#include "tst_systemdnotify.moc"
