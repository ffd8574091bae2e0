#include "DaemonProcess.h"
#include "RedfishClients.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
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
    void clientsHangingUpAroundTheirAnswerLeaveItServing();
    void ambiguousHeadsAreRefused_data();
    void ambiguousHeadsAreRefused();
    void everyAnswerCarriesTheSecurityHeaders();
    void tls12OffersOnlyEcdheWithAead();
    void passwordsWithControlCharactersAreRefused();
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
    // Wrong passwords below must not lock the account the ordinary client uses.
    m_daemon->writeConfig("redfish:\n  max_connections: 128\naccounts:\n  lockout_threshold: 0\n");
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
    if (reply.status != 200)
        qWarning("the ordinary client got %d: %s %s", reply.status, qPrintable(reply.errors), reply.body.constData());
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

void tst_RedfishGuard::clientsHangingUpAroundTheirAnswerLeaveItServing()
{
    QProcess clients;
    clients.setProcessChannelMode(QProcess::MergedChannels);
    clients.start(u"/usr/bin/python3"_s,
                  {QStringLiteral(QBMC_SOURCE_DIR "/tests/integration/tls_hangups.py"),
                   QString::number(m_daemon->redfishPort()), u"40"_s});
    QVERIFY(clients.waitForFinished(240'000));
    QVERIFY2(clients.exitCode() == 0, clients.readAll().constData());
    QVERIFY2(m_daemon->process().state() == QProcess::Running, m_daemon->standardError().right(3000).constData());
    QCOMPARE(RedfishClients::curl(m_daemon->redfishPort(), u"GET"_s, u"/redfish/v1"_s).status, 200);
}

void tst_RedfishGuard::ambiguousHeadsAreRefused_data()
{
    QTest::addColumn<QByteArray>("head");
    const QByteArray get = "GET /redfish/v1 HTTP/1.1\r\nHost: x\r\n";
    QTest::newRow("NUL in a name") << get + QByteArray("X-A\0b: 1\r\n", 10);
    QTest::newRow("NUL in a value") << get + QByteArray("X-A: 1\0\r\n", 9);
    QTest::newRow("bare CR") << get + "X-A: 1\rX-B: 2\r\n";
    QTest::newRow("folded line") << get + "X-A: 1\r\n 2\r\n";
    QTest::newRow("space before colon") << get + "Content-Length : 0\r\n";
    QTest::newRow("no colon") << get + "X-A\r\n";
    QTest::newRow("two Content-Length") << get + "Content-Length: 0\r\nContent-Length: 0\r\n";
    QTest::newRow("Content-Length not a number") << get + "Content-Length: 1e3\r\n";
    QTest::newRow("negative Content-Length") << get + "Content-Length: -1\r\n";
    QTest::newRow("Content-Length and chunked") << get + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n";
    QTest::newRow("chunked not last") << get + "Transfer-Encoding: chunked, gzip\r\n";
}

// What two HTTP parsers could read in two ways (the guard and QHttpServer, or a proxy in front):
// 400 with HeaderInvalid, the connection closed, the daemon serving on.
void tst_RedfishGuard::ambiguousHeadsAreRefused()
{
    QFETCH(QByteArray, head);
    auto client = tlsClient();
    QVERIFY(client);
    client->write(head + "\r\n");
    const QByteArray answer = readAll(client.get(), 5000);
    QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.constData());
    QVERIFY(answer.contains("Base.1.22.HeaderInvalid"));
    QVERIFY(answer.contains("Strict-Transport-Security: max-age="));
    QVERIFY(ordinaryClientIsServed());
}

void tst_RedfishGuard::everyAnswerCarriesTheSecurityHeaders()
{
    for (const QString &path : {u"/redfish/v1"_s, u"/redfish/v1/Systems"_s, u"/nowhere"_s}) {
        const RedfishClients::Reply reply = RedfishClients::curl(m_daemon->redfishPort(), u"GET"_s, path);
        QCOMPARE(reply.header("x-content-type-options"), QByteArray("nosniff"));
        QCOMPARE(reply.header("strict-transport-security"), QByteArray("max-age=31536000"));
    }
}

// Every suite OpenSSL knows, offered one at a time with s_client: the ones the daemon accepts.
void tst_RedfishGuard::tls12OffersOnlyEcdheWithAead()
{
    QProcess list;
    list.start(u"openssl"_s, {u"ciphers"_s, u"-tls1_2"_s, u"ALL:COMPLEMENTOFALL:@SECLEVEL=0"_s});
    QVERIFY(list.waitForFinished(10000));
    const QStringList all = QString::fromLatin1(list.readAllStandardOutput()).trimmed().split(u':');
    QVERIFY(all.size() > 50);
    QStringList accepted;
    for (const QString &cipher : all) {
        QProcess client;
        client.start(u"openssl"_s,
                     {u"s_client"_s, u"-connect"_s, u"127.0.0.1:%1"_s.arg(m_daemon->redfishPort()), u"-tls1_2"_s,
                      u"-cipher"_s, cipher + u":@SECLEVEL=0"_s, u"-brief"_s});
        client.closeWriteChannel();
        QVERIFY(client.waitForFinished(10000));
        if (client.exitCode() == 0)
            accepted.append(cipher);
    }
    qInfo("TLS 1.2 suites accepted: %s", qPrintable(accepted.join(u' ')));
    QVERIFY(!accepted.isEmpty());
    for (const QString &cipher : std::as_const(accepted)) {
        QVERIFY2(cipher.startsWith(u"ECDHE-"_s), qPrintable(cipher));
        QVERIFY2(cipher.contains(u"GCM"_s) || cipher.contains(u"CHACHA20-POLY1305"_s), qPrintable(cipher));
        QVERIFY2(!cipher.contains(u"PSK"_s) && !cipher.contains(u"CBC"_s) && !cipher.endsWith(u"-SHA"_s),
                 qPrintable(cipher));
    }
    // TLS 1.3 stays as it is.
    QProcess tls13;
    tls13.start(
        u"openssl"_s,
        {u"s_client"_s, u"-connect"_s, u"127.0.0.1:%1"_s.arg(m_daemon->redfishPort()), u"-tls1_3"_s, u"-brief"_s});
    tls13.closeWriteChannel();
    QVERIFY(tls13.waitForFinished(10000));
    QCOMPARE(tls13.exitCode(), 0);
}

// libcrypt reads a password up to its first NUL: "<password>\0junk" must not pass, on Basic or in
// a session login, and neither must any other control character.
void tst_RedfishGuard::passwordsWithControlCharactersAreRefused()
{
    const quint16 port = m_daemon->redfishPort();
    const auto basic = [port](const QByteArray &credentials) {
        return RedfishClients::curl(port, u"GET"_s, u"/redfish/v1/Systems"_s,
                                    {u"-H"_s, u"Authorization: Basic "_s + QString::fromLatin1(credentials.toBase64())})
            .status;
    };
    const QByteArray admin = "admin:" + adminPassword.toUtf8();
    QCOMPARE(basic(admin), 200);
    QCOMPARE(basic(admin + QByteArray("\0junk", 5)), 401);
    QCOMPARE(basic(admin + "\x01"), 401);
    QCOMPARE(basic(QByteArray("adm\0in:", 8) + adminPassword.toUtf8()), 401);

    const auto login = [port](const QString &password) {
        const QJsonObject body{{u"UserName"_s, u"admin"_s}, {u"Password"_s, password}};
        return RedfishClients::curl(port, u"POST"_s, u"/redfish/v1/SessionService/Sessions"_s,
                                    {u"-H"_s, u"Content-Type: application/json"_s},
                                    QJsonDocument(body).toJson(QJsonDocument::Compact))
            .status;
    };
    QCOMPARE(login(adminPassword + QChar(0) + u"junk"_s), 401);
    QCOMPARE(login(adminPassword + u"\t"_s), 401);
    QVERIFY(ordinaryClientIsServed());
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
