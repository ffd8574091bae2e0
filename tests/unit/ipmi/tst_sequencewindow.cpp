#include "SequenceWindow.h"

#include <QTest>

class tst_SequenceWindow : public QObject
{
    Q_OBJECT

private slots:
    void acceptsEachNumberOnce();
    void windowLimits();
    void wrapsAround();
    void zeroIsNeverValid();
};

void tst_SequenceWindow::acceptsEachNumberOnce()
{
    SequenceWindow window;
    QVERIFY(window.accept(100));
    QVERIFY(!window.accept(100));
    QVERIFY(window.accept(101));
    QVERIFY(window.accept(99)); // late, not seen before
    QVERIFY(!window.accept(99));
}

void tst_SequenceWindow::windowLimits()
{
    SequenceWindow window;
    QVERIFY(window.accept(1000));
    QVERIFY(!window.accept(1000 + SequenceWindow::ahead + 1));
    QVERIFY(window.accept(1000 + SequenceWindow::ahead)); // highest is now 1016
    QVERIFY(window.accept(1016 - SequenceWindow::behind + 1));
    QVERIFY(!window.accept(1016 - SequenceWindow::behind - 1));
    QVERIFY(!window.accept(1016 - SequenceWindow::behind)); // 1000: seen, at the window's edge
}

void tst_SequenceWindow::wrapsAround()
{
    SequenceWindow window;
    QVERIFY(window.accept(0xFFFFFFF0));
    QVERIFY(window.accept(0xFFFFFFFF));
    QVERIFY(window.accept(3)); // past the wrap, 0 skipped
    QVERIFY(!window.accept(3));
    QVERIFY(window.accept(0xFFFFFFFE)); // late, from before the wrap
}

void tst_SequenceWindow::zeroIsNeverValid()
{
    SequenceWindow window;
    QVERIFY(!window.accept(0));
    QVERIFY(window.accept(5));
    QVERIFY(!window.accept(0));
}

QTEST_GUILESS_MAIN(tst_SequenceWindow)
#include "tst_sequencewindow.moc"
