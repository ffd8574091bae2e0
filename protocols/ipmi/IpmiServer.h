#pragma once

#include "CommandGroup.h"
#include "CommandTable.h"
#include "DeviceCommands.h"
#include "Failure.h"
#include "IpmiSessionTable.h"
#include "PacketHandler.h"
#include "RakpHandshake.h"
#include "SolPayload.h"

#include <QHostAddress>
#include <QObject>
#include <QUdpSocket>

#include <memory>

class Bmc;
class NetworkFacts;

// IPMI over LAN: a UDP socket on ipmi.listen/ipmi.port feeding the packet handler, and the
// Serial-over-LAN payload that also sends on its own; follows the IPMI switch in ServiceSettings
// live (off closes every session and the socket).
class IpmiServer : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        QHostAddress listen = QHostAddress::Any;
        quint16 port = 623;
        IpmiSessionTable::Limits sessions;
        RakpHandshake::Policy login;
        DeviceCommands::Identity identity;
        const NetworkFacts *networkFacts = nullptr; // the LAN configuration parameters read it
    };

    IpmiServer(Bmc *bmc, Settings settings, QObject *parent = nullptr);
    ~IpmiServer() override;

    // Listens when IPMI is enabled; refuses when the port cannot be had.
    std::optional<Failure> start();
    bool isListening() const { return m_socket && m_socket->state() == QAbstractSocket::BoundState; }

    IpmiSessionTable *sessionTable() { return &m_sessions; }
    // For the fuzz targets, which drive the same handler and table without a socket.
    PacketHandler *packetHandler() { return &m_handler; }
    const CommandTable &commands() const { return m_commands; }
    const PacketHandler::Counters &counters() const { return m_handler.counters(); }
    SolPayload *sol() { return &m_sol; }

signals:
    void coldResetRequested();

private:
    std::optional<Failure> listen();
    void stopListening(const QString &reason);
    void readDatagrams();
    void onIpmiEnabledChanged(bool enabled);
    bool sendSol(quint32 sessionId, const QByteArray &payload);

    Bmc *m_bmc;
    Settings m_settings;
    IpmiSessionTable m_sessions;
    RakpHandshake m_handshake;
    SolPayload m_sol;
    CommandTable m_commands;
    std::vector<std::unique_ptr<CommandGroup>> m_commandGroups;
    PacketHandler m_handler;
    std::unique_ptr<QUdpSocket> m_socket;
};
