#include "AccountStore.h"
#include "Bmc.h"
#include "Configuration.h"
#include "EventLog.h"
#include "IpmiServer.h"
#include "RemoteSessionRegistry.h"
#include "RmcpPlusClient.h"
#include "ServiceSettings.h"
#include "linux/CryptPasswordHasher.h"
#include "sim/SimulatedHost.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <atomic>
#include <thread>

using namespace Qt::StringLiterals;

// The server object in this process, driven over real UDP on loopback: the IPMI switch that
// Redfish and the screen share (ServiceSettings) takes effect live.
class tst_IpmiServer : public QObject
{
    Q_OBJECT

private slots:
    void switchingIpmiOffClosesSessionsAndTheSocket();
    void endRequestClosesTheSession();
    void portInUseIsAClearError();
};

namespace {
// Opens a session from a thread of its own: the client blocks on its socket, and the server
// answers from this thread's event loop.
bool openSessionWhileServing(quint16 port, QString *error)
{
    std::atomic<int> result{-1};
    QString failure;
    std::thread worker([&] {
        RmcpPlusClient client(QHostAddress::LocalHost, port, 2000);
        const bool opened = client.open("admin", "Admin-Pass-1");
        failure = client.lastError();
        result = opened ? 1 : 0;
    });
    QDeadlineTimer deadline(std::chrono::seconds(20));
    while (result == -1 && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    worker.join();
    *error = failure;
    return result == 1;
}

quint16 freePort()
{
    QUdpSocket probe;
    probe.bind(QHostAddress::Any, 0);
    return probe.localPort();
}
} // namespace

void tst_IpmiServer::switchingIpmiOffClosesSessionsAndTheSocket()
{
    QTemporaryDir dir;
    Configuration configuration;
    configuration.attachState(dir.path());
    SimulatedHost host({}, false);
    QVERIFY(!host.start());
    CryptPasswordHasher hasher;
    Bmc bmc(&configuration, &host, &hasher, dir.path());
    QCOMPARE(bmc.accounts()->ensureAdministrator("Admin-Pass-1"), std::nullopt);
    IpmiServer::Settings settings;
    settings.port = freePort();
    IpmiServer server(&bmc, settings);
    const std::optional<Failure> failure = server.start();
    QVERIFY2(!failure, qPrintable(failure ? failure->message : QString()));
    QString error;

    QVERIFY2(openSessionWhileServing(settings.port, &error), qPrintable(error));
    QCOMPARE(bmc.remoteSessions()->count(), 1);

    QCOMPARE(bmc.services()->setIpmiEnabled(false, Actor::redfish(u"admin"_s)), std::nullopt);
    QVERIFY(!server.isListening());
    QCOMPARE(bmc.remoteSessions()->count(), 0);

    QCOMPARE(bmc.services()->setIpmiEnabled(true, Actor::screen()), std::nullopt);
    QVERIFY(server.isListening());
    // The old session is gone for good; a new one opens.
    QVERIFY2(openSessionWhileServing(settings.port, &error), qPrintable(error));
    QCOMPARE(bmc.remoteSessions()->count(), 1);
}

// What Redfish's DELETE of an "ipmi-<n>" session does: the registry asks, the IPMI face ends it.
void tst_IpmiServer::endRequestClosesTheSession()
{
    QTemporaryDir dir;
    Configuration configuration;
    configuration.attachState(dir.path());
    SimulatedHost host({}, false);
    QVERIFY(!host.start());
    CryptPasswordHasher hasher;
    Bmc bmc(&configuration, &host, &hasher, dir.path());
    QCOMPARE(bmc.accounts()->ensureAdministrator("Admin-Pass-1"), std::nullopt);
    IpmiServer::Settings settings;
    settings.port = freePort();
    IpmiServer server(&bmc, settings);
    QVERIFY(!server.start());
    QString error;
    QVERIFY2(openSessionWhileServing(settings.port, &error), qPrintable(error));
    QCOMPARE(bmc.remoteSessions()->count(), 1);
    const RemoteSession session = bmc.remoteSessions()->all().constFirst();
    QCOMPARE(session.protocol, RemoteSession::Protocol::Ipmi);

    QVERIFY(bmc.remoteSessions()->requestEnd(session.id, Actor::redfish(u"boss"_s)));
    QCOMPARE(bmc.remoteSessions()->count(), 0);
    QVERIFY(!bmc.remoteSessions()->requestEnd(session.id, Actor::redfish(u"boss"_s)));
    const EventLogEntry &logged = bmc.eventLog()->entries().constLast();
    QCOMPARE(logged.actor, Actor::redfish(u"boss"_s));
    QCOMPARE(logged.message, u"IPMI session of admin from %1 ended"_s.arg(session.address));
}

void tst_IpmiServer::portInUseIsAClearError()
{
    QTemporaryDir dir;
    Configuration configuration;
    SimulatedHost host({}, false);
    QVERIFY(!host.start());
    CryptPasswordHasher hasher;
    Bmc bmc(&configuration, &host, &hasher, dir.path());
    QUdpSocket squatter;
    QVERIFY(squatter.bind(QHostAddress::Any, 0));
    IpmiServer::Settings settings;
    settings.port = squatter.localPort();
    IpmiServer server(&bmc, settings);
    const std::optional<Failure> failure = server.start();
    QVERIFY(failure);
    QCOMPARE(failure->message,
             u"IPMI: cannot listen on UDP [::]:%1: The bound address is already in use"_s.arg(settings.port));
}

QTEST_GUILESS_MAIN(tst_IpmiServer)
#include "tst_ipmiserver.moc"
