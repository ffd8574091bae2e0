#include "AccountStore.h"

#include "AccountRules.h"
#include "CoreLogging.h"
#include "EventLog.h"
#include "PasswordHasher.h"

#include <QDir>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {
constexpr int formatVersion = 1;

QString forLog(const QString &name)
{
    // Failed logins carry whatever a client sent; keep the log readable and honest.
    return AccountRules::isValidName(name) ? name : u"(invalid name)"_s;
}

QJsonObject accountToJson(const Account &account)
{
    QJsonObject object{
        {u"id"_s, account.id},
        {u"name"_s, account.name},
        {u"role"_s, RoleNames::toString(account.role)},
        {u"enabled"_s, account.enabled},
        {u"ipmi"_s, account.ipmiEnabled},
        {u"hash"_s, QString::fromLatin1(account.passwordHash)},
    };
    // Latin-1 maps each byte to one character, so the password comes back byte for byte: IPMI
    // sets passwords as bytes, which need not be UTF-8.
    if (account.ipmiEnabled)
        object.insert(u"ipmiPassword"_s, QString::fromLatin1(account.ipmiPassword));
    return object;
}

std::optional<Account> accountFromJson(const QJsonObject &object)
{
    Account account;
    account.name = object.value(u"name"_s).toString();
    const auto role = RoleNames::fromString(object.value(u"role"_s).toString());
    const QJsonValue enabled = object.value(u"enabled"_s);
    const QJsonValue ipmi = object.value(u"ipmi"_s);
    account.passwordHash = object.value(u"hash"_s).toString().toLatin1();
    if (!AccountRules::isValidName(account.name) || !role || !enabled.isBool() || !ipmi.isBool()
        || account.passwordHash.isEmpty())
        return std::nullopt;
    // Files from before ids existed get theirs when loaded.
    account.id = object.value(u"id"_s).toInt(0);
    if (object.contains(u"id"_s) && (account.id < AccountStore::firstId || account.id > AccountStore::lastId))
        return std::nullopt;
    account.role = *role;
    account.enabled = enabled.toBool();
    account.ipmiEnabled = ipmi.toBool();
    if (account.ipmiEnabled) {
        const QString ipmiPassword = object.value(u"ipmiPassword"_s).toString();
        if (std::any_of(ipmiPassword.cbegin(), ipmiPassword.cend(), [](QChar c) { return c.unicode() > 0xff; }))
            return std::nullopt;
        account.ipmiPassword = ipmiPassword.toLatin1();
        if (account.ipmiPassword.isEmpty())
            return std::nullopt;
    }
    return account;
}
} // namespace

AccountStore::AccountStore(const QString &stateDirectory, const PasswordHasher *hasher, EventLog *eventLog,
                           Policy policy, QObject *parent)
    : QObject(parent)
    , m_file(QDir(stateDirectory).filePath(u"accounts.json"_s))
    , m_hasher(hasher)
    , m_eventLog(eventLog)
    , m_policy(policy)
    , m_dummyHash(hasher->hash(generatePassword().toLatin1()))
{
    load();
}

void AccountStore::load()
{
    const StateFile::Result loaded = m_file.load(formatVersion, [](const QJsonObject &object) -> QString {
        if (!object.value(u"accounts"_s).isArray())
            return u"no accounts list"_s;
        QSet<QString> names;
        QSet<int> ids;
        for (const QJsonValue &value : object.value(u"accounts"_s).toArray()) {
            const auto account = accountFromJson(value.toObject());
            if (!account)
                return u"account %1 is malformed"_s.arg(names.size() + 1);
            if (names.contains(account->name))
                return u"account \"%1\" is listed twice"_s.arg(account->name);
            if (account->id != 0 && ids.contains(account->id))
                return u"account id %1 is used twice"_s.arg(account->id);
            names.insert(account->name);
            ids.insert(account->id);
        }
        if (names.size() > lastId - firstId + 1)
            return u"more than %1 accounts"_s.arg(lastId - firstId + 1);
        return {};
    });

    if (loaded.status == StateFile::Status::Loaded) {
        for (const QJsonValue &value : loaded.object.value(u"accounts"_s).toArray())
            m_stored.append(*accountFromJson(value.toObject()));
        for (Account &account : m_stored) {
            if (account.id == 0)
                account.id = lowestFreeId(m_stored);
        }
        m_initialPassword = loaded.object.value(u"initialPassword"_s).toString();
    } else if (loaded.status == StateFile::Status::Damaged) {
        m_eventLog->critical(Actor::bmc(),
                             u"The account file was damaged (%1) and was kept as %2; accounts start empty"_s.arg(
                                 loaded.problem, loaded.asidePath.isEmpty() ? m_file.path() : loaded.asidePath));
    }
}

bool AccountStore::save()
{
    QJsonArray accounts;
    for (const Account &account : std::as_const(m_stored))
        accounts.append(accountToJson(account));
    QJsonObject object{{u"accounts"_s, accounts}};
    if (!m_initialPassword.isEmpty())
        object.insert(u"initialPassword"_s, m_initialPassword);
    return m_file.save(formatVersion, object);
}

QString AccountStore::errorText(Error error) const
{
    switch (error) {
    case Error::None: return {};
    case Error::NoSuchAccount: return u"there is no such account"_s;
    case Error::AccountExists: return u"an account with this name exists"_s;
    case Error::InvalidName: return u"the user name is not valid; expected %1"_s.arg(AccountRules::nameRuleText());
    case Error::PasswordTooShort:
        return u"the password is shorter than %1 characters"_s.arg(m_policy.minPasswordLength);
    case Error::PasswordTooLong: return u"the password is longer than %1 bytes"_s.arg(AccountRules::maxPasswordLength);
    case Error::PasswordTooLongForIpmi:
        return u"an account that may use IPMI needs a password of at most %1 bytes"_s.arg(
            AccountRules::maxIpmiPasswordLength);
    case Error::InvalidPassword: return u"the password contains control characters"_s;
    case Error::IpmiNeedsPassword: return u"IPMI access can only be enabled together with a new password"_s;
    case Error::ManagedByPasswordFile:
        return u"this account comes from the IPMI password file (ipmi.auth.file); change it there"_s;
    case Error::LastAdministrator: return u"the last enabled administrator cannot be removed, disabled or demoted"_s;
    case Error::HashFailed: return u"the password could not be hashed"_s;
    case Error::TooManyAccounts: return u"there are already %1 accounts"_s.arg(lastId - firstId + 1);
    case Error::InvalidId: return u"the account id must be a free one from %1 to %2"_s.arg(firstId).arg(lastId);
    }
    return {};
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

AccountStore::Error AccountStore::checkPassword(const QByteArray &password, IpmiAccess ipmi) const
{
    if (!AccountRules::isPrintable(password))
        return Error::InvalidPassword;
    if (QString::fromUtf8(password).size() < m_policy.minPasswordLength)
        return Error::PasswordTooShort;
    if (password.size() > AccountRules::maxPasswordLength)
        return Error::PasswordTooLong;
    if (ipmi == IpmiAccess::Enabled && password.size() > AccountRules::maxIpmiPasswordLength)
        return Error::PasswordTooLongForIpmi;
    return Error::None;
}

Account *AccountStore::find(const QString &name)
{
    return const_cast<Account *>(std::as_const(*this).find(name));
}

const Account *AccountStore::find(const QString &name) const
{
    for (const QList<Account> *list : {&m_fromFile, &m_stored}) {
        for (const Account &account : *list) {
            if (account.name == name)
                return &account;
        }
    }
    return nullptr;
}

QList<Account> AccountStore::accounts() const
{
    QList<Account> all = m_fromFile;
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

int AccountStore::lowestFreeId(const QList<Account> &taken) const
{
    for (int id = firstId; id <= lastId; ++id) {
        const auto uses = [id](const Account &account) { return account.id == id; };
        if (std::none_of(taken.cbegin(), taken.cend(), uses))
            return id;
    }
    return 0;
}

std::optional<Account> AccountStore::account(const QString &name) const
{
    const Account *account = find(name);
    return account ? std::optional<Account>(*account) : std::nullopt;
}

AccountStore::Error AccountStore::checkStoredChange(const QString &name) const
{
    const Account *account = find(name);
    if (!account)
        return Error::NoSuchAccount;
    if (account->source == Account::Source::PasswordFile)
        return Error::ManagedByPasswordFile;
    return Error::None;
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

AccountStore::Error AccountStore::ensureAdministrator(const QByteArray &presetPassword)
{
    if (!m_stored.isEmpty() || !m_fromFile.isEmpty())
        return Error::None;

    const bool generated = presetPassword.isEmpty();
    const QByteArray password = generated ? generatePassword().toLatin1() : presetPassword;
    if (const Error error = checkPassword(password, IpmiAccess::Enabled); error != Error::None)
        return error;

    Account administrator;
    administrator.id = firstId;
    administrator.name = administratorName;
    administrator.role = Role::Administrator;
    administrator.ipmiEnabled = true;
    administrator.ipmiPassword = password;
    administrator.passwordHash = m_hasher->hash(password);
    if (administrator.passwordHash.isEmpty())
        return Error::HashFailed;
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
    } else {
        m_eventLog->info(Actor::bmc(),
                         u"Administrator \"%1\" created at first start with the password from "
                         "QBMC_ADMIN_PASSWORD"_s.arg(administrator.name));
    }
    changed(administrator.name);
    return Error::None;
}

void AccountStore::acknowledgeInitialPassword(const Actor &actor)
{
    if (m_initialPassword.isEmpty())
        return;
    m_initialPassword.clear();
    save();
    m_eventLog->info(actor, u"The generated administrator password was acknowledged"_s);
}

AccountStore::Error AccountStore::setPasswordFileAccounts(const QList<IpmiPasswordFile::Entry> &entries,
                                                          const QString &fileName)
{
    QList<Account> accounts;
    // Stored ids stay taken; an account from the file that takes a stored one's place uses its id.
    QList<Account> taken = m_stored;
    for (const IpmiPasswordFile::Entry &entry : entries) {
        Account account;
        account.name = entry.user;
        const auto stored =
            std::find_if(m_stored.cbegin(), m_stored.cend(), [&](const Account &a) { return a.name == entry.user; });
        account.id = stored != m_stored.cend() ? stored->id : lowestFreeId(taken);
        if (account.id == 0)
            return Error::TooManyAccounts;
        taken.append(account);
        account.role = Role::Administrator;
        account.ipmiEnabled = true;
        account.ipmiPassword = entry.password;
        account.source = Account::Source::PasswordFile;
        account.passwordHash = m_hasher->hash(entry.password);
        if (account.passwordHash.isEmpty())
            return Error::HashFailed;
        account.weakPassword = entry.password == entry.user.toUtf8() || entry.password == "admin";
        if (account.weakPassword)
            qCWarning(lcAccounts, "%s:%d: the password of \"%s\" is the user name or \"admin\"; change it",
                      qPrintable(fileName), entry.line, qPrintable(entry.user));
        const bool shadows = std::any_of(m_stored.cbegin(), m_stored.cend(),
                                         [&](const Account &stored) { return stored.name == entry.user; });
        if (shadows)
            qCWarning(lcAccounts, "%s:%d: \"%s\" from this file takes the place of the stored account of that name",
                      qPrintable(fileName), entry.line, qPrintable(entry.user));
        accounts.append(account);
    }

    QSet<QString> touched;
    for (const Account &account : std::as_const(m_fromFile))
        touched.insert(account.name);
    for (const Account &account : std::as_const(accounts))
        touched.insert(account.name);
    if (!fileName.isEmpty())
        qCInfo(lcAccounts, "%lld account(s) from %s", qlonglong(accounts.size()), qPrintable(fileName));
    else if (!m_fromFile.isEmpty())
        qCInfo(lcAccounts, "no IPMI password file any more: its accounts are gone");
    m_fromFile = accounts;
    for (const QString &name : std::as_const(touched))
        emit credentialsChanged(name);
    emit accountsChanged();
    return Error::None;
}

AccountStore::Error AccountStore::createAccount(const QString &name, const QByteArray &password, Role role,
                                                IpmiAccess ipmi, const Actor &actor, int id)
{
    if (!AccountRules::isValidName(name))
        return Error::InvalidName;
    if (find(name))
        return Error::AccountExists;
    if (id != 0 && (id < firstId || id > lastId || accountById(id)))
        return Error::InvalidId;
    if (id == 0 && (id = lowestFreeId(accounts())) == 0)
        return Error::TooManyAccounts;
    if (const Error error = checkPassword(password, ipmi); error != Error::None)
        return error;

    Account account;
    account.id = id;
    account.name = name;
    account.role = role;
    account.ipmiEnabled = ipmi == IpmiAccess::Enabled;
    if (account.ipmiEnabled)
        account.ipmiPassword = password;
    account.passwordHash = m_hasher->hash(password);
    if (account.passwordHash.isEmpty())
        return Error::HashFailed;
    m_stored.append(account);
    m_eventLog->info(actor,
                     u"Account \"%1\" created with role %2%3"_s.arg(
                         name, RoleNames::toString(role), account.ipmiEnabled ? u" and IPMI access"_s : QString()));
    changed(name);
    return Error::None;
}

AccountStore::Error AccountStore::renameAccount(const QString &name, const QString &newName, const Actor &actor)
{
    if (const Error error = checkStoredChange(name); error != Error::None)
        return error;
    if (name == newName)
        return Error::None;
    if (!AccountRules::isValidName(newName))
        return Error::InvalidName;
    if (find(newName))
        return Error::AccountExists;
    find(name)->name = newName;
    if (const auto lockout = m_lockouts.constFind(name); lockout != m_lockouts.cend()) {
        m_lockouts.insert(newName, *lockout);
        m_lockouts.remove(name);
    }
    m_eventLog->info(actor, u"Account \"%1\" renamed to \"%2\""_s.arg(name, newName));
    emit credentialsChanged(name);
    changed(newName);
    return Error::None;
}

AccountStore::Error AccountStore::removeAccount(const QString &name, const Actor &actor)
{
    if (const Error error = checkStoredChange(name); error != Error::None)
        return error;
    if (isLastEnabledAdministrator(name))
        return Error::LastAdministrator;
    m_stored.removeIf([&](const Account &account) { return account.name == name; });
    m_lockouts.remove(name);
    if (name == administratorName)
        m_initialPassword.clear();
    m_eventLog->info(actor, u"Account \"%1\" removed"_s.arg(name));
    changed(name);
    return Error::None;
}

AccountStore::Error AccountStore::setPassword(const QString &name, const QByteArray &password, const Actor &actor)
{
    if (const Error error = checkStoredChange(name); error != Error::None)
        return error;
    Account *account = find(name);
    if (const Error error = checkPassword(password, account->ipmiEnabled ? IpmiAccess::Enabled : IpmiAccess::Disabled);
        error != Error::None)
        return error;
    if (const Error error = replacePassword(*account, password); error != Error::None)
        return error;
    m_eventLog->info(actor, u"Password of \"%1\" changed"_s.arg(name));
    changed(name);
    return Error::None;
}

AccountStore::Error AccountStore::replacePassword(Account &account, const QByteArray &password)
{
    const QByteArray hash = m_hasher->hash(password);
    if (hash.isEmpty())
        return Error::HashFailed;
    account.passwordHash = hash;
    if (account.ipmiEnabled)
        account.ipmiPassword = password;
    // A changed first-start password is no longer the one the screen would show.
    if (account.name == administratorName)
        m_initialPassword.clear();
    return Error::None;
}

AccountStore::Recovery AccountStore::recoverAdministrator(const Actor &actor)
{
    const QString password = generatePassword();
    Account *chosen = nullptr;
    for (Account &account : m_stored) {
        if (account.role != Role::Administrator)
            continue;
        const bool better = !chosen || (account.enabled && !chosen->enabled)
            || (account.enabled == chosen->enabled && account.id < chosen->id);
        if (better)
            chosen = &account;
    }
    if (!chosen) {
        const QString name = find(administratorName) ? u"%1%2"_s.arg(administratorName).arg(lowestFreeId(accounts()))
                                                     : administratorName;
        const Error error = createAccount(name, password.toLatin1(), Role::Administrator, IpmiAccess::Enabled, actor);
        if (error != Error::None)
            return {error, {}, {}};
        m_eventLog->warning(actor, u"No administrator was left: \"%1\" created at the screen"_s.arg(name));
        return {Error::None, name, password};
    }

    if (const Error error = replacePassword(*chosen, password.toLatin1()); error != Error::None)
        return {error, {}, {}};
    chosen->enabled = true;
    m_lockouts.remove(chosen->name);
    const QString name = chosen->name;
    m_eventLog->warning(actor, u"Password of administrator \"%1\" reset at the screen"_s.arg(name));
    changed(name);
    return {Error::None, name, password};
}

AccountStore::Error AccountStore::setRole(const QString &name, Role role, const Actor &actor)
{
    if (const Error error = checkStoredChange(name); error != Error::None)
        return error;
    Account *account = find(name);
    if (account->role == role)
        return Error::None;
    if (role != Role::Administrator && isLastEnabledAdministrator(name))
        return Error::LastAdministrator;
    account->role = role;
    m_eventLog->info(actor, u"Role of \"%1\" changed to %2"_s.arg(name, RoleNames::toString(role)));
    changed(name);
    return Error::None;
}

AccountStore::Error AccountStore::setEnabled(const QString &name, bool enabled, const Actor &actor)
{
    if (const Error error = checkStoredChange(name); error != Error::None)
        return error;
    Account *account = find(name);
    if (account->enabled == enabled)
        return Error::None;
    if (!enabled && isLastEnabledAdministrator(name))
        return Error::LastAdministrator;
    account->enabled = enabled;
    m_eventLog->info(actor, u"Account \"%1\" %2"_s.arg(name, enabled ? u"enabled"_s : u"disabled"_s));
    changed(name);
    return Error::None;
}

AccountStore::Error AccountStore::setIpmiAccess(const QString &name, IpmiAccess ipmi, const QByteArray &password,
                                                const Actor &actor)
{
    if (const Error error = checkStoredChange(name); error != Error::None)
        return error;
    Account *account = find(name);
    if (ipmi == IpmiAccess::Disabled) {
        if (!account->ipmiEnabled)
            return Error::None;
        account->ipmiEnabled = false;
        account->ipmiPassword.clear();
        m_eventLog->info(actor, u"IPMI access of \"%1\" disabled"_s.arg(name));
        changed(name);
        return Error::None;
    }

    if (password.isEmpty())
        return Error::IpmiNeedsPassword;
    if (const Error error = checkPassword(password, IpmiAccess::Enabled); error != Error::None)
        return error;
    const QByteArray hash = m_hasher->hash(password);
    if (hash.isEmpty())
        return Error::HashFailed;
    account->passwordHash = hash;
    account->ipmiEnabled = true;
    account->ipmiPassword = password;
    if (name == administratorName)
        m_initialPassword.clear();
    m_eventLog->info(actor, u"IPMI access of \"%1\" enabled and its password set"_s.arg(name));
    changed(name);
    return Error::None;
}

AccountStore::LoginResult AccountStore::authenticate(const QString &name, const QByteArray &password,
                                                     Actor::Origin origin, const QString &address)
{
    const Account *account = find(name);
    if (!account) {
        m_hasher->verify(password, m_dummyHash);
        recordLoginFailure(name, origin, address);
        return LoginResult::BadCredentials;
    }
    if (isLockedOut(name)) {
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
    recordLoginSuccess(name);
    return LoginResult::Success;
}

std::optional<QByteArray> AccountStore::ipmiPassword(const QString &name) const
{
    const Account *account = find(name);
    if (!account || !account->enabled || !account->ipmiEnabled)
        return std::nullopt;
    return account->ipmiPassword;
}

bool AccountStore::isLockedOut(const QString &name) const
{
    const auto it = m_lockouts.constFind(name);
    return it != m_lockouts.cend() && !it->lockedUntil.hasExpired();
}

void AccountStore::recordLoginFailure(const QString &name, Actor::Origin origin, const QString &address)
{
    const bool known = find(name) != nullptr;
    m_eventLog->add(EventLogEntry::Severity::Warning, EventLogEntry::Kind::LoginFailed, Actor{origin, forLog(name)},
                    u"Login failed from %1 (%2)"_s.arg(address, known ? u"wrong password"_s : u"unknown user"_s));
    if (!known || m_policy.lockoutThreshold <= 0 || isLockedOut(name))
        return;

    LockoutState &state = m_lockouts[name];
    if (state.resetAt.hasExpired())
        state.failures = 0;
    ++state.failures;
    state.resetAt.setRemainingTime(m_policy.lockoutDuration);
    if (state.failures < m_policy.lockoutThreshold)
        return;

    state.failures = 0;
    state.lockedUntil.setRemainingTime(m_policy.lockoutDuration);
    m_eventLog->add(EventLogEntry::Severity::Warning, EventLogEntry::Kind::AccountLocked, Actor{origin, name},
                    u"Account \"%1\" locked for %2 s after %3 failed logins"_s.arg(name)
                        .arg(std::chrono::duration<double>(m_policy.lockoutDuration).count())
                        .arg(m_policy.lockoutThreshold));
    emit credentialsChanged(name);
}

void AccountStore::recordLoginSuccess(const QString &name)
{
    if (!isLockedOut(name))
        m_lockouts.remove(name);
}
