#include "CommandTable.h"

#include "IpmiLogging.h"

namespace {
quint16 keyOf(quint8 netFn, quint8 command)
{
    return quint16(netFn << 8 | command);
}
} // namespace

void CommandTable::insert(Entry entry)
{
    const quint16 key = keyOf(entry.spec.netFn, entry.spec.command);
    Q_ASSERT_X(!m_entries.contains(key), "CommandTable::add", "command registered twice");
    m_entries.insert(key, std::move(entry));
}

const CommandTable::Entry *CommandTable::find(quint8 netFn, quint8 command) const
{
    const auto it = m_entries.constFind(keyOf(netFn, command));
    return it == m_entries.cend() ? nullptr : &*it;
}

QList<const CommandTable::Entry *> CommandTable::entries() const
{
    QList<const Entry *> all;
    for (const Entry &entry : m_entries)
        all.append(&entry);
    std::sort(all.begin(), all.end(), [](const Entry *a, const Entry *b) {
        return keyOf(a->spec.netFn, a->spec.command) < keyOf(b->spec.netFn, b->spec.command);
    });
    return all;
}

IpmiResponse CommandTable::dispatch(const IpmiRequest &request) const
{
    const Entry *entry = find(request.netFn, request.command);
    if (!entry) {
        qCDebug(lcIpmi, "netfn 0x%02x command 0x%02x: not supported", request.netFn, request.command);
        return IpmiResponse::failure(CompletionCode::InvalidCommand);
    }
    const IpmiCaller &caller = request.caller;
    if (caller.sessionId == 0) {
        if (entry->spec.scope != Scope::AlsoOutsideSession)
            return IpmiResponse::failure(CompletionCode::InsufficientPrivilege);
    } else if (caller.privilege < entry->spec.privilege) {
        qCInfo(lcIpmi, "%s refused for %s: needs %s, the session is %s", entry->spec.name, qPrintable(caller.user),
               qPrintable(Privileges::name(entry->spec.privilege)), qPrintable(Privileges::name(caller.privilege)));
        return IpmiResponse::failure(CompletionCode::InsufficientPrivilege);
    }
    if (request.data.size() < entry->lengths.minimum || request.data.size() > entry->lengths.maximum)
        return IpmiResponse::failure(CompletionCode::RequestDataLengthInvalid);
    return entry->run(request);
}
