#pragma once

#include "CommandGroup.h"

class EventLog;
class InstallationIdentity;
class PowerController;

// App commands about the BMC as a device: Get Device ID, Cold Reset, Get Self Test Results,
// Get ACPI Power State, Get Device GUID and Get System GUID.
class DeviceCommands : public CommandGroup
{
    Q_OBJECT
public:
    struct Identity
    {
        quint32 manufacturerId = 0; // IANA enterprise number
        quint16 productId = 0;
    };

    DeviceCommands(Identity identity, const InstallationIdentity *installation, const PowerController *power,
                   EventLog *eventLog, QObject *parent = nullptr);
    void registerIn(CommandTable &table) override;

signals:
    // Cold Reset, after its reply has gone out.
    void coldResetRequested();

private:
    using None = RequestFields::None;
    IpmiResponse getDeviceId(const None &) const;
    IpmiResponse coldReset(const None &, const IpmiCaller &caller);
    IpmiResponse getSelfTestResults(const None &) const;
    IpmiResponse getAcpiPowerState(const None &) const;
    IpmiResponse getDeviceGuid(const None &) const;
    IpmiResponse getSystemGuid(const None &) const;

    Identity m_identity;
    const InstallationIdentity *m_installation;
    const PowerController *m_power;
    EventLog *m_eventLog;
};
