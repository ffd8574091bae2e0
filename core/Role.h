#pragma once

#include <QObject>
#include <QString>

#include <optional>

// The three roles of DMTF's PrivilegeRegistry; IPMI maps them to its privilege levels
// (ReadOnly = USER, Operator = OPERATOR, Administrator = ADMINISTRATOR).
namespace RoleNames {
Q_NAMESPACE

enum class Role { ReadOnly, Operator, Administrator };
Q_ENUM_NS(Role)

// "Administrator", "Operator", "ReadOnly": Redfish's role ids, used in state files too.
QString toString(Role role);
std::optional<Role> fromString(const QString &name);

} // namespace RoleNames

using Role = RoleNames::Role;
