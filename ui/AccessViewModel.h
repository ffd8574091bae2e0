#pragma once

#include "RemoteSessionModel.h"

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class AccountStore;
class ServiceSettings;

// How the BMC is reached: its names and addresses, the IPMI and Redfish endpoints, who is
// connected, the accounts locked after failed logins, and the two things an administrator
// confirms on the screen with their password: the IPMI-over-LAN switch and lifting a lockout.
class AccessViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Dashboard.access provides it")
    Q_PROPERTY(QString hostName READ hostName CONSTANT)
    Q_PROPERTY(QStringList addresses READ addresses CONSTANT)
    Q_PROPERTY(int ipmiPort READ ipmiPort CONSTANT)
    Q_PROPERTY(bool ipmiEnabled READ isIpmiEnabled NOTIFY ipmiEnabledChanged)
    Q_PROPERTY(bool solEnabled READ isSolEnabled NOTIFY solEnabledChanged)
    Q_PROPERTY(int redfishPort READ redfishPort CONSTANT)
    Q_PROPERTY(bool redfishEnabled READ isRedfishEnabled CONSTANT)
    Q_PROPERTY(QString redfishUrl READ redfishUrl CONSTANT)
    Q_PROPERTY(RemoteSessionModel *sessions READ sessions CONSTANT)
    Q_PROPERTY(QStringList weakPasswordAccounts READ weakPasswordAccounts NOTIFY accountsChanged)
    Q_PROPERTY(QStringList lockedAccounts READ lockedAccounts NOTIFY lockedAccountsChanged)
    Q_PROPERTY(bool sshEnabled READ isSshEnabled NOTIFY sshChanged)
    Q_PROPERTY(int sshPort READ sshPort NOTIFY sshChanged)
    Q_PROPERTY(QStringList sshHostKeys READ sshHostKeys NOTIFY sshChanged)
    Q_PROPERTY(QStringList sshKeyCounts READ sshKeyCounts NOTIFY accountsChanged)

public:
    struct Facts
    {
        QString hostName;
        QStringList addresses;
        int ipmiPort = 623;
        int redfishPort = 443;
        bool redfishEnabled = true;
        QString redfishUrl;
    };

    AccessViewModel(Facts facts, ServiceSettings *services, AccountStore *accounts, RemoteSessionModel *sessions,
                    QObject *parent = nullptr);

    QString hostName() const { return m_facts.hostName; }
    QStringList addresses() const { return m_facts.addresses; }
    int ipmiPort() const { return m_facts.ipmiPort; }
    bool isIpmiEnabled() const;
    bool isSolEnabled() const;
    int redfishPort() const { return m_facts.redfishPort; }
    bool isRedfishEnabled() const { return m_facts.redfishEnabled; }
    QString redfishUrl() const { return m_facts.redfishUrl; }
    RemoteSessionModel *sessions() const { return m_sessions; }
    QStringList weakPasswordAccounts() const;
    // Accounts locked for logins from at least one address, by name.
    QStringList lockedAccounts() const { return m_lockedAccounts; }
    bool isSshEnabled() const;
    int sshPort() const;
    // "ssh-ed25519 SHA256:...", for comparing with what a client shows at its first connection.
    QStringList sshHostKeys() const;
    // "alice: 2" for each account with SSH keys, by name.
    QStringList sshKeyCounts() const;

    // Both return "" when done; otherwise "BadCredentials", "LockedOut", "NotAdministrator" or
    // the core's own refusal.
    Q_INVOKABLE QString setIpmiEnabled(bool enabled, const QString &user, const QString &password);
    // The SSH console on or off, confirmed the same way; switching off ends its sessions.
    Q_INVOKABLE QString setSshEnabled(bool enabled, const QString &user, const QString &password);
    // Lifts every lockout of `name`, as AccountService's `Locked: false` does.
    Q_INVOKABLE QString unlockAccount(const QString &name, const QString &user, const QString &password);

signals:
    void ipmiEnabledChanged();
    void solEnabledChanged();
    void accountsChanged();
    void lockedAccountsChanged();
    void sshChanged();

private:
    // "" when `user` is an administrator and `password` is theirs; the attempt counts towards
    // lockout like any other login.
    QString confirmAdministrator(const QString &user, const QString &password);
    void refreshLockedAccounts();

    Facts m_facts;
    ServiceSettings *m_services;
    AccountStore *m_accounts;
    RemoteSessionModel *m_sessions;
    QStringList m_lockedAccounts;
    // A lockout runs out without a signal; while one is shown, this looks again.
    QTimer m_lockoutWatch;
};
