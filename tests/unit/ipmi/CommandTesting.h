#pragma once

#include "CommandTable.h"

#include <QByteArray>
#include <QTest>

// Requests as the packet handler hands them to the command table: inside a session, from
// "admin" at the given privilege.
namespace CommandTesting {

inline IpmiRequest request(quint8 netFn, quint8 command, const QByteArray &data,
                           Privilege privilege = Privilege::Administrator)
{
    IpmiRequest request;
    request.netFn = netFn;
    request.command = command;
    request.data = data;
    request.sessionId = 0x1234;
    request.user = QStringLiteral("admin");
    request.privilege = privilege;
    return request;
}

// Bytes written as hex with spaces for readability: bytes("00 01 ff").
inline QByteArray bytes(const char *hex)
{
    return QByteArray::fromHex(QByteArray(hex));
}

} // namespace CommandTesting

// Completion codes print as hex in failure messages.
namespace QTest {
template <>
inline char *toString(const CompletionCode &code)
{
    return qstrdup(QByteArray("0x" + QByteArray::number(quint8(code), 16).rightJustified(2, '0')).constData());
}
} // namespace QTest
