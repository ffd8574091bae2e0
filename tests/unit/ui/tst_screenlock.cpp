#include "EventLog.h"
#include "ScreenLock.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class tst_ScreenLock : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLoggingCategory::setFilterRules(u"qbmc.events=false"_s); }
    void withoutPinNothingLocks();
    void pinUnlocksAndWrongPinsAreLogged();
    void repeatedWrongPinsMakeThePadWait();
    void darkScreenLocksAndTheWakingTouchIsSwallowed();
};

void tst_ScreenLock::withoutPinNothingLocks()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 64);
    ScreenLock lock({}, 0ms, &log);
    QVERIFY(!lock.isPinRequired());
    QVERIFY(!lock.isLocked());
    lock.lock();
    QVERIFY(!lock.isLocked());
    QVERIFY(lock.checkPin(u"anything"_s, u"test"_s));
}

void tst_ScreenLock::pinUnlocksAndWrongPinsAreLogged()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 64);
    ScreenLock lock(u"4711"_s, 0ms, &log);
    QVERIFY(lock.isLocked());
    const int before = log.count();
    QVERIFY(!lock.unlock(u"1234"_s));
    QVERIFY(lock.isLocked());
    QCOMPARE(log.count(), before + 1);
    QCOMPARE(log.entries().constLast().actor.origin, Actor::Origin::Screen);
    QVERIFY(!log.entries().constLast().message.contains(u"1234"_s));
    QVERIFY(lock.unlock(u"4711"_s));
    QVERIFY(!lock.isLocked());
}

void tst_ScreenLock::repeatedWrongPinsMakeThePadWait()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 64);
    ScreenLock lock(u"4711"_s, 0ms, &log);
    for (int i = 0; i < ScreenLock::failuresBeforeWait; ++i)
        QVERIFY(!lock.unlock(u"0000"_s));
    QVERIFY(lock.isWaiting());
    // Even the right PIN waits: guessing cannot go faster.
    QVERIFY(!lock.unlock(u"4711"_s));
    QVERIFY(lock.isLocked());
}

void tst_ScreenLock::darkScreenLocksAndTheWakingTouchIsSwallowed()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 64);
    ScreenLock lock(u"4711"_s, 100ms, &log);
    QVERIFY(lock.unlock(u"4711"_s));
    QSignalSpy screen(&lock, &ScreenLock::screenOnChanged);
    QTRY_VERIFY(!lock.isScreenOn());
    QVERIFY(lock.isLocked());

    QObject target;
    QEvent press(QEvent::MouseButtonPress);
    // Delivered through the application's filters, as a real touch is.
    QVERIFY(QCoreApplication::sendEvent(&target, &press));
    QVERIFY(lock.isScreenOn());
    QVERIFY(lock.isLocked());
    QEvent second(QEvent::MouseButtonPress);
    QVERIFY(!QCoreApplication::sendEvent(&target, &second));
}

QTEST_GUILESS_MAIN(tst_ScreenLock)
#include "tst_screenlock.moc"
