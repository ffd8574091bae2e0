#include "IpmiCrypto.h"
#include "RmcpPacket.h"
#include "RmcpPlusPacket.h"

#include <QHash>
#include <QTest>

class tst_RmcpPlusPacket : public QObject
{
    Q_OBJECT

private slots:
    void clearPacketRoundTrips();
    void protectedPacketRoundTrips_data();
    void protectedPacketRoundTrips();
    void tamperedPacketsFailTheAuthCode_data();
    void tamperedPacketsFailTheAuthCode();
    void soundPacketFailsWithAnotherKey();
    void truncatedPacketsDoNotParse();

private:
    static RmcpPlusPacket::Keys keys(quint8 suite)
    {
        RmcpPlusPacket::Keys keys;
        keys.suite = *CipherSuite::byId(suite);
        keys.integrityKey = IpmiCrypto::randomBytes(keys.suite.hashLength());
        keys.confidentialityKey = IpmiCrypto::randomBytes(16);
        return keys;
    }
};

void tst_RmcpPlusPacket::clearPacketRoundTrips()
{
    const QByteArray datagram = RmcpPlusPacket::build(PayloadType::Rakp1, 0, 0, "payload");
    const auto rmcp = RmcpPacket::parse(datagram);
    QVERIFY(rmcp);
    QCOMPARE(rmcp->messageClass, RmcpPacket::classIpmi);
    const auto packet = RmcpPlusPacket::parse(rmcp->body);
    QVERIFY(packet);
    QCOMPARE(packet->payloadType, PayloadType::Rakp1);
    QVERIFY(!packet->encrypted);
    QVERIFY(!packet->authenticated);
    QCOMPARE(packet->payload.toByteArray(), QByteArray("payload"));
    QVERIFY(packet->trailer.isEmpty());
}

void tst_RmcpPlusPacket::protectedPacketRoundTrips_data()
{
    QTest::addColumn<quint8>("suite");
    QTest::addColumn<int>("length");
    for (quint8 suite : {quint8(3), quint8(17)}) {
        for (int length : {0, 7, 8, 30})
            QTest::addRow("suite %u, %d bytes", suite, length) << suite << length;
    }
}

void tst_RmcpPlusPacket::protectedPacketRoundTrips()
{
    QFETCH(quint8, suite);
    QFETCH(int, length);
    const RmcpPlusPacket::Keys k = keys(suite);
    const QByteArray message = IpmiCrypto::randomBytes(length);
    const QByteArray datagram = RmcpPlusPacket::build(PayloadType::Ipmi, 0x11223344, 7, message, &k);
    const auto rmcp = RmcpPacket::parse(datagram);
    const auto packet = RmcpPlusPacket::parse(rmcp->body);
    QVERIFY(packet);
    QVERIFY(packet->encrypted && packet->authenticated);
    QCOMPARE(packet->sessionId, 0x11223344u);
    QCOMPARE(packet->sequence, 7u);
    QVERIFY(packet->hasValidAuthCode(rmcp->body, k));
    QCOMPARE(packet->clearPayload(k), message);
    // The AuthCode covers a whole number of 32-bit words.
    QCOMPARE((rmcp->body.size() - k.suite.truncatedLength()) % 4, 0);
}

void tst_RmcpPlusPacket::tamperedPacketsFailTheAuthCode_data()
{
    QTest::addColumn<QString>("field");
    for (const char *field : {"session id", "sequence", "payload", "pad length", "auth code"})
        QTest::newRow(field) << QString::fromLatin1(field);
}

void tst_RmcpPlusPacket::tamperedPacketsFailTheAuthCode()
{
    QFETCH(QString, field);
    const RmcpPlusPacket::Keys k = keys(17);
    QByteArray datagram = RmcpPlusPacket::build(PayloadType::Ipmi, 1, 1, "message", &k);
    // RMCP header (4), authentication type, payload type, session id (4), sequence (4), length (2).
    const qsizetype codeLength = k.suite.truncatedLength();
    const QHash<QString, qsizetype> position = {
        {QStringLiteral("session id"), 4 + 2},
        {QStringLiteral("sequence"), 4 + 6},
        {QStringLiteral("payload"), 4 + 12},
        {QStringLiteral("pad length"), datagram.size() - codeLength - 2},
        {QStringLiteral("auth code"), datagram.size() - 1},
    };
    const qsizetype at = position.value(field);
    datagram[at] = char(datagram[at] ^ 0x01);
    const auto rmcp = RmcpPacket::parse(datagram);
    const auto packet = RmcpPlusPacket::parse(rmcp->body);
    QVERIFY(!packet || !packet->hasValidAuthCode(rmcp->body, k));
}

void tst_RmcpPlusPacket::soundPacketFailsWithAnotherKey()
{
    const RmcpPlusPacket::Keys k = keys(17);
    const QByteArray datagram = RmcpPlusPacket::build(PayloadType::Ipmi, 1, 1, "message", &k);
    const auto rmcp = RmcpPacket::parse(datagram);
    QVERIFY(!RmcpPlusPacket::parse(rmcp->body)->hasValidAuthCode(rmcp->body, keys(17)));
}

void tst_RmcpPlusPacket::truncatedPacketsDoNotParse()
{
    const QByteArray datagram = RmcpPlusPacket::build(PayloadType::Ipmi, 1, 1, "message");
    const auto rmcp = RmcpPacket::parse(datagram);
    // Shorter than the header, or than the payload length it announces.
    for (qsizetype length = 0; length < rmcp->body.size(); ++length)
        QVERIFY2(!RmcpPlusPacket::parse(rmcp->body.first(length)), qPrintable(QString::number(length)));
    QVERIFY(!RmcpPacket::parse(QByteArray::fromHex("06 00")));
    QVERIFY(!RmcpPacket::parse(QByteArray::fromHex("05 00 ff 07")));    // RMCP version 5
    QVERIFY(!RmcpPacket::parse(QByteArray::fromHex("06 00 ff 87 00"))); // an RMCP acknowledge
}

QTEST_GUILESS_MAIN(tst_RmcpPlusPacket)
#include "tst_rmcppluspacket.moc"
