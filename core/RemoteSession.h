#pragma once

#include "Role.h"

#include <QDateTime>
#include <QString>

// A live IPMI, Redfish or SSH session, as the screen and Redfish's SessionService list it.
struct RemoteSession
{
    enum class Protocol { Ipmi, Redfish, Ssh };

    // "IPMI", "Redfish", "SSH": as the screen and the logs name them.
    static QString protocolName(Protocol protocol)
    {
        switch (protocol) {
        case Protocol::Ipmi: return QStringLiteral("IPMI");
        case Protocol::Redfish: return QStringLiteral("Redfish");
        case Protocol::Ssh: return QStringLiteral("SSH");
        }
        return {};
    }

    quint64 id = 0;
    Protocol protocol = Protocol::Ipmi;
    QString user;
    QString address;
    QDateTime since; // UTC
    Role privilege = Role::ReadOnly;
};
