#pragma once

#include "IpmiPeer.h"
#include "Privilege.h"

#include <QByteArray>
#include <QString>

// A request as a command handler sees it: what was asked and who asked.
struct IpmiRequest
{
    quint8 netFn = 0;
    quint8 command = 0;
    QByteArray data;

    quint32 sessionId = 0; // 0 outside a session
    QString user;
    Privilege privilege = Privilege::Callback;
    IpmiPeer peer;
};
