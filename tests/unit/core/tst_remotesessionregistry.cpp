#include "RemoteSessionRegistry.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_RemoteSessionRegistry : public QObject
{
    Q_OBJECT

private slots:
    void addListAndRemove();
    void aUserAtTheLimitReplacesTheirOldest();
    void theLastPlacesAreForAdministrators();
    void protocolsCountApart();
    void endIsRequestedOfTheFace();
};

void tst_RemoteSessionRegistry::addListAndRemove()
{
    RemoteSessionRegistry registry;
    QSignalSpy changed(&registry, &RemoteSessionRegistry::sessionsChanged);
    const quint64 ipmi = registry.add(RemoteSession::Protocol::Ipmi, u"admin"_s, u"10.0.0.5"_s, Role::Administrator);
    const quint64 redfish = registry.add(RemoteSession::Protocol::Redfish, u"ops"_s, u"::1"_s, Role::Operator);
    QVERIFY(ipmi != redfish);
    QCOMPARE(registry.count(), 2);
    QCOMPARE(registry.count(RemoteSession::Protocol::Ipmi), 1);
    QCOMPARE(registry.all().at(1).user, u"ops"_s);
    QVERIFY(registry.all().at(1).since.isValid());

    registry.setPrivilege(ipmi, Role::ReadOnly);
    QVERIFY(registry.all().at(0).privilege == Role::ReadOnly);

    QSignalSpy removed(&registry, &RemoteSessionRegistry::sessionRemoved);
    registry.remove(ipmi);
    registry.remove(ipmi);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(registry.count(), 1);
    QCOMPARE(changed.size(), 4);
}

void tst_RemoteSessionRegistry::aUserAtTheLimitReplacesTheirOldest()
{
    using Protocol = RemoteSession::Protocol;
    RemoteSessionRegistry registry;
    const SessionLimits limits{64, 3};
    registry.add(Protocol::Redfish, u"other"_s, {}, Role::ReadOnly);
    const quint64 oldest = registry.add(Protocol::Redfish, u"viewer"_s, {}, Role::ReadOnly);
    registry.add(Protocol::Redfish, u"viewer"_s, {}, Role::ReadOnly);
    auto admission = registry.admission(Protocol::Redfish, u"viewer"_s, Role::ReadOnly, limits);
    QVERIFY(admission.admitted);
    QCOMPARE(admission.evict, quint64(0));
    registry.add(Protocol::Redfish, u"viewer"_s, {}, Role::ReadOnly);
    admission = registry.admission(Protocol::Redfish, u"viewer"_s, Role::ReadOnly, limits);
    QVERIFY(admission.admitted);
    QCOMPARE(admission.evict, oldest);
}

void tst_RemoteSessionRegistry::theLastPlacesAreForAdministrators()
{
    using Protocol = RemoteSession::Protocol;
    RemoteSessionRegistry registry;
    const SessionLimits limits{32, 32}; // two places held back
    QCOMPARE(limits.administratorReserve(), 2);
    for (int i = 0; i < 30; ++i)
        registry.add(Protocol::Redfish, u"user%1"_s.arg(i), {}, Role::Operator);
    QVERIFY(!registry.admission(Protocol::Redfish, u"late"_s, Role::Operator, limits).admitted);
    QVERIFY(!registry.admission(Protocol::Redfish, u"late"_s, Role::ReadOnly, limits).admitted);
    QVERIFY(registry.admission(Protocol::Redfish, u"admin"_s, Role::Administrator, limits).admitted);
    registry.add(Protocol::Redfish, u"admin"_s, {}, Role::Administrator);
    registry.add(Protocol::Redfish, u"admin"_s, {}, Role::Administrator);
    const auto full = registry.admission(Protocol::Redfish, u"admin2"_s, Role::Administrator, limits);
    QVERIFY(!full.admitted);
    QCOMPARE(full.evict, quint64(0));
    QCOMPARE(SessionLimits({8, 8}).administratorReserve(), 0);
}

void tst_RemoteSessionRegistry::protocolsCountApart()
{
    using Protocol = RemoteSession::Protocol;
    RemoteSessionRegistry registry;
    for (int i = 0; i < 4; ++i) {
        registry.add(Protocol::Ipmi, u"admin"_s, {}, Role::Administrator);
        registry.add(Protocol::ConsoleWebSocket, u"admin"_s, {}, Role::Administrator);
    }
    const auto admission = registry.admission(Protocol::Redfish, u"admin"_s, Role::Administrator, SessionLimits{4, 2});
    QVERIFY(admission.admitted);
    QCOMPARE(admission.evict, quint64(0));
}

void tst_RemoteSessionRegistry::endIsRequestedOfTheFace()
{
    RemoteSessionRegistry registry;
    const quint64 ssh = registry.add(RemoteSession::Protocol::Ssh, u"ops"_s, u"::1"_s, Role::Operator);
    QSignalSpy requested(&registry, &RemoteSessionRegistry::endRequested);
    QVERIFY(registry.requestEnd(ssh, Actor::redfish(u"admin"_s)));
    QVERIFY(!registry.requestEnd(ssh + 1, Actor::redfish(u"admin"_s)));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).value<RemoteSession>().id, ssh);
    QCOMPARE(requested.at(0).at(1).value<Actor>(), Actor::redfish(u"admin"_s));
    // Only the face ends it.
    QCOMPARE(registry.count(), 1);
    QCOMPARE(RemoteSession::protocolName(RemoteSession::Protocol::ConsoleWebSocket), u"Web console"_s);
}

QTEST_GUILESS_MAIN(tst_RemoteSessionRegistry)
#include "tst_remotesessionregistry.moc"
