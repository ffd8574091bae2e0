#pragma once

#include "CommandTable.h"

class SessionManager;

// App commands about the LAN channel: Get Channel Authentication Capabilities and Get Channel
// Cipher Suites (both also before a session), Get Channel Access, Get Channel Info, Get Channel
// Payload Support and Get Channel Payload Version.
class ChannelCommands
{
public:
    explicit ChannelCommands(SessionManager *sessions);
    void registerIn(CommandTable &table);

private:
    IpmiResponse getAuthenticationCapabilities(const IpmiRequest &request) const;
    IpmiResponse getCipherSuites(const IpmiRequest &request) const;
    IpmiResponse getChannelAccess(const IpmiRequest &request) const;
    IpmiResponse getChannelInfo(const IpmiRequest &request) const;
    IpmiResponse getPayloadSupport(const IpmiRequest &request) const;
    IpmiResponse getPayloadVersion(const IpmiRequest &request) const;

    SessionManager *m_sessions;
};
