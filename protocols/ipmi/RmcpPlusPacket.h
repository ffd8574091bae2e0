#pragma once

#include "CipherSuite.h"
#include "PayloadType.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

// The IPMI v2.0 (RMCP+) session wrapper (IPMI v2.0 table 13-8): payload type with its
// encrypted/authenticated bits, session id, sequence number, payload, and for authenticated
// packets a trailer of integrity pad, pad length, next header and AuthCode.
struct RmcpPlusPacket
{
    static constexpr quint8 authenticationRmcpPlus = 0x06;
    static constexpr quint8 nextHeader = 0x07;

    // What a session's packets are protected with, once RAKP has derived the keys.
    struct Keys
    {
        CipherSuite suite;
        QByteArray integrityKey;       // K1
        QByteArray confidentialityKey; // first 16 bytes of K2
    };

    PayloadType payloadType = PayloadType::Ipmi;
    bool encrypted = false;
    bool authenticated = false;
    quint32 sessionId = 0;
    quint32 sequence = 0;
    QByteArrayView payload; // as on the wire, still encrypted when `encrypted`
    QByteArrayView trailer; // everything after the payload

    // `body` is the datagram after the RMCP header; the views point into it.
    static std::optional<RmcpPlusPacket> parse(QByteArrayView body);

    // Checks the trailer's shape and the AuthCode over everything from the authentication type to
    // the next header, in constant time.
    bool hasValidAuthCode(QByteArrayView body, const Keys &keys) const;
    // The clear payload: decrypted when the packet says it is encrypted.
    std::optional<QByteArray> clearPayload(const Keys &keys) const;

    // A whole datagram. Without keys: unauthenticated and in clear (session setup). With keys:
    // encrypted and authenticated.
    static QByteArray build(PayloadType type, quint32 sessionId, quint32 sequence, QByteArrayView payload,
                            const Keys *keys = nullptr);
};
