#include "IpmiMessage.h"

#include <QTest>

class tst_IpmiMessage : public QObject
{
    Q_OBJECT

private slots:
    void parsesARequest();
    void refusesBadChecksumsAndShortMessages_data();
    void refusesBadChecksumsAndShortMessages();
    void responseCarriesValidChecksums();
};

namespace {
// Get Device ID from a remote console (0x81), sequence 5, as ipmitool sends it.
const QByteArray getDeviceId = QByteArray::fromHex("20 18 c8 81 14 01 6a");
} // namespace

void tst_IpmiMessage::parsesARequest()
{
    const auto message = IpmiMessage::parseRequest(getDeviceId);
    QVERIFY(message);
    QCOMPARE(message->netFn, quint8(0x06));
    QCOMPARE(message->command, quint8(0x01));
    QCOMPARE(message->requesterAddress, quint8(0x81));
    QCOMPARE(message->requesterSequence, quint8(5));
    QVERIFY(message->data.isEmpty());
}

void tst_IpmiMessage::refusesBadChecksumsAndShortMessages_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("header checksum") << QByteArray::fromHex("20 18 c9 81 14 01 6a");
    QTest::newRow("data checksum") << QByteArray::fromHex("20 18 c8 81 14 01 6b");
    QTest::newRow("too short") << QByteArray::fromHex("20 18 c8 81 14 01");
    QTest::newRow("empty") << QByteArray();
}

void tst_IpmiMessage::refusesBadChecksumsAndShortMessages()
{
    QFETCH(QByteArray, bytes);
    QVERIFY(!IpmiMessage::parseRequest(bytes));
}

void tst_IpmiMessage::responseCarriesValidChecksums()
{
    const auto request = IpmiMessage::parseRequest(getDeviceId);
    const QByteArray response = request->response(0x00, QByteArray::fromHex("20 01"));
    QCOMPARE(response.toHex(' '), QByteArray("81 1c 63 20 14 01 00 20 01 aa"));
    QCOMPARE(IpmiMessage::checksum(response.first(3)), quint8(0));
    QCOMPARE(IpmiMessage::checksum(response.sliced(3)), quint8(0));
}

QTEST_GUILESS_MAIN(tst_IpmiMessage)
#include "tst_ipmimessage.moc"
