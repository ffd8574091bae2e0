#include "ScreenRowCache.h"

#include "TerminalScreen.h"

#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

// The rows every screen client is sent from: a row's serial moves only when the row reads differently.
class tst_ScreenRowCache : public QObject
{
    Q_OBJECT
private slots:
    void encodesEveryRowFirst();
    void onlyChangedRowsGetNewSerials();
    void unchangedOutputChangesNothing();
};

void tst_ScreenRowCache::encodesEveryRowFirst()
{
    TerminalScreen screen(10, 4, 0);
    ScreenRowCache rows(&screen);
    rows.refresh();
    QCOMPARE(rows.rows(), 4);
    QCOMPARE(rows.columns(), 10);
    for (int row = 0; row < 4; ++row) {
        QVERIFY(rows.serial(row) != 0);
        QCOMPARE(rows.runs(row).at(0).toObject().value(u"text"_s).toString(), QString(10, u' '));
    }
}

void tst_ScreenRowCache::onlyChangedRowsGetNewSerials()
{
    TerminalScreen screen(10, 4, 0);
    ScreenRowCache rows(&screen);
    rows.refresh();
    const QList<quint64> before{rows.serial(0), rows.serial(1), rows.serial(2), rows.serial(3)};
    screen.feed("\x1b[3;1Hthird");
    rows.refresh();
    QCOMPARE(rows.serial(0), before.at(0));
    QCOMPARE(rows.serial(1), before.at(1));
    QVERIFY(rows.serial(2) > before.at(3));
    QCOMPARE(rows.serial(3), before.at(3));
    QCOMPARE(rows.runs(2).at(0).toObject().value(u"text"_s).toString(), u"third     "_s);
}

void tst_ScreenRowCache::unchangedOutputChangesNothing()
{
    TerminalScreen screen(10, 4, 0);
    screen.feed("same");
    ScreenRowCache rows(&screen);
    rows.refresh();
    const quint64 serial = rows.serial(0);
    // The host draws the same text again: the terminal changed, the row did not.
    screen.feed("\r\x1b[Ksame");
    rows.refresh();
    QCOMPARE(rows.serial(0), serial);
}

QTEST_GUILESS_MAIN(tst_ScreenRowCache)
#include "tst_screenrowcache.moc"
