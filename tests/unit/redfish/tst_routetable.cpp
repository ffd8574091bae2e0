#include "RouteTable.h"

#include <QTest>

using namespace Qt::StringLiterals;

class tst_RouteTable : public QObject
{
    Q_OBJECT

private slots:
    void findsByPathAndMethod();
    void unknownPathIsNotKnown();
    void wrongMethodListsTheAllowedOnes();
    void headGoesWithGet();
    void parametersAreCaptured();
};

namespace {
RouteTable table()
{
    RouteTable routes;
    const auto answer = [](int status) {
        return [status](const RedfishRequest &) { return RedfishReply::ok({}, status); };
    };
    routes.add(HttpMethod::Get, u"/redfish/v1"_s, RedfishPrivilege::None, answer(200));
    routes.add(HttpMethod::Get, u"/redfish/v1/Systems/{id}"_s, RedfishPrivilege::Login, answer(201));
    routes.add(HttpMethod::Patch, u"/redfish/v1/Systems/{id}"_s, RedfishPrivilege::ConfigureComponents, answer(202));
    routes.add(HttpMethod::Post, u"/redfish/v1/Systems/{id}/Actions/ComputerSystem.Reset"_s,
               RedfishPrivilege::ConfigureComponents, answer(203));
    return routes;
}
} // namespace

void tst_RouteTable::findsByPathAndMethod()
{
    const RouteTable routes = table();
    const RouteTable::Match match = routes.find(u"/redfish/v1/Systems/system"_s, HttpMethod::Patch);
    QVERIFY(match.route);
    QCOMPARE(match.route->privilege, RedfishPrivilege::ConfigureComponents);
    QCOMPARE(match.route->handler({}).status, 202);
}

void tst_RouteTable::unknownPathIsNotKnown()
{
    const RouteTable routes = table();
    for (const QString &path : {u"/redfish/v2"_s, u"/redfish/v1/Systems"_s, u"/redfish/v1/Systems/a/b"_s, u"/"_s}) {
        const RouteTable::Match match = routes.find(path, HttpMethod::Get);
        QVERIFY2(!match.pathKnown, qPrintable(path));
        QVERIFY(!match.route);
    }
}

void tst_RouteTable::wrongMethodListsTheAllowedOnes()
{
    const RouteTable routes = table();
    const RouteTable::Match match = routes.find(u"/redfish/v1/Systems/system"_s, HttpMethod::Delete);
    QVERIFY(match.pathKnown);
    QVERIFY(!match.route);
    QCOMPARE(match.allowedMethods, (QList{HttpMethod::Get, HttpMethod::Head, HttpMethod::Patch}));
    QCOMPARE(routes.find(u"/redfish/v1/Systems/x/Actions/ComputerSystem.Reset"_s, HttpMethod::Get).allowedMethods,
             QList{HttpMethod::Post});
}

void tst_RouteTable::headGoesWithGet()
{
    const RouteTable routes = table();
    const RouteTable::Match match = routes.find(u"/redfish/v1"_s, HttpMethod::Head);
    QVERIFY(match.route);
    QVERIFY(match.route->method == HttpMethod::Get);
}

void tst_RouteTable::parametersAreCaptured()
{
    const RouteTable routes = table();
    QCOMPARE(routes.find(u"/redfish/v1/Systems/host 1/Actions/ComputerSystem.Reset"_s, HttpMethod::Post).params,
             QStringList{u"host 1"_s});
}

QTEST_APPLESS_MAIN(tst_RouteTable)
#include "tst_routetable.moc"
