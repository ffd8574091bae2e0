#pragma once

#include "Account.h"

#include <QByteArray>
#include <QList>
#include <QString>

// Which user names and passwords qbmc accepts, shared by the account store and the parser of
// PiKVM's password file so both give the same answer.
namespace AccountRules {

constexpr int maxNameLength = 16; // IPMI's user name field
constexpr int maxPasswordLength = 64;
constexpr int maxIpmiPasswordLength = 20; // IPMI v2.0's password field

// Account ids are IPMI user IDs: 1 is IPMI's null user, which qbmc never enables.
constexpr int firstId = 2;
constexpr int lastId = 16;
constexpr int maxAccounts = lastId - firstId + 1;
constexpr int maxSshKeys = 16; // per account

// 1 to 16 of letters, digits, '_', '.', '-', not starting with '.' or '-'.
bool isValidName(const QString &name);
QString nameRuleText();

// No control characters, no more than maxPasswordLength bytes.
bool isPrintable(const QByteArray &password);

// The lowest id from firstId to lastId that none of `taken` has; 0 when there is none.
int lowestFreeId(const QList<Account> &taken);

} // namespace AccountRules
