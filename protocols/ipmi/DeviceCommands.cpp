#include "DeviceCommands.h"

#include "ByteWriter.h"
#include "EventLog.h"
#include "InstallationIdentity.h"
#include "IpmiGuid.h"
#include "NetFn.h"
#include "PowerController.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace {
// "1.2.3" as IPMI firmware revision bytes: major (7 bits), minor as two BCD digits, and the rest
// in the auxiliary revision.
struct FirmwareRevision
{
    quint8 major = 0;
    quint8 minorBcd = 0;
    quint32 auxiliary = 0;
};

FirmwareRevision firmwareRevision()
{
    const QStringList parts = QStringLiteral(QBMC_VERSION).split(u'.');
    FirmwareRevision revision;
    revision.major = quint8(parts.value(0).toUInt() & 0x7F);
    const uint minor = std::min(parts.value(1).toUInt(), 99u);
    revision.minorBcd = quint8((minor / 10) << 4 | (minor % 10));
    revision.auxiliary = parts.value(2).toUInt();
    return revision;
}
} // namespace

DeviceCommands::DeviceCommands(Identity identity, const InstallationIdentity *installation,
                               const PowerController *power, EventLog *eventLog, QObject *parent)
    : CommandGroup(parent)
    , m_identity(identity)
    , m_installation(installation)
    , m_power(power)
    , m_eventLog(eventLog)
{
}

void DeviceCommands::registerIn(CommandTable &table)
{
    using Scope = CommandTable::Scope;
    table.add({NetFn::app, 0x01, "Get Device ID", Privilege::User}, this, &DeviceCommands::getDeviceId);
    table.add({NetFn::app, 0x02, "Cold Reset", Privilege::Administrator}, this, &DeviceCommands::coldReset);
    table.add({NetFn::app, 0x04, "Get Self Test Results", Privilege::User}, this, &DeviceCommands::getSelfTestResults);
    table.add({NetFn::app, 0x07, "Get ACPI Power State", Privilege::User}, this, &DeviceCommands::getAcpiPowerState);
    table.add({NetFn::app, 0x08, "Get Device GUID", Privilege::User}, this, &DeviceCommands::getDeviceGuid);
    // The system GUID is part of RAKP, so clients may ask for it before a session.
    table.add({NetFn::app, 0x37, "Get System GUID", Privilege::User, Scope::AlsoOutsideSession}, this,
              &DeviceCommands::getSystemGuid);
}

IpmiResponse DeviceCommands::getDeviceId(const None &) const
{
    const FirmwareRevision revision = firmwareRevision();
    QByteArray data;
    ByteWriter(&data)
        .u8(0x20)           // device ID
        .u8(0x01)           // device revision 1; bit 7 clear: no device SDRs (the SDR repository has them)
        .u8(revision.major) // bit 7 clear: normal operation, not updating
        .u8(revision.minorBcd)
        .u8(0x02) // IPMI version 2.0 (BCD, least significant digit first)
        .u8(0x8F) // chassis, FRU inventory, SEL, SDR repository and sensor device
        .u24le(m_identity.manufacturerId & 0x0FFFFF)
        .u16le(m_identity.productId)
        .u32le(revision.auxiliary);
    return IpmiResponse::success(data);
}

IpmiResponse DeviceCommands::coldReset(const None &, const IpmiCaller &caller)
{
    m_eventLog->info(Actor::ipmi(caller.user), u"Cold Reset of the BMC requested"_s);
    IpmiResponse response = IpmiResponse::success();
    response.afterReply = [this] { emit coldResetRequested(); };
    return response;
}

IpmiResponse DeviceCommands::getSelfTestResults(const None &) const
{
    return IpmiResponse::success(QByteArray::fromHex("5500")); // no error; self test passed
}

IpmiResponse DeviceCommands::getAcpiPowerState(const None &) const
{
    // System: S0/G0 working, S5/G2 soft off, or unknown; the device (the BMC) is always D0.
    quint8 system = 0x2A;
    switch (m_power->state()) {
    case PowerController::State::On:
    case PowerController::State::PoweringOff: system = 0x00; break;
    case PowerController::State::Off:
    case PowerController::State::PoweringOn: system = 0x05; break;
    case PowerController::State::Unknown: break;
    }
    const char bytes[] = {char(system), 0x00};
    return IpmiResponse::success(QByteArray(bytes, sizeof bytes));
}

IpmiResponse DeviceCommands::getDeviceGuid(const None &) const
{
    return IpmiResponse::success(IpmiGuid::encode(m_installation->deviceUuid()));
}

IpmiResponse DeviceCommands::getSystemGuid(const None &) const
{
    return IpmiResponse::success(IpmiGuid::encode(m_installation->systemUuid()));
}
