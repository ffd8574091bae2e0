#include "ConnectionGuard.h"
#include "GuardedTcpServer.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// The guard in front of a real QHttpServer on loopback, with raw sockets as clients.
class tst_ConnectionGuard : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void keepAliveServesRequestAfterRequest();
    void connectionCloseIsHonoured();
    void headerTooLargeIs431();
    void bodyTooLargeIs413BeforeItArrives();
    void chunkedBodyTooLargeIs413();
    void slowRequestIsClosed();
    void idleConnectionIsClosed();
    void capEvictsTheLongestIdle();
    void silentConnectionsGoBeforeOnesThatSpoke();
    void upgradeHandlerTakesTheConnection();
    void upgradeHandlerSeesASplitHeadWhole();
    void declinedUpgradeGoesToTheServer();

private:
    // Takes requests with `Upgrade: test` and, once the guard has let go, echoes what the
    // connection sends, the request head included.
    void takeTestUpgrades();

    std::unique_ptr<QTcpSocket> connectClient();
    QByteArray readUntilClosedOr(QTcpSocket *socket, const QByteArray &text, int timeoutMs = 5000);

    ConnectionGuard::Limits m_limits;
    std::unique_ptr<ConnectionGuard> m_guard;
    std::unique_ptr<QHttpServer> m_http;
    GuardedTcpServer *m_server = nullptr;
};

void tst_ConnectionGuard::init()
{
    m_limits = {};
    m_limits.maxConnections = 4;
    m_limits.idleTimeout = 1s;
    m_limits.requestTimeout = 500ms;
    m_limits.maxHeaderBytes = 1024;
    m_limits.maxBodyBytes = 4096;
    m_guard = std::make_unique<ConnectionGuard>(m_limits);
    m_http = std::make_unique<QHttpServer>();
    m_http->setMissingHandler([](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        responder.write("body " + QByteArray::number(request.body().size()), "text/plain");
    });
    m_server = new GuardedTcpServer(m_guard.get());
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    m_http->bind(m_server);
}

void tst_ConnectionGuard::cleanup()
{
    m_http.reset();
    m_guard.reset();
}

std::unique_ptr<QTcpSocket> tst_ConnectionGuard::connectClient()
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(QHostAddress::LocalHost, m_server->serverPort());
    if (!socket->waitForConnected(5000))
        return nullptr;
    QTest::qWait(20); // let the server accept it
    return socket;
}

QByteArray tst_ConnectionGuard::readUntilClosedOr(QTcpSocket *socket, const QByteArray &text, int timeoutMs)
{
    QByteArray received;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs && socket->state() == QAbstractSocket::ConnectedState
           && (text.isEmpty() || !received.contains(text))) {
        QTest::qWait(10);
        received += socket->readAll();
    }
    received += socket->readAll();
    return received;
}

void tst_ConnectionGuard::keepAliveServesRequestAfterRequest()
{
    auto client = connectClient();
    QVERIFY(client);
    client->write("GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(readUntilClosedOr(client.get(), "body 0").contains("200 OK"));
    client->write("POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
    QVERIFY(readUntilClosedOr(client.get(), "body 5").contains("body 5"));
    QCOMPARE(client->state(), QAbstractSocket::ConnectedState);
}

void tst_ConnectionGuard::connectionCloseIsHonoured()
{
    auto client = connectClient();
    QVERIFY(client);
    client->write("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    QVERIFY(readUntilClosedOr(client.get(), {}, 5000).contains("body 0"));
    QCOMPARE(client->state(), QAbstractSocket::UnconnectedState);
}

void tst_ConnectionGuard::headerTooLargeIs431()
{
    auto client = connectClient();
    QVERIFY(client);
    client->write("GET / HTTP/1.1\r\nX-Filler: " + QByteArray(2000, 'a') + "\r\n\r\n");
    const QByteArray answer = readUntilClosedOr(client.get(), {});
    QVERIFY2(answer.startsWith("HTTP/1.1 431 "), answer.constData());
    QVERIFY(answer.contains("\"code\":\"Base.1.22.GeneralError\""));
    QCOMPARE(m_guard->counters().headerTooLarge, quint64(1));
    QCOMPARE(client->state(), QAbstractSocket::UnconnectedState);
}

void tst_ConnectionGuard::bodyTooLargeIs413BeforeItArrives()
{
    auto client = connectClient();
    QVERIFY(client);
    client->write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 50000000\r\n\r\n");
    const QByteArray answer = readUntilClosedOr(client.get(), {});
    QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.constData());
    QVERIFY(answer.contains("Base.1.22.PayloadTooLarge"));
}

void tst_ConnectionGuard::chunkedBodyTooLargeIs413()
{
    auto client = connectClient();
    QVERIFY(client);
    client->write("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
    // Writing stops once the answer is there: bytes sent into a closed connection make the
    // kernel reset it, and a reset throws away what the client had not read yet.
    QByteArray answer;
    for (int i = 0; i < 40 && client->state() == QAbstractSocket::ConnectedState && answer.isEmpty(); ++i) {
        client->write("1000\r\n" + QByteArray(4096, 'x') + "\r\n");
        client->flush();
        QTest::qWait(10);
        answer += client->readAll();
    }
    answer += readUntilClosedOr(client.get(), {});
    QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.constData());
}

void tst_ConnectionGuard::slowRequestIsClosed()
{
    auto client = connectClient();
    QVERIFY(client);
    client->write("GET / HTTP/1.1\r\nHost: x\r\n");
    // Still trickling in after the request time-out: gone. Others are served meanwhile.
    for (int i = 0; i < 10; ++i) {
        client->write("X-A: b\r\n");
        QTest::qWait(100);
    }
    // Connected only now: an idle connection would itself be closed after the idle time-out.
    auto other = connectClient();
    QVERIFY(other);
    other->write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(readUntilClosedOr(other.get(), "body 0").contains("200 OK"));
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), QAbstractSocket::UnconnectedState, 5000);
    QCOMPARE(m_guard->counters().slowClosed, quint64(1));
}

void tst_ConnectionGuard::idleConnectionIsClosed()
{
    auto client = connectClient();
    QVERIFY(client);
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), QAbstractSocket::UnconnectedState, 10000);
    QCOMPARE(m_guard->counters().idleClosed, quint64(1));
}

void tst_ConnectionGuard::capEvictsTheLongestIdle()
{
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    for (int i = 0; i < 4; ++i) {
        idle.push_back(connectClient());
        QVERIFY(idle.back());
        QTest::qWait(20);
    }
    QCOMPARE(m_guard->connectionCount(), 4);
    auto fifth = connectClient();
    QVERIFY(fifth);
    fifth->write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(readUntilClosedOr(fifth.get(), "body 0").contains("200 OK"));
    QTRY_COMPARE_WITH_TIMEOUT(idle.front()->state(), QAbstractSocket::UnconnectedState, 5000);
    QCOMPARE(m_guard->counters().evicted, quint64(1));
    QCOMPARE(idle.back()->state(), QAbstractSocket::ConnectedState);
}

// A flood of bare connects must not push out a client that is talking: it is the oldest here,
// yet the silent ones make room first.
void tst_ConnectionGuard::silentConnectionsGoBeforeOnesThatSpoke()
{
    auto talking = connectClient();
    QVERIFY(talking);
    talking->write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(readUntilClosedOr(talking.get(), "body 0").contains("200 OK"));
    std::vector<std::unique_ptr<QTcpSocket>> silent;
    for (int i = 0; i < 8; ++i) {
        silent.push_back(connectClient());
        QVERIFY(silent.back());
        QTest::qWait(20);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_guard->counters().evicted, quint64(5), 5000);
    QCOMPARE(talking->state(), QAbstractSocket::ConnectedState);
    talking->write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(readUntilClosedOr(talking.get(), "body 0").contains("200 OK"));
}

void tst_ConnectionGuard::takeTestUpgrades()
{
    m_guard->setUpgradeHandler([](QTcpSocket *socket, const HttpRequestHead &head) {
        if (head.values("Upgrade") != QList<QByteArray>{"test"})
            return false;
        QMetaObject::invokeMethod(
            socket,
            [socket] {
                // QHttpServer may have read part of the head inside a transaction.
                if (socket->isTransactionStarted())
                    socket->rollbackTransaction();
                const auto echo = [socket] { socket->write("echo:" + socket->readAll()); };
                QObject::connect(socket, &QTcpSocket::readyRead, socket, echo);
                echo();
            },
            Qt::QueuedConnection);
        return true;
    });
}

void tst_ConnectionGuard::upgradeHandlerTakesTheConnection()
{
    takeTestUpgrades();
    auto client = connectClient();
    QVERIFY(client);
    client->write("GET /x HTTP/1.1\r\nHost: x\r\nUpgrade: test\r\nConnection: Upgrade\r\n\r\n");
    QByteArray received = readUntilClosedOr(client.get(), "Upgrade\r\n\r\n");
    QVERIFY2(received.startsWith("echo:GET /x HTTP/1.1"), received.constData());
    // Bytes that are no HTTP reach the handler alone, and the connection outlives the idle time-out.
    client->write("\x81\x02no http");
    QVERIFY(readUntilClosedOr(client.get(), "no http").endsWith("echo:\x81\x02no http"));
    QTest::qWait(int(m_limits.idleTimeout.count()) * 2);
    QCOMPARE(client->state(), QAbstractSocket::ConnectedState);
    QCOMPARE(m_guard->connectionCount(), 1);
    QCOMPARE(m_guard->counters().malformed, quint64(0));
    client->close();
    QTRY_COMPARE_WITH_TIMEOUT(m_guard->connectionCount(), 0, 5000);
}

void tst_ConnectionGuard::upgradeHandlerSeesASplitHeadWhole()
{
    takeTestUpgrades();
    auto client = connectClient();
    QVERIFY(client);
    client->write("GET /x HTTP/1.1\r\nHost: x\r\nUpgr");
    QTest::qWait(100); // QHttpServer reads this much on its own
    client->write("ade: test\r\n\r\n");
    const QByteArray received = readUntilClosedOr(client.get(), "test\r\n\r\n");
    QCOMPARE(received, QByteArray("echo:GET /x HTTP/1.1\r\nHost: x\r\nUpgrade: test\r\n\r\n"));
}

void tst_ConnectionGuard::declinedUpgradeGoesToTheServer()
{
    takeTestUpgrades();
    auto client = connectClient();
    QVERIFY(client);
    client->write("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: other\r\n\r\n");
    QVERIFY(readUntilClosedOr(client.get(), "body 0").contains("200 OK"));
}

QTEST_GUILESS_MAIN(tst_ConnectionGuard)
#include "tst_connectionguard.moc"
