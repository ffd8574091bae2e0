#include "TlsCiphers.h"

#include <QSslConfiguration>

namespace TlsCiphers {

QList<QSslCipher> offered()
{
    QList<QSslCipher> ciphers;
    for (const QSslCipher &cipher : QSslConfiguration::supportedCiphers()) {
        const QString name = cipher.name();
        const bool tls13 = cipher.protocol() == QSsl::TlsV1_3;
        const bool ecdheAead = name.startsWith(QLatin1String("ECDHE-")) && !name.contains(QLatin1String("PSK"))
            && (name.contains(QLatin1String("-GCM-")) || name.contains(QLatin1String("CHACHA20-POLY1305")));
        if (tls13 || ecdheAead)
            ciphers.append(cipher);
    }
    return ciphers;
}

} // namespace TlsCiphers
