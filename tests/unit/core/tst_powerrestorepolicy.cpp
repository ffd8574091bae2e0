#include "Configuration.h"
#include "EventLog.h"
#include "FakeHostBackend.h"
#include "PowerController.h"
#include "PowerRestorePolicy.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using Policy = PowerRestorePolicy::Policy;
using Led = HostBackend::LedState;

class tst_PowerRestorePolicy : public QObject
{
    Q_OBJECT

private slots:
    void apply_data();
    void apply();
    void unknownStateIsNotTouched();
    void setPolicyPersists();
    void damagedStateFileMeansLastStateOff();
};

void tst_PowerRestorePolicy::apply_data()
{
    QTest::addColumn<Policy>("policy");
    QTest::addColumn<bool>("wasOn");
    QTest::addColumn<Led>("led");
    QTest::addColumn<bool>("powersOn");

    QTest::newRow("always_off leaves an off host off") << Policy::AlwaysOff << true << Led::Off << false;
    QTest::newRow("always_off never powers a running host off") << Policy::AlwaysOff << true << Led::On << false;
    QTest::newRow("always_on powers on") << Policy::AlwaysOn << false << Led::Off << true;
    QTest::newRow("always_on with a running host") << Policy::AlwaysOn << false << Led::On << false;
    QTest::newRow("last_state on") << Policy::LastState << true << Led::Off << true;
    QTest::newRow("last_state off") << Policy::LastState << false << Led::Off << false;
}

void tst_PowerRestorePolicy::apply()
{
    QFETCH(Policy, policy);
    QFETCH(bool, wasOn);
    QFETCH(Led, led);
    QFETCH(bool, powersOn);

    QTemporaryDir dir;
    {
        QFile file(QDir(dir.path()).filePath(u"power.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(wasOn ? R"({"version":1,"lastState":"On"})" : R"({"version":1,"lastState":"Off"})");
    }
    EventLog log(dir.path(), 20);
    Configuration configuration;
    configuration.attachState(dir.path());
    QVERIFY(!configuration.setRuntimeValue(ConfigKeys::powerRestorePolicy, PowerRestorePolicy::configName(policy)));
    FakeHostBackend backend;
    backend.led = led;
    PowerController power(&backend, &log, {});
    PowerRestorePolicy restore(&configuration, &power, &log, dir.path());
    restore.apply();
    QCOMPARE(backend.presses.size(), powersOn ? 1 : 0);
    if (powersOn) {
        QCOMPARE(power.currentAction(), PowerController::Action::On);
        QCOMPARE(power.lastRequest()->actor, Actor::bmc());
    }
}

void tst_PowerRestorePolicy::unknownStateIsNotTouched()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 20);
    Configuration configuration;
    QVERIFY(!configuration.setRuntimeValue(ConfigKeys::powerRestorePolicy, QString(u"always_on"_s)));
    FakeHostBackend backend;
    backend.led = Led::Unknown;
    PowerController power(&backend, &log, {});
    PowerRestorePolicy restore(&configuration, &power, &log, dir.path());
    restore.apply();
    QVERIFY(backend.presses.isEmpty());
    QCOMPARE(log.entries().last().message,
             u"Power restore policy always_on not applied: the host's power state is unknown"_s);
}

void tst_PowerRestorePolicy::setPolicyPersists()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 20);
    FakeHostBackend backend;
    PowerController power(&backend, &log, {});
    {
        Configuration configuration;
        configuration.attachState(dir.path());
        PowerRestorePolicy restore(&configuration, &power, &log, dir.path());
        QCOMPARE(restore.policy(), Policy::AlwaysOff);
        QCOMPARE(restore.setPolicy(Policy::LastState, Actor::redfish(u"admin"_s)), std::nullopt);
        QCOMPARE(log.entries().last().message, u"Power restore policy changed from always_off to last_state"_s);
        // The host's state is recorded as it changes, for last_state.
        restore.apply();
        backend.setLed(Led::On);
    }
    Configuration configuration;
    configuration.attachState(dir.path());
    PowerRestorePolicy restore(&configuration, &power, &log, dir.path());
    QCOMPARE(restore.policy(), Policy::LastState);
    backend.led = Led::Off;
    PowerController freshPower(&backend, &log, {});
    PowerRestorePolicy afterRestart(&configuration, &freshPower, &log, dir.path());
    afterRestart.apply();
    QCOMPARE(freshPower.currentAction(), PowerController::Action::On);
}

void tst_PowerRestorePolicy::damagedStateFileMeansLastStateOff()
{
    QTemporaryDir dir;
    const QByteArray damaged = R"({"version":1,"lastState":"Sideways"})";
    {
        QFile file(QDir(dir.path()).filePath(u"power.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(damaged);
    }
    EventLog log(dir.path(), 20);
    Configuration configuration;
    QVERIFY(!configuration.setRuntimeValue(ConfigKeys::powerRestorePolicy, QString(u"last_state"_s)));
    FakeHostBackend backend;
    PowerController power(&backend, &log, {});
    PowerRestorePolicy restore(&configuration, &power, &log, dir.path());
    restore.apply();
    QVERIFY(backend.presses.isEmpty());
    QCOMPARE(log.entries().first().severity, EventLogEntry::Severity::Critical);
    QVERIFY(log.entries().first().message.startsWith(
        u"The power state file %1/power.json could not be used (lastState is neither On nor Off)"_s.arg(dir.path())));
    const QStringList aside = QDir(dir.path()).entryList({u"power.json.corrupt-*"_s});
    QCOMPARE(aside.size(), 1);
    QFile kept(QDir(dir.path()).filePath(aside.first()));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), damaged);
}

QTEST_GUILESS_MAIN(tst_PowerRestorePolicy)
#include "tst_powerrestorepolicy.moc"
