#pragma once

#include "AdministratorRecovery.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

class AccountStore;
class EventLog;
class ScreenLock;

// A lost administrator password, reset at the machine: physical presence is the proof, as on
// enterprise BMCs, plus the PIN when one is configured. The new password is shown once and the
// reset is logged as the screen's doing.
class PasswordRecovery : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Dashboard.recovery provides it")
    Q_PROPERTY(QString userName READ userName NOTIFY recovered)
    Q_PROPERTY(QString password READ password NOTIFY recovered)

public:
    PasswordRecovery(AccountStore *accounts, EventLog *eventLog, ScreenLock *screenLock, QObject *parent = nullptr);

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
    AdministratorRecovery m_recovery;
    ScreenLock *m_screenLock;
    QString m_userName;
    QString m_password;
};
