#include "FirstStartNotice.h"

#include "AccountStore.h"

FirstStartNotice::FirstStartNotice(AccountStore *accounts, QString redfishUrl, QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_redfishUrl(std::move(redfishUrl))
{
    // A password changed through IPMI or Redfish ends the notice too.
    connect(accounts, &AccountStore::accountsChanged, this, &FirstStartNotice::pendingChanged);
}

QString FirstStartNotice::userName() const
{
    return AccountStore::administratorName;
}

QString FirstStartNotice::password() const
{
    return m_accounts->pendingInitialPassword();
}

void FirstStartNotice::acknowledge()
{
    if (!isPending())
        return;
    m_accounts->acknowledgeInitialPassword(Actor::screen());
    emit pendingChanged();
}
