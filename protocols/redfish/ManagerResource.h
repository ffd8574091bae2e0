#pragma once

#include "RouteTable.h"

#include <QObject>

class Bmc;
class NetworkFacts;

// The BMC itself as a Manager: firmware version, clock, the serial console's SoL state, the Reset
// action (qbmc restarts in place), its network protocols (PATCHing IPMI.ProtocolEnabled switches
// IPMI over LAN live and for good) and its Ethernet interface as the system reports it.
class ManagerResource : public QObject
{
    Q_OBJECT
public:
    struct Ports
    {
        quint16 https = 443;
        bool tls = true;
        quint16 ipmi = 623;
    };

    ManagerResource(Bmc *bmc, const NetworkFacts *network, Ports ports, RouteTable &routes, QObject *parent = nullptr);

signals:
    void restartRequested(const QString &reason);

private:
    RedfishReply get() const;
    RedfishReply reset(const RedfishRequest &request);
    RedfishReply networkProtocol() const;
    RedfishReply patchNetworkProtocol(const RedfishRequest &request);
    RedfishReply ethernetInterfaces() const;
    RedfishReply ethernetInterface(const QString &id) const;

    Bmc *m_bmc;
    const NetworkFacts *m_network;
    Ports m_ports;
};
