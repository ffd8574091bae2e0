#pragma once

#include "Actor.h"
#include "Expected.h"

#include <QString>

class AccountStore;
class EventLog;

// Recovery at the machine, where standing in front of it is the proof (docs/decisions.md#72):
// the lowest-numbered stored administrator, preferring an enabled one, gets a new generated
// password and is enabled and unlocked; with no stored administrator left, "admin" (or "adminN"
// when that name is taken) is created again. Accounts of the IPMI password file are the file's and
// are never touched.
class AdministratorRecovery
{
public:
    struct Credentials
    {
        QString name;
        QString password; // shown once on the screen, never logged
    };

    AdministratorRecovery(AccountStore *accounts, EventLog *eventLog);

    Expected<Credentials> recover(const Actor &actor);

private:
    AccountStore *m_accounts;
    EventLog *m_eventLog;
};
