#pragma once

#include "RedfishResource.h"

class RedfishAuthenticator;
class ServiceSettings;

// SessionService and its Sessions: POST logs in (201 with X-Auth-Token and Location), DELETE logs
// out, GET lists; SessionTimeout is the idle time after which a session ends, and a change to it
// persists like every setting changed at run time.
class SessionServiceResource : public RedfishResource
{
    Q_OBJECT
public:
    SessionServiceResource(RedfishAuthenticator *authenticator, ServiceSettings *services, QObject *parent = nullptr);
    void registerIn(ServiceDirectory &directory) override;

private:
    RedfishReply service() const;
    RedfishReply patchService(const RedfishRequest &request);
    RedfishReply sessions() const;
    RedfishReply session(const RedfishRequest &request) const;
    RedfishReply login(const RedfishRequest &request);
    RedfishReply logout(const RedfishRequest &request);
    QJsonObject sessionJson(const QString &id) const;

    RedfishAuthenticator *m_authenticator;
    ServiceSettings *m_services;
};
