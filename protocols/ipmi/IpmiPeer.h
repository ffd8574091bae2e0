#pragma once

#include "NetworkAddresses.h"

#include <QHostAddress>
#include <QString>

// Where a datagram came from, and where its reply goes.
struct IpmiPeer
{
    QHostAddress address;
    quint16 port = 0;

    QString addressText() const { return NetworkAddresses::peerAddressText(address); }
    friend bool operator==(const IpmiPeer &a, const IpmiPeer &b)
    {
        return a.address.isEqual(b.address) && a.port == b.port;
    }
};
