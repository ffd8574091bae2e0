#include "LoginThrottle.h"

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
    LoginThrottle throttle(2, 200ms);
    throttle.recordFailure(u"::1"_s);
    throttle.recordFailure(u"::1"_s);
    QVERIFY(throttle.isBlocked(u"::1"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!throttle.isBlocked(u"::1"_s), 10000);
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
