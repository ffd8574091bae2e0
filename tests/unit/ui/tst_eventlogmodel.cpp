#include "EventLog.h"
#include "EventLogModel.h"

#include <QAbstractItemModelTester>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_EventLogModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLoggingCategory::setFilterRules(u"qbmc.events=false"_s); }
    void newestFirst();
    void filterByOrigin();
    void followsAFullLogAndAClear();
};

void tst_EventLogModel::newestFirst()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 64);
    log.info(Actor::bmc(), u"started"_s);
    EventLogModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    log.warning(Actor::ipmi(u"admin"_s), u"login failed"_s);
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex newest = model.index(0);
    QCOMPARE(model.data(newest, EventLogModel::MessageRole).toString(), u"login failed"_s);
    QCOMPARE(model.data(newest, EventLogModel::SeverityRole).toString(), u"warning"_s);
    QCOMPARE(model.data(newest, EventLogModel::OriginRole).toString(), u"ipmi"_s);
    QCOMPARE(model.data(newest, EventLogModel::UserRole).toString(), u"admin"_s);
    QVERIFY(model.data(newest, EventLogModel::TimeRole).toDateTime().isValid());
}

void tst_EventLogModel::filterByOrigin()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 64);
    EventLogModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    log.info(Actor::screen(), u"pressed"_s);
    log.info(Actor::redfish(u"ops"_s), u"reset"_s);
    model.setOriginFilter(u"panel"_s);
    QCOMPARE(model.rowCount(), 1);
    log.info(Actor::redfish(u"ops"_s), u"again"_s);
    QCOMPARE(model.rowCount(), 1);
    log.info(Actor::screen(), u"pressed again"_s);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(0), EventLogModel::MessageRole).toString(), u"pressed again"_s);
    model.setOriginFilter({});
    QCOMPARE(model.rowCount(), 4);
}

void tst_EventLogModel::followsAFullLogAndAClear()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 16);
    EventLogModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    log.critical(Actor::host(), u"overheated"_s);
    for (int i = 0; i < 40; ++i)
        log.info(Actor::host(), u"event %1"_s.arg(i));
    QCOMPARE(model.rowCount(), log.count());
    QCOMPARE(model.data(model.index(0), EventLogModel::EntryIdRole).toUInt(), log.entries().constLast().id);
    // The critical entry stays, at the bottom, while the information after it comes and goes.
    QCOMPARE(model.data(model.index(model.rowCount() - 1), EventLogModel::MessageRole).toString(), u"overheated"_s);
    log.clear(Actor::screen());
    QCOMPARE(model.rowCount(), log.count());
}

QTEST_GUILESS_MAIN(tst_EventLogModel)
#include "tst_eventlogmodel.moc"
