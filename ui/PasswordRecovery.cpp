#include "PasswordRecovery.h"

#include "ScreenLock.h"

using namespace Qt::StringLiterals;

PasswordRecovery::PasswordRecovery(AccountStore *accounts, EventLog *eventLog, ScreenLock *screenLock, QObject *parent)
    : QObject(parent)
    , m_recovery(accounts, eventLog)
    , m_screenLock(screenLock)
{
}

QString PasswordRecovery::reset(const QString &pin)
{
    if (m_screenLock->isWaiting())
        return u"Waiting"_s;
    if (!m_screenLock->checkPin(pin, u"administrator password reset"_s))
        return u"WrongPin"_s;
    const Expected<AdministratorRecovery::Credentials> credentials = m_recovery.recover(Actor::screen());
    if (!credentials)
        return credentials.failure().message;
    m_userName = credentials->name;
    m_password = credentials->password;
    emit recovered();
    return {};
}

void PasswordRecovery::dismiss()
{
    m_userName.clear();
    m_password.clear();
    emit recovered();
}
