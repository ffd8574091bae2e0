#include "ConsoleHistory.h"

#include <QTest>

class tst_ConsoleHistory : public QObject
{
    Q_OBJECT

private slots:
    void startsEmpty();
    void keepsWhatFits();
    void wrapsAround();
    void dataLargerThanTheRing();
    void readsFromAnOffsetThatMovedOn();
    void readsAtMostTheMaximum();
};

void tst_ConsoleHistory::startsEmpty()
{
    ConsoleHistory history(8);
    QCOMPARE(history.startOffset(), 0);
    QCOMPARE(history.endOffset(), 0);
    QCOMPARE(history.read(0, 100), QByteArray());
}

void tst_ConsoleHistory::keepsWhatFits()
{
    ConsoleHistory history(8);
    history.append("abc");
    history.append("de");
    QCOMPARE(history.read(0, 100), QByteArray("abcde"));
    QCOMPARE(history.read(3, 100), QByteArray("de"));
    QCOMPARE(history.endOffset(), 5);
}

void tst_ConsoleHistory::wrapsAround()
{
    ConsoleHistory history(8);
    history.append("0123456");
    history.append("789ab");
    QCOMPARE(history.startOffset(), 4);
    QCOMPARE(history.endOffset(), 12);
    QCOMPARE(history.read(4, 100), QByteArray("456789ab"));
    QCOMPARE(history.read(10, 100), QByteArray("ab"));
}

void tst_ConsoleHistory::dataLargerThanTheRing()
{
    ConsoleHistory history(4);
    history.append("x");
    history.append("0123456789");
    QCOMPARE(history.startOffset(), 7);
    QCOMPARE(history.read(0, 100), QByteArray("6789"));
}

void tst_ConsoleHistory::readsFromAnOffsetThatMovedOn()
{
    ConsoleHistory history(4);
    history.append("abcdefgh");
    QCOMPARE(history.read(1, 2), QByteArray("ef"));
    QCOMPARE(history.read(100, 2), QByteArray());
}

void tst_ConsoleHistory::readsAtMostTheMaximum()
{
    ConsoleHistory history(1024);
    QByteArray data;
    for (int i = 0; i < 3000; ++i)
        data += char(i);
    history.append(data);
    QCOMPARE(history.read(history.startOffset(), 255), data.mid(3000 - 1024, 255));
    QCOMPARE(history.read(2990, 255), data.mid(2990));
}

QTEST_APPLESS_MAIN(tst_ConsoleHistory)
#include "tst_consolehistory.moc"
