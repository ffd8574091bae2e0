#pragma once

#include "RouteTable.h"

#include <QObject>

class RedfishAuthenticator;

// SessionService and its Sessions: POST logs in (201 with X-Auth-Token and Location), DELETE logs
// out, GET lists; SessionTimeout is the idle time after which a session ends.
class SessionServiceResource : public QObject
{
    Q_OBJECT
public:
    SessionServiceResource(RedfishAuthenticator *authenticator, RouteTable &routes, QObject *parent = nullptr);

private:
    RedfishReply service() const;
    RedfishReply patchService(const RedfishRequest &request);
    RedfishReply sessions(const RedfishRequest &request) const;
    RedfishReply session(const RedfishRequest &request) const;
    RedfishReply login(const RedfishRequest &request);
    RedfishReply logout(const RedfishRequest &request);
    QJsonObject sessionJson(const QString &id) const;

    RedfishAuthenticator *m_authenticator;
};
