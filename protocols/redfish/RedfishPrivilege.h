#pragma once

#include "Role.h"

// The privileges of DMTF's PrivilegeRegistry that qbmc's routes require, and which role holds
// them: ReadOnly logs in and changes its own password, Operator also configures components
// (power, boot override), Administrator also the manager and the users.
enum class RedfishPrivilege { None, Login, ConfigureSelf, ConfigureComponents, ConfigureManager, ConfigureUsers };

inline bool roleHolds(Role role, RedfishPrivilege privilege)
{
    switch (privilege) {
    case RedfishPrivilege::None:
    case RedfishPrivilege::Login:
    case RedfishPrivilege::ConfigureSelf: return true;
    case RedfishPrivilege::ConfigureComponents: return role == Role::Operator || role == Role::Administrator;
    case RedfishPrivilege::ConfigureManager:
    case RedfishPrivilege::ConfigureUsers: return role == Role::Administrator;
    }
    return false;
}
