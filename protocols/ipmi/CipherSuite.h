#pragma once

#include <QList>

#include <optional>

// The RMCP+ cipher suites qbmc offers (IPMI v2.0 table 22-20). Only suites that authenticate,
// check integrity and encrypt: suite 0 and every "none" algorithm are refused.
struct CipherSuite
{
    enum class Hash { Sha1, Sha256 };

    // Algorithm numbers as they travel in Open Session and Get Channel Cipher Suites.
    static constexpr quint8 authenticationHmacSha1 = 0x01;
    static constexpr quint8 authenticationHmacSha256 = 0x03;
    static constexpr quint8 integrityHmacSha1_96 = 0x01;
    static constexpr quint8 integrityHmacSha256_128 = 0x04;
    static constexpr quint8 confidentialityAesCbc128 = 0x01;

    quint8 id = 0;
    quint8 authentication = 0;
    quint8 integrity = 0;
    quint8 confidentiality = 0;
    Hash hash = Hash::Sha1; // RAKP, key derivation and integrity use the same hash in both suites

    // HMAC output length of the RAKP algorithm (RAKP2/3 auth codes, SIK, K1, K2).
    int hashLength() const { return hash == Hash::Sha1 ? 20 : 32; }
    // RAKP4's integrity check value and every packet's AuthCode are truncated HMACs.
    int truncatedLength() const { return hash == Hash::Sha1 ? 12 : 16; }

    static const QList<CipherSuite> &all();
    static std::optional<CipherSuite> byId(quint8 id);
    static std::optional<CipherSuite> byAlgorithms(quint8 authentication, quint8 integrity, quint8 confidentiality);
};
