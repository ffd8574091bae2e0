#pragma once

#include "Role.h"

#include <QDateTime>
#include <QString>

// A live IPMI, Redfish, SSH or web console session, as the screen and Redfish's SessionService
// list it.
struct RemoteSession
{
    // ConsoleWebSocket is one wss://…/console0 connection (byte or screen), whatever
    // authenticated it: a connection holds the console, so ending it is what an administrator needs.
    // KvmWebSocket is one viewer of wss://…/kvm/0, likewise.
    enum class Protocol { Ipmi, Redfish, Ssh, ConsoleWebSocket, KvmWebSocket };

    // "IPMI", "Redfish", "SSH", "Web console": as the screen and the logs name them.
    static QString protocolName(Protocol protocol)
    {
        switch (protocol) {
        case Protocol::Ipmi: return QStringLiteral("IPMI");
        case Protocol::Redfish: return QStringLiteral("Redfish");
        case Protocol::Ssh: return QStringLiteral("SSH");
        case Protocol::ConsoleWebSocket: return QStringLiteral("Web console");
        case Protocol::KvmWebSocket: return QStringLiteral("KVM");
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
