#include "DaemonProcess.h"
#include "IpmiClients.h"
#include "PtyProcess.h"
#include "SerialPair.h"
#include "SetupMenuWalk.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
const QString admin = u"admin"_s;
const QString adminPassword = u"Sol-test-1"_s;
const QByteArray ipmitoolBanner = "[SOL Session operational.  Use ~? for help]";

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator(seed).fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
    return data;
}
} // namespace

// Serial-over-LAN end to end: the real daemon with a socat pseudo-terminal pair as the host's
// serial port, driven by ipmitool and freeipmi's ipmiconsole on terminals of their own.
class tst_Sol : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void textGoesBothWaysAndEscapeDotEnds();
    void breakReachesTheTransport();
    void secondActivationIsRefusedAndDeactivateReleasesIt();
    void ipmiconsoleWorks();
    void megabyteBurstArrivesIntact();
    void pacedOutputArrivesIntact();
    void unplugAndReplug();
    void simulatedHostAnswersBreak();
    void setupMenuWalkThroughIpmitool();

private:
    std::unique_ptr<PtyProcess> activate(const QStringList &options = {});
    void endSession(PtyProcess *sol);
    QByteArray payloadStatus();
    // Sends `data` from the host while reading the SoL client, at most `bytesPerSecond` (0: as
    // fast as the line takes it); returns what the client printed after its banner.
    QByteArray relay(PtyProcess *sol, const QByteArray &data, double bytesPerSecond);

    std::unique_ptr<DaemonProcess> m_daemon;
    std::unique_ptr<SerialPair> m_serial;
};

void tst_Sol::initTestCase()
{
    m_daemon = std::make_unique<DaemonProcess>();
    m_daemon->useLowIpmiPort();
    m_serial = std::make_unique<SerialPair>(m_daemon->path(u"ttyBMC"_s), m_daemon->path(u"ttyHOST"_s));
    QVERIFY(m_serial->start());
    m_daemon->setEnvironmentValue(u"QBMC_ADMIN_PASSWORD"_s, adminPassword);
    m_daemon->writeConfig("ipmi:\n  sol:\n    device: " + m_serial->bmcPath().toUtf8() + "\n");
    QVERIFY2(m_daemon->start(), m_daemon->standardError().constData());
    QVERIFY(m_daemon->waitForOutput("qbmc.console: serial console on " + m_serial->bmcPath().toUtf8()));
}

void tst_Sol::cleanupTestCase()
{
    QVERIFY(m_daemon->stop() >= 0ms);
    m_serial.reset();
    m_daemon.reset();
}

std::unique_ptr<PtyProcess> tst_Sol::activate(const QStringList &options)
{
    auto sol = std::make_unique<PtyProcess>();
    const QStringList arguments{
        u"-I"_s, u"lanplus"_s, u"-H"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(m_daemon->ipmiPort()),
        u"-U"_s, admin,        u"-P"_s, adminPassword};
    // options: e.g. {"-N", "1", "-R", "1"} for a client that gives up on the BMC quickly
    if (!sol->start(u"ipmitool"_s, arguments + options + QStringList{u"sol"_s, u"activate"_s}))
        return nullptr;
    if (!sol->waitForOutput(ipmitoolBanner, 30s)) {
        qWarning("ipmitool said: %s", sol->output().constData());
        return nullptr;
    }
    return sol;
}

void tst_Sol::endSession(PtyProcess *sol)
{
    sol->type("\r~.");
    QCOMPARE(sol->waitForExit(30s), 0);
    QVERIFY(sol->output().contains("[terminated ipmitool]"));
}

QByteArray tst_Sol::payloadStatus()
{
    const ClientResult result =
        IpmiClients::ipmitool(m_daemon->ipmiPort(), admin, adminPassword, {u"raw"_s, u"0x06"_s, u"0x4a"_s, u"0x01"_s});
    return result.output.trimmed().toLatin1();
}

QByteArray tst_Sol::relay(PtyProcess *sol, const QByteArray &data, double bytesPerSecond)
{
    // The host's output starts on the line after ipmitool's banner.
    if (!sol->waitForOutput("\n", 30s, sol->output().indexOf(ipmitoolBanner)))
        return {};
    const qsizetype from = sol->output().indexOf('\n', sol->output().indexOf(ipmitoolBanner)) + 1;
    QElapsedTimer clock;
    clock.start();
    qsizetype sent = 0;
    const auto deadline = 300s;
    while (sol->output().size() - from < data.size() && clock.elapsed() < deadline.count() * 1000) {
        qsizetype allowed = data.size();
        if (bytesPerSecond > 0)
            allowed = std::min(data.size(), qsizetype(double(clock.elapsed()) * bytesPerSecond / 1000.0));
        pollfd descriptors[2] = {{sol->masterFd(), POLLIN, 0},
                                 {m_serial->hostFd(), short(sent < allowed ? POLLOUT : 0), 0}};
        ::poll(descriptors, 2, 10);
        if (descriptors[0].revents & POLLIN)
            sol->readAvailable();
        if (sent < allowed && (descriptors[1].revents & POLLOUT)) {
            const ssize_t written =
                ::write(m_serial->hostFd(), data.constData() + sent, size_t(std::min<qsizetype>(allowed - sent, 4096)));
            if (written > 0)
                sent += written;
        }
    }
    const double seconds = double(clock.elapsed()) / 1000.0;
    qInfo("%lld bytes in %.2f s: %.0f bytes/s through SoL", qlonglong(data.size()), seconds,
          double(data.size()) / seconds);
    return sol->output().mid(from, data.size());
}

void tst_Sol::textGoesBothWaysAndEscapeDotEnds()
{
    std::unique_ptr<PtyProcess> sol = activate();
    QVERIFY(sol);
    QCOMPARE(payloadStatus(), QByteArray("01 01 00"));

    QVERIFY(m_serial->hostWrites("Debian GNU/Linux 12 host ttyS0\r\n\r\nhost login: "));
    QVERIFY2(sol->waitForOutput("host login: ", 30s), sol->output().constData());

    sol->type("root\r");
    QByteArray atHost;
    QTRY_VERIFY_WITH_TIMEOUT((atHost += m_serial->hostReads()).contains("root\r"), 30000);

    endSession(sol.get());
    QTRY_COMPARE_WITH_TIMEOUT(m_daemon->logCount("Serial-over-LAN ended: ended by its client"), 1, 30000);
    QCOMPARE(payloadStatus(), QByteArray("01 00 00"));
}

void tst_Sol::breakReachesTheTransport()
{
    std::unique_ptr<PtyProcess> sol = activate();
    QVERIFY(sol);
    const qsizetype before =
        m_daemon->logCount("qbmc.serial: serial break for 300 ms on " + m_serial->bmcPath().toUtf8());
    sol->type("\r~B");
    QVERIFY(sol->waitForOutput("[send break]", 30s));
    // A pseudo-terminal carries no break: the transport's own log line is the evidence.
    QTRY_COMPARE_WITH_TIMEOUT(
        m_daemon->logCount("qbmc.serial: serial break for 300 ms on " + m_serial->bmcPath().toUtf8()), before + 1,
        30000);
    endSession(sol.get());
}

void tst_Sol::secondActivationIsRefusedAndDeactivateReleasesIt()
{
    std::unique_ptr<PtyProcess> first = activate({u"-N"_s, u"1"_s, u"-R"_s, u"1"_s});
    QVERIFY(first);

    PtyProcess second;
    QVERIFY(
        second.start(u"ipmitool"_s,
                     {u"-I"_s, u"lanplus"_s, u"-H"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(m_daemon->ipmiPort()),
                      u"-U"_s, admin, u"-P"_s, adminPassword, u"sol"_s, u"activate"_s}));
    QVERIFY(second.waitForExit(30s) != 0);
    QVERIFY2(second.output().contains("SOL payload already active on another session"), second.output().constData());

    const ClientResult deactivate =
        IpmiClients::ipmitool(m_daemon->ipmiPort(), admin, adminPassword, {u"sol"_s, u"deactivate"_s});
    QVERIFY2(deactivate.exitCode == 0, qPrintable(deactivate.errors));
    QCOMPARE(payloadStatus(), QByteArray("01 00 00"));
    QVERIFY(m_daemon->waitForOutput("Serial-over-LAN ended: ended by admin from another session"));
    // The first client's session is closed with it; ipmitool notices at its next keepalive.
    QVERIFY(first->waitForExit(120s) >= 0);
    QVERIFY2(first->output().contains("Terminating session") || first->output().contains("SOL session closed by BMC"),
             first->output().constData());
}

void tst_Sol::ipmiconsoleWorks()
{
    PtyProcess console;
    QVERIFY(
        console.start(u"ipmiconsole"_s,
                      {u"-h"_s, u"127.0.0.1:%1"_s.arg(m_daemon->ipmiPort()), u"-u"_s, admin, u"-p"_s, adminPassword}));
    QVERIFY2(console.waitForOutput("[SOL established]", 30s), console.output().constData());
    QVERIFY(m_serial->hostWrites("freeipmi sees this\r\n"));
    QVERIFY(console.waitForOutput("freeipmi sees this", 30s));
    console.type("uptime\r");
    QByteArray atHost;
    QTRY_VERIFY_WITH_TIMEOUT((atHost += m_serial->hostReads()).contains("uptime\r"), 30000);
    console.type("&.");
    QCOMPARE(console.waitForExit(30s), 0);
    QTRY_COMPARE_WITH_TIMEOUT(payloadStatus(), QByteArray("01 00 00"), 30000);
}

void tst_Sol::megabyteBurstArrivesIntact()
{
    std::unique_ptr<PtyProcess> sol = activate();
    QVERIFY(sol);
    const QByteArray data = randomBytes(1024 * 1024, 4);
    const QByteArray received = relay(sol.get(), data, 0);
    QCOMPARE(received.size(), data.size());
    QCOMPARE(QCryptographicHash::hash(received, QCryptographicHash::Sha256),
             QCryptographicHash::hash(data, QCryptographicHash::Sha256));
    endSession(sol.get());
}

void tst_Sol::pacedOutputArrivesIntact()
{
    std::unique_ptr<PtyProcess> sol = activate();
    QVERIFY(sol);
    // 128 KiB as a 115200-baud line delivers it: 11520 characters a second, about 11 s.
    const QByteArray data = randomBytes(128 * 1024, 5);
    const QByteArray received = relay(sol.get(), data, 11520);
    QCOMPARE(QCryptographicHash::hash(received, QCryptographicHash::Sha256),
             QCryptographicHash::hash(data, QCryptographicHash::Sha256));
    endSession(sol.get());

    // No retransmission storm: the daemon counts what it had to send again.
    QTRY_VERIFY_WITH_TIMEOUT(m_daemon->logCount("sent again)") > 0, 30000);
    const QRegularExpression counts(u"ended by its client \\((\\d+) packets, (\\d+) sent again\\)"_s);
    QRegularExpressionMatch last;
    for (const QRegularExpressionMatch &match : counts.globalMatch(QString::fromUtf8(m_daemon->standardError())))
        last = match;
    QVERIFY(last.hasMatch());
    const int packets = last.captured(1).toInt();
    const int again = last.captured(2).toInt();
    qInfo("%d packets, %d sent again", packets, again);
    QVERIFY2(again <= packets / 20 + 5, qPrintable(last.captured(0)));
}

void tst_Sol::unplugAndReplug()
{
    std::unique_ptr<PtyProcess> sol = activate();
    QVERIFY(sol);
    const qsizetype lost = m_daemon->logCount("Serial console " + m_serial->bmcPath().toUtf8());
    m_serial->stop();
    QTRY_VERIFY_WITH_TIMEOUT(m_daemon->logCount("lost (") > 0, 30000);
    // Still serving.
    const ClientResult status =
        IpmiClients::ipmitool(m_daemon->ipmiPort(), admin, adminPassword, {u"chassis"_s, u"power"_s, u"status"_s});
    QCOMPARE(status.exitCode, 0);

    QElapsedTimer replug;
    replug.start();
    QVERIFY(m_serial->start());
    QTRY_VERIFY_WITH_TIMEOUT(
        m_daemon->logCount("] Serial console " + m_serial->bmcPath().toUtf8() + " at 115200 8N1 connected") > 0, 30000);
    qInfo("picked up again after %lld ms", qlonglong(replug.elapsed()));
    QCOMPARE(m_daemon->logCount("Serial console " + m_serial->bmcPath().toUtf8()), lost + 2); // one line each way

    // The SoL session carried on across it.
    QVERIFY(m_serial->hostWrites("back again\r\n"));
    QVERIFY2(sol->waitForOutput("back again", 30s), sol->output().constData());
    endSession(sol.get());
}

void tst_Sol::simulatedHostAnswersBreak()
{
    DaemonProcess daemon;
    daemon.setEnvironmentValue(u"QBMC_ADMIN_PASSWORD"_s, adminPassword);
    daemon.writeConfig("host:\n  sim:\n    power_on_delay: 0.2\n");
    QVERIFY2(daemon.start(), daemon.standardError().constData());
    QCOMPARE(
        IpmiClients::ipmitool(daemon.ipmiPort(), admin, adminPassword, {u"chassis"_s, u"power"_s, u"on"_s}).exitCode,
        0);

    PtyProcess sol;
    QVERIFY(sol.start(u"ipmitool"_s,
                      {u"-I"_s, u"lanplus"_s, u"-H"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(daemon.ipmiPort()),
                       u"-U"_s, admin, u"-P"_s, adminPassword, u"sol"_s, u"activate"_s}));
    QVERIFY(sol.waitForOutput(ipmitoolBanner, 30s));
    // A host that is still off hears no break: wait for it to boot.
    QVERIFY(sol.waitForOutput("Linux version", 30s));
    sol.type("\r~B");
    QVERIFY2(sol.waitForOutput("sysrq: HELP", 30s), sol.output().constData());
    sol.type("\r~.");
    QCOMPARE(sol.waitForExit(30s), 0);
}

// The firmware's setup through ipmitool's SoL: the keys reach the host, and what comes back draws
// the same screen in the client's terminal.
void tst_Sol::setupMenuWalkThroughIpmitool()
{
    DaemonProcess daemon;
    daemon.setEnvironmentValue(u"QBMC_ADMIN_PASSWORD"_s, adminPassword);
    daemon.writeConfig("host:\n  sim:\n    power_on_delay: 0.2\n    setup_wait: 20\n");
    QVERIFY2(daemon.start(), daemon.standardError().constData());
    PtyProcess sol;
    QVERIFY(sol.start(u"ipmitool"_s,
                      {u"-I"_s, u"lanplus"_s, u"-H"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(daemon.ipmiPort()),
                       u"-U"_s, admin, u"-P"_s, adminPassword, u"sol"_s, u"activate"_s}));
    QVERIFY(sol.waitForOutput(ipmitoolBanner, 30s));
    QCOMPARE(
        IpmiClients::ipmitool(daemon.ipmiPort(), admin, adminPassword, {u"chassis"_s, u"power"_s, u"on"_s}).exitCode,
        0);
    QVERIFY2(sol.waitForOutput(SetupMenuWalk::prompt.toByteArray(), 30s), sol.output().constData());
    for (const SetupMenuWalk::Step &step : SetupMenuWalk::steps()) {
        sol.type(step.keys);
        QVERIFY2(sol.waitForOutput(step.shows, 30s), step.shows.constData());
    }
    const QString fault = SetupMenuWalk::screenFaultIn(sol.output());
    QVERIFY2(fault.isEmpty(), qPrintable(fault));
    sol.type("\r~.");
    QCOMPARE(sol.waitForExit(30s), 0);
}

QTEST_GUILESS_MAIN(tst_Sol)
#include "tst_sol.moc"
