#pragma once

#include "RedfishResource.h"

class InstallationIdentity;
class NetworkFacts;
class ServiceSettings;

// The BMC itself as a Manager: firmware version, clock, the serial console's SoL state, the Reset
// action (qbmc restarts in place), its network protocols (PATCHing IPMI.ProtocolEnabled switches
// IPMI over LAN live and for good) and its Ethernet interface as the system reports it.
class ManagerResource : public RedfishResource
{
    Q_OBJECT
public:
    struct Ports
    {
        quint16 https = 443;
        bool tls = true;
        quint16 ipmi = 623;
    };

    ManagerResource(ServiceSettings *services, const InstallationIdentity *installation, const NetworkFacts *network,
                    Ports ports, QObject *parent = nullptr);
    void registerIn(ServiceDirectory &directory) override;

signals:
    void restartRequested(const QString &reason);

private:
    RedfishReply collection() const;
    RedfishReply get() const;
    RedfishReply reset(const RedfishRequest &request);
    RedfishReply networkProtocol() const;
    RedfishReply patchNetworkProtocol(const RedfishRequest &request);
    RedfishReply ethernetInterfaces() const;
    RedfishReply ethernetInterface(const RedfishRequest &request) const;

    ServiceSettings *m_services;
    const InstallationIdentity *m_installation;
    const NetworkFacts *m_network;
    Ports m_ports;
};
