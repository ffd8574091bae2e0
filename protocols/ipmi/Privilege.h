#pragma once

#include "Role.h"

#include <QString>

#include <optional>

// IPMI privilege levels. Roles map onto them: ReadOnly = User, Operator = Operator,
// Administrator = Administrator.
enum class Privilege : quint8 {
    Callback = 1,
    User = 2,
    Operator = 3,
    Administrator = 4,
    Oem = 5,
};

namespace Privileges {

inline Privilege fromRole(Role role)
{
    switch (role) {
    case Role::ReadOnly: return Privilege::User;
    case Role::Operator: return Privilege::Operator;
    case Role::Administrator: return Privilege::Administrator;
    }
    return Privilege::User;
}

inline Role toRole(Privilege privilege)
{
    if (privilege >= Privilege::Administrator)
        return Role::Administrator;
    return privilege == Privilege::Operator ? Role::Operator : Role::ReadOnly;
}

// A privilege byte's low nibble, if it names a level (1 to 5).
inline std::optional<Privilege> fromByte(quint8 value)
{
    const quint8 level = value & 0x0F;
    if (level < 1 || level > 5)
        return std::nullopt;
    return Privilege(level);
}

inline QString name(Privilege privilege)
{
    switch (privilege) {
    case Privilege::Callback: return QStringLiteral("CALLBACK");
    case Privilege::User: return QStringLiteral("USER");
    case Privilege::Operator: return QStringLiteral("OPERATOR");
    case Privilege::Administrator: return QStringLiteral("ADMINISTRATOR");
    case Privilege::Oem: return QStringLiteral("OEM");
    }
    return {};
}

} // namespace Privileges
