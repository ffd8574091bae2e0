#include "RmcpPlusClient.h"

#include "ByteReader.h"
#include "ByteWriter.h"
#include "IpmiCrypto.h"
#include "IpmiMessage.h"
#include "RmcpPacket.h"

#include <QNetworkDatagram>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace {
QByteArray littleEndian(quint32 value)
{
    QByteArray bytes;
    ByteWriter(&bytes).u32le(value);
    return bytes;
}
} // namespace

RmcpPlusClient::RmcpPlusClient(const QHostAddress &address, quint16 port, int timeoutMs)
    : m_address(address)
    , m_port(port)
    , m_timeoutMs(timeoutMs)
{
    m_socket.bind(
        address.protocol() == QAbstractSocket::IPv6Protocol ? QHostAddress::LocalHostIPv6 : QHostAddress::LocalHost, 0);
}

std::optional<QByteArray> RmcpPlusClient::exchange(const QByteArray &datagram, int timeoutMs)
{
    while (m_socket.hasPendingDatagrams())
        m_socket.receiveDatagram();
    m_socket.writeDatagram(datagram, m_address, m_port);
    if (!m_socket.waitForReadyRead(timeoutMs < 0 ? m_timeoutMs : timeoutMs))
        return std::nullopt;
    return m_socket.receiveDatagram().data();
}

std::optional<QByteArray> RmcpPlusClient::setupExchange(PayloadType type, const QByteArray &payload,
                                                        PayloadType expected)
{
    const std::optional<QByteArray> reply = exchange(RmcpPlusPacket::build(type, 0, 0, payload));
    if (!reply) {
        m_error = u"no answer"_s;
        return std::nullopt;
    }
    const std::optional<RmcpPacket> rmcp = RmcpPacket::parse(*reply);
    const std::optional<RmcpPlusPacket> packet = rmcp ? RmcpPlusPacket::parse(rmcp->body) : std::nullopt;
    if (!packet || packet->payloadType != expected || packet->payload.size() < 2) {
        m_error = u"unexpected answer"_s;
        return std::nullopt;
    }
    if (quint8(packet->payload[1]) != 0) {
        m_error = u"status 0x%1"_s.arg(quint8(packet->payload[1]), 2, 16, QLatin1Char('0'));
        return std::nullopt;
    }
    return packet->payload.toByteArray();
}

bool RmcpPlusClient::open(const QByteArray &user, const QByteArray &password, quint8 suiteId, Privilege privilege)
{
    const std::optional<CipherSuite> suite = CipherSuite::byId(suiteId);
    if (!suite)
        return false;
    m_consoleSessionId = 0x51430000u | quint32(QRandomGenerator::global()->bounded(0xFFFF) + 1);

    QByteArray open;
    ByteWriter writer(&open);
    writer.u8(0x01).u8(quint8(privilege)).u16le(0).u32le(m_consoleSessionId);
    writer.u8(0x00).u16le(0).u8(8).u8(suite->authentication).padded({}, 3);
    writer.u8(0x01).u16le(0).u8(8).u8(suite->integrity).padded({}, 3);
    writer.u8(0x02).u16le(0).u8(8).u8(suite->confidentiality).padded({}, 3);
    const auto opened = setupExchange(PayloadType::OpenSessionRequest, open, PayloadType::OpenSessionResponse);
    if (!opened || opened->size() < 36)
        return false;
    ByteReader openReader(*opened);
    openReader.skip(8);
    m_bmcSessionId = openReader.u32le();

    const QByteArray consoleRandom = IpmiCrypto::randomBytes(16);
    const quint8 role = quint8(privilege) | 0x10; // name-only lookup, as ipmitool does
    QByteArray rakp1;
    ByteWriter(&rakp1)
        .u8(0x02)
        .padded({}, 3)
        .u32le(m_bmcSessionId)
        .bytes(consoleRandom)
        .u8(role)
        .u16le(0)
        .u8(quint8(user.size()))
        .bytes(user);
    const auto rakp2 = setupExchange(PayloadType::Rakp1, rakp1, PayloadType::Rakp2);
    if (!rakp2 || rakp2->size() < 40 + suite->hashLength())
        return false;
    ByteReader rakp2Reader(*rakp2);
    rakp2Reader.skip(8);
    const QByteArray bmcRandom = rakp2Reader.bytes(16).toByteArray();
    const QByteArray guid = rakp2Reader.bytes(16).toByteArray();
    const QByteArray key = password.leftJustified(20, '\0', true);
    const QByteArray roleAndName = char(role) + QByteArray(1, char(user.size())) + user;
    const QByteArray expected2 = IpmiCrypto::hmac(suite->hash, key,
                                                  littleEndian(m_consoleSessionId) + littleEndian(m_bmcSessionId)
                                                      + consoleRandom + bmcRandom + guid + roleAndName);
    if (rakp2Reader.rest() != expected2) {
        // Tell the BMC, as the spec has a console do: RAKP 3 with "invalid integrity check value".
        QByteArray abort;
        ByteWriter(&abort).u8(0x03).u8(0x0F).u16le(0).u32le(m_bmcSessionId);
        m_socket.writeDatagram(RmcpPlusPacket::build(PayloadType::Rakp3, 0, 0, abort), m_address, m_port);
        m_error = u"RAKP 2 auth code does not match (wrong password)"_s;
        return false;
    }

    QByteArray rakp3;
    ByteWriter(&rakp3)
        .u8(0x03)
        .u8(0)
        .u16le(0)
        .u32le(m_bmcSessionId)
        .bytes(IpmiCrypto::hmac(suite->hash, key, bmcRandom + littleEndian(m_consoleSessionId) + roleAndName));
    const auto rakp4 = setupExchange(PayloadType::Rakp3, rakp3, PayloadType::Rakp4);
    if (!rakp4)
        return false;
    const QByteArray sik = IpmiCrypto::hmac(suite->hash, key, consoleRandom + bmcRandom + roleAndName);
    const QByteArray checkValue =
        IpmiCrypto::hmac(suite->hash, sik, consoleRandom + littleEndian(m_bmcSessionId) + guid)
            .first(suite->truncatedLength());
    if (rakp4->mid(8) != checkValue) {
        m_error = u"RAKP 4 check value does not match"_s;
        return false;
    }
    m_keys.suite = *suite;
    m_keys.integrityKey = IpmiCrypto::hmac(suite->hash, sik, QByteArray(20, char(0x01)));
    m_keys.confidentialityKey = IpmiCrypto::hmac(suite->hash, sik, QByteArray(20, char(0x02))).first(16);

    const auto raised = command(0x06, 0x3B, QByteArray(1, char(privilege)));
    if (!raised || raised->completionCode != 0) {
        m_error = u"Set Session Privilege Level failed"_s;
        return false;
    }
    return true;
}

QByteArray RmcpPlusClient::request(quint8 netFn, quint8 command, const QByteArray &data, quint32 sequence)
{
    QByteArray message;
    ByteWriter writer(&message);
    writer.u8(IpmiMessage::bmcAddress).u8(quint8(netFn << 2));
    writer.u8(IpmiMessage::checksum(message));
    const qsizetype body = message.size();
    writer.u8(0x81).u8(quint8((++m_requestSequence & 0x3F) << 2)).u8(command).bytes(data);
    writer.u8(IpmiMessage::checksum(QByteArrayView(message).sliced(body)));
    return RmcpPlusPacket::build(PayloadType::Ipmi, m_bmcSessionId, sequence, message, &m_keys);
}

std::optional<RmcpPlusClient::Response> RmcpPlusClient::decode(const QByteArray &reply) const
{
    const std::optional<RmcpPacket> rmcp = RmcpPacket::parse(reply);
    const std::optional<RmcpPlusPacket> packet = rmcp ? RmcpPlusPacket::parse(rmcp->body) : std::nullopt;
    if (!packet || !packet->hasValidAuthCode(rmcp->body, m_keys))
        return std::nullopt;
    const std::optional<QByteArray> message = packet->clearPayload(m_keys);
    if (!message || message->size() < 8)
        return std::nullopt;
    return Response{quint8(message->at(6)), message->mid(7, message->size() - 8)};
}

std::optional<RmcpPlusClient::Response> RmcpPlusClient::command(quint8 netFn, quint8 command, const QByteArray &data)
{
    const std::optional<QByteArray> reply = exchange(request(netFn, command, data, nextSequence()));
    return reply ? decode(*reply) : std::nullopt;
}

void RmcpPlusClient::close()
{
    command(0x06, 0x3C, littleEndian(m_bmcSessionId));
}
