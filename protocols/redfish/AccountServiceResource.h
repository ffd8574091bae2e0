#pragma once

#include "RouteTable.h"

#include <QObject>

class AccountStore;

// AccountService over the AccountStore that IPMI and the screen share: Accounts (create, PATCH
// password, role, name, enabled and account types, delete; every user may change their own
// password), Roles, and the password and lockout rules.
class AccountServiceResource : public QObject
{
    Q_OBJECT
public:
    AccountServiceResource(AccountStore *accounts, RouteTable &routes, QObject *parent = nullptr);

private:
    RedfishReply service() const;
    RedfishReply accounts(const RedfishRequest &request) const;
    RedfishReply account(const RedfishRequest &request) const;
    RedfishReply createAccount(const RedfishRequest &request);
    RedfishReply patchAccount(const RedfishRequest &request);
    RedfishReply deleteAccount(const RedfishRequest &request);
    RedfishReply roles() const;
    RedfishReply role(const RedfishRequest &request) const;
    QJsonObject accountJson(int id) const;
    // The account a path names, if the caller may see it: 404 and 403 otherwise.
    std::optional<int> visibleAccount(const RedfishRequest &request, RedfishReply *error) const;

    AccountStore *m_accounts;
};
