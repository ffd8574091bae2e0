#pragma once

#include "Expected.h"
#include "RedfishResource.h"

class AccountStore;

// The SSH public keys of an account, as DMTF's Key collection under ManagerAccount.Keys: list,
// add (POST a KeyString in OpenSSH's one-line format), read and delete. A user manages their own
// keys (ConfigureSelf), an administrator anyone's (ConfigureUsers).
class AccountKeysResource : public RedfishResource
{
    Q_OBJECT
public:
    explicit AccountKeysResource(AccountStore *accounts, QObject *parent = nullptr);
    void registerIn(ServiceDirectory &directory) override;

private:
    RedfishReply keys(const RedfishRequest &request) const;
    RedfishReply addKey(const RedfishRequest &request);
    RedfishReply key(const RedfishRequest &request) const;
    RedfishReply removeKey(const RedfishRequest &request);
    // The account a path names, if the caller may manage its keys; the 404 or 403 otherwise.
    Expected<QString, RedfishReply> managedAccount(const RedfishRequest &request) const;

    AccountStore *m_accounts;
};
