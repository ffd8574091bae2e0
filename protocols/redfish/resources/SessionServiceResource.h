#pragma once

#include "RedfishResource.h"

class RedfishAuthenticator;
class RemoteSessionRegistry;
class ServiceSettings;
struct RemoteSession;

// SessionService and its Sessions: POST logs in (201 with X-Auth-Token and Location), DELETE logs
// out, GET lists; SessionTimeout is the idle time after which a session ends, and a change to it
// persists like every setting changed at run time. Sessions also lists every other face's live
// session from the RemoteSessionRegistry, as "ipmi-<n>", "ssh-<n>" and "console-<n>" (never a
// Redfish session's number); deleting one asks its face to end it and takes ConfigureManager.
class SessionServiceResource : public RedfishResource
{
    Q_OBJECT
public:
    SessionServiceResource(RedfishAuthenticator *authenticator, RemoteSessionRegistry *registry,
                           ServiceSettings *services, QObject *parent = nullptr);
    void registerIn(ServiceDirectory &directory) override;

private:
    RedfishReply service() const;
    RedfishReply patchService(const RedfishRequest &request);
    RedfishReply sessions() const;
    RedfishReply session(const RedfishRequest &request) const;
    RedfishReply login(const RedfishRequest &request);
    RedfishReply logout(const RedfishRequest &request);
    QJsonObject sessionJson(const QString &id) const;
    // Another face's session by its Redfish id, or nullptr.
    const RemoteSession *otherFaceSession(const QString &id) const;
    QJsonObject otherFaceSessionJson(const RemoteSession &session) const;

    RedfishAuthenticator *m_authenticator;
    RemoteSessionRegistry *m_registry;
    ServiceSettings *m_services;
};
