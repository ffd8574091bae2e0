#pragma once

#include "CommandGroup.h"

#include <QHash>

class AccountStore;

// App commands on users, over the AccountStore: Get/Set User Access, Get/Set User Name, Set User
// Password (set, test, enable, disable). IPMI user IDs are the accounts' ids; ID 1 is IPMI's null
// user, which always stays disabled (no anonymous login). IPMI makes a user slot by slot: a name
// set on an empty slot waits here until its password arrives, and only then is an account.
class UserCommands : public CommandGroup
{
    Q_OBJECT
public:
    explicit UserCommands(AccountStore *accounts, QObject *parent = nullptr);
    void registerIn(CommandTable &table) override;

private:
    struct GetAccessRequest;
    struct UserRequest;
    struct SetNameRequest;
    struct SetPasswordRequest;
    struct SetAccessRequest;

    IpmiResponse getUserAccess(const GetAccessRequest &request) const;
    IpmiResponse getUserName(const UserRequest &request) const;
    IpmiResponse setUserName(const SetNameRequest &request, const IpmiCaller &caller);
    IpmiResponse setUserPassword(const SetPasswordRequest &request, const IpmiCaller &caller);
    IpmiResponse setUserAccess(const SetAccessRequest &request, const IpmiCaller &caller);

    AccountStore *m_accounts;
    QHash<int, QString> m_pendingNames; // slot -> name, until Set User Password creates the account
};
