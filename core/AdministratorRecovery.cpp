#include "AdministratorRecovery.h"

#include "AccountRules.h"
#include "AccountStore.h"
#include "EventLog.h"

using namespace Qt::StringLiterals;

AdministratorRecovery::AdministratorRecovery(AccountStore *accounts, EventLog *eventLog)
    : m_accounts(accounts)
    , m_eventLog(eventLog)
{
}

Expected<AdministratorRecovery::Credentials> AdministratorRecovery::recover(const Actor &actor)
{
    const QString password = AccountStore::generatePassword();
    const QList<Account> accounts = m_accounts->accounts();
    const Account *chosen = nullptr;
    for (const Account &account : accounts) {
        if (account.role != Role::Administrator || account.source != Account::Source::Store)
            continue;
        // Ordered by id: the first enabled one, else the first one.
        if (!chosen || (account.enabled && !chosen->enabled))
            chosen = &account;
    }

    if (chosen) {
        if (auto failure = m_accounts->resetAdministrator(chosen->name, password.toLatin1(), actor))
            return *failure;
        return Credentials{chosen->name, password};
    }

    const QString administrator = AccountStore::administratorName;
    const QString name = m_accounts->account(administrator)
        ? administrator + QString::number(AccountRules::lowestFreeId(accounts))
        : administrator;
    if (auto failure = m_accounts->createAccount(name, password.toLatin1(), Role::Administrator,
                                                 AccountStore::IpmiAccess::Enabled, actor))
        return *failure;
    m_eventLog->warning(actor, u"No administrator was left: \"%1\" created at the screen"_s.arg(name));
    return Credentials{name, password};
}
