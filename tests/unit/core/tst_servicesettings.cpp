#include "ConfigEntry.h"
#include "Configuration.h"
#include "EventLog.h"
#include "ServiceSettings.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class tst_ServiceSettings : public QObject
{
    Q_OBJECT

private slots:
    void ipmiSwitchPersistsAndWinsOverYaml();
    void solParametersRoundTrip();
    void refusedParametersChangeNothing();
};

void tst_ServiceSettings::ipmiSwitchPersistsAndWinsOverYaml()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 10);
    {
        Configuration configuration;
        configuration.attachState(dir.path());
        ServiceSettings settings(&configuration, &log);
        QVERIFY(settings.isIpmiEnabled());
        QSignalSpy changed(&settings, &ServiceSettings::ipmiEnabledChanged);
        QCOMPARE(settings.setIpmiEnabled(false, Actor::screen(u"tech"_s)), std::nullopt);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(log.entries().last().message, u"Setting ipmi.enabled changed from true to false"_s);
        QCOMPARE(log.entries().last().actor, Actor::screen(u"tech"_s));
    }
    // The YAML says on; the value changed at run time still wins.
    Configuration configuration;
    QVERIFY(!configuration.applyFile(
        u"qbmc.yaml"_s, {ConfigEntry{u"ipmi.enabled"_s, 3, ConfigEntry::Kind::Scalar, u"true"_s, {}, {}}}));
    configuration.attachState(dir.path());
    ServiceSettings settings(&configuration, &log);
    QVERIFY(!settings.isIpmiEnabled());
}

void tst_ServiceSettings::solParametersRoundTrip()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 10);
    Configuration configuration;
    configuration.attachState(dir.path());
    ServiceSettings settings(&configuration, &log);
    QCOMPARE(settings.solParameters(), ServiceSettings::SolParameters{});

    ServiceSettings::SolParameters parameters;
    parameters.privilege = Role::Administrator;
    parameters.accumulateInterval = 50ms;
    parameters.retryCount = 3;
    parameters.retryInterval = 200ms;
    parameters.bitRate = 57600;
    QSignalSpy changed(&settings, &ServiceSettings::solChanged);
    QCOMPARE(settings.setSolParameters(parameters, Actor::ipmi(u"admin"_s)), std::nullopt);
    QCOMPARE(settings.solParameters(), parameters);
    QVERIFY(changed.size() >= 1);
    QCOMPARE(configuration.source(ConfigKeys::ipmiSolSpeed).kind, Configuration::Source::Kind::State);
}

void tst_ServiceSettings::refusedParametersChangeNothing()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 10);
    Configuration configuration;
    configuration.attachState(dir.path());
    ServiceSettings settings(&configuration, &log);
    ServiceSettings::SolParameters parameters;
    parameters.retryCount = 3;
    parameters.bitRate = 12345;
    const std::optional<Failure> refused = settings.setSolParameters(parameters, Actor::ipmi(u"admin"_s));
    QVERIFY(refused);
    QCOMPARE(refused->message, u"ipmi.sol.speed: 12345 is not valid; expected 9600, 19200, 38400, 57600 or 115200"_s);
    QCOMPARE(settings.solParameters().retryCount, 7);
    QCOMPARE(log.count(), 0);
}

QTEST_GUILESS_MAIN(tst_ServiceSettings)
#include "tst_servicesettings.moc"
