#pragma once

#include "CommandTable.h"

class SessionManager;

// App commands about sessions: Set Session Privilege Level, Close Session, Get Session Info.
class SessionCommands
{
public:
    explicit SessionCommands(SessionManager *sessions);
    void registerIn(CommandTable &table);

private:
    IpmiResponse setSessionPrivilege(const IpmiRequest &request);
    IpmiResponse closeSession(const IpmiRequest &request);
    IpmiResponse getSessionInfo(const IpmiRequest &request) const;

    SessionManager *m_sessions;
};
