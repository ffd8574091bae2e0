#pragma once

#include "Account.h"
#include "AccountFile.h"
#include "AccountLockout.h"
#include "Actor.h"
#include "FailedLoginDigest.h"
#include "Failure.h"
#include "IpmiPasswordFile.h"
#include "PasswordFileAccounts.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

class EventLog;
class PasswordHasher;

// The BMC's users, shared by IPMI, Redfish and the screen: roles, one password per account, the
// first-start administrator, and the logins that count towards a lockout. Accounts are kept in
// AccountFile; those of the IPMI password file come from PasswordFileAccounts and take the place
// of stored ones; failed logins count in AccountLockout.
class AccountStore : public QObject
{
    Q_OBJECT
public:
    struct Policy
    {
        int lockoutThreshold = 5; // failed logins in a row that lock an account; 0 never locks
        std::chrono::milliseconds lockoutDuration = std::chrono::minutes(5);
        int minPasswordLength = 8;
    };

    enum class LoginResult { Success, BadCredentials, LockedOut, Disabled };
    Q_ENUM(LoginResult)

    enum class IpmiAccess { Disabled, Enabled };

    // The administrator created at first start.
    static constexpr QLatin1StringView administratorName{"admin"};

    AccountStore(const QString &stateDirectory, const PasswordHasher *hasher, EventLog *eventLog, Policy policy,
                 const Clock &clock = Clock::steady(), QObject *parent = nullptr);

    const Policy &policy() const { return m_policy; }
    // Changed at run time (Redfish's AccountService): applies to the next password set and the
    // next failed login.
    void setPolicy(const Policy &policy);

    // First start: when no account exists, creates "admin" (Administrator, IPMI enabled) with
    // `presetPassword` (QBMC_ADMIN_PASSWORD) or, when that is empty, a random one that is logged
    // once and kept for the screen until acknowledged. Refuses a preset password that breaks the
    // rules. While awaiting recovery, only a preset password creates the administrator.
    std::optional<Failure> ensureAdministrator(const QByteArray &presetPassword = {});
    // The account files could not be used at a start and no administrator has been set up since:
    // nothing is created behind anyone's back (docs/decisions.md#103); the screen's password
    // recovery or QBMC_ADMIN_PASSWORD sets one up.
    bool isAwaitingRecovery() const { return m_awaitingRecovery; }
    QString pendingInitialPassword() const { return m_initialPassword; }
    void acknowledgeInitialPassword(const Actor &actor);

    // Replaces the accounts of the IPMI password file (an empty list: there is no file).
    std::optional<Failure> setPasswordFileAccounts(const QList<IpmiPasswordFile::Entry> &entries,
                                                   const QString &fileName);

    // Ordered by id.
    QList<Account> accounts() const;
    std::optional<Account> account(const QString &name) const;
    std::optional<Account> accountById(int id) const;

    // `id` 0 takes the lowest free one; IPMI's Set User Name asks for a particular slot.
    std::optional<Failure> createAccount(const QString &name, const QByteArray &password, Role role, IpmiAccess ipmi,
                                         const Actor &actor, int id = 0);
    std::optional<Failure> renameAccount(const QString &name, const QString &newName, const Actor &actor);
    std::optional<Failure> removeAccount(const QString &name, const Actor &actor);
    std::optional<Failure> setPassword(const QString &name, const QByteArray &password, const Actor &actor);
    std::optional<Failure> setRole(const QString &name, Role role, const Actor &actor);
    std::optional<Failure> setEnabled(const QString &name, bool enabled, const Actor &actor);
    // Enabling needs the password (only its hash is kept otherwise); disabling forgets it.
    std::optional<Failure> setIpmiAccess(const QString &name, IpmiAccess ipmi, const QByteArray &password,
                                         const Actor &actor);
    // Recovery at the machine: a new password for a stored administrator, who is enabled and
    // unlocked; logged as a warning, never with the password (AdministratorRecovery decides who).
    std::optional<Failure> resetAdministrator(const QString &name, const QByteArray &password, const Actor &actor);

    // For faces that receive the password (Redfish, the screen). Failures count towards lockout
    // and go to the event log with the origin and address.
    LoginResult authenticate(const QString &name, const QByteArray &password, Actor::Origin origin,
                             const QString &address);

    // For IPMI, whose RAKP proves the password without sending it.
    std::optional<QByteArray> ipmiPassword(const QString &name) const;
    // Locked for logins from `address` (decisions.md#99).
    bool isLockedOut(const QString &name, const QString &address) const { return m_lockout.isLocked(name, address); }
    // Locked for at least one address.
    bool isLockedAnywhere(const QString &name) const { return m_lockout.isLockedAnywhere(name); }
    // Logged one by one for the first few from an address, then summarised (FailedLoginDigest).
    void recordLoginFailure(const QString &name, Actor::Origin origin, const QString &address);
    // Logs the summaries of failed-login intervals that are over; a timer calls it, tests may too.
    void logFailedLoginSummaries();
    // Clears the address's failure count; an active lockout stays until it runs out.
    void recordLoginSuccess(const QString &name, const QString &address) { m_lockout.recordSuccess(name, address); }
    // Lifts every lockout of the account, in the event log with who did it.
    std::optional<Failure> unlock(const QString &name, const Actor &actor);

    static QString generatePassword();

    // SSH public keys (docs/decisions.md#110). The key line is OpenSSH's one-line format; what
    // core cannot check (that the numbers make a key) the SSH face checks through `check`, which
    // returns why a key is refused, or nothing.
    using SshKeyCheck = std::function<std::optional<QString>(const SshPublicKey &key)>;
    void setSshKeyCheck(SshKeyCheck check) { m_sshKeyCheck = std::move(check); }
    Expected<SshPublicKey> addSshKey(const QString &name, const QString &keyLine, const Actor &actor);
    std::optional<Failure> removeSshKey(const QString &name, int keyId, const Actor &actor);

signals:
    void accountsChanged();
    // The password, role, state or existence of this account changed: sessions and caches
    // built on the old credentials should go.
    void credentialsChanged(const QString &name);

private:
    Failure refusal(Failure::Code code) const;
    Account *findStored(const QString &name);
    const Account *find(const QString &name) const;
    std::optional<Failure> checkPassword(const QByteArray &password, IpmiAccess ipmi) const;
    std::optional<Failure> checkStoredChange(const QString &name) const;
    // The hash, and the IPMI copy when the account has IPMI access; nothing is saved or logged.
    std::optional<Failure> replacePassword(Account &account, const QByteArray &password);
    bool isLastEnabledAdministrator(const QString &name) const;
    void load();
    void save();
    void changed(const QString &name);

    AccountFile m_file;
    const PasswordHasher *m_hasher;
    EventLog *m_eventLog;
    Policy m_policy;
    AccountLockout m_lockout;
    FailedLoginDigest m_failedLogins;
    QTimer m_failedLoginTimer;
    QList<Account> m_stored;
    PasswordFileAccounts m_fromFile;
    QString m_initialPassword;
    bool m_awaitingRecovery = false;
    SshKeyCheck m_sshKeyCheck;
    QByteArray m_dummyHash; // verified against for unknown users, so timing does not tell them apart
};
