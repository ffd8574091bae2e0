#pragma once

#include "ChannelCommands.h"
#include "ChassisCommands.h"
#include "CommandTable.h"
#include "DeviceCommands.h"
#include "PacketHandler.h"
#include "SessionCommands.h"
#include "SessionManager.h"
#include "SolPayload.h"
#include "UserCommands.h"

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
        SessionManager::Settings sessions;
        DeviceCommands::Identity identity;
        const NetworkFacts *networkFacts = nullptr; // the LAN configuration parameters read it
    };

    IpmiServer(Bmc *bmc, Settings settings, QObject *parent = nullptr);
    ~IpmiServer() override;

    // Listens when IPMI is enabled; false with the reason when the port cannot be had.
    bool start(QString *error);
    bool isListening() const { return m_socket && m_socket->state() == QAbstractSocket::BoundState; }

    SessionManager *sessions() { return &m_sessions; }
    // For the fuzz targets, which drive the same handler and table without a socket.
    PacketHandler *packetHandler() { return &m_handler; }
    const CommandTable &commands() const { return m_commands; }
    const PacketHandler::Counters &counters() const { return m_handler.counters(); }
    SolPayload *sol() { return &m_sol; }

signals:
    void coldResetRequested();

private:
    bool listen(QString *error);
    void stopListening(const QString &reason);
    void readDatagrams();
    void onIpmiEnabledChanged(bool enabled);
    bool sendSol(quint32 sessionId, const QByteArray &payload);

    Bmc *m_bmc;
    Settings m_settings;
    SessionManager m_sessions;
    CommandTable m_commands;
    DeviceCommands m_deviceCommands;
    ChannelCommands m_channelCommands;
    ChassisCommands m_chassisCommands;
    SessionCommands m_sessionCommands;
    UserCommands m_userCommands;
    std::vector<std::unique_ptr<QObject>> m_otherCommands;
    PacketHandler m_handler;
    SolPayload m_sol;
    std::unique_ptr<QUdpSocket> m_socket;
};
