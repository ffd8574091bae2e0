#include "PacketHandler.h"

#include "AsfMessage.h"
#include "Ipmi15Packet.h"
#include "IpmiLogging.h"
#include "IpmiMessage.h"
#include "IpmiSessionTable.h"
#include "RakpHandshake.h"
#include "RmcpPacket.h"
#include "RmcpPlusPacket.h"

PacketHandler::PacketHandler(RakpHandshake *handshake, IpmiSessionTable *sessions, const CommandTable *commands)
    : m_handshake(handshake)
    , m_sessions(sessions)
    , m_commands(commands)
{
}

QByteArray PacketHandler::drop(quint64 Counters::*counter)
{
    ++(m_counters.*counter);
    return {};
}

QByteArray PacketHandler::handle(QByteArrayView datagram, const IpmiPeer &peer, std::function<void()> *afterReply)
{
    ++m_counters.received;
    const std::optional<RmcpPacket> rmcp = RmcpPacket::parse(datagram);
    if (!rmcp)
        return drop(&Counters::malformed);

    QByteArray reply;
    if (rmcp->messageClass == RmcpPacket::classAsf) {
        const std::optional<AsfMessage> asf = AsfMessage::parse(rmcp->body);
        if (!asf || asf->type != AsfMessage::presencePing)
            return drop(&Counters::malformed);
        reply = AsfMessage::pong(rmcp->sequence, asf->tag);
    } else if (rmcp->messageClass == RmcpPacket::classIpmi && !rmcp->body.isEmpty()) {
        const quint8 authenticationType = quint8(rmcp->body[0]) & 0x0F;
        reply = authenticationType == RmcpPlusPacket::authenticationRmcpPlus
            ? handleRmcpPlus(rmcp->body, peer, afterReply)
            : handleIpmi15(rmcp->body, peer);
    } else {
        return drop(&Counters::malformed);
    }
    if (!reply.isEmpty())
        ++m_counters.answered;
    return reply;
}

QByteArray PacketHandler::handleIpmi15(QByteArrayView body, const IpmiPeer &peer)
{
    // Only the pre-session form: qbmc has no IPMI v1.5 sessions, so anything claiming one, or
    // carrying a v1.5 AuthCode, is not for us.
    const std::optional<Ipmi15Packet> packet = Ipmi15Packet::parse(body);
    if (!packet)
        return drop(&Counters::malformed);
    if (packet->sessionId != 0 || packet->authenticationType != Ipmi15Packet::authenticationNone)
        return drop(&Counters::unauthenticated);

    const QByteArray message = dispatch(packet->message, IpmiCaller{0, {}, Privilege::Callback, peer}, nullptr);
    return message.isEmpty() ? QByteArray() : Ipmi15Packet::build(message);
}

QByteArray PacketHandler::handleRmcpPlus(QByteArrayView body, const IpmiPeer &peer, std::function<void()> *afterReply)
{
    const std::optional<RmcpPlusPacket> packet = RmcpPlusPacket::parse(body);
    if (!packet)
        return drop(&Counters::malformed);

    if (packet->sessionId == 0) {
        // Session setup and the few commands allowed before a session travel in clear.
        if (packet->encrypted || packet->authenticated)
            return drop(&Counters::unauthenticated);
        QByteArray payload;
        PayloadType replyType = PayloadType::Ipmi;
        switch (packet->payloadType) {
        case PayloadType::OpenSessionRequest:
            payload = m_handshake->openSession(packet->payload, peer);
            replyType = PayloadType::OpenSessionResponse;
            break;
        case PayloadType::Rakp1:
            payload = m_handshake->rakp1(packet->payload, peer);
            replyType = PayloadType::Rakp2;
            break;
        case PayloadType::Rakp3:
            payload = m_handshake->rakp3(packet->payload, peer);
            replyType = PayloadType::Rakp4;
            break;
        case PayloadType::Ipmi:
            payload = dispatch(packet->payload, IpmiCaller{0, {}, Privilege::Callback, peer}, nullptr);
            break;
        default: return drop(&Counters::malformed);
        }
        return payload.isEmpty() ? QByteArray() : RmcpPlusPacket::build(replyType, 0, 0, payload);
    }

    IpmiSession *session = m_sessions->activeSession(packet->sessionId, peer);
    // Every session's algorithms include integrity and confidentiality: anything less is refused.
    if (!session || !packet->encrypted || !packet->hasValidAuthCode(body, session->keys))
        return drop(&Counters::unauthenticated);
    // Checked after the AuthCode, so a forged packet cannot move the window.
    if (!session->inbound.accept(packet->sequence))
        return drop(&Counters::replayed);
    const std::optional<QByteArray> payload = packet->clearPayload(session->keys);
    if (!payload)
        return drop(&Counters::malformed);
    session->idle.start();

    if (packet->payloadType == PayloadType::Sol && m_solHandler) {
        const QByteArray reply = m_solHandler(*session, *payload);
        if (reply.isEmpty())
            return {};
        return RmcpPlusPacket::build(PayloadType::Sol, session->consoleId, session->nextOutboundSequence(), reply,
                                     &session->keys);
    }
    if (packet->payloadType != PayloadType::Ipmi)
        return drop(&Counters::malformed);
    const IpmiCaller caller{session->id, session->user, session->privilege, peer};
    const QByteArray message = dispatch(*payload, caller, afterReply);
    if (message.isEmpty())
        return {};
    return RmcpPlusPacket::build(PayloadType::Ipmi, session->consoleId, session->nextOutboundSequence(), message,
                                 &session->keys);
}

QByteArray PacketHandler::dispatch(QByteArrayView messageBytes, const IpmiCaller &caller,
                                   std::function<void()> *afterReply)
{
    const std::optional<IpmiMessage> message = IpmiMessage::parseRequest(messageBytes);
    if (!message)
        return drop(&Counters::malformed);
    const IpmiRequest request{message->netFn, message->command, message->data, caller};
    // Responses and odd LUNs are not requests for the BMC.
    if (message->netFn & 1 || message->responderLun != 0)
        return drop(&Counters::malformed);

    IpmiResponse response = m_commands->dispatch(request);
    if (afterReply && response.afterReply)
        *afterReply = std::move(response.afterReply);
    return message->response(quint8(response.completionCode), response.data);
}
