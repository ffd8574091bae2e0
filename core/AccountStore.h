#pragma once

#include "Account.h"
#include "Actor.h"
#include "IpmiPasswordFile.h"
#include "StateFile.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QList>
#include <QObject>

#include <chrono>
#include <optional>

class EventLog;
class PasswordHasher;

// The BMC's users, shared by IPMI, Redfish and the screen: roles, one password per account,
// lockout after failed logins, and the first-start administrator. Persisted in the state
// directory (accounts.json, mode 0600, since it holds IPMI passwords).
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

    enum class Error {
        None,
        NoSuchAccount,
        AccountExists,
        InvalidName,
        PasswordTooShort,
        PasswordTooLong,
        PasswordTooLongForIpmi,
        InvalidPassword,       // control characters
        IpmiNeedsPassword,     // IPMI can only be enabled together with a new password
        ManagedByPasswordFile, // change it in ipmi.auth.file instead
        LastAdministrator,     // the last enabled administrator stays
        HashFailed,
        TooManyAccounts, // every id from firstId to lastId is taken
        InvalidId,       // a requested id outside firstId to lastId, or taken
    };
    Q_ENUM(Error)

    enum class LoginResult { Success, BadCredentials, LockedOut, Disabled };
    Q_ENUM(LoginResult)

    enum class IpmiAccess { Disabled, Enabled };

    // The administrator created at first start.
    static constexpr QLatin1StringView administratorName{"admin"};
    static constexpr int firstId = 2;
    static constexpr int lastId = 16;

    AccountStore(const QString &stateDirectory, const PasswordHasher *hasher, EventLog *eventLog, Policy policy,
                 QObject *parent = nullptr);

    // What went wrong, in one sentence a face can show.
    QString errorText(Error error) const;
    const Policy &policy() const { return m_policy; }

    // First start: when no account exists, creates "admin" (Administrator, IPMI enabled) with
    // `presetPassword` (QBMC_ADMIN_PASSWORD) or, when that is empty, a random one that is logged
    // once and kept for the screen until acknowledged. Returns the error of a preset password
    // that breaks the rules.
    Error ensureAdministrator(const QByteArray &presetPassword = {});
    QString pendingInitialPassword() const { return m_initialPassword; }
    void acknowledgeInitialPassword(const Actor &actor);

    // Accounts from PiKVM's ipmipasswd file: IPMI-enabled administrators, managed by that file.
    // They take the place of stored accounts of the same name. Replaces earlier file accounts.
    Error setPasswordFileAccounts(const QList<IpmiPasswordFile::Entry> &entries, const QString &fileName);

    // Ordered by id.
    QList<Account> accounts() const;
    std::optional<Account> account(const QString &name) const;
    std::optional<Account> accountById(int id) const;

    // `id` 0 takes the lowest free one; IPMI's Set User Name asks for a particular slot.
    Error createAccount(const QString &name, const QByteArray &password, Role role, IpmiAccess ipmi, const Actor &actor,
                        int id = 0);
    Error renameAccount(const QString &name, const QString &newName, const Actor &actor);
    Error removeAccount(const QString &name, const Actor &actor);
    Error setPassword(const QString &name, const QByteArray &password, const Actor &actor);
    Error setRole(const QString &name, Role role, const Actor &actor);
    Error setEnabled(const QString &name, bool enabled, const Actor &actor);
    // Enabling needs the password (only its hash is kept otherwise); disabling forgets it.
    Error setIpmiAccess(const QString &name, IpmiAccess ipmi, const QByteArray &password, const Actor &actor);

    // For faces that receive the password (Redfish, the screen). Failures count towards lockout
    // and go to the event log with the origin and address.
    LoginResult authenticate(const QString &name, const QByteArray &password, Actor::Origin origin,
                             const QString &address);

    // For IPMI, whose RAKP proves the password without sending it.
    std::optional<QByteArray> ipmiPassword(const QString &name) const;
    bool isLockedOut(const QString &name) const;
    void recordLoginFailure(const QString &name, Actor::Origin origin, const QString &address);
    // Clears the failure count; an active lockout stays until it runs out.
    void recordLoginSuccess(const QString &name);

    static QString generatePassword();

    // Recovery at the machine (physical presence is the proof): the lowest-numbered stored
    // administrator, preferring an enabled one, gets a new generated password, is enabled and
    // unlocked; with none left, "admin" is created again. Logged as a warning with the actor.
    struct Recovery
    {
        Error error = Error::None;
        QString name;
        QString password;
    };
    Recovery recoverAdministrator(const Actor &actor);

signals:
    void accountsChanged();
    // The password, role, state or existence of this account changed: sessions and caches
    // built on the old credentials should go.
    void credentialsChanged(const QString &name);

private:
    struct LockoutState
    {
        int failures = 0;
        QDeadlineTimer resetAt; // a default QDeadlineTimer has already expired
        QDeadlineTimer lockedUntil;
    };

    Account *find(const QString &name);
    const Account *find(const QString &name) const;
    int lowestFreeId(const QList<Account> &taken) const;
    Error checkPassword(const QByteArray &password, IpmiAccess ipmi) const;
    Error checkStoredChange(const QString &name) const;
    // The hash, and the IPMI copy when the account has IPMI access; nothing is saved or logged.
    Error replacePassword(Account &account, const QByteArray &password);
    bool isLastEnabledAdministrator(const QString &name) const;
    void load();
    bool save();
    void changed(const QString &name);

    StateFile m_file;
    const PasswordHasher *m_hasher;
    EventLog *m_eventLog;
    Policy m_policy;
    QList<Account> m_stored;
    QList<Account> m_fromFile;
    QString m_initialPassword;
    QHash<QString, LockoutState> m_lockouts;
    QByteArray m_dummyHash; // verified against for unknown users, so timing does not tell them apart
};
