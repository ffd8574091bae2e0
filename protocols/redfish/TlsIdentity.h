#pragma once

#include "Expected.h"

#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>

// The certificate and key Redfish serves: the configured pair as given, or else a self-signed EC
// P-256 certificate that qbmc makes once (OpenSSL) and keeps in the state directory, with the
// host name and addresses as subject alternative names.
struct TlsIdentity
{
    QSslCertificate certificate;
    QSslKey key;

    // A configured pair; a refusal names the file and what is wrong with it.
    static Expected<TlsIdentity> load(const QString &certificatePath, const QString &keyPath);
    // The state directory's pair, made first when there is none.
    static Expected<TlsIdentity> selfSigned(const QString &stateDirectory, const QString &hostName,
                                            const QStringList &addresses);
};
