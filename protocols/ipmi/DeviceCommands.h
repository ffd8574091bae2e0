#pragma once

#include "CommandTable.h"

#include <QObject>

class Bmc;

// App commands about the BMC as a device: Get Device ID, Cold Reset, Get Self Test Results,
// Get ACPI Power State, Get Device GUID and Get System GUID.
class DeviceCommands : public QObject
{
    Q_OBJECT
public:
    struct Identity
    {
        quint32 manufacturerId = 0; // IANA enterprise number
        quint16 productId = 0;
    };

    DeviceCommands(Bmc *bmc, Identity identity, QObject *parent = nullptr);
    void registerIn(CommandTable &table);

signals:
    // Cold Reset, after its reply has gone out.
    void coldResetRequested();

private:
    IpmiResponse getDeviceId(const IpmiRequest &request) const;
    IpmiResponse coldReset(const IpmiRequest &request);
    IpmiResponse getAcpiPowerState(const IpmiRequest &request) const;

    Bmc *m_bmc;
    Identity m_identity;
};
