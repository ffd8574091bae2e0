#pragma once

#include "CommandGroup.h"

class IpmiSessionTable;

// App commands about the LAN channel: Get Channel Authentication Capabilities and Get Channel
// Cipher Suites (both also before a session), Get Channel Access, Get Channel Info, Get Channel
// Payload Support and Get Channel Payload Version.
class ChannelCommands : public CommandGroup
{
    Q_OBJECT
public:
    // `cipherSuites`: the suites offered, best first.
    ChannelCommands(const IpmiSessionTable *sessions, QList<int> cipherSuites, QObject *parent = nullptr);
    void registerIn(CommandTable &table) override;

private:
    struct AuthenticationCapabilitiesRequest;
    struct CipherSuitesRequest;
    struct ChannelAccessRequest;
    struct ChannelRequest;
    struct PayloadVersionRequest;

    IpmiResponse getAuthenticationCapabilities(const AuthenticationCapabilitiesRequest &request) const;
    IpmiResponse getCipherSuites(const CipherSuitesRequest &request) const;
    IpmiResponse getChannelAccess(const ChannelAccessRequest &request) const;
    IpmiResponse getChannelInfo(const ChannelRequest &request) const;
    IpmiResponse getPayloadSupport(const ChannelRequest &request) const;
    IpmiResponse getPayloadVersion(const PayloadVersionRequest &request) const;

    const IpmiSessionTable *m_sessions;
    QList<int> m_cipherSuites;
};
