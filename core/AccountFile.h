#pragma once

#include "Account.h"
#include "StateFile.h"

#include <QList>
#include <QString>

// accounts.json in the state directory (mode 0600: it holds the IPMI passwords, which RAKP needs
// as they are, docs/decisions.md#35): the stored accounts and the first-start password
// that waits for the screen. Written whole and atomically; a file that cannot be read back is
// kept aside and reported, never overwritten.
class AccountFile
{
public:
    struct Contents
    {
        QList<Account> accounts; // every one with an id; files from before ids get theirs here
        QString initialPassword; // empty once acknowledged or changed
        // Set when the account files were unusable at a start: no administrator is created until
        // someone proves they may (docs/decisions.md#103), on this start or any later one.
        bool awaitingRecovery = false;
    };

    struct Loaded
    {
        Contents contents;
        StateFile::Result result; // what was read, restored or set aside
    };

    explicit AccountFile(const QString &stateDirectory);

    QString path() const { return m_file.path(); }
    Loaded load();
    bool save(const Contents &contents);

private:
    StateFile m_file;
};
