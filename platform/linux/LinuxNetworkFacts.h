#pragma once

#include "NetworkFacts.h"

#include <QByteArray>
#include <QString>

#include <optional>

// The BMC's network as Linux shows it: interfaces, addresses and netmasks from QNetworkInterface,
// the default route from /proc/net/route, the gateway's hardware address from /proc/net/arp, and
// whether an address came from DHCP from the kernel's address flags over rtnetlink: an IPv4
// address with a finite lifetime (no IFA_F_PERMANENT) was leased, so it counts as DHCP; one that
// lives forever was configured, so it counts as static. Read afresh on every call.
class LinuxNetworkFacts : public NetworkFacts
{
public:
    // `procRoot` lets tests supply their own route and neighbour tables.
    explicit LinuxNetworkFacts(QString procRoot = QStringLiteral("/proc"));

    Interface primaryInterface() const override;

    struct DefaultRoute
    {
        QString interfaceName;
        QString gateway; // empty when the route has none
    };
    // The default route of a table in /proc/net/route's format: the one that is up, with the
    // lowest metric.
    static std::optional<DefaultRoute> parseDefaultRoute(const QByteArray &routeTable);
    // The hardware address of `address` in a table in /proc/net/arp's format, when it is complete.
    static QString parseNeighbourMac(const QByteArray &arpTable, const QString &address);
    // How the kernel holds `address` on the interface with `interfaceIndex`.
    static AddressSource addressSource(int interfaceIndex, const QString &address);

private:
    QByteArray readProcFile(const QString &name) const;

    QString m_procRoot;
};
