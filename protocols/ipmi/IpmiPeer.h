#pragma once

#include <QHostAddress>
#include <QString>

// Where a datagram came from, and where its reply goes.
struct IpmiPeer
{
    QHostAddress address;
    quint16 port = 0;

    // IPv4 clients on the dual-stack socket arrive as ::ffff:a.b.c.d; logs show a.b.c.d.
    QString addressText() const
    {
        bool isV4 = false;
        const quint32 v4 = address.toIPv4Address(&isV4);
        return isV4 ? QHostAddress(v4).toString() : address.toString();
    }
    friend bool operator==(const IpmiPeer &a, const IpmiPeer &b)
    {
        return a.address.isEqual(b.address) && a.port == b.port;
    }
};
