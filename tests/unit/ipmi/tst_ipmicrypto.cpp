#include "IpmiCrypto.h"

#include <QTest>

class tst_IpmiCrypto : public QObject
{
    Q_OBJECT

private slots:
    void hmacMatchesTheRfcVectors();
    void payloadRoundTrips_data();
    void payloadRoundTrips();
    void payloadFramingIsChecked_data();
    void payloadFramingIsChecked();
    void constantTimeComparison();
    void randomBytesDiffer();
};

void tst_IpmiCrypto::hmacMatchesTheRfcVectors()
{
    // RFC 2202 test case 1 and RFC 4231 test case 1.
    const QByteArray key(20, char(0x0b));
    QCOMPARE(IpmiCrypto::hmac(CipherSuite::Hash::Sha1, key, "Hi There").toHex(),
             QByteArray("b617318655057264e28bc0b6fb378c8ef146be00"));
    QCOMPARE(IpmiCrypto::hmac(CipherSuite::Hash::Sha256, key, "Hi There").toHex(),
             QByteArray("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"));
}

void tst_IpmiCrypto::payloadRoundTrips_data()
{
    QTest::addColumn<int>("length");
    for (int length : {0, 1, 14, 15, 16, 17, 31, 32, 100})
        QTest::addRow("%d bytes", length) << length;
}

void tst_IpmiCrypto::payloadRoundTrips()
{
    QFETCH(int, length);
    const QByteArray key = IpmiCrypto::randomBytes(16);
    const QByteArray plain = IpmiCrypto::randomBytes(length);
    const QByteArray framed = IpmiCrypto::encryptPayload(key, plain);
    // IV, then whole blocks holding data, pad bytes and the pad length.
    QCOMPARE(framed.size(), 16 + ((length + 1 + 15) / 16) * 16);
    QCOMPARE(IpmiCrypto::decryptPayload(key, framed), plain);
    QVERIFY(IpmiCrypto::encryptPayload(key, plain) != framed); // a fresh IV each time
}

void tst_IpmiCrypto::payloadFramingIsChecked_data()
{
    QTest::addColumn<QByteArray>("framed");
    const QByteArray key(16, 'k');
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("IV only") << QByteArray(16, '\0');
    QTest::newRow("not whole blocks") << QByteArray(16 + 15, '\0');
}

void tst_IpmiCrypto::payloadFramingIsChecked()
{
    QFETCH(QByteArray, framed);
    QVERIFY(!IpmiCrypto::decryptPayload(QByteArray(16, 'k'), framed));
}

void tst_IpmiCrypto::constantTimeComparison()
{
    QVERIFY(IpmiCrypto::equalInConstantTime("abc", "abc"));
    QVERIFY(!IpmiCrypto::equalInConstantTime("abc", "abd"));
    QVERIFY(!IpmiCrypto::equalInConstantTime("abc", "ab"));
}

void tst_IpmiCrypto::randomBytesDiffer()
{
    QCOMPARE(IpmiCrypto::randomBytes(16).size(), 16);
    QVERIFY(IpmiCrypto::randomBytes(16) != IpmiCrypto::randomBytes(16));
}

QTEST_GUILESS_MAIN(tst_IpmiCrypto)
#include "tst_ipmicrypto.moc"
