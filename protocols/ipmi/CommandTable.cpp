#include "CommandTable.h"

#include "IpmiLogging.h"

namespace {
quint16 keyOf(quint8 netFn, quint8 command)
{
    return quint16(netFn << 8 | command);
}
} // namespace

void CommandTable::add(Command command)
{
    const quint16 key = keyOf(command.netFn, command.command);
    Q_ASSERT_X(!m_commands.contains(key), "CommandTable::add", "command registered twice");
    m_commands.insert(key, std::move(command));
}

const CommandTable::Command *CommandTable::find(quint8 netFn, quint8 command) const
{
    const auto it = m_commands.constFind(keyOf(netFn, command));
    return it == m_commands.cend() ? nullptr : &*it;
}

IpmiResponse CommandTable::dispatch(const IpmiRequest &request) const
{
    const Command *command = find(request.netFn, request.command);
    if (!command) {
        qCDebug(lcIpmi, "netfn 0x%02x command 0x%02x: not supported", request.netFn, request.command);
        return IpmiResponse::failure(CompletionCode::InvalidCommand);
    }
    if (request.sessionId == 0) {
        if (command->scope != Scope::AlsoOutsideSession)
            return IpmiResponse::failure(CompletionCode::InsufficientPrivilege);
    } else if (request.privilege < command->privilege) {
        qCInfo(lcIpmi, "%s refused for %s: needs %s, the session is %s", command->name, qPrintable(request.user),
               qPrintable(Privileges::name(command->privilege)), qPrintable(Privileges::name(request.privilege)));
        return IpmiResponse::failure(CompletionCode::InsufficientPrivilege);
    }
    if (request.data.size() < command->minimumLength || request.data.size() > command->maximumLength)
        return IpmiResponse::failure(CompletionCode::RequestDataLengthInvalid);
    return command->handler(request);
}
