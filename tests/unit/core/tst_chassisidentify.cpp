#include "ChassisIdentify.h"
#include "EventLog.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class tst_ChassisIdentify : public QObject
{
    Q_OBJECT

private slots:
    void temporaryTurnsItselfOff();
    void indefiniteStaysUntilTurnedOff();
};

void tst_ChassisIdentify::temporaryTurnsItselfOff()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 10);
    ChassisIdentify identify(&log);
    QSignalSpy changed(&identify, &ChassisIdentify::stateChanged);
    identify.turnOn(1s, Actor::ipmi(u"admin"_s));
    QCOMPARE(identify.state(), ChassisIdentify::State::Temporary);
    QVERIFY(identify.isActive());
    QCOMPARE(log.entries().last().message, u"Identify indicator on for 1 s"_s);
    QTRY_COMPARE_WITH_TIMEOUT(identify.state(), ChassisIdentify::State::Off, 10000);
    QCOMPARE(changed.size(), 2);
}

void tst_ChassisIdentify::indefiniteStaysUntilTurnedOff()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 10);
    ChassisIdentify identify(&log);
    identify.turnOn(0s, Actor::redfish(u"ops"_s));
    QCOMPARE(identify.state(), ChassisIdentify::State::Indefinite);
    identify.turnOff(Actor::screen());
    QCOMPARE(identify.state(), ChassisIdentify::State::Off);
    QCOMPARE(log.entries().last().message, u"Identify indicator off"_s);
    QCOMPARE(log.entries().last().actor, Actor::screen());
    const int entries = log.count();
    identify.turnOff(Actor::screen());
    QCOMPARE(log.count(), entries);
}

QTEST_GUILESS_MAIN(tst_ChassisIdentify)
#include "tst_chassisidentify.moc"
