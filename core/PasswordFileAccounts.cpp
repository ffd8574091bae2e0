#include "PasswordFileAccounts.h"

#include "AccountRules.h"
#include "CoreLogging.h"
#include "PasswordHasher.h"

using namespace Qt::StringLiterals;

PasswordFileAccounts::PasswordFileAccounts(const PasswordHasher *hasher)
    : m_hasher(hasher)
{
}

const Account *PasswordFileAccounts::find(const QString &name) const
{
    const auto it = std::find_if(m_accounts.cbegin(), m_accounts.cend(),
                                 [&](const Account &account) { return account.name == name; });
    return it == m_accounts.cend() ? nullptr : &*it;
}

std::optional<Failure> PasswordFileAccounts::replace(const QList<IpmiPasswordFile::Entry> &entries,
                                                     const QString &fileName, const QList<Account> &stored)
{
    QList<Account> accounts;
    // Stored ids stay taken; an account from the file that takes a stored one's place uses its id.
    QList<Account> taken = stored;
    for (const IpmiPasswordFile::Entry &entry : entries) {
        Account account;
        account.name = entry.user;
        const auto shadowed =
            std::find_if(stored.cbegin(), stored.cend(), [&](const Account &a) { return a.name == entry.user; });
        account.id = shadowed != stored.cend() ? shadowed->id : AccountRules::lowestFreeId(taken);
        if (account.id == 0)
            return Failure{Failure::Code::TooManyAccounts,
                           u"there are already %1 accounts"_s.arg(AccountRules::maxAccounts)};
        taken.append(account);
        account.role = Role::Administrator;
        account.ipmiEnabled = true;
        account.ipmiPassword = entry.password;
        account.source = Account::Source::PasswordFile;
        account.passwordHash = m_hasher->hash(entry.password);
        if (account.passwordHash.isEmpty())
            return Failure{Failure::Code::Internal, u"the password could not be hashed"_s};
        account.weakPassword = entry.password == entry.user.toUtf8() || entry.password == "admin";
        if (account.weakPassword)
            qCWarning(lcAccounts, "%s:%d: the password of \"%s\" is the user name or \"admin\"; change it",
                      qPrintable(fileName), entry.line, qPrintable(entry.user));
        if (shadowed != stored.cend())
            qCWarning(lcAccounts, "%s:%d: \"%s\" from this file takes the place of the stored account of that name",
                      qPrintable(fileName), entry.line, qPrintable(entry.user));
        accounts.append(account);
    }

    if (!fileName.isEmpty())
        qCInfo(lcAccounts, "%lld account(s) from %s", qlonglong(accounts.size()), qPrintable(fileName));
    else if (!m_accounts.isEmpty())
        qCInfo(lcAccounts, "no IPMI password file any more: its accounts are gone");
    m_accounts = accounts;
    return std::nullopt;
}
