#include "AccountStore.h"

#include "AccountRules.h"
#include "CoreLogging.h"
#include "EventLog.h"
#include "PasswordHasher.h"

#include <QRandomGenerator>
#include <QSet>

using namespace Qt::StringLiterals;
using Code = Failure::Code;

namespace {
QString forLog(const QString &name)
{
    // Failed logins carry whatever a client sent; keep the log readable and honest.
    return AccountRules::isValidName(name) ? name : u"(invalid name)"_s;
}
} // namespace

AccountStore::AccountStore(const QString &stateDirectory, const PasswordHasher *hasher, EventLog *eventLog,
                           Policy policy, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_file(stateDirectory)
    , m_hasher(hasher)
    , m_eventLog(eventLog)
    , m_policy(policy)
    , m_lockout(policy.lockoutThreshold, policy.lockoutDuration, clock)
    , m_failedLogins(3, std::chrono::minutes(1), clock)
    , m_fromFile(hasher)
    , m_dummyHash(hasher->hash(generatePassword().toLatin1()))
{
    m_failedLoginTimer.setInterval(std::chrono::seconds(10));
    connect(&m_failedLoginTimer, &QTimer::timeout, this, &AccountStore::logFailedLoginSummaries);
    load();
}

void AccountStore::load()
{
    const AccountFile::Loaded loaded = m_file.load();
    const StateFile::Result &result = loaded.result;
    if (result.usable()) {
        m_stored = loaded.contents.accounts;
        m_initialPassword = loaded.contents.initialPassword;
        m_awaitingRecovery = loaded.contents.awaitingRecovery;
    }
    switch (result.status) {
    case StateFile::Status::Restored: m_eventLog->critical(Actor::bmc(), result.story(u"account"_s)); break;
    case StateFile::Status::Damaged:
        m_awaitingRecovery = true;
        m_eventLog->critical(Actor::bmc(),
                             result.story(u"account"_s,
                                          u"no account exists and none is created until an administrator "
                                          "is set up with the screen's password recovery or qbmc is "
                                          "started with QBMC_ADMIN_PASSWORD"_s));
        // Remembered, so that the next start does not take the missing file for a first start.
        save();
        break;
    case StateFile::Status::TooNew: m_awaitingRecovery = true; break;
    case StateFile::Status::Missing:
    case StateFile::Status::Loaded: break;
    }
}

void AccountStore::save()
{
    if (m_awaitingRecovery) {
        m_awaitingRecovery = std::none_of(m_stored.cbegin(), m_stored.cend(), [](const Account &account) {
            return account.role == Role::Administrator && account.enabled;
        });
    }
    m_file.save({m_stored, m_initialPassword, m_awaitingRecovery});
}

Failure AccountStore::refusal(Code code) const
{
    using AccountRules::maxIpmiPasswordLength;
    using AccountRules::maxPasswordLength;
    switch (code) {
    case Code::NoSuchAccount: return {code, u"there is no such account"_s};
    case Code::AccountExists: return {code, u"an account with this name exists"_s};
    case Code::InvalidName:
        return {code, u"the user name is not valid; expected %1"_s.arg(AccountRules::nameRuleText())};
    case Code::PasswordTooShort:
        return {code, u"the password is shorter than %1 characters"_s.arg(m_policy.minPasswordLength)};
    case Code::PasswordTooLong: return {code, u"the password is longer than %1 bytes"_s.arg(maxPasswordLength)};
    case Code::PasswordTooLongForIpmi:
        return {code,
                u"an account that may use IPMI needs a password of at most %1 bytes"_s.arg(maxIpmiPasswordLength)};
    case Code::InvalidPassword: return {code, u"the password contains control characters"_s};
    case Code::IpmiNeedsPassword: return {code, u"IPMI access can only be enabled together with a new password"_s};
    case Code::ManagedByPasswordFile:
        return {code, u"this account comes from the IPMI password file (ipmi.auth.file); change it there"_s};
    case Code::LastAdministrator:
        return {code, u"the last enabled administrator cannot be removed, disabled or demoted"_s};
    case Code::TooManyAccounts: return {code, u"there are already %1 accounts"_s.arg(AccountRules::maxAccounts)};
    case Code::InvalidId:
        return {
            code,
            u"the account id must be a free one from %1 to %2"_s.arg(AccountRules::firstId).arg(AccountRules::lastId)};
    case Code::Internal: return {code, u"the password could not be hashed"_s};
    case Code::SshKeyExists: return {code, u"the account has this key already"_s};
    case Code::TooManySshKeys: return {code, u"an account has at most %1 SSH keys"_s.arg(AccountRules::maxSshKeys)};
    case Code::NoSuchSshKey: return {code, u"the account has no such key"_s};
    case Code::InvalidSshKey:
    case Code::InvalidValue:
    case Code::NotChangeable:
    case Code::Unavailable:
    case Code::NoSuchImage:
    case Code::ImageExists:
    case Code::StoreFull:
    case Code::ImageInUse:
    case Code::SlotOccupied: break;
    }
    return {code, Failure::codeName(code)};
}

QString AccountStore::generatePassword()
{
    // No look-alike characters (0/O, 1/l/I): it is read off a screen and typed by hand.
    static constexpr QStringView alphabet = u"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    QString password;
    for (int i = 0; i < 16; ++i)
        password.append(alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size()))));
    return password;
}

void AccountStore::setPolicy(const Policy &policy)
{
    m_policy = policy;
    m_lockout.setRules(policy.lockoutThreshold, policy.lockoutDuration);
}

std::optional<Failure> AccountStore::checkPassword(const QByteArray &password, IpmiAccess ipmi) const
{
    if (!AccountRules::isPrintable(password))
        return refusal(Code::InvalidPassword);
    if (QString::fromUtf8(password).size() < m_policy.minPasswordLength)
        return refusal(Code::PasswordTooShort);
    if (password.size() > AccountRules::maxPasswordLength)
        return refusal(Code::PasswordTooLong);
    if (ipmi == IpmiAccess::Enabled && password.size() > AccountRules::maxIpmiPasswordLength)
        return refusal(Code::PasswordTooLongForIpmi);
    return std::nullopt;
}

const Account *AccountStore::find(const QString &name) const
{
    if (const Account *account = m_fromFile.find(name))
        return account;
    const auto it =
        std::find_if(m_stored.cbegin(), m_stored.cend(), [&](const Account &account) { return account.name == name; });
    return it == m_stored.cend() ? nullptr : &*it;
}

Account *AccountStore::findStored(const QString &name)
{
    const auto it =
        std::find_if(m_stored.begin(), m_stored.end(), [&](const Account &account) { return account.name == name; });
    return it == m_stored.end() ? nullptr : &*it;
}

QList<Account> AccountStore::accounts() const
{
    QList<Account> all = m_fromFile.accounts();
    for (const Account &account : m_stored) {
        if (find(account.name) == &account)
            all.append(account);
    }
    std::sort(all.begin(), all.end(), [](const Account &a, const Account &b) { return a.id < b.id; });
    return all;
}

std::optional<Account> AccountStore::accountById(int id) const
{
    const QList<Account> all = accounts();
    const auto it = std::find_if(all.cbegin(), all.cend(), [id](const Account &account) { return account.id == id; });
    return it == all.cend() ? std::nullopt : std::optional<Account>(*it);
}

std::optional<Account> AccountStore::account(const QString &name) const
{
    const Account *account = find(name);
    return account ? std::optional<Account>(*account) : std::nullopt;
}

std::optional<Failure> AccountStore::checkStoredChange(const QString &name) const
{
    const Account *account = find(name);
    if (!account)
        return refusal(Code::NoSuchAccount);
    if (account->source == Account::Source::PasswordFile)
        return refusal(Code::ManagedByPasswordFile);
    return std::nullopt;
}

bool AccountStore::isLastEnabledAdministrator(const QString &name) const
{
    const QList<Account> all = accounts();
    const auto isEnabledAdministrator = [](const Account &a) { return a.enabled && a.role == Role::Administrator; };
    const Account *account = find(name);
    return account && isEnabledAdministrator(*account)
        && std::count_if(all.cbegin(), all.cend(), isEnabledAdministrator) == 1;
}

void AccountStore::changed(const QString &name)
{
    save();
    emit credentialsChanged(name);
    emit accountsChanged();
}

std::optional<Failure> AccountStore::ensureAdministrator(const QByteArray &presetPassword)
{
    if (!m_stored.isEmpty() || !m_fromFile.isEmpty())
        return std::nullopt;
    if (m_awaitingRecovery && presetPassword.isEmpty()) {
        qCCritical(lcAccounts,
                   "no account exists because the account files could not be used: set up an "
                   "administrator with the screen's password recovery, or start qbmc once with "
                   "QBMC_ADMIN_PASSWORD");
        return std::nullopt;
    }

    const bool generated = presetPassword.isEmpty();
    const QByteArray password = generated ? generatePassword().toLatin1() : presetPassword;
    if (auto failure = checkPassword(password, IpmiAccess::Enabled))
        return failure;

    Account administrator;
    administrator.id = AccountRules::firstId;
    administrator.name = administratorName;
    administrator.role = Role::Administrator;
    administrator.ipmiEnabled = true;
    administrator.ipmiPassword = password;
    administrator.passwordHash = m_hasher->hash(password);
    if (administrator.passwordHash.isEmpty())
        return refusal(Code::Internal);
    m_stored.append(administrator);

    if (generated) {
        m_initialPassword = QString::fromLatin1(password);
        qCWarning(lcAccounts,
                  "first start: created the administrator \"%s\" with the password %s (shown on the "
                  "local screen until acknowledged)",
                  qPrintable(administrator.name), password.constData());
        m_eventLog->info(
            Actor::bmc(),
            u"Administrator \"%1\" created at first start with a generated password"_s.arg(administrator.name));
    } else if (m_awaitingRecovery) {
        m_eventLog->warning(Actor::bmc(),
                            u"Administrator \"%1\" created with the password from QBMC_ADMIN_PASSWORD, as no "
                            "usable account file was left"_s.arg(administrator.name));
    } else {
        m_eventLog->info(Actor::bmc(),
                         u"Administrator \"%1\" created at first start with the password from "
                         "QBMC_ADMIN_PASSWORD"_s.arg(administrator.name));
    }
    changed(administrator.name);
    return std::nullopt;
}

void AccountStore::acknowledgeInitialPassword(const Actor &actor)
{
    if (m_initialPassword.isEmpty())
        return;
    m_initialPassword.clear();
    save();
    m_eventLog->info(actor, u"The generated administrator password was acknowledged"_s);
}

std::optional<Failure> AccountStore::setPasswordFileAccounts(const QList<IpmiPasswordFile::Entry> &entries,
                                                             const QString &fileName)
{
    QSet<QString> touched;
    for (const Account &account : m_fromFile.accounts())
        touched.insert(account.name);
    if (auto failure = m_fromFile.replace(entries, fileName, m_stored))
        return failure;
    for (const Account &account : m_fromFile.accounts())
        touched.insert(account.name);
    for (const QString &name : std::as_const(touched))
        emit credentialsChanged(name);
    emit accountsChanged();
    return std::nullopt;
}

std::optional<Failure> AccountStore::createAccount(const QString &name, const QByteArray &password, Role role,
                                                   IpmiAccess ipmi, const Actor &actor, int id)
{
    if (!AccountRules::isValidName(name))
        return refusal(Code::InvalidName);
    if (find(name))
        return refusal(Code::AccountExists);
    if (id != 0 && (id < AccountRules::firstId || id > AccountRules::lastId || accountById(id)))
        return refusal(Code::InvalidId);
    if (id == 0 && (id = AccountRules::lowestFreeId(accounts())) == 0)
        return refusal(Code::TooManyAccounts);
    if (auto failure = checkPassword(password, ipmi))
        return failure;

    Account account;
    account.id = id;
    account.name = name;
    account.role = role;
    account.ipmiEnabled = ipmi == IpmiAccess::Enabled;
    if (account.ipmiEnabled)
        account.ipmiPassword = password;
    account.passwordHash = m_hasher->hash(password);
    if (account.passwordHash.isEmpty())
        return refusal(Code::Internal);
    m_stored.append(account);
    m_eventLog->info(actor,
                     u"Account \"%1\" created with role %2%3"_s.arg(
                         name, RoleNames::toString(role), account.ipmiEnabled ? u" and IPMI access"_s : QString()));
    changed(name);
    return std::nullopt;
}

std::optional<Failure> AccountStore::renameAccount(const QString &name, const QString &newName, const Actor &actor)
{
    if (auto failure = checkStoredChange(name))
        return failure;
    if (name == newName)
        return std::nullopt;
    if (!AccountRules::isValidName(newName))
        return refusal(Code::InvalidName);
    if (find(newName))
        return refusal(Code::AccountExists);
    findStored(name)->name = newName;
    m_lockout.rename(name, newName);
    m_eventLog->info(actor, u"Account \"%1\" renamed to \"%2\""_s.arg(name, newName));
    emit credentialsChanged(name);
    changed(newName);
    return std::nullopt;
}

std::optional<Failure> AccountStore::removeAccount(const QString &name, const Actor &actor)
{
    if (auto failure = checkStoredChange(name))
        return failure;
    if (isLastEnabledAdministrator(name))
        return refusal(Code::LastAdministrator);
    m_stored.removeIf([&](const Account &account) { return account.name == name; });
    m_lockout.forget(name);
    if (name == administratorName)
        m_initialPassword.clear();
    m_eventLog->info(actor, u"Account \"%1\" removed"_s.arg(name));
    changed(name);
    return std::nullopt;
}

std::optional<Failure> AccountStore::setPassword(const QString &name, const QByteArray &password, const Actor &actor)
{
    if (auto failure = checkStoredChange(name))
        return failure;
    Account *account = findStored(name);
    if (auto failure = checkPassword(password, account->ipmiEnabled ? IpmiAccess::Enabled : IpmiAccess::Disabled))
        return failure;
    if (auto failure = replacePassword(*account, password))
        return failure;
    m_eventLog->info(actor, u"Password of \"%1\" changed"_s.arg(name));
    changed(name);
    return std::nullopt;
}

std::optional<Failure> AccountStore::replacePassword(Account &account, const QByteArray &password)
{
    const QByteArray hash = m_hasher->hash(password);
    if (hash.isEmpty())
        return refusal(Code::Internal);
    account.passwordHash = hash;
    if (account.ipmiEnabled)
        account.ipmiPassword = password;
    // A changed first-start password is no longer the one the screen would show.
    if (account.name == administratorName)
        m_initialPassword.clear();
    return std::nullopt;
}

std::optional<Failure> AccountStore::resetAdministrator(const QString &name, const QByteArray &password,
                                                        const Actor &actor)
{
    if (auto failure = checkStoredChange(name))
        return failure;
    Account *account = findStored(name);
    if (account->role != Role::Administrator)
        return refusal(Code::NoSuchAccount);
    if (auto failure = replacePassword(*account, password))
        return failure;
    account->enabled = true;
    m_lockout.unlock(name);
    m_eventLog->warning(actor, u"Password of administrator \"%1\" reset at the screen"_s.arg(name));
    changed(name);
    return std::nullopt;
}

std::optional<Failure> AccountStore::setRole(const QString &name, Role role, const Actor &actor)
{
    if (auto failure = checkStoredChange(name))
        return failure;
    Account *account = findStored(name);
    if (account->role == role)
        return std::nullopt;
    if (role != Role::Administrator && isLastEnabledAdministrator(name))
        return refusal(Code::LastAdministrator);
    account->role = role;
    m_eventLog->info(actor, u"Role of \"%1\" changed to %2"_s.arg(name, RoleNames::toString(role)));
    changed(name);
    return std::nullopt;
}

std::optional<Failure> AccountStore::setEnabled(const QString &name, bool enabled, const Actor &actor)
{
    if (auto failure = checkStoredChange(name))
        return failure;
    Account *account = findStored(name);
    if (account->enabled == enabled)
        return std::nullopt;
    if (!enabled && isLastEnabledAdministrator(name))
        return refusal(Code::LastAdministrator);
    account->enabled = enabled;
    m_eventLog->info(actor, u"Account \"%1\" %2"_s.arg(name, enabled ? u"enabled"_s : u"disabled"_s));
    changed(name);
    return std::nullopt;
}

std::optional<Failure> AccountStore::setIpmiAccess(const QString &name, IpmiAccess ipmi, const QByteArray &password,
                                                   const Actor &actor)
{
    if (auto failure = checkStoredChange(name))
        return failure;
    Account *account = findStored(name);
    if (ipmi == IpmiAccess::Disabled) {
        if (!account->ipmiEnabled)
            return std::nullopt;
        account->ipmiEnabled = false;
        account->ipmiPassword.clear();
        m_eventLog->info(actor, u"IPMI access of \"%1\" disabled"_s.arg(name));
        changed(name);
        return std::nullopt;
    }

    if (password.isEmpty())
        return refusal(Code::IpmiNeedsPassword);
    if (auto failure = checkPassword(password, IpmiAccess::Enabled))
        return failure;
    // replacePassword() keeps the IPMI copy of accounts with IPMI access; it changes nothing when it fails.
    account->ipmiEnabled = true;
    if (auto failure = replacePassword(*account, password)) {
        account->ipmiEnabled = false;
        return failure;
    }
    m_eventLog->info(actor, u"IPMI access of \"%1\" enabled and its password set"_s.arg(name));
    changed(name);
    return std::nullopt;
}

AccountStore::LoginResult AccountStore::authenticate(const QString &name, const QByteArray &password,
                                                     Actor::Origin origin, const QString &address)
{
    // A control character is never part of a password qbmc set (checkPassword), and libcrypt would
    // stop reading at a NUL: "secret\0junk" must not pass as "secret" (decisions.md#96).
    const bool printable = AccountRules::isPrintable(password) && AccountRules::isPrintable(name.toUtf8());
    const Account *account = printable ? find(name) : nullptr;
    if (!account) {
        m_hasher->verify(password, m_dummyHash);
        recordLoginFailure(name, origin, address);
        return LoginResult::BadCredentials;
    }
    if (isLockedOut(name, address)) {
        // Not in the event log: the lockout itself is there, and a client retrying must not flood it.
        qCInfo(lcAccounts, "login of \"%s\" from %s refused: the account is locked", qPrintable(name),
               qPrintable(address));
        return LoginResult::LockedOut;
    }
    if (!m_hasher->verify(password, account->passwordHash)) {
        recordLoginFailure(name, origin, address);
        return LoginResult::BadCredentials;
    }
    if (!account->enabled)
        return LoginResult::Disabled;
    recordLoginSuccess(name, address);
    return LoginResult::Success;
}

std::optional<QByteArray> AccountStore::ipmiPassword(const QString &name) const
{
    const Account *account = find(name);
    if (!account || !account->enabled || !account->ipmiEnabled)
        return std::nullopt;
    return account->ipmiPassword;
}

void AccountStore::recordLoginFailure(const QString &name, Actor::Origin origin, const QString &address)
{
    const bool known = find(name) != nullptr;
    const QString logged = forLog(name);
    logFailedLoginSummaries();
    if (m_failedLogins.record(address, origin, logged))
        m_eventLog->add(EventLogEntry::Severity::Warning, EventLogEntry::Kind::LoginFailed, Actor{origin, logged},
                        u"Login failed from %1 (%2)"_s.arg(address, known ? u"wrong password"_s : u"unknown user"_s));
    else if (!m_failedLoginTimer.isActive())
        m_failedLoginTimer.start();
    if (!known || !m_lockout.recordFailure(name, address))
        return;
    // Only logins from `address` are refused; the account's sessions elsewhere go on (decisions.md#99).
    m_eventLog->add(EventLogEntry::Severity::Warning, EventLogEntry::Kind::AccountLocked, Actor{origin, name},
                    u"Account \"%1\" locked for logins from %2 for %3 s after %4 failed logins"_s.arg(name, address)
                        .arg(std::chrono::duration<double>(m_policy.lockoutDuration).count())
                        .arg(m_policy.lockoutThreshold));
    emit accountsChanged();
}

std::optional<Failure> AccountStore::unlock(const QString &name, const Actor &actor)
{
    if (!find(name))
        return refusal(Code::NoSuchAccount);
    if (!m_lockout.isLockedAnywhere(name))
        return std::nullopt;
    m_lockout.unlock(name);
    m_eventLog->info(actor, u"Account \"%1\" unlocked"_s.arg(name));
    emit accountsChanged();
    return std::nullopt;
}

void AccountStore::logFailedLoginSummaries()
{
    for (const FailedLoginDigest::Summary &summary : m_failedLogins.takeEnded()) {
        const qint64 seconds = std::max<qint64>(1, std::chrono::ceil<std::chrono::seconds>(summary.span).count());
        m_eventLog->add(EventLogEntry::Severity::Warning, EventLogEntry::Kind::LoginFailed, Actor{summary.origin, {}},
                        u"%1 more failed logins from %2 for %3%4 user names in %5 s"_s.arg(summary.failures)
                            .arg(summary.address)
                            .arg(summary.names)
                            .arg(summary.moreNames ? u"+"_s : QString())
                            .arg(seconds));
    }
    if (!m_failedLogins.hasPending())
        m_failedLoginTimer.stop();
}

Expected<SshPublicKey> AccountStore::addSshKey(const QString &name, const QString &keyLine, const Actor &actor)
{
    if (auto failure = checkStoredChange(name))
        return *failure;
    Expected<SshPublicKey> key = SshPublicKey::parse(keyLine);
    if (!key)
        return key.failure();
    if (m_sshKeyCheck) {
        if (const std::optional<QString> problem = m_sshKeyCheck(*key))
            return Failure{Code::InvalidSshKey, *problem};
    }
    Account *account = findStored(name);
    QList<SshPublicKey> &keys = account->sshKeys;
    if (std::any_of(keys.cbegin(), keys.cend(), [&](const SshPublicKey &k) { return k.blob == key->blob; }))
        return refusal(Code::SshKeyExists);
    if (keys.size() >= AccountRules::maxSshKeys)
        return refusal(Code::TooManySshKeys);
    int id = 1;
    for (const SshPublicKey &existing : std::as_const(keys))
        id = std::max(id, existing.id + 1);
    key->id = id;
    keys.append(*key);
    m_eventLog->info(actor,
                     u"SSH key %1 (%2 %3) added to account \"%4\""_s.arg(id).arg(key->type, key->fingerprint(), name));
    changed(name);
    return *key;
}

std::optional<Failure> AccountStore::removeSshKey(const QString &name, int keyId, const Actor &actor)
{
    if (auto failure = checkStoredChange(name))
        return failure;
    QList<SshPublicKey> &keys = findStored(name)->sshKeys;
    const auto it = std::find_if(keys.begin(), keys.end(), [&](const SshPublicKey &k) { return k.id == keyId; });
    if (it == keys.end())
        return refusal(Code::NoSuchSshKey);
    const QString fingerprint = it->fingerprint();
    keys.erase(it);
    m_eventLog->info(actor, u"SSH key %1 (%2) removed from account \"%3\""_s.arg(keyId).arg(fingerprint, name));
    changed(name);
    return std::nullopt;
}
