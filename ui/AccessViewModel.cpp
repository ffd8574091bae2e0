#include "AccessViewModel.h"

#include "AccountStore.h"
#include "ServiceSettings.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

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
    connect(services, &ServiceSettings::sshChanged, this, &AccessViewModel::sshChanged);
    connect(accounts, &AccountStore::accountsChanged, this, &AccessViewModel::accountsChanged);
    connect(accounts, &AccountStore::accountsChanged, this, &AccessViewModel::refreshLockedAccounts);
    m_lockoutWatch.setInterval(1s);
    connect(&m_lockoutWatch, &QTimer::timeout, this, &AccessViewModel::refreshLockedAccounts);
    refreshLockedAccounts();
}

bool AccessViewModel::isIpmiEnabled() const
{
    return m_services->isIpmiEnabled();
}

bool AccessViewModel::isSolEnabled() const
{
    return m_services->isSolEnabled();
}

bool AccessViewModel::isSshEnabled() const
{
    return m_services->isSshEnabled();
}

int AccessViewModel::sshPort() const
{
    return m_services->sshPort();
}

QStringList AccessViewModel::sshHostKeys() const
{
    return m_services->sshHostKeyFingerprints();
}

QStringList AccessViewModel::sshKeyCounts() const
{
    QStringList counts;
    for (const Account &account : m_accounts->accounts()) {
        if (!account.sshKeys.isEmpty())
            counts.append(u"%1: %2"_s.arg(account.name).arg(account.sshKeys.size()));
    }
    return counts;
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

void AccessViewModel::refreshLockedAccounts()
{
    QStringList names;
    for (const Account &account : m_accounts->accounts()) {
        if (m_accounts->isLockedAnywhere(account.name))
            names.append(account.name);
    }
    if (names.isEmpty())
        m_lockoutWatch.stop();
    else if (!m_lockoutWatch.isActive())
        m_lockoutWatch.start();
    if (names == m_lockedAccounts)
        return;
    m_lockedAccounts = names;
    emit lockedAccountsChanged();
}

QString AccessViewModel::confirmAdministrator(const QString &user, const QString &password)
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
    return {};
}

QString AccessViewModel::setIpmiEnabled(bool enabled, const QString &user, const QString &password)
{
    if (QString refusal = confirmAdministrator(user, password); !refusal.isEmpty())
        return refusal;
    const std::optional<Failure> failure = m_services->setIpmiEnabled(enabled, Actor::screen(user));
    return failure ? failure->message : QString();
}

QString AccessViewModel::setSshEnabled(bool enabled, const QString &user, const QString &password)
{
    if (QString refusal = confirmAdministrator(user, password); !refusal.isEmpty())
        return refusal;
    const std::optional<Failure> failure = m_services->setSsh(enabled, std::nullopt, Actor::screen(user));
    return failure ? failure->message : QString();
}

QString AccessViewModel::unlockAccount(const QString &name, const QString &user, const QString &password)
{
    if (QString refusal = confirmAdministrator(user, password); !refusal.isEmpty())
        return refusal;
    const std::optional<Failure> failure = m_accounts->unlock(name, Actor::screen(user));
    return failure ? failure->message : QString();
}
