#include "SshPublicKeyCheck.h"

#include <libssh/libssh.h>

#include <cstdlib>

using namespace Qt::StringLiterals;

std::optional<QString> SshPublicKeyCheck::check(const SshPublicKey &key)
{
    const enum ssh_keytypes_e type = ssh_key_type_from_name(key.type.toLatin1().constData());
    ssh_key imported = nullptr;
    if (type == SSH_KEYTYPE_UNKNOWN
        || ssh_pki_import_pubkey_base64(key.blob.toBase64().constData(), type, &imported) != SSH_OK)
        return u"the key data is not a valid %1 key"_s.arg(key.type);
    const QByteArray blob = blobOf(imported);
    ssh_key_free(imported);
    // libssh writes what it read back the same way; anything else is not the key it seems to be.
    if (blob != key.blob)
        return u"the key data is not a valid %1 key"_s.arg(key.type);
    return std::nullopt;
}

QByteArray SshPublicKeyCheck::blobOf(const ssh_key_struct *key)
{
    char *base64 = nullptr;
    if (ssh_pki_export_pubkey_base64(const_cast<ssh_key>(key), &base64) != SSH_OK)
        return {};
    const QByteArray blob = QByteArray::fromBase64(base64);
    ssh_string_free_char(base64);
    return blob;
}
