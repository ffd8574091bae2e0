#include "LoginThrottle.h"
#include "ManualClock.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class tst_LoginThrottle : public QObject
{
    Q_OBJECT

private slots:
    void blocksOneAddressAfterItsFailures();
    void failuresStopCountingAfterThePeriod();
    void zeroFailuresNeverBlocks();
};

void tst_LoginThrottle::blocksOneAddressAfterItsFailures()
{
    LoginThrottle throttle(3, 10min);
    for (int i = 0; i < 2; ++i)
        throttle.recordFailure(u"192.0.2.1"_s);
    QVERIFY(!throttle.isBlocked(u"192.0.2.1"_s));
    throttle.recordFailure(u"192.0.2.1"_s);
    QVERIFY(throttle.isBlocked(u"192.0.2.1"_s));
    QVERIFY(!throttle.isBlocked(u"192.0.2.2"_s));
}

void tst_LoginThrottle::failuresStopCountingAfterThePeriod()
{
    ManualClock clock;
    LoginThrottle throttle(2, 200ms, clock);
    throttle.recordFailure(u"::1"_s);
    clock.advance(50ms);
    throttle.recordFailure(u"::1"_s);
    QVERIFY(throttle.isBlocked(u"::1"_s));
    // Blocked until the oldest failure is a period old; then one failure counts, which is not enough.
    clock.advance(149ms);
    QVERIFY(throttle.isBlocked(u"::1"_s));
    clock.advance(1ms);
    QVERIFY(!throttle.isBlocked(u"::1"_s));
}

void tst_LoginThrottle::zeroFailuresNeverBlocks()
{
    LoginThrottle throttle(0, 10min);
    for (int i = 0; i < 100; ++i)
        throttle.recordFailure(u"192.0.2.1"_s);
    QVERIFY(!throttle.isBlocked(u"192.0.2.1"_s));
}

QTEST_GUILESS_MAIN(tst_LoginThrottle)
#include "tst_loginthrottle.moc"
