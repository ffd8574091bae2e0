#pragma once

#include "Account.h"
#include "Expected.h"
#include "RedfishResource.h"

class AccountStore;
class Configuration;
class ServiceSettings;

// AccountService over the AccountStore that IPMI and the screen share: Accounts (create, PATCH
// password, role, name, enabled and account types, delete; every user may change their own
// password), Roles, and the password and lockout rules, which an administrator may change
// (kept like every setting changed at run time).
class AccountServiceResource : public RedfishResource
{
    Q_OBJECT
public:
    AccountServiceResource(AccountStore *accounts, const Configuration *configuration, ServiceSettings *services,
                           QObject *parent = nullptr);
    void registerIn(ServiceDirectory &directory) override;

    // The account a path's first parameter names, if the caller may reach it: their own, or anyone's
    // with ConfigureUsers. The 404 or 403 otherwise. Every route under an account asks this.
    static Expected<Account, RedfishReply> accountInReach(const AccountStore *accounts, const RedfishRequest &request);

private:
    RedfishReply service() const;
    RedfishReply patchService(const RedfishRequest &request);
    RedfishReply accounts(const RedfishRequest &request) const;
    RedfishReply account(const RedfishRequest &request) const;
    RedfishReply createAccount(const RedfishRequest &request);
    RedfishReply patchAccount(const RedfishRequest &request);
    RedfishReply deleteAccount(const RedfishRequest &request);
    RedfishReply roles() const;
    RedfishReply role(const RedfishRequest &request) const;
    QJsonObject accountJson(int id) const;
    // The id of the account a path names, if the caller may see it; the 404 or 403 otherwise.
    Expected<int, RedfishReply> visibleAccount(const RedfishRequest &request) const;

    AccountStore *m_accounts;
    const Configuration *m_configuration;
    ServiceSettings *m_services;
};
