#pragma once

#include "CommandGroup.h"
#include "LanChannel.h"

#include <optional>

class NetworkFacts;

// Transport commands of the LAN channel's configuration: Get LAN Configuration Parameters from the
// system's network facts and the cipher suites offered, and Set LAN Configuration Parameters,
// which refuses every parameter as read-only because qbmc does not configure the BMC's network
// (docs/decisions.md#47).
class LanConfigCommands : public CommandGroup
{
    Q_OBJECT
public:
    // `facts` may be null (nothing known: zero addresses, source unspecified).
    LanConfigCommands(const NetworkFacts *facts, QList<int> cipherSuites, QObject *parent = nullptr);
    void registerIn(CommandTable &table) override;

private:
    IpmiResponse getParameter(const LanChannel::GetParameterRequest &request) const;
    IpmiResponse setParameter(const LanChannel::SetParameterRequest<64> &request);

    // The parameter's data, or nothing when qbmc does not support it.
    std::optional<QByteArray> parameter(quint8 selector) const;

    const NetworkFacts *m_facts;
    QList<int> m_cipherSuites;
    quint8 m_setInProgress = 0;
};
