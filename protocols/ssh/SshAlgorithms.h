#pragma once

// What the SSH console offers, best first, set explicitly so that neither libssh's defaults nor a
// system configuration file can add an older algorithm (docs/decisions.md#110): no SHA-1, no CBC,
// no DSA, no RSA signatures with SHA-1, no Diffie-Hellman group below 4096 bits.
namespace SshAlgorithms {

inline constexpr const char *keyExchange = "curve25519-sha256,curve25519-sha256@libssh.org,ecdh-sha2-nistp256,"
                                           "ecdh-sha2-nistp384,ecdh-sha2-nistp521,diffie-hellman-group16-sha512,"
                                           "diffie-hellman-group18-sha512";
inline constexpr const char *ciphers = "chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-gcm@openssh.com,"
                                       "aes256-ctr,aes128-ctr";
inline constexpr const char *macs =
    "hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com,hmac-sha2-256,hmac-sha2-512";
inline constexpr const char *hostKeys = "ssh-ed25519,ecdsa-sha2-nistp256";
inline constexpr const char *publicKeys = "ssh-ed25519,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,"
                                          "rsa-sha2-512,rsa-sha2-256";
inline constexpr int minRsaBits = 2048;

} // namespace SshAlgorithms
