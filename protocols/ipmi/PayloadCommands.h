#pragma once

#include "CommandTable.h"

#include <QObject>

#include <functional>

class SolPayload;

// Application commands that start and inspect payloads (IPMI v2.0 section 24): Activate and
// Deactivate Payload, Get Payload Activation Status and Get Payload Instance Info, for the one
// payload qbmc carries besides IPMI messages: Serial-over-LAN, one instance.
class PayloadCommands : public QObject
{
    Q_OBJECT
public:
    // `port` tells the UDP port payloads travel on, read when a payload is activated.
    PayloadCommands(SolPayload *sol, std::function<quint16()> port, CommandTable &table, QObject *parent = nullptr);

private:
    IpmiResponse activate(const IpmiRequest &request);
    IpmiResponse deactivate(const IpmiRequest &request);
    IpmiResponse activationStatus(const IpmiRequest &request) const;
    IpmiResponse instanceInfo(const IpmiRequest &request) const;

    SolPayload *m_sol;
    std::function<quint16()> m_port;
};
