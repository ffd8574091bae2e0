#include "linux/LinuxNetworkFacts.h"

#include <QDir>
#include <QFile>
#include <QNetworkInterface>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The route and neighbour tables come from a fake /proc; interfaces and address flags are the
// machine's own, so those checks use what every Linux machine has: the loopback interface.
class tst_LinuxNetworkFacts : public QObject
{
    Q_OBJECT

private slots:
    void parsesTheDefaultRoute();
    void lowestMetricWins();
    void noDefaultRoute_data();
    void noDefaultRoute();
    void parsesTheNeighbourTable();
    void defaultRouteThroughLoopback();
    void withoutRouteTheFirstInterfaceThatIsUp();
    void loopbackAddressIsStatic();
    void unknownAddressSource();
    void realSystem();

private:
    static void writeProc(const QTemporaryDir &dir, const QString &name, const QByteArray &content);
};

namespace {
const QByteArray routeHeader = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n";
const QByteArray arpHeader = "IP address       HW type     Flags       HW address            Mask     Device\n";
} // namespace

void tst_LinuxNetworkFacts::writeProc(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QDir(dir.path()).mkpath(u"net"_s);
    QFile file(dir.filePath(name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

void tst_LinuxNetworkFacts::parsesTheDefaultRoute()
{
    const QByteArray table = routeHeader
        + "eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n"
          "eth0\t00000000\t010200C0\t0003\t0\t0\t100\t00000000\t0\t0\t0\n";
    const auto route = LinuxNetworkFacts::parseDefaultRoute(table);
    QVERIFY(route);
    QCOMPARE(route->interfaceName, u"eth0"_s);
    QCOMPARE(route->gateway, u"192.0.2.1"_s);
}

void tst_LinuxNetworkFacts::lowestMetricWins()
{
    const QByteArray table = routeHeader
        + "wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0\n"
          "eth0\t00000000\t010010AC\t0003\t0\t0\t100\t00000000\t0\t0\t0\n"
          "usb0\t00000000\t00000000\t0001\t0\t0\t900\t00000000\t0\t0\t0\n";
    const auto route = LinuxNetworkFacts::parseDefaultRoute(table);
    QVERIFY(route);
    QCOMPARE(route->interfaceName, u"eth0"_s);
    QCOMPARE(route->gateway, u"172.16.0.1"_s);

    // A default route without a gateway (a point-to-point link) names no gateway.
    const auto direct = LinuxNetworkFacts::parseDefaultRoute(
        routeHeader + "ppp0\t00000000\t00000000\t0001\t0\t0\t0\t00000000\t0\t0\t0\n");
    QVERIFY(direct);
    QCOMPARE(direct->interfaceName, u"ppp0"_s);
    QVERIFY(direct->gateway.isEmpty());
}

void tst_LinuxNetworkFacts::noDefaultRoute_data()
{
    QTest::addColumn<QByteArray>("table");
    QTest::newRow("empty file") << QByteArray();
    QTest::newRow("header only") << routeHeader;
    QTest::newRow("only a subnet route") << routeHeader
            + "eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n";
    QTest::newRow("default route down") << routeHeader + "eth0\t00000000\t010200C0\t0002\t0\t0\t0\t00000000\t0\t0\t0\n";
    QTest::newRow("truncated line") << routeHeader + "eth0\t00000000\t010200C0\n";
    QTest::newRow("garbage") << routeHeader + "eth0 zz yy xx 0 0 0 00000000 0 0 0\n";
}

void tst_LinuxNetworkFacts::noDefaultRoute()
{
    QFETCH(QByteArray, table);
    QVERIFY(!LinuxNetworkFacts::parseDefaultRoute(table));
}

void tst_LinuxNetworkFacts::parsesTheNeighbourTable()
{
    const QByteArray table = arpHeader
        + "192.0.2.7        0x1         0x0         00:00:00:00:00:00     *        eth0\n"
          "192.0.2.1        0x1         0x2         02:FC:00:00:00:05     *        eth0\n"
          "192.0.2.9        0x1         0x0         02:fc:00:00:00:09     *        eth0\n";
    QCOMPARE(LinuxNetworkFacts::parseNeighbourMac(table, u"192.0.2.1"_s), u"02:fc:00:00:00:05"_s);
    QVERIFY(LinuxNetworkFacts::parseNeighbourMac(table, u"192.0.2.7"_s).isEmpty()); // incomplete
    QVERIFY(LinuxNetworkFacts::parseNeighbourMac(table, u"192.0.2.9"_s).isEmpty()); // not complete
    QVERIFY(LinuxNetworkFacts::parseNeighbourMac(table, u"192.0.2.2"_s).isEmpty());
    QVERIFY(LinuxNetworkFacts::parseNeighbourMac({}, u"192.0.2.1"_s).isEmpty());
}

void tst_LinuxNetworkFacts::defaultRouteThroughLoopback()
{
    if (!QNetworkInterface::interfaceFromName(u"lo"_s).isValid())
        QSKIP("no interface named lo");
    QTemporaryDir proc;
    writeProc(proc, u"net/route"_s, routeHeader + "lo\t00000000\t0200007F\t0003\t0\t0\t0\t00000000\t0\t0\t0\n");
    writeProc(proc, u"net/arp"_s,
              arpHeader + "127.0.0.2        0x1         0x2         02:00:00:00:00:02     *        lo\n");
    const NetworkFacts::Interface facts = LinuxNetworkFacts(proc.path()).primaryInterface();
    QCOMPARE(facts.name, u"lo"_s);
    QVERIFY(facts.isUp);
    QCOMPARE(facts.ipv4Address, u"127.0.0.1"_s);
    QCOMPARE(facts.ipv4Netmask, u"255.0.0.0"_s);
    QCOMPARE(facts.ipv4Gateway, u"127.0.0.2"_s);
    QCOMPARE(facts.gatewayMacAddress, u"02:00:00:00:00:02"_s);
    QCOMPARE(facts.macAddress, u"00:00:00:00:00:00"_s);
    QCOMPARE(facts.source, NetworkFacts::AddressSource::Static);
}

void tst_LinuxNetworkFacts::withoutRouteTheFirstInterfaceThatIsUp()
{
    QTemporaryDir proc; // no net/route at all
    const NetworkFacts::Interface facts = LinuxNetworkFacts(proc.path()).primaryInterface();
    QString expected;
    for (const QNetworkInterface &candidate : QNetworkInterface::allInterfaces()) {
        if (candidate.flags().testFlag(QNetworkInterface::IsUp)
            && !candidate.flags().testFlag(QNetworkInterface::IsLoopBack)) {
            expected = candidate.name();
            break;
        }
    }
    QCOMPARE(facts.name, expected);
    QVERIFY(facts.ipv4Gateway.isEmpty());
    QVERIFY(facts.gatewayMacAddress.isEmpty());
}

void tst_LinuxNetworkFacts::loopbackAddressIsStatic()
{
    // The kernel holds 127.0.0.1 forever (IFA_F_PERMANENT): configured, not leased.
    const QNetworkInterface loopback = QNetworkInterface::interfaceFromName(u"lo"_s);
    if (!loopback.isValid())
        QSKIP("no interface named lo");
    QCOMPARE(LinuxNetworkFacts::addressSource(loopback.index(), u"127.0.0.1"_s), NetworkFacts::AddressSource::Static);
}

void tst_LinuxNetworkFacts::unknownAddressSource()
{
    const QNetworkInterface loopback = QNetworkInterface::interfaceFromName(u"lo"_s);
    if (!loopback.isValid())
        QSKIP("no interface named lo");
    QCOMPARE(LinuxNetworkFacts::addressSource(loopback.index(), u"203.0.113.77"_s),
             NetworkFacts::AddressSource::Unknown);
    QCOMPARE(LinuxNetworkFacts::addressSource(loopback.index(), u"not an address"_s),
             NetworkFacts::AddressSource::Unknown);
    QCOMPARE(LinuxNetworkFacts::addressSource(0, u"127.0.0.1"_s), NetworkFacts::AddressSource::Unknown);
}

void tst_LinuxNetworkFacts::realSystem()
{
    const NetworkFacts::Interface facts = LinuxNetworkFacts().primaryInterface();
    QFile routes(u"/proc/net/route"_s);
    QVERIFY(routes.open(QIODevice::ReadOnly));
    const auto route = LinuxNetworkFacts::parseDefaultRoute(routes.readAll());
    if (route) {
        QCOMPARE(facts.name, route->interfaceName);
        QCOMPARE(facts.ipv4Gateway, route->gateway);
    }
    if (!facts.name.isEmpty()) {
        QVERIFY(QNetworkInterface::interfaceFromName(facts.name).isValid());
        qInfo("primary interface %s: %s/%s via %s (%s), source %d", qPrintable(facts.name),
              qPrintable(facts.ipv4Address), qPrintable(facts.ipv4Netmask), qPrintable(facts.ipv4Gateway),
              qPrintable(facts.gatewayMacAddress), int(facts.source));
    }
    if (!facts.ipv4Address.isEmpty())
        QVERIFY(facts.source != NetworkFacts::AddressSource::Unknown);
}

QTEST_GUILESS_MAIN(tst_LinuxNetworkFacts)
#include "tst_linuxnetworkfacts.moc"
