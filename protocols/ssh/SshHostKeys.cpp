#include "SshHostKeys.h"

#include "SshLogging.h"
#include "SshPublicKey.h"
#include "SshPublicKeyCheck.h"
#include "StateFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <libssh/libssh.h>
#include <libssh/server.h>

using namespace Qt::StringLiterals;

namespace {
constexpr QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString typeName(const ssh_key key)
{
    return QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key)));
}
} // namespace

SshHostKeys::~SshHostKeys()
{
    for (HostKey &hostKey : m_keys)
        ssh_key_free(hostKey.key);
}

std::optional<Failure> SshHostKeys::loadOrCreate(const QString &stateDirectory)
{
    const QDir directory(stateDirectory);
    if (auto failure = loadOrCreateOne(directory.filePath(u"ssh_host_ed25519_key"_s), SSH_KEYTYPE_ED25519))
        return failure;
    return loadOrCreateOne(directory.filePath(u"ssh_host_ecdsa_key"_s), SSH_KEYTYPE_ECDSA_P256);
}

std::optional<Failure> SshHostKeys::loadOrCreateOne(const QString &path, int type)
{
    ssh_key key = nullptr;
    QFile file(path);
    if (file.exists()) {
        QByteArray content;
        if (file.open(QIODevice::ReadOnly))
            content = file.readAll();
        file.close();
        if (ssh_pki_import_privkey_base64(content.constData(), nullptr, nullptr, nullptr, &key) != SSH_OK
            || ssh_key_type(key) != type) {
            ssh_key_free(key);
            key = nullptr;
            const QString aside = StateFile::moveAside(path);
            if (aside.isEmpty())
                return Failure{Failure::Code::Unavailable,
                               u"SSH host key %1 cannot be read and cannot be moved aside"_s.arg(path)};
            m_setAside.append(u"The SSH host key %1 could not be read and was kept as %2; a new key was made, so "
                              "clients will see a changed host key"_s.arg(path, aside));
            qCCritical(lcSsh, "host key %s cannot be read: kept as %s, a new one is made", qPrintable(path),
                       qPrintable(aside));
        } else {
            QFile::setPermissions(path, ownerOnly);
        }
    }
    if (!key) {
        if (ssh_pki_generate(static_cast<enum ssh_keytypes_e>(type), type == SSH_KEYTYPE_ECDSA_P256 ? 256 : 0, &key)
            != SSH_OK)
            return Failure{Failure::Code::Internal, u"SSH host key %1 cannot be generated"_s.arg(path)};
        char *text = nullptr;
        if (ssh_pki_export_privkey_base64(key, nullptr, nullptr, nullptr, &text) != SSH_OK) {
            ssh_key_free(key);
            return Failure{Failure::Code::Internal, u"SSH host key %1 cannot be written out"_s.arg(path)};
        }
        const QByteArray content(text);
        ssh_string_free_char(text);
        QSaveFile out(path);
        const bool written = out.open(QIODevice::WriteOnly) && out.setPermissions(ownerOnly)
            && out.write(content) == content.size() && out.commit();
        if (!written) {
            ssh_key_free(key);
            return Failure{Failure::Code::Unavailable,
                           u"SSH host key %1 cannot be written: %2"_s.arg(path, out.errorString())};
        }
        QFile::setPermissions(path, ownerOnly);
        qCInfo(lcSsh, "made the SSH host key %s", qPrintable(path));
    }
    SshPublicKey publicKey;
    publicKey.blob = SshPublicKeyCheck::blobOf(key);
    m_keys.append({QFileInfo(path).fileName(), typeName(key), publicKey.fingerprint(), key});
    return std::nullopt;
}

bool SshHostKeys::applyTo(ssh_bind_struct *bind) const
{
    for (const HostKey &hostKey : m_keys) {
        // The bind takes the key it is given; each gets a copy of its own.
        ssh_key copy = ssh_key_dup(hostKey.key);
        if (!copy || ssh_bind_options_set(bind, SSH_BIND_OPTIONS_IMPORT_KEY, copy) != SSH_OK)
            return false;
    }
    return true;
}

QStringList SshHostKeys::fingerprints() const
{
    QStringList list;
    for (const HostKey &hostKey : m_keys)
        list.append(hostKey.type + u' ' + hostKey.fingerprint);
    return list;
}
