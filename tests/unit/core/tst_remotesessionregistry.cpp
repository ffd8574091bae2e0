#include "RemoteSessionRegistry.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_RemoteSessionRegistry : public QObject
{
    Q_OBJECT

private slots:
    void addListAndRemove();
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

QTEST_GUILESS_MAIN(tst_RemoteSessionRegistry)
#include "tst_remotesessionregistry.moc"
