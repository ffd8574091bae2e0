#pragma once

#include <QObject>
#include <QtQml/qqmlregistration.h>

class AccountStore;
class ScreenLock;

// A lost administrator password, reset at the machine: physical presence is the proof, as on
// enterprise BMCs, plus the PIN when one is configured. The new password is shown once and the
// reset is logged as a panel event.
class PasswordRecovery : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Dashboard.recovery provides it")
    Q_PROPERTY(QString userName READ userName NOTIFY recovered)
    Q_PROPERTY(QString password READ password NOTIFY recovered)

public:
    PasswordRecovery(AccountStore *accounts, ScreenLock *screenLock, QObject *parent = nullptr);

    QString userName() const { return m_userName; }
    QString password() const { return m_password; }

    // "" when done (userName and password hold the result); "WrongPin", "Waiting", or the
    // account store's reason.
    Q_INVOKABLE QString reset(const QString &pin);
    // Forgets the shown password once the screen no longer shows it.
    Q_INVOKABLE void dismiss();

signals:
    void recovered();

private:
    AccountStore *m_accounts;
    ScreenLock *m_screenLock;
    QString m_userName;
    QString m_password;
};
