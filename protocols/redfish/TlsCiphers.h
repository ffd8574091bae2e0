#pragma once

#include <QList>
#include <QSslCipher>

// The cipher suites the Redfish listener offers (decisions.md#97).
namespace TlsCiphers {

// Every TLS 1.3 suite OpenSSL has, and for TLS 1.2 only ECDHE key exchange with an AEAD cipher
// (AES-GCM, ChaCha20-Poly1305): no CBC, no SHA-1 MAC, no static RSA, no PSK.
QList<QSslCipher> offered();

} // namespace TlsCiphers
