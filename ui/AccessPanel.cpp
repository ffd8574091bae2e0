#include "AccessPanel.h"

#include "AccountStore.h"
#include "ServiceSettings.h"

using namespace Qt::StringLiterals;

AccessPanel::AccessPanel(Facts facts, ServiceSettings *services, AccountStore *accounts, SessionListModel *sessions,
                         QObject *parent)
    : QObject(parent)
    , m_facts(std::move(facts))
    , m_services(services)
    , m_accounts(accounts)
    , m_sessions(sessions)
{
    connect(services, &ServiceSettings::ipmiEnabledChanged, this, &AccessPanel::ipmiEnabledChanged);
    connect(services, &ServiceSettings::solChanged, this, &AccessPanel::solEnabledChanged);
    connect(accounts, &AccountStore::accountsChanged, this, &AccessPanel::accountsChanged);
}

bool AccessPanel::isIpmiEnabled() const
{
    return m_services->isIpmiEnabled();
}

bool AccessPanel::isSolEnabled() const
{
    return m_services->isSolEnabled();
}

QStringList AccessPanel::weakPasswordAccounts() const
{
    QStringList names;
    for (const Account &account : m_accounts->accounts()) {
        if (account.weakPassword)
            names.append(account.name);
    }
    return names;
}

QString AccessPanel::setIpmiEnabled(bool enabled, const QString &user, const QString &password)
{
    switch (m_accounts->authenticate(user, password.toUtf8(), Actor::Origin::Panel, u"screen"_s)) {
    case AccountStore::LoginResult::Success: break;
    case AccountStore::LoginResult::LockedOut: return u"LockedOut"_s;
    case AccountStore::LoginResult::BadCredentials:
    case AccountStore::LoginResult::Disabled: return u"BadCredentials"_s;
    }
    const auto account = m_accounts->account(user);
    if (!account || account->role != Role::Administrator)
        return u"NotAdministrator"_s;
    return m_services->setIpmiEnabled(enabled, Actor::panel(user)).value_or(QString());
}
