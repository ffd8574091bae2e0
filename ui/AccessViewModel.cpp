#include "AccessViewModel.h"

#include "AccountStore.h"
#include "ServiceSettings.h"

using namespace Qt::StringLiterals;

AccessViewModel::AccessViewModel(Facts facts, ServiceSettings *services, AccountStore *accounts,
                                 RemoteSessionModel *sessions, QObject *parent)
    : QObject(parent)
    , m_facts(std::move(facts))
    , m_services(services)
    , m_accounts(accounts)
    , m_sessions(sessions)
{
    connect(services, &ServiceSettings::ipmiEnabledChanged, this, &AccessViewModel::ipmiEnabledChanged);
    connect(services, &ServiceSettings::solChanged, this, &AccessViewModel::solEnabledChanged);
    connect(accounts, &AccountStore::accountsChanged, this, &AccessViewModel::accountsChanged);
}

bool AccessViewModel::isIpmiEnabled() const
{
    return m_services->isIpmiEnabled();
}

bool AccessViewModel::isSolEnabled() const
{
    return m_services->isSolEnabled();
}

QStringList AccessViewModel::weakPasswordAccounts() const
{
    QStringList names;
    for (const Account &account : m_accounts->accounts()) {
        if (account.weakPassword)
            names.append(account.name);
    }
    return names;
}

QString AccessViewModel::setIpmiEnabled(bool enabled, const QString &user, const QString &password)
{
    switch (m_accounts->authenticate(user, password.toUtf8(), Actor::Origin::Screen, u"screen"_s)) {
    case AccountStore::LoginResult::Success: break;
    case AccountStore::LoginResult::LockedOut: return u"LockedOut"_s;
    case AccountStore::LoginResult::BadCredentials:
    case AccountStore::LoginResult::Disabled: return u"BadCredentials"_s;
    }
    const auto account = m_accounts->account(user);
    if (!account || account->role != Role::Administrator)
        return u"NotAdministrator"_s;
    const std::optional<Failure> failure = m_services->setIpmiEnabled(enabled, Actor::screen(user));
    return failure ? failure->message : QString();
}
