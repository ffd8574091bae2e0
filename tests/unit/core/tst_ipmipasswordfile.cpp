#include "IpmiPasswordFile.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString fileName = u"/etc/kvmd/ipmipasswd"_s;

// "line user:password", one string per entry, so a mismatch shows the whole list.
QStringList describe(const QList<IpmiPasswordFile::Entry> &entries)
{
    QStringList lines;
    for (const IpmiPasswordFile::Entry &entry : entries)
        lines.append(u"%1 %2:%3"_s.arg(entry.line).arg(entry.user, QString::fromUtf8(entry.password)));
    return lines;
}
} // namespace

class tst_IpmiPasswordFile : public QObject
{
    Q_OBJECT
private slots:
    void parses_data();
    void parses();
    void passwordIsKeptAsBytes();
    void rejects_data();
    void rejects();
};

void tst_IpmiPasswordFile::parses_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("entries");

    QTest::newRow("empty file") << QByteArray() << QStringList();
    QTest::newRow("only comments and blank lines") << QByteArray("# users\n\n   \n\t# indented\n") << QStringList();
    QTest::newRow("PiKVM's shipped file")
        << QByteArray("# This file describes the credentials for IPMI users. The first pair separated by colon\n"
                      "# is the login and password with which the user can access to IPMI.\n"
                      "#\n"
                      "admin:admin -> admin:admin\n")
        << QStringList{u"4 admin:admin"_s};
    QTest::newRow("one line, no newline at the end") << QByteArray("admin:secret") << QStringList{u"1 admin:secret"_s};
    QTest::newRow("several users") << QByteArray("admin:secret\n\n# the operators\nops:0p3rat0r\nviewer:look\n")
                                   << QStringList{u"1 admin:secret"_s, u"4 ops:0p3rat0r"_s, u"5 viewer:look"_s};
    QTest::newRow("CRLF line ends") << QByteArray("# written on Windows\r\nadmin:secret\r\n\r\nops:other\r\n")
                                    << QStringList{u"2 admin:secret"_s, u"4 ops:other"_s};
    QTest::newRow("old kvmd suffix ignored") << QByteArray("admin:secret -> kvmduser:kvmdpass\nops:other -> x:y\r\n")
                                             << QStringList{u"1 admin:secret"_s, u"2 ops:other"_s};
    QTest::newRow("password with colons kept whole")
        << QByteArray("admin:pa:ss:word\nops::leading\n") << QStringList{u"1 admin:pa:ss:word"_s, u"2 ops::leading"_s};
    QTest::newRow("user name trimmed") << QByteArray("  admin\t:secret\n ops :other\n")
                                       << QStringList{u"1 admin:secret"_s, u"2 ops:other"_s};
    QTest::newRow("password spaces kept") << QByteArray("admin: pass word ") << QStringList{u"1 admin: pass word "_s};
    QTest::newRow("password with '#' is not a comment")
        << QByteArray("admin:#secret") << QStringList{u"1 admin:#secret"_s};
    QTest::newRow("longest user name and password") << QByteArray("abcdefghijklmnop:12345678901234567890")
                                                    << QStringList{u"1 abcdefghijklmnop:12345678901234567890"_s};
    QTest::newRow("user name characters")
        << QByteArray("_a.b-c9:x\n9z:y") << QStringList{u"1 _a.b-c9:x"_s, u"2 9z:y"_s};
    QTest::newRow("user names are case-sensitive")
        << QByteArray("admin:x\nAdmin:y") << QStringList{u"1 admin:x"_s, u"2 Admin:y"_s};
    QTest::newRow("UTF-8 password within 20 bytes")
        << QByteArray("admin:\xd0\xbf\xd0\xb0\xd1\x80\xd0\xbe\xd0\xbb\xd1\x8c") << QStringList{u"1 admin:пароль"_s};
}

void tst_IpmiPasswordFile::parses()
{
    QFETCH(QByteArray, content);
    QFETCH(QStringList, entries);

    const IpmiPasswordFile::Result result = IpmiPasswordFile::parse(fileName, content);
    QVERIFY2(!result.error, qPrintable(result.error ? result.error->toString() : QString()));
    QCOMPARE(describe(result.entries), entries);
}

void tst_IpmiPasswordFile::passwordIsKeptAsBytes()
{
    const IpmiPasswordFile::Result result = IpmiPasswordFile::parse(fileName, "root:\xc3\xa9t\xc3\xa9:1 -> a:b\r\n");
    QVERIFY(!result.error);
    QCOMPARE(result.entries.size(), 1);
    QCOMPARE(result.entries.at(0).user, u"root"_s);
    QCOMPARE(result.entries.at(0).password, QByteArray("\xc3\xa9t\xc3\xa9:1"));
    QCOMPARE(result.entries.at(0).line, 1);
}

void tst_IpmiPasswordFile::rejects_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("error");

    const QString nameRule = u"expected 1 to 16 letters, digits, '_', '.' or '-', not starting with '.' or '-'"_s;
    const QString passwordRule = u"expected 1 to 20 bytes without control characters"_s;

    QTest::newRow("no colon") << QByteArray("# users\nadmin\n") << u"/etc/kvmd/ipmipasswd:2: expected user:password"_s;
    QTest::newRow("colon only in the old suffix")
        << QByteArray("admin -> kvmd:pass") << u"/etc/kvmd/ipmipasswd:1: expected user:password"_s;
    QTest::newRow("empty user") << QByteArray(":secret") << u"/etc/kvmd/ipmipasswd:1: empty user name"_s;
    QTest::newRow("blank user") << QByteArray("admin:x\n   :secret\r\n")
                                << u"/etc/kvmd/ipmipasswd:2: empty user name"_s;
    QTest::newRow("space in user name") << QByteArray("ad min:secret")
                                        << u"/etc/kvmd/ipmipasswd:1: user name \"ad min\" is not valid; "_s + nameRule;
    QTest::newRow("user name starting with '-'")
        << QByteArray("-admin:secret") << u"/etc/kvmd/ipmipasswd:1: user name \"-admin\" is not valid; "_s + nameRule;
    QTest::newRow("user name starting with '.'")
        << QByteArray(".admin:secret") << u"/etc/kvmd/ipmipasswd:1: user name \".admin\" is not valid; "_s + nameRule;
    QTest::newRow("user name of 17 characters")
        << QByteArray("abcdefghijklmnopq:secret")
        << u"/etc/kvmd/ipmipasswd:1: user name \"abcdefghijklmnopq\" is not valid; "_s + nameRule;
    QTest::newRow("user name not ASCII") << QByteArray("\xc3\xa9mile:secret")
                                         << u"/etc/kvmd/ipmipasswd:1: user name \"émile\" is not valid; "_s + nameRule;
    QTest::newRow("duplicate user") << QByteArray("admin:one\n# again\nops:x\nadmin:two\n")
                                    << u"/etc/kvmd/ipmipasswd:4: user \"admin\" is listed twice (also on line 1)"_s;
    QTest::newRow("duplicate user, differently spaced")
        << QByteArray("\nadmin:one\r\n  admin :two -> a:b\r\n")
        << u"/etc/kvmd/ipmipasswd:3: user \"admin\" is listed twice (also on line 2)"_s;
    QTest::newRow("empty password") << QByteArray("admin:")
                                    << u"/etc/kvmd/ipmipasswd:1: user \"admin\" has an empty password"_s;
    QTest::newRow("empty password before the old suffix")
        << QByteArray("admin: -> kvmd:pass") << u"/etc/kvmd/ipmipasswd:1: user \"admin\" has an empty password"_s;
    QTest::newRow("password of 21 bytes")
        << QByteArray("admin:123456789012345678901")
        << u"/etc/kvmd/ipmipasswd:1: the password of \"admin\" is not valid; "_s + passwordRule;
    QTest::newRow("UTF-8 password over 20 bytes") // 11 characters, 22 bytes
        << QByteArray("admin:\xd0\xbf\xd0\xb0\xd1\x80\xd0\xbe\xd0\xbb\xd1\x8c\xd0\xbf\xd0\xb0\xd1\x80\xd0\xbe\xd0\xbb")
        << u"/etc/kvmd/ipmipasswd:1: the password of \"admin\" is not valid; "_s + passwordRule;
    QTest::newRow("tab in password") << QByteArray(
        "admin:pass\tword") << u"/etc/kvmd/ipmipasswd:1: the password of \"admin\" is not valid; "_s + passwordRule;
    QTest::newRow("DEL in password") << QByteArray(
        "admin:pass\x7fword") << u"/etc/kvmd/ipmipasswd:1: the password of \"admin\" is not valid; "_s + passwordRule;
    QTest::newRow("NUL in password") << QByteArray(
        "admin:pass\0word", 15) << u"/etc/kvmd/ipmipasswd:1: the password of \"admin\" is not valid; "_s + passwordRule;
    QTest::newRow("stray carriage return in password")
        << QByteArray("ops:x\nadmin:secret\r\r\n")
        << u"/etc/kvmd/ipmipasswd:2: the password of \"admin\" is not valid; "_s + passwordRule;
}

void tst_IpmiPasswordFile::rejects()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, error);

    const IpmiPasswordFile::Result result = IpmiPasswordFile::parse(fileName, content);
    QVERIFY(result.error);
    QCOMPARE(result.error->toString(), error);
    QCOMPARE(result.error->file, fileName);
    QVERIFY(result.error->key.isEmpty());
    // One bad line rejects the whole file: no user of it is half-loaded.
    QVERIFY(result.entries.isEmpty());
}

QTEST_GUILESS_MAIN(tst_IpmiPasswordFile)
#include "tst_ipmipasswordfile.moc"
