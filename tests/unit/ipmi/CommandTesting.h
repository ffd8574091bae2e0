#pragma once

#include "CommandTable.h"

#include <QByteArray>
#include <QTest>

#include <memory>

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
    request.caller.sessionId = 0x1234;
    request.caller.user = QStringLiteral("admin");
    request.caller.privilege = privilege;
    return request;
}

// A command group built as the server builds it, its commands added to `table`.
template <typename Group, typename... Arguments>
std::unique_ptr<Group> registered(CommandTable &table, Arguments &&...arguments)
{
    auto group = std::make_unique<Group>(std::forward<Arguments>(arguments)...);
    group->registerIn(table);
    return group;
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
