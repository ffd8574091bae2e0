#pragma once

#include "CommandGroup.h"

#include <functional>

class SolPayload;

// Application commands that start and inspect payloads (IPMI v2.0 section 24): Activate and
// Deactivate Payload, Get Payload Activation Status and Get Payload Instance Info, for the one
// payload qbmc carries besides IPMI messages: Serial-over-LAN, one instance.
class PayloadCommands : public CommandGroup
{
    Q_OBJECT
public:
    // `port` tells the UDP port payloads travel on, read when a payload is activated.
    PayloadCommands(SolPayload *sol, std::function<quint16()> port, QObject *parent = nullptr);
    void registerIn(CommandTable &table) override;

private:
    struct ActivationRequest;
    struct StatusRequest;
    struct InstanceRequest;

    IpmiResponse activate(const ActivationRequest &request, const IpmiCaller &caller);
    IpmiResponse deactivate(const ActivationRequest &request, const IpmiCaller &caller);
    IpmiResponse activationStatus(const StatusRequest &request) const;
    IpmiResponse instanceInfo(const InstanceRequest &request) const;

    SolPayload *m_sol;
    std::function<quint16()> m_port;
};
