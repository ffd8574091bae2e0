#pragma once

#include "Role.h"

#include <QDateTime>
#include <QString>

// A live IPMI or Redfish session, as the screen and Redfish's SessionService list it.
struct RemoteSession
{
    enum class Protocol { Ipmi, Redfish };

    quint64 id = 0;
    Protocol protocol = Protocol::Ipmi;
    QString user;
    QString address;
    QDateTime since; // UTC
    Role privilege = Role::ReadOnly;
};
