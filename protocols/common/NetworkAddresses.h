#pragma once

#include <QHostAddress>
#include <QString>

// Addresses as the configuration spells them and as logs and answers show them, the same for
// every network face.
namespace NetworkAddresses {

// A listen address from the configuration: "::" means every address, IPv4 and IPv6 alike, as
// PiKVM's configuration means it (QHostAddress::Any binds both on a dual-stack socket).
inline QHostAddress listenAddress(const QString &configured)
{
    return configured == QStringLiteral("::") ? QHostAddress(QHostAddress::Any) : QHostAddress(configured);
}

// A listen address for a log line: QHostAddress::Any would print as 0.0.0.0, which would mislead.
inline QString listenAddressText(const QHostAddress &address)
{
    return address == QHostAddress(QHostAddress::Any) ? QStringLiteral("::") : address.toString();
}

// A client's address for logs, sessions and the event log: IPv4 clients on a dual-stack socket
// arrive as ::ffff:a.b.c.d and are shown as a.b.c.d.
inline QString peerAddressText(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : address.toString();
}

} // namespace NetworkAddresses
