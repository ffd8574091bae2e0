#pragma once

#include <QString>

// What the BMC's own network looks like, read from the system (platform provides it): IPMI's
// LAN configuration parameters and Redfish's EthernetInterfaces show it. qbmc does not change it.
class NetworkFacts
{
public:
    enum class AddressSource { Unknown, Static, Dhcp };

    struct Interface
    {
        QString name;       // e.g. "eth0"
        QString macAddress; // "b8:27:eb:12:34:56"
        QString ipv4Address;
        QString ipv4Netmask;
        QString ipv4Gateway;
        AddressSource source = AddressSource::Unknown;
        QString gatewayMacAddress; // from the neighbour table, when known
        bool isUp = false;
    };

    virtual ~NetworkFacts() = default;

    // The interface that carries the default route, or else the first one that is up and is not
    // loopback; empty when there is none.
    virtual Interface primaryInterface() const = 0;
};
