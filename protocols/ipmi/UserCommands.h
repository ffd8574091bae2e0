#pragma once

#include "CommandTable.h"

#include <QHash>

class Bmc;

// App commands on users, over the AccountStore: Get/Set User Access, Get/Set User Name, Set User
// Password (set, test, enable, disable). IPMI user IDs are the accounts' ids; ID 1 is IPMI's null
// user, which always stays disabled (no anonymous login). IPMI makes a user slot by slot: a name
// set on an empty slot waits here until its password arrives, and only then is an account.
class UserCommands
{
public:
    explicit UserCommands(Bmc *bmc);
    void registerIn(CommandTable &table);

private:
    IpmiResponse getUserAccess(const IpmiRequest &request) const;
    IpmiResponse getUserName(const IpmiRequest &request) const;
    IpmiResponse setUserName(const IpmiRequest &request);
    IpmiResponse setUserPassword(const IpmiRequest &request);
    IpmiResponse setUserAccess(const IpmiRequest &request);

    Bmc *m_bmc;
    QHash<int, QString> m_pendingNames; // slot -> name, until Set User Password creates the account
};
