#include "IpmiServer.h"

#include "Bmc.h"
#include "ConsoleHub.h"
#include "EventLog.h"
#include "FruCommands.h"
#include "IpmiLogging.h"
#include "LanConfigCommands.h"
#include "PayloadCommands.h"
#include "SdrCommands.h"
#include "SelCommands.h"
#include "SensorCommands.h"
#include "ServiceSettings.h"
#include "SolConfigCommands.h"

#include <QNetworkDatagram>

using namespace Qt::StringLiterals;

namespace {
// Larger datagrams are not IPMI: the biggest request (a SEL entry or a SoL packet) is far smaller.
constexpr qint64 maximumDatagram = 1024;

// QHostAddress::Any takes IPv4 and IPv6 alike; it prints as 0.0.0.0, which would mislead.
QString addressText(const QHostAddress &address)
{
    return address == QHostAddress(QHostAddress::Any) ? u"::"_s : address.toString();
}
} // namespace

IpmiServer::IpmiServer(Bmc *bmc, Settings settings, QObject *parent)
    : QObject(parent)
    , m_bmc(bmc)
    , m_settings(std::move(settings))
    , m_sessions(bmc, m_settings.sessions)
    , m_deviceCommands(bmc, m_settings.identity)
    , m_channelCommands(&m_sessions)
    , m_chassisCommands(bmc)
    , m_sessionCommands(&m_sessions)
    , m_userCommands(bmc)
    , m_handler(&m_sessions, &m_commands)
    , m_sol(bmc->console(), bmc->services(), bmc->eventLog(),
            [this](quint32 sessionId, const QByteArray &payload) { return sendSol(sessionId, payload); })
{
    m_deviceCommands.registerIn(m_commands);
    m_channelCommands.registerIn(m_commands);
    m_chassisCommands.registerIn(m_commands);
    m_sessionCommands.registerIn(m_commands);
    m_userCommands.registerIn(m_commands);

    // Storage (SEL, SDR repository, FRU), sensors, and the LAN and SoL configuration.
    m_otherCommands.push_back(std::make_unique<SelCommands>(bmc->eventLog(), m_commands));
    m_otherCommands.push_back(std::make_unique<SdrCommands>(bmc->sensors(), m_commands));
    m_otherCommands.push_back(std::make_unique<SensorCommands>(bmc->sensors(), bmc->power(), m_commands));
    m_otherCommands.push_back(
        std::make_unique<FruCommands>(FruInventory::fromConfiguration(*bmc->configuration()), m_commands));
    m_otherCommands.push_back(
        std::make_unique<LanConfigCommands>(m_settings.networkFacts, m_sessions.cipherSuites(), m_commands));
    m_otherCommands.push_back(std::make_unique<SolConfigCommands>(bmc->services(), m_settings.port, m_commands));
    m_otherCommands.push_back(std::make_unique<PayloadCommands>(
        &m_sol, [this] { return m_socket ? m_socket->localPort() : m_settings.port; }, m_commands));

    m_handler.setSolHandler(
        [this](const IpmiSession &session, QByteArrayView payload) { return m_sol.receive(session.id, payload); });
    connect(&m_sessions, &SessionManager::sessionClosed, &m_sol, &SolPayload::sessionClosed);
    // Queued: the payload may end inside a command of the very session to close (SoL switched off
    // from it), whose reply still has to be built with it.
    connect(
        &m_sol, &SolPayload::endedUnderClient, this,
        [this](quint32 sessionId, const QString &reason) {
            m_sessions.close(sessionId, u"its Serial-over-LAN payload ended: %1"_s.arg(reason));
        },
        Qt::QueuedConnection);

    connect(&m_deviceCommands, &DeviceCommands::coldResetRequested, this, &IpmiServer::coldResetRequested);
    connect(m_bmc->services(), &ServiceSettings::ipmiEnabledChanged, this, &IpmiServer::onIpmiEnabledChanged);
}

IpmiServer::~IpmiServer()
{
    m_sol.close(u"qbmc is stopping"_s);
    m_sessions.closeAll(u"qbmc is stopping"_s);
}

bool IpmiServer::start(QString *error)
{
    if (!m_bmc->services()->isIpmiEnabled()) {
        qCInfo(lcIpmi, "IPMI over LAN is switched off");
        return true;
    }
    return listen(error);
}

bool IpmiServer::listen(QString *error)
{
    auto socket = std::make_unique<QUdpSocket>();
    if (!socket->bind(m_settings.listen, m_settings.port)) {
        if (error)
            *error = u"IPMI: cannot listen on UDP [%1]:%2: %3"_s.arg(addressText(m_settings.listen))
                         .arg(m_settings.port)
                         .arg(socket->errorString());
        return false;
    }
    connect(socket.get(), &QUdpSocket::readyRead, this, &IpmiServer::readDatagrams);
    m_socket = std::move(socket);
    qCInfo(lcIpmi, "IPMI over LAN listening on UDP [%s]:%u", qPrintable(addressText(m_settings.listen)),
           m_socket->localPort());
    return true;
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
    QString error;
    if (!m_socket && !listen(&error))
        qCCritical(lcIpmi, "%s", qPrintable(error));
}

bool IpmiServer::sendSol(quint32 sessionId, const QByteArray &payload)
{
    const auto found = m_sessions.sessions().find(sessionId);
    if (!m_socket || found == m_sessions.sessions().end() || !found->second->isActive())
        return false;
    IpmiSession *session = found->second.get();
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
