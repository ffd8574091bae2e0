#include "RakpKeys.h"

#include "ByteWriter.h"
#include "IpmiCrypto.h"
#include "IpmiSession.h"

namespace {
QByteArray littleEndian(quint32 value)
{
    QByteArray bytes;
    ByteWriter(&bytes).u32le(value);
    return bytes;
}

// ROLEm, ULENGTHm, UNAMEm: how every RAKP code ends.
QByteArray roleAndName(const IpmiSession &session)
{
    return char(session.requestedRole) + QByteArray(1, char(session.userName.size())) + session.userName;
}
} // namespace

QByteArray RakpKeys::rakp2AuthCode(const IpmiSession &session, QByteArrayView systemGuid)
{
    return IpmiCrypto::hmac(session.suite.hash, session.password,
                            littleEndian(session.consoleId) + littleEndian(session.id) + session.consoleRandom
                                + session.bmcRandom + systemGuid.toByteArray() + roleAndName(session));
}

QByteArray RakpKeys::rakp3AuthCode(const IpmiSession &session)
{
    return IpmiCrypto::hmac(session.suite.hash, session.password,
                            session.bmcRandom + littleEndian(session.consoleId) + roleAndName(session));
}

QByteArray RakpKeys::sessionIntegrityKey(const IpmiSession &session)
{
    return IpmiCrypto::hmac(session.suite.hash, session.password,
                            session.consoleRandom + session.bmcRandom + roleAndName(session));
}

RmcpPlusPacket::Keys RakpKeys::packetKeys(const CipherSuite &suite, QByteArrayView sik)
{
    RmcpPlusPacket::Keys keys;
    keys.suite = suite;
    keys.integrityKey = IpmiCrypto::hmac(suite.hash, sik, QByteArray(20, char(0x01)));
    keys.confidentialityKey = IpmiCrypto::hmac(suite.hash, sik, QByteArray(20, char(0x02))).first(16);
    return keys;
}

QByteArray RakpKeys::rakp4IntegrityCheck(const IpmiSession &session, QByteArrayView sik, QByteArrayView systemGuid)
{
    return IpmiCrypto::hmac(session.suite.hash, sik,
                            session.consoleRandom + littleEndian(session.id) + systemGuid.toByteArray())
        .first(session.suite.truncatedLength());
}
