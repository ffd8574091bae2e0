#pragma once

#include "CipherSuite.h"
#include "Privilege.h"
#include "RmcpPlusPacket.h"

#include <QByteArray>
#include <QHostAddress>
#include <QUdpSocket>

#include <optional>

// A minimal RMCP+ client for tests and benchmarks: opens a session (Open Session, RAKP 1-4, Set
// Session Privilege Level) and sends commands, and can build, resend or skip sequence numbers of
// exact datagrams, which no packaged client can do (replay and window tests).
class RmcpPlusClient
{
public:
    struct Response
    {
        quint8 completionCode = 0xFF;
        QByteArray data;
    };

    RmcpPlusClient(const QHostAddress &address, quint16 port, int timeoutMs = 2000);

    // True once the session is open at `privilege`.
    bool open(const QByteArray &user, const QByteArray &password, quint8 suiteId = 17,
              Privilege privilege = Privilege::Administrator);
    std::optional<Response> command(quint8 netFn, quint8 command, const QByteArray &data = {});
    void close();

    // An authenticated, encrypted request with this session sequence number, not sent.
    QByteArray request(quint8 netFn, quint8 command, const QByteArray &data, quint32 sequence);
    // Sends a datagram and waits for one back (nothing on time-out).
    std::optional<QByteArray> exchange(const QByteArray &datagram, int timeoutMs = -1);
    // The response carried by a reply datagram of this session.
    std::optional<Response> decode(const QByteArray &reply) const;

    quint32 nextSequence() { return ++m_sequence; }
    quint32 sessionId() const { return m_bmcSessionId; }
    QString lastError() const { return m_error; }

private:
    std::optional<QByteArray> setupExchange(PayloadType type, const QByteArray &payload, PayloadType expected);

    QUdpSocket m_socket;
    QHostAddress m_address;
    quint16 m_port;
    int m_timeoutMs;
    quint32 m_consoleSessionId = 0;
    quint32 m_bmcSessionId = 0;
    quint32 m_sequence = 0;
    quint8 m_requestSequence = 0;
    RmcpPlusPacket::Keys m_keys;
    QString m_error;
};
