#pragma once

#include "IpmiPeer.h"
#include "Privilege.h"
#include "RmcpPlusPacket.h"
#include "SequenceWindow.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QString>

// One RMCP+ session: set up by Open Session and RAKP 1-4, then carrying encrypted and
// authenticated messages between one peer and the BMC.
struct IpmiSession
{
    enum class State { AwaitingRakp1, AwaitingRakp3, Active };

    quint32 id = 0;        // the BMC's session id (SIDc), random and never 0
    quint32 consoleId = 0; // the remote console's (SIDm)
    quint8 handle = 0;     // 1 to the session limit, for Get Session Info
    IpmiPeer peer;
    CipherSuite suite;
    State state = State::AwaitingRakp1;

    // RAKP exchange, as the spec names them: Rm, Rc, ROLEm, UNAMEm.
    QByteArray consoleRandom;
    QByteArray bmcRandom;
    quint8 requestedRole = 0;
    QByteArray userName;
    QByteArray password; // the user's, zero-padded as RAKP keys it (Kuid)

    QString user;
    int userId = 0;
    Privilege maximumPrivilege = Privilege::User;
    Privilege privilege = Privilege::User;

    RmcpPlusPacket::Keys keys;
    SequenceWindow inbound;
    quint32 outboundSequence = 0;

    QElapsedTimer idle; // restarted by every packet of the session
    QDateTime since;    // UTC
    quint64 registryId = 0;

    bool isActive() const { return state == State::Active; }
    quint32 nextOutboundSequence()
    {
        if (++outboundSequence == 0) // RMCP+ never uses sequence number 0
            ++outboundSequence;
        return outboundSequence;
    }
};
