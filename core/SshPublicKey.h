#pragma once

#include "Expected.h"

#include <QByteArray>
#include <QString>

// A public key an account logs in with over SSH, as OpenSSH writes it on one line
// ("ssh-ed25519 AAAA... comment"). Only the key itself (`blob`, the SSH wire encoding) decides a
// login; the comment is for people. parse() checks the line's syntax and the blob's structure with
// QtCore alone; the SSH face checks the mathematics too (AccountStore::setSshKeyCheck).
struct SshPublicKey
{
    int id = 0; // per account, from 1; Redfish's Key Id
    QString type;
    QByteArray blob;
    QString comment;

    static constexpr qsizetype maxLineLength = 16 * 1024;
    static constexpr qsizetype maxCommentLength = 255;
    static constexpr int minRsaBits = 2048;

    // Refusals are Failure::Code::InvalidSshKey with the reason.
    static Expected<SshPublicKey> parse(const QString &line);

    // "ssh-ed25519 AAAA... comment", as parse() reads it.
    QString toOpenSsh() const;
    // "SHA256:..." as ssh-keygen -l prints it.
    QString fingerprint() const;

    friend bool operator==(const SshPublicKey &, const SshPublicKey &) = default;
};
