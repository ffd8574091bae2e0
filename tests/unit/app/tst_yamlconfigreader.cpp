#include "YamlConfigReader.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_YamlConfigReader : public QObject
{
    Q_OBJECT

private slots:
    void leavesWithTheirLines();
    void kindsOfValues();
    void emptyFileHasNoEntries();
    void problems_data();
    void problems();
    void unreadableFile();
};

void tst_YamlConfigReader::leavesWithTheirLines()
{
    const auto result = YamlConfigReader::parse(
        u"qbmc.yaml"_s, "# comment\nipmi:\n  port: 623\n  sol:\n    speed: 9600\nhost:\n  backend: sim\n");
    QVERIFY(!result.error);
    QCOMPARE(result.entries.size(), 3);
    QCOMPARE(result.entries.at(0).path, u"ipmi.port"_s);
    QCOMPARE(result.entries.at(0).line, 3);
    QCOMPARE(result.entries.at(0).scalar, u"623"_s);
    QCOMPARE(result.entries.at(1).path, u"ipmi.sol.speed"_s);
    QCOMPARE(result.entries.at(1).segmentLines, (QList<int>{2, 4, 5}));
    QCOMPARE(result.entries.at(2).path, u"host.backend"_s);
}

void tst_YamlConfigReader::kindsOfValues()
{
    const auto result = YamlConfigReader::parse(u"f"_s, "a: [17, 3]\nb:\nc: {}\nd: \"\"\ne: ~\n");
    QVERIFY(!result.error);
    QCOMPARE(result.entries.size(), 5);
    QCOMPARE(result.entries.at(0).kind, ConfigEntry::Kind::List);
    QCOMPARE(result.entries.at(0).items, (QStringList{u"17"_s, u"3"_s}));
    QCOMPARE(result.entries.at(1).kind, ConfigEntry::Kind::Null);
    QCOMPARE(result.entries.at(2).kind, ConfigEntry::Kind::Mapping);
    QCOMPARE(result.entries.at(3).kind, ConfigEntry::Kind::Scalar);
    QCOMPARE(result.entries.at(3).scalar, QString());
    QCOMPARE(result.entries.at(4).kind, ConfigEntry::Kind::Null);
}

void tst_YamlConfigReader::emptyFileHasNoEntries()
{
    QVERIFY(YamlConfigReader::parse(u"f"_s, "").entries.isEmpty());
    QVERIFY(!YamlConfigReader::parse(u"f"_s, "# only a comment\n").error);
}

void tst_YamlConfigReader::problems_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("expected");
    QTest::newRow("syntax") << QByteArray("ipmi:\n  port: 623\n bad") << u"f:3: YAML syntax error: "_s;
    QTest::newRow("top level list") << QByteArray("- ipmi\n- redfish\n")
                                    << u"f:1: expected a mapping of sections (like \"ipmi:\") at the top level"_s;
    QTest::newRow("top level scalar") << QByteArray("hello\n")
                                      << u"f:1: expected a mapping of sections (like \"ipmi:\") at the top level"_s;
    QTest::newRow("duplicate key") << QByteArray("ipmi:\n  port: 1\nipmi:\n  port: 2\n")
                                   << u"f:3: ipmi: duplicate key"_s;
    QTest::newRow("list of mappings") << QByteArray("ipmi:\n  cipher_suites:\n    - a: 1\n")
                                      << u"f:3: ipmi.cipher_suites: lists may hold only plain values"_s;
    QTest::newRow("mapping as a key") << QByteArray("? {a: 1}\n: 2\n") << u"f:1: keys must be plain names"_s;
}

void tst_YamlConfigReader::problems()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, expected);
    const auto result = YamlConfigReader::parse(u"f"_s, yaml);
    QVERIFY(result.error);
    QVERIFY2(result.error->toString().startsWith(expected), qPrintable(result.error->toString()));
    QVERIFY(result.entries.isEmpty());
}

void tst_YamlConfigReader::unreadableFile()
{
    QTemporaryDir dir;
    const auto result = YamlConfigReader::readFile(dir.filePath(u"missing.yaml"_s));
    QCOMPARE(result.error->toString(), dir.filePath(u"missing.yaml"_s) + u": cannot read: No such file or directory"_s);
}

QTEST_GUILESS_MAIN(tst_YamlConfigReader)
#include "tst_yamlconfigreader.moc"
