#pragma once

#include <QByteArray>
#include <QString>

// Which user names and passwords qbmc accepts, shared by the account store and the parser of
// PiKVM's password file so both give the same answer.
namespace AccountRules {

constexpr int maxNameLength = 16; // IPMI's user name field
constexpr int maxPasswordLength = 64;
constexpr int maxIpmiPasswordLength = 20; // IPMI v2.0's password field

// 1 to 16 of letters, digits, '_', '.', '-', not starting with '.' or '-'.
bool isValidName(const QString &name);
QString nameRuleText();

// No control characters, no more than maxPasswordLength bytes.
bool isPrintable(const QByteArray &password);

} // namespace AccountRules
