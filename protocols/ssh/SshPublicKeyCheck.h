#pragma once

#include "SshPublicKey.h"

#include <QByteArray>
#include <QString>

#include <optional>

struct ssh_key_struct;

// What core cannot check about a public key, checked by libssh: that the numbers are a key (a
// point on its curve). AccountStore::setSshKeyCheck takes check().
namespace SshPublicKeyCheck {

std::optional<QString> check(const SshPublicKey &key);
// The key's SSH wire encoding, which is what a login compares.
QByteArray blobOf(const ssh_key_struct *key);

} // namespace SshPublicKeyCheck
