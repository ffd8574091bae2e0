#pragma once

#include "CommandGroup.h"

class IpmiSessionTable;

// App commands about sessions: Set Session Privilege Level, Close Session, Get Session Info.
class SessionCommands : public CommandGroup
{
    Q_OBJECT
public:
    explicit SessionCommands(IpmiSessionTable *sessions, QObject *parent = nullptr);
    void registerIn(CommandTable &table) override;

private:
    struct PrivilegeRequest;
    struct CloseRequest;
    struct InfoRequest;

    IpmiResponse setSessionPrivilege(const PrivilegeRequest &request, const IpmiCaller &caller);
    IpmiResponse closeSession(const CloseRequest &request, const IpmiCaller &caller);
    IpmiResponse getSessionInfo(const InfoRequest &request, const IpmiCaller &caller) const;

    IpmiSessionTable *m_sessions;
};
