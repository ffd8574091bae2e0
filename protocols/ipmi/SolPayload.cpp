#include "SolPayload.h"

#include "ConsoleHub.h"
#include "EventLog.h"
#include "IpmiLogging.h"
#include "SolPacket.h"

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
// After the configured retries, a silent client still gets its packet this often until its
// session times out: giving up would lose output the client may still want.
constexpr auto patientRetryInterval = 1s;

quint8 nextSequence(quint8 sequence)
{
    return sequence >= 15 ? 1 : sequence + 1; // 0 means "acknowledgement only"
}
} // namespace

SolPayload::SolPayload(ConsoleHub *console, ServiceSettings *settings, EventLog *eventLog, Sender sender,
                       QObject *parent)
    : QObject(parent)
    , m_console(console)
    , m_settings(settings)
    , m_eventLog(eventLog)
    , m_sender(std::move(sender))
{
    readSettings();
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SolPayload::onRetryTimeout);
    m_accumulate.setSingleShot(true);
    connect(&m_accumulate, &QTimer::timeout, this, &SolPayload::sendNext);
    connect(console, &ConsoleHub::outputArrived, this, &SolPayload::onOutput);
    connect(console, &ConsoleHub::remoteTakenOver, this,
            [this](const Actor &actor) { end(u"console taken over by %1"_s.arg(actor.toString()), true); });
    connect(settings, &ServiceSettings::solChanged, this, [this] {
        readSettings();
        if (m_owner && !m_settings->isSolEnabled())
            end(u"Serial-over-LAN was switched off"_s, true);
    });
}

SolPayload::~SolPayload()
{
    // Its owner closes it while the socket is still there; this is the last resort.
    end(u"qbmc is stopping"_s, false);
}

void SolPayload::readSettings()
{
    m_parameters = m_settings->solParameters();
}

CompletionCode SolPayload::activate(quint32 sessionId, const QString &user, Privilege privilege, bool encrypted)
{
    if (!m_settings->isSolEnabled())
        return CompletionCode(0x81); // payload type disabled
    if (privilege < Privileges::fromRole(m_parameters.privilege))
        return CompletionCode::InsufficientPrivilege;
    if (!encrypted)
        return CompletionCode(0x85); // cannot activate the payload without encryption
    if (m_owner || !m_console->attachRemote(Actor::ipmi(user)))
        return CompletionCode::PayloadAlreadyActive;

    m_owner = Owner{sessionId, user};
    m_offset = m_console->endOffset();
    m_sequence = 0;
    m_inFlight.clear();
    m_awaitingAck = false;
    m_overrun = false;
    m_lastInboundSequence = 0;
    m_lastAccepted = 0;
    m_console->setPacedReader(m_offset);
    m_eventLog->info(Actor::ipmi(user), u"Serial-over-LAN started"_s);
    qCInfo(lcIpmi, "SoL activated by %s in session 0x%08x", qPrintable(user), sessionId);
    return CompletionCode::Success;
}

CompletionCode SolPayload::deactivate(quint32 sessionId, const QString &user, Privilege privilege)
{
    if (!m_owner)
        return CompletionCode(0x80); // payload already deactivated
    if (sessionId == m_owner->sessionId) {
        end(u"ended by its client"_s, false);
        return CompletionCode::Success;
    }
    if (privilege < Privilege::Administrator)
        return CompletionCode::InsufficientPrivilege;
    end(u"ended by %1 from another session"_s.arg(user), true);
    return CompletionCode::Success;
}

void SolPayload::sessionClosed(quint32 sessionId)
{
    if (m_owner && m_owner->sessionId == sessionId)
        end(u"its session closed"_s, false);
}

void SolPayload::end(const QString &reason, bool tellClient)
{
    if (!m_owner)
        return;
    if (tellClient) {
        SolPacket packet;
        m_sequence = nextSequence(m_sequence);
        packet.sequence = m_sequence;
        packet.operation = SolPacket::deactivating;
        m_sender(m_owner->sessionId, packet.toBytes());
    }
    const Owner owner = *m_owner;
    m_owner.reset();
    m_retry.stop();
    m_accumulate.stop();
    m_inFlight.clear();
    m_awaitingAck = false;
    m_console->detachRemote();
    m_eventLog->info(Actor::ipmi(owner.user), u"Serial-over-LAN ended: %1"_s.arg(reason));
    qCInfo(lcIpmi, "SoL of session 0x%08x ended: %s (%llu packets, %llu sent again)", owner.sessionId,
           qPrintable(reason), qulonglong(m_counters.packetsSent), qulonglong(m_counters.retransmissions));
    if (tellClient)
        emit endedUnderClient(owner.sessionId, reason);
}

void SolPayload::onOutput()
{
    if (!m_owner || m_awaitingAck)
        return; // it waits in the ring and leaves with the next packet
    if (m_console->endOffset() - m_offset >= m_parameters.sendThreshold)
        sendNext();
    else if (!m_accumulate.isActive())
        m_accumulate.start(m_parameters.accumulateInterval);
}

void SolPayload::sendNext()
{
    if (!m_owner || m_awaitingAck)
        return;
    m_accumulate.stop();
    if (m_offset < m_console->startOffset()) {
        // The ring moved past what the client had not taken yet: say so in the next packet.
        m_offset = m_console->startOffset();
        m_overrun = true;
    }
    if (m_console->endOffset() == m_offset)
        return;
    m_inFlight = m_console->read(m_offset, maximumData);
    m_sequence = nextSequence(m_sequence);
    m_awaitingAck = true;
    m_retries = 0;
    transmit();
    startRetryTimer();
}

quint8 SolPayload::status() const
{
    quint8 status = m_overrun ? SolPacket::transmitOverrun : 0;
    if (m_console->state() != ConsoleHub::State::Connected)
        status |= SolPacket::characterTransferUnavailable;
    return status;
}

void SolPayload::transmit()
{
    SolPacket packet;
    packet.sequence = m_sequence;
    packet.operation = status();
    packet.data = m_inFlight;
    ++m_counters.packetsSent;
    m_sender(m_owner->sessionId, packet.toBytes());
}

void SolPayload::onRetryTimeout()
{
    if (!m_owner || !m_awaitingAck)
        return;
    ++m_retries;
    ++m_counters.retransmissions;
    transmit();
    startRetryTimer();
}

void SolPayload::startRetryTimer()
{
    if (m_retries < m_parameters.retryCount)
        m_retry.start(m_parameters.retryInterval);
    else
        m_retry.start(patientRetryInterval);
}

void SolPayload::applyOperation(quint8 operation)
{
    if (operation & SolPacket::flushOutbound) {
        m_offset = m_console->endOffset();
        m_console->setPacedReader(m_offset);
    }
    if (operation & SolPacket::flushInbound)
        m_console->discardUnsentInput();
    m_console->setHostSignals(!(operation & SolPacket::deassertClearToSend),
                              !(operation & SolPacket::dropCarrierDetect));
    if (operation & SolPacket::generateBreak)
        m_console->sendBreak(Actor::ipmi(m_owner->user));
}

QByteArray SolPayload::receive(quint32 sessionId, QByteArrayView payload)
{
    if (!m_owner || m_owner->sessionId != sessionId)
        return {};
    const std::optional<SolPacket> packet = SolPacket::parse(payload);
    if (!packet)
        return {};

    // The client's answer to our packet.
    if (m_awaitingAck && packet->ackSequence != 0 && packet->ackSequence == m_sequence) {
        if (packet->isNack()) {
            startRetryTimer(); // it cannot take characters now: later
        } else {
            const qsizetype accepted = std::min<qsizetype>(packet->acceptedCount, m_inFlight.size());
            m_offset += accepted;
            m_counters.bytesAcknowledged += quint64(accepted);
            m_overrun = false;
            m_awaitingAck = false;
            m_inFlight.clear();
            m_retry.stop();
            m_console->setPacedReader(m_offset);
        }
    }

    QByteArray reply;
    if (packet->sequence != 0) {
        // A packet sent again is acknowledged again, never written twice.
        if (packet->sequence != m_lastInboundSequence) {
            applyOperation(packet->operation);
            qsizetype accepted = packet->data.size();
            if (!packet->data.isEmpty() && m_console->state() == ConsoleHub::State::Connected)
                accepted = qsizetype(m_console->writeRemote(packet->data));
            m_lastInboundSequence = packet->sequence;
            m_lastAccepted = quint8(std::min<qsizetype>(accepted, 255));
        }
        SolPacket ack;
        ack.ackSequence = packet->sequence;
        ack.acceptedCount = m_lastAccepted;
        ack.operation = status();
        reply = ack.toBytes();
    }

    if (m_owner && !m_awaitingAck)
        sendNext();
    return reply;
}
