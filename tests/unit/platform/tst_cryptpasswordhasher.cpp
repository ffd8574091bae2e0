#include "linux/CryptPasswordHasher.h"

#include <QTest>

using namespace Qt::StringLiterals;

class tst_CryptPasswordHasher : public QObject
{
    Q_OBJECT
private slots:
    void hashIsYescrypt();
    void twoHashesOfOnePasswordDiffer();
    void verifyAcceptsOnlyTheRightPassword_data();
    void verifyAcceptsOnlyTheRightPassword();
    void malformedHashNeverVerifies_data();
    void malformedHashNeverVerifies();
    void utf8PasswordRoundTrips();
};

void tst_CryptPasswordHasher::hashIsYescrypt()
{
    const CryptPasswordHasher hasher;
    const QByteArray hash = hasher.hash("correct horse");
    QVERIFY2(hash.startsWith("$y$"), hash.constData());
    QVERIFY(!hash.contains("correct horse"));
}

void tst_CryptPasswordHasher::twoHashesOfOnePasswordDiffer()
{
    const CryptPasswordHasher hasher;
    const QByteArray first = hasher.hash("correct horse");
    const QByteArray second = hasher.hash("correct horse");
    QVERIFY(!first.isEmpty());
    QVERIFY(!second.isEmpty());
    QVERIFY(first != second);
    QVERIFY(hasher.verify("correct horse", first));
    QVERIFY(hasher.verify("correct horse", second));
}

void tst_CryptPasswordHasher::verifyAcceptsOnlyTheRightPassword_data()
{
    QTest::addColumn<QByteArray>("tried");
    QTest::addColumn<bool>("accepted");

    QTest::newRow("right") << QByteArray("correct horse") << true;
    QTest::newRow("wrong") << QByteArray("battery staple") << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("prefix") << QByteArray("correct hors") << false;
    QTest::newRow("longer") << QByteArray("correct horse!") << false;
    QTest::newRow("other case") << QByteArray("Correct horse") << false;
    // libcrypt stops at a NUL; the hasher must not.
    QTest::newRow("NUL and more") << QByteArray("correct horse\0junk", 18) << false;
    QTest::newRow("NUL at the end") << QByteArray("correct horse\0", 14) << false;
}

void tst_CryptPasswordHasher::verifyAcceptsOnlyTheRightPassword()
{
    QFETCH(QByteArray, tried);
    QFETCH(bool, accepted);

    const CryptPasswordHasher hasher;
    const QByteArray hash = hasher.hash("correct horse");
    QCOMPARE(hasher.verify(tried, hash), accepted);
}

void tst_CryptPasswordHasher::malformedHashNeverVerifies_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("hash");

    const CryptPasswordHasher hasher;
    const QByteArray good = hasher.hash("correct horse");

    QTest::newRow("empty") << QByteArray("correct horse") << QByteArray();
    QTest::newRow("empty password, empty hash") << QByteArray() << QByteArray();
    QTest::newRow("garbage") << QByteArray("correct horse") << QByteArray("not a hash");
    QTest::newRow("prefix only") << QByteArray("correct horse") << QByteArray("$y$");
    QTest::newRow("unknown method") << QByteArray("correct horse") << QByteArray("$zz$abc$def");
    QTest::newRow("failure token") << QByteArray("correct horse") << QByteArray("*0");
    QTest::newRow("locked shadow entry") << QByteArray("correct horse") << QByteArray("!") + good;
    QTest::newRow("truncated") << QByteArray("correct horse") << good.left(good.size() - 5);
    QTest::newRow("trailing junk") << QByteArray("correct horse") << good + "x";
}

void tst_CryptPasswordHasher::malformedHashNeverVerifies()
{
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, hash);

    const CryptPasswordHasher hasher;
    QVERIFY(!hasher.verify(password, hash));
}

void tst_CryptPasswordHasher::utf8PasswordRoundTrips()
{
    const CryptPasswordHasher hasher;
    const QByteArray password = u"Grüße, 密码 ✓"_s.toUtf8();
    const QByteArray hash = hasher.hash(password);
    QVERIFY(hash.startsWith("$y$"));
    QVERIFY(hasher.verify(password, hash));
    QVERIFY(!hasher.verify(u"Grüsse, 密码 ✓"_s.toUtf8(), hash));
    QVERIFY(!hasher.verify(u"Grüße, 密码 ✓"_s.toLatin1(), hash));
}

QTEST_GUILESS_MAIN(tst_CryptPasswordHasher)
#include "tst_cryptpasswordhasher.moc"
