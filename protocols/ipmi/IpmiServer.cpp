#include "IpmiServer.h"

#include "Bmc.h"
#include "ChannelCommands.h"
#include "ChassisCommands.h"
#include "ConsoleHub.h"
#include "EventLog.h"
#include "FruCommands.h"
#include "InstallationIdentity.h"
#include "IpmiLogging.h"
#include "LanConfigCommands.h"
#include "NetworkAddresses.h"
#include "PayloadCommands.h"
#include "SdrCommands.h"
#include "SelCommands.h"
#include "SensorCommands.h"
#include "ServiceSettings.h"
#include "SessionCommands.h"
#include "SolConfigCommands.h"
#include "UserCommands.h"

#include <QNetworkDatagram>

using namespace Qt::StringLiterals;

namespace {
// Larger datagrams are not IPMI: the biggest request (a SEL entry or a SoL packet) is far smaller.
constexpr qint64 maximumDatagram = 1024;

} // namespace

IpmiServer::IpmiServer(Bmc *bmc, Settings settings, QObject *parent)
    : QObject(parent)
    , m_bmc(bmc)
    , m_settings(std::move(settings))
    , m_sessions(bmc->remoteSessions(), m_settings.sessions)
    , m_handshake(&m_sessions, bmc->accounts(), bmc->eventLog(), bmc->installationIdentity()->systemUuid(),
                  m_settings.login)
    , m_sol(bmc->console(), bmc->services(), bmc->eventLog(),
            [this](quint32 sessionId, const QByteArray &payload) { return sendSol(sessionId, payload); })
    , m_handler(&m_handshake, &m_sessions, &m_commands)
{
    auto device = std::make_unique<DeviceCommands>(m_settings.identity, bmc->installationIdentity(), bmc->power(),
                                                   bmc->eventLog());
    connect(device.get(), &DeviceCommands::coldResetRequested, this, &IpmiServer::coldResetRequested);
    const QList<int> cipherSuites = m_handshake.cipherSuites();
    m_commandGroups.push_back(std::move(device));
    m_commandGroups.push_back(std::make_unique<ChannelCommands>(&m_sessions, cipherSuites));
    m_commandGroups.push_back(std::make_unique<SessionCommands>(&m_sessions));
    m_commandGroups.push_back(std::make_unique<UserCommands>(bmc->accounts()));
    m_commandGroups.push_back(std::make_unique<PayloadCommands>(
        &m_sol, [this] { return m_socket ? m_socket->localPort() : m_settings.port; }));
    m_commandGroups.push_back(std::make_unique<ChassisCommands>(bmc->power(), bmc->powerRestorePolicy(),
                                                                bmc->bootOverride(), bmc->chassisIdentify()));
    m_commandGroups.push_back(std::make_unique<SelCommands>(bmc->eventLog()));
    m_commandGroups.push_back(std::make_unique<SdrCommands>(bmc->sensors()));
    m_commandGroups.push_back(std::make_unique<SensorCommands>(bmc->sensors(), bmc->power()));
    m_commandGroups.push_back(std::make_unique<FruCommands>(FruInventory::fromConfiguration(*bmc->configuration())));
    m_commandGroups.push_back(std::make_unique<LanConfigCommands>(m_settings.networkFacts, cipherSuites));
    m_commandGroups.push_back(std::make_unique<SolConfigCommands>(bmc->services(), m_settings.port));
    for (const std::unique_ptr<CommandGroup> &group : m_commandGroups)
        group->registerIn(m_commands);

    m_handler.setSolHandler(
        [this](const IpmiSession &session, QByteArrayView payload) { return m_sol.receive(session.id, payload); });
    connect(&m_sessions, &IpmiSessionTable::sessionClosed, &m_sol, &SolPayload::sessionClosed);
    // Queued: the payload may end inside a command of the very session to close (SoL switched off
    // from it), whose reply still has to be built with it.
    connect(
        &m_sol, &SolPayload::endedUnderClient, this,
        [this](quint32 sessionId, const QString &reason) {
            m_sessions.close(sessionId, u"its Serial-over-LAN payload ended: %1"_s.arg(reason));
        },
        Qt::QueuedConnection);

    connect(m_bmc->services(), &ServiceSettings::ipmiEnabledChanged, this, &IpmiServer::onIpmiEnabledChanged);
}

IpmiServer::~IpmiServer()
{
    m_sol.close(u"qbmc is stopping"_s);
    m_sessions.closeAll(u"qbmc is stopping"_s);
}

std::optional<Failure> IpmiServer::start()
{
    if (!m_bmc->services()->isIpmiEnabled()) {
        qCInfo(lcIpmi, "IPMI over LAN is switched off");
        return std::nullopt;
    }
    return listen();
}

std::optional<Failure> IpmiServer::listen()
{
    auto socket = std::make_unique<QUdpSocket>();
    if (!socket->bind(m_settings.listen, m_settings.port)) {
        return Failure{
            Failure::Code::Unavailable,
            u"IPMI: cannot listen on UDP [%1]:%2: %3"_s.arg(NetworkAddresses::listenAddressText(m_settings.listen))
                .arg(m_settings.port)
                .arg(socket->errorString())};
    }
    connect(socket.get(), &QUdpSocket::readyRead, this, &IpmiServer::readDatagrams);
    m_socket = std::move(socket);
    qCInfo(lcIpmi, "IPMI over LAN listening on UDP [%s]:%u",
           qPrintable(NetworkAddresses::listenAddressText(m_settings.listen)), m_socket->localPort());
    return std::nullopt;
}

void IpmiServer::stopListening(const QString &reason)
{
    m_sol.close(reason);
    m_sessions.closeAll(reason);
    if (m_socket) {
        m_socket.reset();
        qCInfo(lcIpmi, "IPMI over LAN stopped: %s", qPrintable(reason));
    }
}

void IpmiServer::onIpmiEnabledChanged(bool enabled)
{
    if (!enabled) {
        stopListening(u"IPMI over LAN was switched off"_s);
        return;
    }
    if (m_socket)
        return;
    if (const auto failure = listen())
        qCCritical(lcIpmi, "%s", qPrintable(failure->message));
}

bool IpmiServer::sendSol(quint32 sessionId, const QByteArray &payload)
{
    IpmiSession *session = m_sessions.activeById(sessionId);
    if (!m_socket || !session)
        return false;
    const QByteArray packet = RmcpPlusPacket::build(PayloadType::Sol, session->consoleId,
                                                    session->nextOutboundSequence(), payload, &session->keys);
    return m_socket->writeDatagram(packet, session->peer.address, session->peer.port) == packet.size();
}

void IpmiServer::readDatagrams()
{
    // Read everything that is there: one slow client cannot starve the others, and no datagram
    // waits behind a timer.
    while (m_socket && m_socket->hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_socket->receiveDatagram(maximumDatagram);
        if (!datagram.isValid())
            continue;
        const IpmiPeer peer{datagram.senderAddress(), quint16(datagram.senderPort())};
        std::function<void()> afterReply;
        const QByteArray reply = m_handler.handle(datagram.data(), peer, &afterReply);
        if (!reply.isEmpty())
            m_socket->writeDatagram(reply, peer.address, peer.port);
        if (afterReply)
            afterReply();
    }
}
