#include "TlsIdentity.h"

#include <QDir>
#include <QFile>
#include <QSslCertificateExtension>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_TlsIdentity : public QObject
{
    Q_OBJECT

private slots:
    void selfSignedIsMadeOnceAndKept();
    void damagedPairIsKeptAsideAndReplaced();
    void configuredPairErrorsNameTheFile();
};

void tst_TlsIdentity::selfSignedIsMadeOnceAndKept()
{
    QTemporaryDir dir;
    const auto first = TlsIdentity::selfSigned(dir.path(), u"bmc-host"_s, {u"127.0.0.1"_s, u"::1"_s});
    QVERIFY2(first, qPrintable(first ? QString() : first.failure().message));
    QVERIFY(!first->key.isNull());
    QCOMPARE(first->key.algorithm(), QSsl::Ec);
    QCOMPARE(first->certificate.subjectInfo(QSslCertificate::CommonName), QStringList{u"bmc-host"_s});
    const auto names = first->certificate.subjectAlternativeNames();
    QVERIFY(names.values(QSsl::DnsEntry).contains(u"bmc-host"_s));
    QVERIFY(names.values(QSsl::IpAddressEntry).contains(u"127.0.0.1"_s));
    QCOMPARE(QFile::permissions(dir.filePath(u"redfish-key.pem"_s)) & (QFile::ReadGroup | QFile::ReadOther),
             QFile::Permissions());

    const auto second = TlsIdentity::selfSigned(dir.path(), u"bmc-host"_s, {});
    QVERIFY(second);
    QCOMPARE(second->certificate, first->certificate);
}

void tst_TlsIdentity::damagedPairIsKeptAsideAndReplaced()
{
    QTemporaryDir dir;
    QVERIFY(TlsIdentity::selfSigned(dir.path(), u"bmc"_s, {}));
    QFile key(dir.filePath(u"redfish-key.pem"_s));
    QVERIFY(key.open(QIODevice::WriteOnly | QIODevice::Truncate));
    key.write("not a key");
    key.close();
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(u"not a PEM EC or RSA private key; kept it as .*redfish-key.pem.corrupt-"_s));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"kept it as .*redfish-certificate.pem.corrupt-"_s));
    const auto replaced = TlsIdentity::selfSigned(dir.path(), u"bmc"_s, {});
    QVERIFY2(replaced, qPrintable(replaced ? QString() : replaced.failure().message));
    QVERIFY(!replaced->key.isNull());
    const QStringList aside = QDir(dir.path()).entryList({u"*.corrupt-*"_s});
    QCOMPARE(aside.size(), 2);
    QFile kept(dir.filePath(aside.filter(u"key"_s).value(0)));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("not a key"));
}

void tst_TlsIdentity::configuredPairErrorsNameTheFile()
{
    QTemporaryDir dir;
    const auto missing = TlsIdentity::load(dir.filePath(u"missing.pem"_s), dir.filePath(u"key.pem"_s));
    QVERIFY(!missing);
    const QString error = missing.failure().message;
    QVERIFY2(error.startsWith(dir.filePath(u"missing.pem"_s) + u": "_s), qPrintable(error));
    QFile certificate(dir.filePath(u"cert.pem"_s));
    QVERIFY(certificate.open(QIODevice::WriteOnly));
    certificate.write("garbage");
    certificate.close();
    QFile key(dir.filePath(u"key.pem"_s));
    QVERIFY(key.open(QIODevice::WriteOnly));
    key.write("garbage");
    key.close();
    const auto garbage = TlsIdentity::load(dir.filePath(u"cert.pem"_s), dir.filePath(u"key.pem"_s));
    QVERIFY(!garbage);
    QCOMPARE(garbage.failure().message, dir.filePath(u"cert.pem"_s) + u": not a PEM certificate"_s);
}

QTEST_GUILESS_MAIN(tst_TlsIdentity)
#include "tst_tlsidentity.moc"
