#include "Role.h"

namespace RoleNames {

QString toString(Role role)
{
    switch (role) {
    case Role::ReadOnly: return QStringLiteral("ReadOnly");
    case Role::Operator: return QStringLiteral("Operator");
    case Role::Administrator: return QStringLiteral("Administrator");
    }
    return {};
}

std::optional<Role> fromString(const QString &name)
{
    for (Role role : {Role::ReadOnly, Role::Operator, Role::Administrator}) {
        if (toString(role) == name)
            return role;
    }
    return std::nullopt;
}

} // namespace RoleNames
