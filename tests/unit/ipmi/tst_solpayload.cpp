#include "CommandTesting.h"
#include "SolFixture.h"
#include "SolPacket.h"

#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
constexpr quint32 owner = 0x1111;
constexpr quint32 other = 0x2222;

QByteArray packet(quint8 sequence, quint8 ack, quint8 accepted, quint8 operation, const QByteArray &data = {})
{
    SolPacket packet{sequence, ack, accepted, operation, data};
    return packet.toBytes();
}
} // namespace

class tst_SolPayload : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void packetCodec();
    void activationRules();
    void hostOutputGoesOutAndWaitsForItsAck();
    void outputArrivingMeanwhileLeavesInTheNextPacket();
    void partialAcceptSendsTheRestAgain();
    void sequenceNumbersSkipZero();
    void unacknowledgedPacketsAreSentAgainThenPatiently();
    void nackWaitsAndSendsAgain();
    void clientInputIsWrittenOnceAndAcknowledged();
    void retransmittedInputIsNotWrittenTwice();
    void breakFlushAndLineSignals();
    void unpluggedConsoleSaysSoAndSwallowsInput();
    void overrunIsReported();
    void deactivationByOwnerAdministratorAndOthers();
    void takeOverOnTheScreenEndsThePayload();
    void switchingSolOffEndsThePayload();
    void closingTheSessionEndsThePayload();
    void otherSessionsAndGarbageAreIgnored();

private:
    void activate();
    SolPacket lastSent() const;
    QList<std::pair<quint32, QByteArray>> &sent() const { return m_fixture->sent; }

    std::unique_ptr<SolFixture> m_fixture;
    // Short names for the fixture's parts.
    EventLog *m_log = nullptr;
    ServiceSettings *m_settings = nullptr;
    FakeConsoleTransport *m_transport = nullptr;
    ConsoleHub *m_hub = nullptr;
    SolPayload *m_sol = nullptr;
};

void tst_SolPayload::init()
{
    m_fixture = std::make_unique<SolFixture>(4096);
    m_log = m_fixture->log.get();
    m_settings = m_fixture->settings.get();
    m_transport = m_fixture->transport.get();
    m_hub = m_fixture->hub.get();
    m_sol = m_fixture->sol.get();
    ServiceSettings::SolParameters parameters = m_settings->solParameters();
    parameters.retryCount = 2;
    parameters.retryInterval = 20ms;
    QVERIFY(!m_settings->setSolParameters(parameters, Actor::bmc()));
}

void tst_SolPayload::cleanup()
{
    m_fixture.reset();
}

void tst_SolPayload::activate()
{
    QCOMPARE(m_sol->activate(owner, u"admin"_s, Privilege::Administrator, true), CompletionCode::Success);
}

SolPacket tst_SolPayload::lastSent() const
{
    if (sent().isEmpty())
        return {};
    return *SolPacket::parse(sent().last().second);
}

void tst_SolPayload::packetCodec()
{
    const QByteArray bytes = CommandTesting::bytes("f3 a2 05 50 41 42");
    const std::optional<SolPacket> parsed = SolPacket::parse(bytes);
    QVERIFY(parsed);
    QCOMPARE(parsed->sequence, quint8(3)); // reserved high nibbles ignored
    QCOMPARE(parsed->ackSequence, quint8(2));
    QCOMPARE(parsed->acceptedCount, quint8(5));
    QVERIFY(parsed->isNack());
    QVERIFY(parsed->operation & SolPacket::generateBreak);
    QCOMPARE(parsed->data, QByteArray("AB"));
    QCOMPARE(packet(3, 2, 5, 0x50, "AB"), CommandTesting::bytes("03 02 05 50 41 42"));
    QVERIFY(!SolPacket::parse(CommandTesting::bytes("01 00 00")));
}

void tst_SolPayload::activationRules()
{
    QCOMPARE(m_sol->activate(owner, u"user"_s, Privilege::User, true), CompletionCode::InsufficientPrivilege);
    QCOMPARE(m_sol->activate(owner, u"admin"_s, Privilege::Administrator, false), CompletionCode(0x85));
    QVERIFY(!m_settings->setSolEnabled(false, Actor::bmc()));
    QCOMPARE(m_sol->activate(owner, u"admin"_s, Privilege::Administrator, true), CompletionCode(0x81));
    QVERIFY(!m_settings->setSolEnabled(true, Actor::bmc()));
    activate();
    QVERIFY(m_sol->isActive());
    QCOMPARE(m_sol->ownerSession(), owner);
    QVERIFY(m_hub->isRemoteAttached());
    QCOMPARE(m_sol->activate(other, u"admin"_s, Privilege::Administrator, true), CompletionCode::PayloadAlreadyActive);
    QCOMPARE(m_sol->activate(owner, u"admin"_s, Privilege::Administrator, true), CompletionCode::PayloadAlreadyActive);
    QCOMPARE(m_log->entries().last().message, u"Serial-over-LAN started"_s);
}

void tst_SolPayload::hostOutputGoesOutAndWaitsForItsAck()
{
    m_transport->hostPrints("before"); // not sent: SoL shows what comes after activation
    activate();
    QVERIFY(sent().isEmpty());
    m_transport->hostPrints("login: ");
    QCOMPARE(sent().size(), 1);
    QCOMPARE(sent().last().first, owner);
    SolPacket sent = lastSent();
    QCOMPARE(sent.sequence, quint8(1));
    QCOMPARE(sent.ackSequence, quint8(0));
    QCOMPARE(sent.data, QByteArray("login: "));

    QCOMPARE(m_sol->receive(owner, packet(0, 1, 7, 0)), QByteArray()); // an ack needs no answer
    QCOMPARE(m_sol->counters().bytesAcknowledged, quint64(7));
    m_transport->hostPrints("x");
    QCOMPARE(lastSent().sequence, quint8(2));
    QCOMPARE(lastSent().data, QByteArray("x"));
}

void tst_SolPayload::outputArrivingMeanwhileLeavesInTheNextPacket()
{
    activate();
    m_transport->hostPrints("a");
    for (int i = 0; i < 600; ++i)
        m_transport->hostPrints("b");
    QCOMPARE(sent().size(), 1); // one packet awaiting its ack, the rest waits in the ring
    m_sol->receive(owner, packet(0, 1, 1, 0));
    QCOMPARE(sent().size(), 2);
    QCOMPARE(lastSent().data, QByteArray(SolPayload::maximumData, 'b'));
    m_sol->receive(owner, packet(0, 2, quint8(SolPayload::maximumData), 0));
    QCOMPARE(lastSent().data, QByteArray(SolPayload::maximumData, 'b'));
    m_sol->receive(owner, packet(0, 3, quint8(SolPayload::maximumData), 0));
    QCOMPARE(lastSent().data, QByteArray(600 - 2 * SolPayload::maximumData, 'b'));
    QCOMPARE(m_sol->counters().retransmissions, quint64(0));
}

void tst_SolPayload::partialAcceptSendsTheRestAgain()
{
    activate();
    m_transport->hostPrints("abcdef");
    m_sol->receive(owner, packet(0, 1, 2, 0));
    QCOMPARE(lastSent().sequence, quint8(2));
    QCOMPARE(lastSent().data, QByteArray("cdef"));
}

void tst_SolPayload::sequenceNumbersSkipZero()
{
    activate();
    QList<quint8> sequences;
    for (int i = 0; i < 17; ++i) {
        m_transport->hostPrints("x");
        sequences.append(lastSent().sequence);
        m_sol->receive(owner, packet(0, sequences.last(), 1, 0));
    }
    QCOMPARE(sequences.mid(13), (QList<quint8>{14, 15, 1, 2}));
}

void tst_SolPayload::unacknowledgedPacketsAreSentAgainThenPatiently()
{
    activate();
    m_transport->hostPrints("hello");
    // Two quick retries 20 ms apart, then one a second.
    QTRY_COMPARE_WITH_TIMEOUT(sent().size(), 3, 2000);
    QTest::qWait(300);
    QCOMPARE(sent().size(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(sent().size(), 4, 5000);
    for (const auto &[session, payload] : std::as_const(sent()))
        QCOMPARE(payload, packet(1, 0, 0, 0, "hello"));
    QCOMPARE(m_sol->counters().retransmissions, quint64(3));
    // The client wakes up: the packet is done, nothing was lost or sent twice beyond it.
    m_sol->receive(owner, packet(0, 1, 5, 0));
    QTest::qWait(100);
    QCOMPARE(sent().size(), 4);
}

void tst_SolPayload::nackWaitsAndSendsAgain()
{
    activate();
    m_transport->hostPrints("abc");
    m_sol->receive(owner, packet(0, 1, 0, SolPacket::nack));
    QCOMPARE(sent().size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(sent().size() >= 2, 2000);
    QCOMPARE(lastSent().data, QByteArray("abc"));
    QCOMPARE(lastSent().sequence, quint8(1));
}

void tst_SolPayload::clientInputIsWrittenOnceAndAcknowledged()
{
    activate();
    const QByteArray ack = m_sol->receive(owner, packet(1, 0, 0, 0, "ls -l\r"));
    QCOMPARE(ack, packet(0, 1, 6, 0));
    QCOMPARE(m_transport->written, QByteArray("ls -l\r"));
    QCOMPARE(m_sol->receive(owner, packet(2, 0, 0, 0, "x")), packet(0, 2, 1, 0));
    QCOMPARE(m_transport->written, QByteArray("ls -l\rx"));
}

void tst_SolPayload::retransmittedInputIsNotWrittenTwice()
{
    activate();
    QCOMPARE(m_sol->receive(owner, packet(5, 0, 0, 0, "abc")), packet(0, 5, 3, 0));
    QCOMPARE(m_sol->receive(owner, packet(5, 0, 0, SolPacket::generateBreak, "abc")), packet(0, 5, 3, 0));
    QCOMPARE(m_transport->written, QByteArray("abc"));
    QVERIFY(m_transport->breaks.isEmpty());
}

void tst_SolPayload::breakFlushAndLineSignals()
{
    activate();
    QCOMPARE(m_sol->receive(owner, packet(1, 0, 0, SolPacket::generateBreak)), packet(0, 1, 0, 0));
    QCOMPARE(m_transport->breaks.size(), 1);
    m_sol->receive(owner, packet(2, 0, 0, SolPacket::flushInbound | SolPacket::deassertClearToSend));
    QCOMPARE(m_transport->discards, 1);
    QCOMPARE(m_transport->hostSignals.last(), std::make_pair(false, true));
    m_sol->receive(owner, packet(3, 0, 0, SolPacket::dropCarrierDetect));
    QCOMPARE(m_transport->hostSignals.last(), std::make_pair(true, false));

    // Flushing outbound drops what has not gone out yet.
    m_transport->hostPrints("a");
    m_transport->hostPrints("stale");
    m_sol->receive(owner, packet(4, 1, 1, SolPacket::flushOutbound));
    QCOMPARE(lastSent().data, QByteArray("a"));
    m_transport->hostPrints("fresh");
    QCOMPARE(lastSent().data, QByteArray("fresh"));
}

void tst_SolPayload::unpluggedConsoleSaysSoAndSwallowsInput()
{
    activate();
    m_transport->unplug();
    const std::optional<SolPacket> ack = SolPacket::parse(m_sol->receive(owner, packet(1, 0, 0, 0, "typed")));
    QVERIFY(ack);
    QCOMPARE(ack->acceptedCount, quint8(5));
    QVERIFY(ack->operation & SolPacket::characterTransferUnavailable);
    QVERIFY(m_transport->written.isEmpty());
    m_transport->plug();
    QCOMPARE(SolPacket::parse(m_sol->receive(owner, packet(2, 0, 0, 0, "x")))->operation, quint8(0));
}

void tst_SolPayload::overrunIsReported()
{
    activate();
    m_transport->hostPrints("a");
    // While the client sits on its packet, the host prints more than the ring holds at once.
    m_transport->hostPrints(QByteArray(5000, 'z'));
    m_sol->receive(owner, packet(0, 1, 1, 0));
    QVERIFY(lastSent().operation & SolPacket::transmitOverrun);
    QCOMPARE(lastSent().data, QByteArray(SolPayload::maximumData, 'z'));
    m_sol->receive(owner, packet(0, lastSent().sequence, quint8(SolPayload::maximumData), 0));
    QVERIFY(!(lastSent().operation & SolPacket::transmitOverrun));
}

void tst_SolPayload::deactivationByOwnerAdministratorAndOthers()
{
    QCOMPARE(m_sol->deactivate(owner, u"admin"_s, Privilege::Administrator), CompletionCode(0x80));
    activate();
    QCOMPARE(m_sol->deactivate(other, u"op"_s, Privilege::Operator), CompletionCode::InsufficientPrivilege);
    QVERIFY(m_sol->isActive());
    QCOMPARE(m_sol->deactivate(owner, u"admin"_s, Privilege::Administrator), CompletionCode::Success);
    QVERIFY(!m_sol->isActive());
    QVERIFY(!m_hub->isRemoteAttached());
    QVERIFY(sent().isEmpty()); // the owner asked: no notice

    activate();
    QCOMPARE(m_sol->deactivate(other, u"root"_s, Privilege::Administrator), CompletionCode::Success);
    QCOMPARE(sent().size(), 1);
    QCOMPARE(sent().last().first, owner);
    QVERIFY(lastSent().operation & SolPacket::deactivating);
    QCOMPARE(m_log->entries().last().message, u"Serial-over-LAN ended: ended by root from another session"_s);
}

void tst_SolPayload::takeOverOnTheScreenEndsThePayload()
{
    activate();
    m_hub->takeOver(Actor::screen());
    QVERIFY(!m_sol->isActive());
    QVERIFY(lastSent().operation & SolPacket::deactivating);
    QVERIFY(m_hub->writeLocal("x"));
}

void tst_SolPayload::switchingSolOffEndsThePayload()
{
    activate();
    QVERIFY(!m_settings->setSolEnabled(false, Actor::ipmi(u"admin"_s)));
    QVERIFY(!m_sol->isActive());
    QVERIFY(lastSent().operation & SolPacket::deactivating);
}

void tst_SolPayload::closingTheSessionEndsThePayload()
{
    activate();
    m_sol->sessionClosed(other);
    QVERIFY(m_sol->isActive());
    m_sol->sessionClosed(owner);
    QVERIFY(!m_sol->isActive());
    QVERIFY(sent().isEmpty());
    activate(); // free again
}

void tst_SolPayload::otherSessionsAndGarbageAreIgnored()
{
    QCOMPARE(m_sol->receive(owner, packet(1, 0, 0, 0, "x")), QByteArray()); // not active
    activate();
    QCOMPARE(m_sol->receive(other, packet(1, 0, 0, 0, "x")), QByteArray());
    QCOMPARE(m_sol->receive(owner, CommandTesting::bytes("01 00")), QByteArray());
    QVERIFY(m_transport->written.isEmpty());
    QCOMPARE(m_sol->receive(owner, packet(0, 9, 200, 0)), QByteArray()); // acks nothing in flight
}

QTEST_GUILESS_MAIN(tst_SolPayload)
#include "tst_solpayload.moc"
