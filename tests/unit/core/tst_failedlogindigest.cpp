#include "FailedLoginDigest.h"
#include "ManualClock.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class tst_FailedLoginDigest : public QObject
{
    Q_OBJECT
private slots:
    void aFloodBecomesOneSummaryPerMinute();
    void addressesCountApart();
    void memoryIsBounded();
};

// 2,000 failures for 2,000 names from one address: three entries one by one, then one summary.
void tst_FailedLoginDigest::aFloodBecomesOneSummaryPerMinute()
{
    ManualClock clock;
    FailedLoginDigest digest(3, 1min, clock);
    int individual = 0;
    for (int i = 0; i < 2000; ++i) {
        QVERIFY(digest.takeEnded().isEmpty());
        if (digest.record(u"192.0.2.9"_s, Actor::Origin::Redfish, u"user%1"_s.arg(i)))
            ++individual;
        clock.advance(10ms);
    }
    QCOMPARE(individual, 3);
    clock.advance(1min);
    const QList<FailedLoginDigest::Summary> summaries = digest.takeEnded();
    QCOMPARE(summaries.size(), 1);
    QCOMPARE(summaries.first().address, u"192.0.2.9"_s);
    QCOMPARE(summaries.first().failures, 1997);
    QCOMPARE(summaries.first().names, FailedLoginDigest::maxNames);
    QVERIFY(summaries.first().moreNames);
    QCOMPARE(summaries.first().origin, Actor::Origin::Redfish);
    QVERIFY(!digest.hasPending());
    // A new minute starts with failures logged one by one again.
    QVERIFY(digest.record(u"192.0.2.9"_s, Actor::Origin::Ipmi, u"admin"_s));
}

void tst_FailedLoginDigest::addressesCountApart()
{
    ManualClock clock;
    FailedLoginDigest digest(1, 1min, clock);
    QVERIFY(digest.record(u"192.0.2.1"_s, Actor::Origin::Ipmi, u"a"_s));
    QVERIFY(!digest.record(u"192.0.2.1"_s, Actor::Origin::Ipmi, u"a"_s));
    QVERIFY(digest.record(u"192.0.2.2"_s, Actor::Origin::Ipmi, u"a"_s));
    clock.advance(1min);
    const QList<FailedLoginDigest::Summary> summaries = digest.takeEnded();
    QCOMPARE(summaries.size(), 1); // the second address summarised nothing
    QCOMPARE(summaries.first().failures, 1);
    QCOMPARE(summaries.first().names, 1);
}

void tst_FailedLoginDigest::memoryIsBounded()
{
    ManualClock clock;
    FailedLoginDigest digest(1, 1min, clock);
    for (int i = 0; i < 3 * FailedLoginDigest::maxAddresses; ++i)
        QVERIFY(digest.record(u"10.0.%1.%2"_s.arg(i / 256).arg(i % 256), Actor::Origin::Redfish, u"x"_s));
    clock.advance(1min);
    QVERIFY(digest.takeEnded().isEmpty());
    QVERIFY(!digest.hasPending());

    // An interval that ends early to make room still gets its summary.
    QVERIFY(digest.record(u"192.0.2.1"_s, Actor::Origin::Ipmi, u"a"_s));
    QVERIFY(!digest.record(u"192.0.2.1"_s, Actor::Origin::Ipmi, u"b"_s));
    clock.advance(1ms); // the oldest interval, the first to go
    for (int i = 0; i < FailedLoginDigest::maxAddresses; ++i)
        digest.record(u"10.1.%1.%2"_s.arg(i / 256).arg(i % 256), Actor::Origin::Redfish, u"x"_s);
    const QList<FailedLoginDigest::Summary> early = digest.takeEnded();
    QCOMPARE(early.size(), 1);
    QCOMPARE(early.first().address, u"192.0.2.1"_s);
    QCOMPARE(early.first().failures, 1);
}

QTEST_GUILESS_MAIN(tst_FailedLoginDigest)
#include "tst_failedlogindigest.moc"
