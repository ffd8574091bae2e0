#include "SshPublicKey.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// Made with ssh-keygen.
const QString ed25519 =
    u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIN779FMc7pNmnHOinhcN2dqI1xQ8eoTWrPXbynlODks/ alice@laptop"_s;
const QString ecdsa384 =
    u"ecdsa-sha2-nistp384 AAAAE2VjZHNhLXNoYTItbmlzdHAzODQAAAAIbmlzdHAzODQAAABhBPL5YEF6F7ulIcK7ZR9YOZavH2aKrByiyTvzr/wFtYtCdgaWs3WugMERg/l2T/Oy5e0jaMSe5WLv4hJqNozov3HhntWM9bt/f+bGNU2ZKyEqjOlbV+pmM5v3S8gMr5W+yg== "_s;
const QString rsa1024 =
    u"ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQCxCvXDOP2/9ZPem2nml2ucfDMGLIjwReKR9PDFlI0log904qoVYbsLNyypC+rI2vmNW1xg7PVE+rIr+iZOJT6UD5KDVZIbC/6gDzkg9RSwSb7MCP4uRVLXg5sUIhlKZwqrQEqfrqhvAtIVciVYlS/dfky91u3sslyqxmSyzLnZmw=="_s;
const QString rsa2048 =
    u"ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCwbhC7m5AP3h9jvF/OUOoJbpZmGB7gpDlRgc2rB1Ft1eUcMuxT4TovufLRGa1Pf6AEgVti7EuQrCEjpc4WGobunjgtdEiNFQEGWlFbMS0Xn7RlAyufmOEBWIoM09lya90tn/tBiLI1ar/xeS7SkuoXfK+ZrqmKI6Xj4Y4+YIZmiC9RIfesOlP0N8nZKzA9agzLXeG32fcPGyNs4X/+zmIE2MwHmBoJTCzbxJMrW0faYc1341raO+O4IM4GX0Yir0hCvklmcsunnHRQjZU3O+bN5PipdXoClmCqbDZe9pO0aWdKhCkDpW9zbzfqd/BjMSjud9qHCTv1+Zhr3ylRhhpX"_s;
} // namespace

class tst_SshPublicKey : public QObject
{
    Q_OBJECT
private slots:
    void readsWhatOpenSshWrites_data();
    void readsWhatOpenSshWrites();
    void fingerprintIsOpenSshs();
    void refuses_data();
    void refuses();
};

void tst_SshPublicKey::readsWhatOpenSshWrites_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("comment");
    QTest::newRow("ed25519") << ed25519 << u"ssh-ed25519"_s << u"alice@laptop"_s;
    QTest::newRow("ecdsa p-384") << ecdsa384 << u"ecdsa-sha2-nistp384"_s << QString();
    QTest::newRow("rsa 2048") << rsa2048 << u"ssh-rsa"_s << QString();
    QTest::newRow("spaces and tabs") << u"  "_s + ed25519.section(u' ', 0, 1) + u"\tmy  key "_s << u"ssh-ed25519"_s
                                     << u"my key"_s;
}

void tst_SshPublicKey::readsWhatOpenSshWrites()
{
    QFETCH(QString, line);
    QFETCH(QString, type);
    QFETCH(QString, comment);
    const Expected<SshPublicKey> key = SshPublicKey::parse(line);
    QVERIFY2(key, key ? "" : qPrintable(key.failure().message));
    QCOMPARE(key->type, type);
    QCOMPARE(key->comment, comment);
    QCOMPARE(SshPublicKey::parse(key->toOpenSsh())->blob, key->blob);
}

void tst_SshPublicKey::fingerprintIsOpenSshs()
{
    // ssh-keygen -lf prints it so.
    QCOMPARE(SshPublicKey::parse(ed25519)->fingerprint(), u"SHA256:Ps+rPfxzFYAxUjLt1SOOZzZVcJImS/wr9XpbcPeAgwE"_s);
}

void tst_SshPublicKey::refuses_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("reason");
    const QString blob = ed25519.section(u' ', 1, 1);
    QByteArray bytes = QByteArray::fromBase64(blob.toLatin1());
    QTest::newRow("empty") << QString() << u"expected"_s;
    QTest::newRow("type only") << u"ssh-ed25519"_s << u"expected"_s;
    QTest::newRow("DSA") << u"ssh-dss "_s + blob << u"not accepted"_s;
    QTest::newRow("certificate") << u"ssh-ed25519-cert-v01@openssh.com "_s + blob << u"not accepted"_s;
    QTest::newRow("security key") << u"sk-ssh-ed25519@openssh.com "_s + blob << u"not accepted"_s;
    QTest::newRow("not base64") << u"ssh-ed25519 AAAA!!!!"_s << u"base64"_s;
    QTest::newRow("base64 without padding") << u"ssh-ed25519 "_s + blob.left(blob.size() - 1) << u"base64"_s;
    QTest::newRow("type does not match") << u"ecdsa-sha2-nistp256 "_s + blob << u"start with"_s;
    QTest::newRow("truncated") << u"ssh-ed25519 "_s + QString::fromLatin1(bytes.left(bytes.size() - 4).toBase64())
                               << u"32 bytes"_s;
    QTest::newRow("trailing bytes") << u"ssh-ed25519 "_s + QString::fromLatin1((bytes + "abc").toBase64())
                                    << u"after the key"_s;
    QTest::newRow("huge length") << u"ssh-ed25519 "_s
            + QString::fromLatin1(QByteArray("\xff\xff\xff\xff", 4).toBase64())
                                 << u"start with"_s;
    QTest::newRow("rsa 1024") << rsa1024 << u"1024 bits"_s;
    QTest::newRow("control character") << ed25519 + u"\x1b[2J"_s << u"control"_s;
    QTest::newRow("newline") << ed25519 + u"\n"_s + ed25519 << u"control"_s;
    QTest::newRow("long comment") << ed25519 + QString(300, u'x') << u"comment"_s;
    QTest::newRow("too long") << u"ssh-rsa "_s + QString(20000, u'A') << u"longer"_s;
}

void tst_SshPublicKey::refuses()
{
    QFETCH(QString, line);
    QFETCH(QString, reason);
    const Expected<SshPublicKey> key = SshPublicKey::parse(line);
    QVERIFY(!key);
    QCOMPARE(key.failure().code, Failure::Code::InvalidSshKey);
    QVERIFY2(key.failure().message.contains(reason), qPrintable(key.failure().message));
}

QTEST_GUILESS_MAIN(tst_SshPublicKey)
#include "tst_sshpublickey.moc"
