#pragma once

#include <QByteArray>
#include <QUuid>

// GUIDs on the wire (Get System GUID, Get Device GUID, RAKP): IPMI sends the RFC 4122 bytes least
// significant first, as OpenBMC and ipmitool's "ipmi" decoding do.
namespace IpmiGuid {

inline QByteArray encode(const QUuid &uuid)
{
    QByteArray bytes = uuid.toRfc4122();
    std::reverse(bytes.begin(), bytes.end());
    return bytes;
}

} // namespace IpmiGuid
