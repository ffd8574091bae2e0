#pragma once

#include "IpmiCaller.h"

#include <QByteArray>

// A request as the packet handler hands it to the command table: what was asked, its data as
// it arrived, and who asked. Handlers never see the data as bytes: the table decodes it into the
// fields the command declares (RequestFields.h).
struct IpmiRequest
{
    quint8 netFn = 0;
    quint8 command = 0;
    QByteArray data;
    IpmiCaller caller;
};
