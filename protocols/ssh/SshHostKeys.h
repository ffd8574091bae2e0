#pragma once

#include "Failure.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

struct ssh_key_struct;
struct ssh_bind_struct;

// The SSH console's host keys, Ed25519 and ECDSA P-256, made once in the state directory
// (ssh_host_ed25519_key, ssh_host_ecdsa_key: OpenSSH's private key format, mode 0600, written
// atomically). A file that cannot be read is moved aside as "<name>.corrupt-<UTC time>" and a new
// key made, and setAside() says so: clients will see a changed host key, and must be told why.
class SshHostKeys
{
public:
    struct HostKey
    {
        QString fileName;
        QString type;        // "ssh-ed25519"
        QString fingerprint; // "SHA256:..."
        ssh_key_struct *key = nullptr;
    };

    SshHostKeys() = default;
    SshHostKeys(const SshHostKeys &) = delete;
    SshHostKeys &operator=(const SshHostKeys &) = delete;
    ~SshHostKeys();

    std::optional<Failure> loadOrCreate(const QString &stateDirectory);
    // Each key as an import into libssh's bind, which copies them into every session.
    bool applyTo(ssh_bind_struct *bind) const;

    const QList<HostKey> &keys() const { return m_keys; }
    // "ssh-ed25519 SHA256:...", one per key.
    QStringList fingerprints() const;
    // Sentences about damaged files that were moved aside, for the event log.
    const QStringList &setAside() const { return m_setAside; }

private:
    std::optional<Failure> loadOrCreateOne(const QString &path, int type);

    QList<HostKey> m_keys;
    QStringList m_setAside;
};
