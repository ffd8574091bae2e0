#pragma once

#include "RouteTable.h"

#include <QObject>

class Bmc;
class RedfishAuthenticator;

// SessionService and its Sessions: POST logs in (201 with X-Auth-Token and Location), DELETE logs
// out, GET lists; SessionTimeout is the idle time after which a session ends, and a change to it
// persists like every setting changed at run time.
class SessionServiceResource : public QObject
{
    Q_OBJECT
public:
    SessionServiceResource(Bmc *bmc, RedfishAuthenticator *authenticator, RouteTable &routes,
                           QObject *parent = nullptr);

private:
    RedfishReply service() const;
    RedfishReply patchService(const RedfishRequest &request);
    RedfishReply sessions(const RedfishRequest &request) const;
    RedfishReply session(const RedfishRequest &request) const;
    RedfishReply login(const RedfishRequest &request);
    RedfishReply logout(const RedfishRequest &request);
    QJsonObject sessionJson(const QString &id) const;

    Bmc *m_bmc;
    RedfishAuthenticator *m_authenticator;
};
