#include "PasswordRecovery.h"

#include "AccountStore.h"
#include "ScreenLock.h"

using namespace Qt::StringLiterals;

PasswordRecovery::PasswordRecovery(AccountStore *accounts, ScreenLock *screenLock, QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_screenLock(screenLock)
{
}

QString PasswordRecovery::reset(const QString &pin)
{
    if (m_screenLock->isWaiting())
        return u"Waiting"_s;
    if (!m_screenLock->checkPin(pin, u"administrator password reset"_s))
        return u"WrongPin"_s;
    const AccountStore::Recovery recovery = m_accounts->recoverAdministrator(Actor::panel());
    if (recovery.error != AccountStore::Error::None)
        return m_accounts->errorText(recovery.error);
    m_userName = recovery.name;
    m_password = recovery.password;
    emit recovered();
    return {};
}

void PasswordRecovery::dismiss()
{
    m_userName.clear();
    m_password.clear();
    emit recovered();
}
