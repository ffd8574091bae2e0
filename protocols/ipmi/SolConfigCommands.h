#pragma once

#include "CommandGroup.h"
#include "LanChannel.h"

#include <optional>

class ServiceSettings;

// Transport commands of Serial-over-LAN's configuration: Get and Set SOL Configuration Parameters
// over ServiceSettings, so a change made here persists and shows on the screen and in Redfish like
// any other.
class SolConfigCommands : public CommandGroup
{
    Q_OBJECT
public:
    // `port` is the UDP port SoL payloads travel on (the IPMI port).
    SolConfigCommands(ServiceSettings *settings, quint16 port, QObject *parent = nullptr);
    void registerIn(CommandTable &table) override;

private:
    IpmiResponse getParameter(const LanChannel::GetParameterRequest &request) const;
    IpmiResponse setParameter(const LanChannel::SetParameterRequest<16> &request, const IpmiCaller &caller);
    CompletionCode setValue(quint8 selector, QByteArrayView value, const QString &user);

    // The parameter's data, or nothing when qbmc does not support it.
    std::optional<QByteArray> parameter(quint8 selector) const;

    ServiceSettings *m_settings;
    quint16 m_port;
    quint8 m_setInProgress = 0;
};
