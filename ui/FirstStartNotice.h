#pragma once

#include <QObject>
#include <QtQml/qqmlregistration.h>

class AccountStore;

// First start on an appliance without default credentials: the generated administrator password
// and where Redfish answers, shown until someone at the screen acknowledges it or the password
// is changed (docs/decisions.md#37).
class FirstStartNotice : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Dashboard.firstStart provides it")
    Q_PROPERTY(bool pending READ isPending NOTIFY pendingChanged)
    Q_PROPERTY(QString userName READ userName CONSTANT)
    Q_PROPERTY(QString password READ password NOTIFY pendingChanged)
    Q_PROPERTY(QString redfishUrl READ redfishUrl CONSTANT)

public:
    FirstStartNotice(AccountStore *accounts, QString redfishUrl, QObject *parent = nullptr);

    bool isPending() const { return !password().isEmpty(); }
    QString userName() const;
    QString password() const;
    QString redfishUrl() const { return m_redfishUrl; }

    Q_INVOKABLE void acknowledge();

signals:
    void pendingChanged();

private:
    AccountStore *m_accounts;
    QString m_redfishUrl;
};
