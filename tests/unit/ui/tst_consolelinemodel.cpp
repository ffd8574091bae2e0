#include "ConsoleLineModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_ConsoleLineModel : public QObject
{
    Q_OBJECT
private slots:
    void bytesBecomeLines_data();
    void bytesBecomeLines();
    void utf8SplitAcrossChunks();
    void aBurstIsOneInsertion();
    void oldestLinesGo();
};

void tst_ConsoleLineModel::bytesBecomeLines_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("lines");
    QTest::newRow("crlf") << QByteArray("one\r\ntwo\r\n") << QStringList{u"one"_s, u"two"_s, QString()};
    QTest::newRow("partial line") << QByteArray("login: ") << QStringList{u"login: "_s};
    QTest::newRow("colours left out") << QByteArray("\x1b[1;32mOK\x1b[0m done") << QStringList{u"OK done"_s};
    QTest::newRow("title left out") << QByteArray("\x1b]0;host: ~\x07$ ") << QStringList{u"$ "_s};
    QTest::newRow("progress rewrites") << QByteArray(" 10%\r 50%\r100%\n") << QStringList{u"100%"_s, QString()};
    QTest::newRow("backspace") << QByteArray("lss\b -l") << QStringList{u"ls -l"_s};
    QTest::newRow("tab") << QByteArray("a\tb") << QStringList{u"a       b"_s};
    QTest::newRow("bell and nul dropped") << QByteArray("a\x07\0b", 4) << QStringList{u"ab"_s};
}

void tst_ConsoleLineModel::bytesBecomeLines()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, lines);
    ConsoleLineModel model(100);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(bytes);
    QCOMPARE(model.lines(), lines);
    QCOMPARE(model.data(model.index(0), ConsoleLineModel::TextRole).toString(), lines.constFirst());
}

void tst_ConsoleLineModel::utf8SplitAcrossChunks()
{
    ConsoleLineModel model(100);
    const QByteArray text = "Grüße 你好\n";
    for (char byte : text)
        model.append(QByteArray(1, byte));
    QCOMPARE(model.lines().constFirst(), u"Grüße 你好"_s);
}

void tst_ConsoleLineModel::aBurstIsOneInsertion()
{
    ConsoleLineModel model(100);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.append("first part");
    QCOMPARE(changed.size(), 1);
    model.append(" of it\na\nb\nc\n");
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.lines().constFirst(), u"first part of it"_s);
}

void tst_ConsoleLineModel::oldestLinesGo()
{
    ConsoleLineModel model(3);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append("1\n2\n3\n4\n5");
    QCOMPARE(model.lines(), (QStringList{u"3"_s, u"4"_s, u"5"_s}));
    model.clear();
    QCOMPARE(model.lines(), QStringList{QString()});
}

QTEST_GUILESS_MAIN(tst_ConsoleLineModel)
#include "tst_consolelinemodel.moc"
