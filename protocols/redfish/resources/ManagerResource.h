#pragma once

#include "Actor.h"
#include "RedfishResource.h"

#include <optional>

class InstallationIdentity;
class NetworkFacts;
class ServiceSettings;

// The BMC itself as a Manager: firmware version, clock, the serial console's SoL state, the Reset
// action (qbmc restarts in place), its network protocols (PATCHing IPMI.ProtocolEnabled switches
// IPMI over LAN live and for good, SSH.ProtocolEnabled and SSH.Port the SSH console) and its
// Ethernet interface as the system reports it.
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
                    Ports ports, int kvmMaxSessions, QObject *parent = nullptr);
    void registerIn(ServiceDirectory &directory) override;

signals:
    void restartRequested(const QString &reason);

private:
    RedfishReply collection() const;
    RedfishReply get() const;
    RedfishReply patch(const RedfishRequest &request);
    RedfishReply reset(const RedfishRequest &request);
    RedfishReply networkProtocol() const;
    RedfishReply patchNetworkProtocol(const RedfishRequest &request);
    // SSH.ProtocolEnabled and SSH.Port, live; a refusal of the whole request, or nothing.
    std::optional<RedfishReply> patchSsh(const QJsonObject &ssh, const Actor &actor, QList<RedfishMessage> *problems,
                                         bool *changed);
    RedfishReply ethernetInterfaces() const;
    RedfishReply ethernetInterface(const RedfishRequest &request) const;

    ServiceSettings *m_services;
    int m_kvmMaxSessions; // 0: no KVM
    const InstallationIdentity *m_installation;
    const NetworkFacts *m_network;
    Ports m_ports;
};
