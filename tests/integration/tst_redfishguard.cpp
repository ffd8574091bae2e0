#include "DaemonProcess.h"
#include "RedfishClients.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>

#include <sys/resource.h>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {
const QString adminPassword = u"Guard-test-1"_s;
} // namespace

// The guard of the real daemon against hostile or broken clients: while they do their worst, an
// ordinary client keeps getting answers, and the daemon's memory stays bounded.
class tst_RedfishGuard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void headSendsNoBody();
    void thousandsOfIdleConnections();
    void slowlorisIsCutOff();
    void hugeBodyIsRefusedAsItArrives();
    void hugeHeaderIsRefused();
    void garbage();
    void memoryStaysBounded();

private:
    std::unique_ptr<QSslSocket> tlsClient();
    QByteArray readAll(QAbstractSocket *socket, int timeoutMs, const QByteArray &until = {});
    bool ordinaryClientIsServed();

    std::unique_ptr<DaemonProcess> m_daemon;
};

void tst_RedfishGuard::initTestCase()
{
    // Thousands of sockets in this process.
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);

    m_daemon = std::make_unique<DaemonProcess>();
    m_daemon->setEnvironmentValue(u"QBMC_ADMIN_PASSWORD"_s, adminPassword);
    m_daemon->writeConfig("redfish:\n  max_connections: 128\n");
    QVERIFY2(m_daemon->start(), m_daemon->standardError().constData());
}

void tst_RedfishGuard::cleanupTestCase()
{
    m_daemon.reset();
}

std::unique_ptr<QSslSocket> tst_RedfishGuard::tlsClient()
{
    auto socket = std::make_unique<QSslSocket>();
    socket->setPeerVerifyMode(QSslSocket::VerifyNone);
    socket->connectToHostEncrypted(u"127.0.0.1"_s, m_daemon->redfishPort());
    if (!socket->waitForEncrypted(10000))
        return nullptr;
    return socket;
}

QByteArray tst_RedfishGuard::readAll(QAbstractSocket *socket, int timeoutMs, const QByteArray &until)
{
    QByteArray received;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs && socket->state() == QAbstractSocket::ConnectedState
           && (until.isEmpty() || !received.contains(until))) {
        socket->waitForReadyRead(50);
        received += socket->readAll();
    }
    return received + socket->readAll();
}

bool tst_RedfishGuard::ordinaryClientIsServed()
{
    const RedfishClients::Reply reply = RedfishClients::curl(
        m_daemon->redfishPort(), u"GET"_s, u"/redfish/v1/Systems"_s, {u"-u"_s, u"admin:"_s + adminPassword});
    return reply.status == 200;
}

void tst_RedfishGuard::headSendsNoBody()
{
    auto client = tlsClient();
    QVERIFY(client);
    client->write("HEAD /redfish/v1 HTTP/1.1\r\nHost: x\r\n\r\nGET /redfish HTTP/1.1\r\nHost: x\r\n\r\n");
    const QByteArray answer = readAll(client.get(), 10000, "/redfish/v1/");
    // The HEAD answer's headers, then at once the GET's status line: no body in between.
    const qsizetype headEnd = answer.indexOf("\r\n\r\n");
    QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
    QVERIFY(answer.contains("Content-Length: "));
    QVERIFY2(answer.mid(headEnd + 4).startsWith("HTTP/1.1 200"), answer.constData());
}

void tst_RedfishGuard::thousandsOfIdleConnections()
{
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    for (int i = 0; i < 2000; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, m_daemon->redfishPort());
        idle.push_back(std::move(socket));
        if (i % 100 == 99)
            QTest::qWait(10);
    }
    QElapsedTimer clock;
    clock.start();
    QVERIFY(ordinaryClientIsServed());
    qInfo("a request behind 2000 idle connections took %lld ms", qlonglong(clock.elapsed()));
    idle.clear();
    QVERIFY(ordinaryClientIsServed());
}

void tst_RedfishGuard::slowlorisIsCutOff()
{
    auto slow = tlsClient();
    QVERIFY(slow);
    slow->write("GET /redfish/v1 HTTP/1.1\r\n");
    QElapsedTimer clock;
    clock.start();
    // One header byte every half second: the request never completes.
    while (slow->state() == QAbstractSocket::ConnectedState && clock.elapsed() < 60000) {
        slow->write("X");
        slow->waitForBytesWritten(100);
        QVERIFY(ordinaryClientIsServed());
        slow->waitForReadyRead(500);
    }
    QCOMPARE(slow->state(), QAbstractSocket::UnconnectedState);
    qInfo("the slow request was cut off after %lld ms", qlonglong(clock.elapsed()));
}

void tst_RedfishGuard::hugeBodyIsRefusedAsItArrives()
{
    auto client = tlsClient();
    QVERIFY(client);
    client->write("POST /redfish/v1/SessionService/Sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  "Content-Length: 52428800\r\n\r\n");
    const QByteArray chunk(64 * 1024, 'x');
    QByteArray answer;
    qint64 sent = 0;
    while (client->state() == QAbstractSocket::ConnectedState && sent < 52428800 && !answer.contains("\r\n\r\n")) {
        client->write(chunk);
        sent += chunk.size();
        client->waitForBytesWritten(100);
        answer += client->readAll();
    }
    answer += readAll(client.get(), 10000, "}}");
    QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.left(200).constData());
    QVERIFY(answer.contains("Base.1.22.PayloadTooLarge"));
    qInfo("refused after %lld of 52428800 bytes were sent", qlonglong(sent));
    QVERIFY(ordinaryClientIsServed());
}

void tst_RedfishGuard::hugeHeaderIsRefused()
{
    auto client = tlsClient();
    QVERIFY(client);
    client->write("GET /redfish/v1 HTTP/1.1\r\nHost: x\r\nX-Filler: " + QByteArray(64 * 1024, 'a') + "\r\n\r\n");
    const QByteArray answer = readAll(client.get(), 10000, "}}");
    QVERIFY2(answer.startsWith("HTTP/1.1 431 "), answer.left(200).constData());
    QVERIFY(ordinaryClientIsServed());
}

void tst_RedfishGuard::garbage()
{
    QRandomGenerator generator(7);
    // Not TLS at all.
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, m_daemon->redfishPort());
    QVERIFY(raw.waitForConnected(5000));
    QByteArray noise(4096, Qt::Uninitialized);
    generator.fillRange(reinterpret_cast<quint32 *>(noise.data()), noise.size() / 4);
    raw.write(noise);
    readAll(&raw, 5000);
    // TLS, then noise instead of HTTP.
    auto client = tlsClient();
    QVERIFY(client);
    client->write(noise);
    client->write("\r\n\r\n");
    readAll(client.get(), 5000);
    QVERIFY(ordinaryClientIsServed());
    QVERIFY(m_daemon->process().state() == QProcess::Running);
}

void tst_RedfishGuard::memoryStaysBounded()
{
    QFile status(u"/proc/%1/status"_s.arg(m_daemon->process().processId()));
    QVERIFY(status.open(QIODevice::ReadOnly));
    qint64 rssKiB = 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            rssKiB = line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    qInfo("qbmc RSS after the guard tests: %.1f MiB", double(rssKiB) / 1024.0);
    if (qEnvironmentVariableIsSet("ASAN_OPTIONS"))
        QSKIP("memory figures mean nothing under AddressSanitizer");
    QVERIFY2(rssKiB < 100 * 1024, qPrintable(u"%1 KiB"_s.arg(rssKiB)));
}

QTEST_GUILESS_MAIN(tst_RedfishGuard)
#include "tst_redfishguard.moc"
