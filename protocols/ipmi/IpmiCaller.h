#pragma once

#include "IpmiPeer.h"
#include "Privilege.h"

#include <QString>

// Who sent a request: the session it came in (0 outside one), its user and privilege, and the
// peer. Handlers that act on someone's behalf (the event log's actor, "may this session close
// that one") take it beside their request fields.
struct IpmiCaller
{
    quint32 sessionId = 0;
    QString user;
    Privilege privilege = Privilege::Callback;
    IpmiPeer peer;
};
