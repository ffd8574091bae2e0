#include "AccountFile.h"

#include "AccountRules.h"
#include "StateFormats.h"

#include <QDir>
#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {
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
    if (!account.sshKeys.isEmpty()) {
        QJsonArray keys;
        for (const SshPublicKey &key : account.sshKeys)
            keys.append(QJsonObject{{u"id"_s, key.id}, {u"key"_s, key.toOpenSsh()}});
        object.insert(u"sshKeys"_s, keys);
    }
    return object;
}

// Files from before SSH keys have none.
std::optional<QList<SshPublicKey>> sshKeysFromJson(const QJsonValue &value)
{
    QList<SshPublicKey> keys;
    if (value.isUndefined())
        return keys;
    if (!value.isArray() || value.toArray().size() > AccountRules::maxSshKeys)
        return std::nullopt;
    for (const QJsonValue &entry : value.toArray()) {
        const int id = entry.toObject().value(u"id"_s).toInt(0);
        Expected<SshPublicKey> key = SshPublicKey::parse(entry.toObject().value(u"key"_s).toString());
        if (!key || id < 1
            || std::any_of(keys.cbegin(), keys.cend(), [&](const SshPublicKey &k) { return k.id == id; }))
            return std::nullopt;
        key->id = id;
        keys.append(*key);
    }
    return keys;
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
    if (object.contains(u"id"_s) && (account.id < AccountRules::firstId || account.id > AccountRules::lastId))
        return std::nullopt;
    const std::optional<QList<SshPublicKey>> sshKeys = sshKeysFromJson(object.value(u"sshKeys"_s));
    if (!sshKeys)
        return std::nullopt;
    account.sshKeys = *sshKeys;
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

QString validate(const QJsonObject &object)
{
    if (!object.value(u"accounts"_s).isArray())
        return u"no accounts list"_s;
    if (object.contains(u"awaitingRecovery"_s) && !object.value(u"awaitingRecovery"_s).isBool())
        return u"awaitingRecovery is not a boolean"_s;
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
    if (names.size() > AccountRules::maxAccounts)
        return u"more than %1 accounts"_s.arg(AccountRules::maxAccounts);
    return {};
}
} // namespace

AccountFile::AccountFile(const QString &stateDirectory)
    : m_file(QDir(stateDirectory).filePath(StateFormats::accounts.fileName))
{
    m_file.setOldestReadableVersion(1);
}

AccountFile::Loaded AccountFile::load()
{
    Loaded loaded;
    loaded.result = m_file.load(StateFormats::accounts.version, validate);
    if (!loaded.result.usable())
        return loaded;
    QList<Account> &accounts = loaded.contents.accounts;
    for (const QJsonValue &value : loaded.result.object.value(u"accounts"_s).toArray())
        accounts.append(*accountFromJson(value.toObject()));
    for (Account &account : accounts) {
        if (account.id == 0)
            account.id = AccountRules::lowestFreeId(accounts);
    }
    loaded.contents.initialPassword = loaded.result.object.value(u"initialPassword"_s).toString();
    loaded.contents.awaitingRecovery = loaded.result.object.value(u"awaitingRecovery"_s).toBool();
    return loaded;
}

bool AccountFile::save(const Contents &contents)
{
    QJsonArray accounts;
    for (const Account &account : contents.accounts)
        accounts.append(accountToJson(account));
    QJsonObject object{{u"accounts"_s, accounts}};
    if (!contents.initialPassword.isEmpty())
        object.insert(u"initialPassword"_s, contents.initialPassword);
    if (contents.awaitingRecovery)
        object.insert(u"awaitingRecovery"_s, true);
    // Without keys the file is what version 1 was, so an older qbmc can still read it.
    const bool anyKeys = std::any_of(contents.accounts.cbegin(), contents.accounts.cend(),
                                     [](const Account &account) { return !account.sshKeys.isEmpty(); });
    return m_file.save(anyKeys ? StateFormats::accounts.version : 1, object);
}
