#pragma once

#include "RmcpPlusPacket.h"

#include <QByteArray>

struct IpmiSession;

// The RAKP authentication codes and the session keys (IPMI v2.0 sections 13.20-13.32), computed
// from what an IpmiSession holds of the exchange: the suite's hash keyed with the user's password
// (Kuid, zero-padded to 20 bytes), the two session ids, both random numbers, the role byte and the
// user name as sent. No BMC key (KG) is set, so KG is Kuid.
class RakpKeys
{
public:
    // RAKP 2: HMAC_Kuid(SIDm, SIDc, Rm, Rc, GUIDc, ROLEm, ULENGTHm, UNAMEm).
    static QByteArray rakp2AuthCode(const IpmiSession &session, QByteArrayView systemGuid);
    // RAKP 3, as the remote console must have computed it: HMAC_Kuid(Rc, SIDm, ROLEm, ULENGTHm, UNAMEm).
    static QByteArray rakp3AuthCode(const IpmiSession &session);
    // SIK = HMAC_KG(Rm, Rc, ROLEm, ULENGTHm, UNAMEm).
    static QByteArray sessionIntegrityKey(const IpmiSession &session);
    // K1 and K2 are HMAC_SIK over twenty 0x01 and 0x02 bytes; AES-128 uses K2's first 16 bytes.
    static RmcpPlusPacket::Keys packetKeys(const CipherSuite &suite, QByteArrayView sik);
    // RAKP 4: HMAC_SIK(Rm, SIDc, GUIDc), truncated to the suite's integrity length.
    static QByteArray rakp4IntegrityCheck(const IpmiSession &session, QByteArrayView sik, QByteArrayView systemGuid);
};
