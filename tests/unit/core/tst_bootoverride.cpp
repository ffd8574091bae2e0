#include "BootOverride.h"
#include "EventLog.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using Target = BootOverride::Target;
using Enabled = BootOverride::Enabled;
using Mode = BootOverride::Mode;

class tst_BootOverride : public QObject
{
    Q_OBJECT

private slots:
    void startsDisabled();
    void setIsPersistedAndLogged();
    void onceIsUsedUpByTheNextBoot();
    void continuousStays();
    void theBootUnderWayKeepsItsOnceTarget();
    void namesFollowRedfish();
    void damagedFileMeansNoOverride();
};

void tst_BootOverride::startsDisabled()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 10);
    BootOverride boot(dir.path(), &log);
    QCOMPARE(boot.target(), Target::None);
    QCOMPARE(boot.enabled(), Enabled::Disabled);
    QCOMPARE(boot.mode(), Mode::UEFI);
}

void tst_BootOverride::setIsPersistedAndLogged()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 10);
    {
        BootOverride boot(dir.path(), &log);
        QSignalSpy changed(&boot, &BootOverride::changed);
        boot.set(Target::Pxe, Enabled::Continuous, Mode::Legacy, Actor::redfish(u"ironic"_s));
        boot.set(Target::Pxe, Enabled::Continuous, Mode::Legacy, Actor::redfish(u"ironic"_s));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(log.entries().last().message, u"Boot override set to Pxe (Continuous, Legacy)"_s);
        QCOMPARE(log.entries().last().actor, Actor::redfish(u"ironic"_s));
    }
    BootOverride boot(dir.path(), &log);
    QCOMPARE(boot.target(), Target::Pxe);
    QCOMPARE(boot.enabled(), Enabled::Continuous);
    QCOMPARE(boot.mode(), Mode::Legacy);
}

void tst_BootOverride::onceIsUsedUpByTheNextBoot()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 10);
    BootOverride boot(dir.path(), &log);
    boot.set(Target::Cd, Enabled::Once, Mode::UEFI, Actor::ipmi(u"admin"_s));
    QSignalSpy changed(&boot, &BootOverride::changed);
    boot.consume(Actor::screen());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(boot.enabled(), Enabled::Disabled);
    QCOMPARE(boot.target(), Target::Cd);
    QCOMPARE(log.entries().last().message, u"Boot override Cd used for this boot; it is now disabled"_s);
    boot.consume(Actor::screen());
    QCOMPARE(changed.size(), 1);

    BootOverride reloaded(dir.path(), &log);
    QCOMPARE(reloaded.enabled(), Enabled::Disabled);
}

void tst_BootOverride::continuousStays()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 10);
    BootOverride boot(dir.path(), &log);
    boot.set(Target::Hdd, Enabled::Continuous, Mode::UEFI, Actor::ipmi(u"admin"_s));
    boot.consume(Actor::screen());
    QCOMPARE(boot.enabled(), Enabled::Continuous);
}

void tst_BootOverride::theBootUnderWayKeepsItsOnceTarget()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 10);
    BootOverride boot(dir.path(), &log);
    QCOMPARE(boot.targetForThisBoot(), Target::None);
    boot.set(Target::Cd, Enabled::Once, Mode::UEFI, Actor::ipmi(u"admin"_s));
    QCOMPARE(boot.targetForThisBoot(), Target::Cd);
    // qbmc powers on and uses the override up; the firmware asks only afterwards.
    boot.consume(Actor::screen());
    QCOMPARE(boot.targetForThisBoot(), Target::Cd);
    boot.bootEnded();
    QCOMPARE(boot.targetForThisBoot(), Target::None);
}

void tst_BootOverride::namesFollowRedfish()
{
    QCOMPARE(BootOverride::name(Target::BiosSetup), u"BiosSetup"_s);
    QCOMPARE(BootOverride::fromName<Target>(u"Usb"_s), Target::Usb);
    QCOMPARE(BootOverride::fromName<Target>(u"Floppy"_s), std::nullopt);
    QCOMPARE(BootOverride::fromName<Mode>(u"UEFI"_s), Mode::UEFI);
}

void tst_BootOverride::damagedFileMeansNoOverride()
{
    QTemporaryDir dir;
    const QString path = QDir(dir.path()).filePath(u"boot.json"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"version":1,"target":"Floppy","enabled":"Once","mode":"UEFI"})");
    }
    EventLog log(dir.path(), 10);
    BootOverride boot(dir.path(), &log);
    QCOMPARE(boot.target(), Target::None);
    QCOMPARE(boot.enabled(), Enabled::Disabled);
    QCOMPARE(log.entries().last().severity, EventLogEntry::Severity::Critical);
    QCOMPARE(QDir(dir.path()).entryList({u"boot.json.corrupt-*"_s}).size(), 1);
}

QTEST_GUILESS_MAIN(tst_BootOverride)
#include "tst_bootoverride.moc"
