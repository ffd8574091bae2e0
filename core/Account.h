#pragma once

#include "Role.h"
#include "SshPublicKey.h"

#include <QByteArray>
#include <QList>
#include <QString>

// A user of the BMC as every face sees it. The password lives as a slow hash; an account that may
// use IPMI also keeps it recoverably, because RAKP needs the password itself (docs/decisions.md#35).
struct Account
{
    enum class Source {
        Store,        // created at run time, persisted in the state directory
        PasswordFile, // from PiKVM's ipmipasswd file (ipmi.auth.file); that file manages it
    };

    // 2 to 16: IPMI's user ID and Redfish's account Id. IPMI keeps user ID 1 for its null
    // user, which qbmc never enables.
    int id = 0;
    QString name;
    Role role = Role::ReadOnly;
    bool enabled = true;
    bool ipmiEnabled = false;
    Source source = Source::Store;
    bool weakPassword = false; // equal to the user name or "admin": accepted, but flagged
    QByteArray passwordHash;
    QByteArray ipmiPassword;     // only when ipmiEnabled
    QList<SshPublicKey> sshKeys; // SSH logins with these keys need no password
};
