#pragma once

#include "StateFile.h"

#include <QUuid>

class EventLog;

// What identifies this installation to the outside, created at first start and kept: the system
// UUID (IPMI's System GUID, Redfish's ComputerSystem and ServiceRoot UUID) and the BMC's device
// UUID (IPMI's Device GUID).
class InstallationIdentity
{
public:
    InstallationIdentity(const QString &stateDirectory, EventLog *eventLog);

    QUuid systemUuid() const { return m_systemUuid; }
    QUuid deviceUuid() const { return m_deviceUuid; }

private:
    QUuid m_systemUuid;
    QUuid m_deviceUuid;
};
