#include "AccountStore.h"
#include "Bmc.h"
#include "ChannelCommands.h"
#include "CommandTable.h"
#include "Configuration.h"
#include "FakeHostBackend.h"
#include "InstallationIdentity.h"
#include "IpmiCrypto.h"
#include "IpmiSessionTable.h"
#include "PacketHandler.h"
#include "RakpHandshake.h"
#include "RmcpPacket.h"
#include "RmcpPlusPacket.h"
#include "linux/CryptPasswordHasher.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The packet layer on its own: malformed, truncated, oversized and random datagrams are dropped
// and counted; the pre-session forms get their answers, with the client's message tag.
class tst_PacketHandler : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void presencePingGetsAPong();
    void authenticationCapabilitiesBeforeASession();
    void openSessionErrorsEchoTheTag_data();
    void openSessionErrorsEchoTheTag();
    void rakpForAnUnknownSessionEchoesTheTag();
    void malformedDatagramsAreDroppedAndCounted_data();
    void malformedDatagramsAreDroppedAndCounted();
    void packetsForUnknownSessionsAreDropped();
    void randomDatagramsNeverCrash();
    void anAddressCollectsOnlyAHandfulOfRakp2Hmacs();

private:
    QByteArray payloadOf(const QByteArray &reply) const;

    QTemporaryDir *m_dir = nullptr;
    Configuration *m_configuration = nullptr;
    FakeHostBackend *m_backend = nullptr;
    CryptPasswordHasher m_hasher;
    Bmc *m_bmc = nullptr;
    IpmiSessionTable *m_sessions = nullptr;
    RakpHandshake *m_handshake = nullptr;
    CommandTable *m_commands = nullptr;
    ChannelCommands *m_channelCommands = nullptr;
    PacketHandler *m_handler = nullptr;
    const IpmiPeer m_peer{QHostAddress(u"192.0.2.9"_s), 40000};
};

void tst_PacketHandler::init()
{
    m_dir = new QTemporaryDir;
    m_configuration = new Configuration;
    m_backend = new FakeHostBackend;
    m_bmc = new Bmc(m_configuration, m_backend, &m_hasher, m_dir->path());
    m_bmc->accounts()->ensureAdministrator("Admin-Pass-1");
    m_sessions = new IpmiSessionTable(m_bmc->remoteSessions(), {});
    m_handshake = new RakpHandshake(m_sessions, m_bmc->accounts(), m_bmc->eventLog(),
                                    m_bmc->installationIdentity()->systemUuid(), {});
    m_commands = new CommandTable;
    // The channel commands answer before a session: enough to see the v1.5 and RMCP+ paths answered.
    m_channelCommands = new ChannelCommands(m_sessions, {17, 3});
    m_channelCommands->registerIn(*m_commands);
    m_handler = new PacketHandler(m_handshake, m_sessions, m_commands);
}

void tst_PacketHandler::cleanup()
{
    delete m_handler;
    delete m_channelCommands;
    delete m_commands;
    delete m_handshake;
    delete m_sessions;
    delete m_bmc;
    delete m_backend;
    delete m_configuration;
    delete m_dir;
}

QByteArray tst_PacketHandler::payloadOf(const QByteArray &reply) const
{
    const auto rmcp = RmcpPacket::parse(reply);
    const auto packet = rmcp ? RmcpPlusPacket::parse(rmcp->body) : std::nullopt;
    return packet ? packet->payload.toByteArray() : QByteArray();
}

void tst_PacketHandler::presencePingGetsAPong()
{
    const QByteArray ping = QByteArray::fromHex("06 00 ff 06 000011be 80 2a 00 00");
    QCOMPARE(m_handler->handle(ping, m_peer).toHex(' '),
             QByteArray("06 00 ff 06 00 00 11 be 40 2a 00 10 00 00 11 be 00 00 00 00 81 00 00 00 00 00 00 00"));
}

void tst_PacketHandler::authenticationCapabilitiesBeforeASession()
{
    // As ipmitool sends it: IPMI v1.5 wrapper, no authentication, session 0.
    const QByteArray request = QByteArray::fromHex("06 00 ff 07 00 00000000 00000000 09 20 18 c8 81 04 38 8e 04 b1");
    const QByteArray reply = m_handler->handle(request, m_peer);
    QVERIFY(!reply.isEmpty());
    // RMCP, v1.5 header, message: rqAddr, netFn 0x07, checksum, rsAddr, seq, cmd 0x38, completion code 0.
    QCOMPARE(reply.mid(14, 8).toHex(' '), QByteArray("81 1c 63 20 04 38 00 01"));
}

void tst_PacketHandler::openSessionErrorsEchoTheTag_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<quint8>("status");
    const QByteArray algorithms17 = QByteArray::fromHex("0000000803000000 0100000804000000 0200000801000000");
    const QByteArray algorithms0 = QByteArray::fromHex("0000000800000000 0100000800000000 0200000800000000");
    QTest::newRow("cipher suite 0") << QByteArray::fromHex("5a 04 0000 11223344") + algorithms0 << quint8(0x04);
    QTest::newRow("integrity none") << QByteArray::fromHex("5a 04 0000 11223344")
            + QByteArray::fromHex("0000000803000000 0100000800000000 0200000801000000")
                                    << quint8(0x05);
    QTest::newRow("no console session id") << QByteArray::fromHex("5a 04 0000 00000000") + algorithms17 << quint8(0x12);
    QTest::newRow("role 7") << QByteArray::fromHex("5a 07 0000 11223344") + algorithms17 << quint8(0x09);
    QTest::newRow("truncated") << QByteArray::fromHex("5a 04 0000 11223344 00000008") << quint8(0x12);
}

void tst_PacketHandler::openSessionErrorsEchoTheTag()
{
    QFETCH(QByteArray, request);
    QFETCH(quint8, status);
    const QByteArray reply =
        m_handler->handle(RmcpPlusPacket::build(PayloadType::OpenSessionRequest, 0, 0, request), m_peer);
    const QByteArray payload = payloadOf(reply);
    QCOMPARE(payload.size(), 8);
    QCOMPARE(quint8(payload[0]), quint8(0x5a)); // the client's tag, errors included
    QCOMPARE(quint8(payload[1]), status);
    QCOMPARE(m_sessions->count(), 0);
}

void tst_PacketHandler::rakpForAnUnknownSessionEchoesTheTag()
{
    QByteArray rakp1 = QByteArray::fromHex("77 000000 deadbeef") + QByteArray(16, 'r')
        + QByteArray::fromHex("14 0000 05") + QByteArray("admin");
    const QByteArray payload =
        payloadOf(m_handler->handle(RmcpPlusPacket::build(PayloadType::Rakp1, 0, 0, rakp1), m_peer));
    QCOMPARE(payload.toHex(' '), QByteArray("77 02 00 00 00 00 00 00"));
}

void tst_PacketHandler::malformedDatagramsAreDroppedAndCounted_data()
{
    QTest::addColumn<QByteArray>("datagram");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("short RMCP header") << QByteArray::fromHex("06 00 ff");
    QTest::newRow("RMCP version 1") << QByteArray::fromHex("01 00 ff 07 00 00000000 00000000 00");
    QTest::newRow("unknown class") << QByteArray::fromHex("06 00 ff 08 00");
    QTest::newRow("ASF, not a ping") << QByteArray::fromHex("06 00 ff 06 000011be 40 00 00 00");
    QTest::newRow("ASF, other IANA") << QByteArray::fromHex("06 00 ff 06 00000001 80 00 00 00");
    QTest::newRow("v1.5 length past the end") << QByteArray::fromHex("06 00 ff 07 00 00000000 00000000 40 20 18");
    QTest::newRow("v1.5 bad checksum") << QByteArray::fromHex(
        "06 00 ff 07 00 00000000 00000000 07 20 18 c9 81 04 38 8e");
    QTest::newRow("RMCP+ length past the end") << QByteArray::fromHex("06 00 ff 07 06 00 00000000 00000000 ff00 01");
    QTest::newRow("RMCP+ OEM payload") << QByteArray::fromHex("06 00 ff 07 06 02 00000000 00000000 0000");
    QTest::newRow("RMCP+ response as a request")
        << RmcpPlusPacket::build(PayloadType::Ipmi, 0, 0, QByteArray::fromHex("20 1c c4 81 04 38 00 43"));
    QTest::newRow("oversized") << QByteArray::fromHex("06 00 ff 07 06 00 00000000 00000000 ffff")
            + QByteArray(70000, 'x');
}

void tst_PacketHandler::malformedDatagramsAreDroppedAndCounted()
{
    QFETCH(QByteArray, datagram);
    QVERIFY(m_handler->handle(datagram, m_peer).isEmpty());
    QCOMPARE(m_handler->counters().malformed, 1u);
    QCOMPARE(m_handler->counters().answered, 0u);
}

void tst_PacketHandler::packetsForUnknownSessionsAreDropped()
{
    RmcpPlusPacket::Keys keys;
    keys.suite = *CipherSuite::byId(17);
    keys.integrityKey = IpmiCrypto::randomBytes(32);
    keys.confidentialityKey = IpmiCrypto::randomBytes(16);
    const QByteArray forged =
        RmcpPlusPacket::build(PayloadType::Ipmi, 0x12345678, 1, QByteArray::fromHex("20 18 c8 81 04 01 7b"), &keys);
    QVERIFY(m_handler->handle(forged, m_peer).isEmpty());
    // Session traffic without integrity or encryption is never taken, whatever the session id.
    QVERIFY(m_handler
                ->handle(RmcpPlusPacket::build(PayloadType::Ipmi, 0x12345678, 1,
                                               QByteArray::fromHex("20 18 c8 81 04 01 7b")),
                         m_peer)
                .isEmpty());
    QCOMPARE(m_handler->counters().unauthenticated, 2u);
}

void tst_PacketHandler::randomDatagramsNeverCrash()
{
    QRandomGenerator random(20261121);
    for (int i = 0; i < 20000; ++i) {
        QByteArray datagram(random.bounded(1, 200), Qt::Uninitialized);
        for (char &byte : datagram)
            byte = char(random.bounded(256));
        // Often a plausible RMCP header, so that the deeper layers get their share.
        if (i % 2)
            datagram.replace(0, 4, QByteArray::fromHex(i % 4 == 1 ? "0600ff07" : "0600ff06"));
        m_handler->handle(datagram, m_peer);
    }
    QCOMPARE(m_handler->counters().received, 20000u);
}

// Someone collecting RAKP 2 auth codes to crack offline opens setup after setup and never answers
// RAKP 2. Each RAKP 2 counts against the address at once, so the throttle (5 per period by
// default) stops the collection at five, however the setups are interleaved.
void tst_PacketHandler::anAddressCollectsOnlyAHandfulOfRakp2Hmacs()
{
    const QByteArray algorithms17 = QByteArray::fromHex("0000000803000000 0100000804000000 0200000801000000");
    int hmacs = 0;
    int attempts = 0;
    for (; attempts < 40; ++attempts) {
        const QByteArray open = payloadOf(m_handler->handle(
            RmcpPlusPacket::build(PayloadType::OpenSessionRequest, 0, 0,
                                  QByteArray::fromHex("01 04 0000") + QByteArray::fromHex("a0a1a2a3") + algorithms17),
            m_peer));
        QVERIFY(open.size() > 12);
        QCOMPARE(quint8(open.at(1)), quint8(0));
        const QByteArray managedId = open.mid(8, 4);
        const QByteArray rakp1 = QByteArray::fromHex("02 000000") + managedId + QByteArray(16, 'r')
            + QByteArray::fromHex("14 0000 05") + QByteArray("admin");
        const QByteArray rakp2 =
            payloadOf(m_handler->handle(RmcpPlusPacket::build(PayloadType::Rakp1, 0, 0, rakp1), m_peer));
        QVERIFY(rakp2.size() >= 8);
        if (quint8(rakp2.at(1)) != 0)
            break;
        QVERIFY(rakp2.size() > 40); // random, GUID and the auth code
        ++hmacs;
    }
    qInfo("RAKP 2 auth codes handed out before the address was refused: %d", hmacs);
    QCOMPARE(hmacs, 5);
    // Another address is not affected.
    const IpmiPeer other{QHostAddress(u"192.0.2.10"_s), 40000};
    const QByteArray open =
        payloadOf(m_handler->handle(RmcpPlusPacket::build(PayloadType::OpenSessionRequest, 0, 0,
                                                          QByteArray::fromHex("01 04 0000 b0b1b2b3") + algorithms17),
                                    other));
    const QByteArray rakp1 = QByteArray::fromHex("02 000000") + open.mid(8, 4) + QByteArray(16, 'r')
        + QByteArray::fromHex("14 0000 05") + QByteArray("admin");
    const QByteArray rakp2 =
        payloadOf(m_handler->handle(RmcpPlusPacket::build(PayloadType::Rakp1, 0, 0, rakp1), other));
    QCOMPARE(quint8(rakp2.at(1)), quint8(0));
}

QTEST_GUILESS_MAIN(tst_PacketHandler)
#include "tst_packethandler.moc"
