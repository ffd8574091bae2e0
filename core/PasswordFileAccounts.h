#pragma once

#include "Account.h"
#include "Failure.h"
#include "IpmiPasswordFile.h"

#include <QList>
#include <QString>

#include <optional>

class PasswordHasher;

// The accounts of PiKVM's ipmipasswd file (ipmi.auth.file): IPMI administrators that live in
// memory only, take the place of a stored account of the same name, and change only when the file
// does (docs/decisions.md#38).
class PasswordFileAccounts
{
public:
    explicit PasswordFileAccounts(const PasswordHasher *hasher);

    // Replaces every account with those of `entries`. An account keeps the id of the stored
    // account it takes the place of; the others get the lowest ids `stored` leaves free. Nothing
    // changes when it fails.
    std::optional<Failure> replace(const QList<IpmiPasswordFile::Entry> &entries, const QString &fileName,
                                   const QList<Account> &stored);

    const QList<Account> &accounts() const { return m_accounts; }
    const Account *find(const QString &name) const;
    bool isEmpty() const { return m_accounts.isEmpty(); }

private:
    const PasswordHasher *m_hasher;
    QList<Account> m_accounts;
};
