#pragma once

#include "CipherSuite.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

// The cryptography RMCP+ needs, all from OpenSSL: HMAC-SHA1/SHA256, AES-CBC-128 with IPMI's own
// padding, random bytes and a constant-time comparison.
namespace IpmiCrypto {

QByteArray hmac(CipherSuite::Hash hash, QByteArrayView key, QByteArrayView data);
QByteArray randomBytes(int count);
bool equalInConstantTime(QByteArrayView a, QByteArrayView b);

// AES-CBC-128 payload as IPMI v2.0 section 13.29 frames it: a random 16-byte IV, then the data,
// padding bytes 1, 2, 3, ... and the pad length, encrypted.
QByteArray encryptPayload(QByteArrayView key, QByteArrayView plain);
// Nothing when the framing or the padding is wrong.
std::optional<QByteArray> decryptPayload(QByteArrayView key, QByteArrayView framed);

} // namespace IpmiCrypto
