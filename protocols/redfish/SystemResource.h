#pragma once

#include "RouteTable.h"

#include <QObject>

class Bmc;

// The host as a ComputerSystem: power state from the power model, the boot override it shares
// with IPMI's boot options, the power-restore policy, and the Reset action with every reset type
// the backend can do (and its ActionInfo).
class SystemResource : public QObject
{
    Q_OBJECT
public:
    static inline const QString id = QStringLiteral("system");

    SystemResource(Bmc *bmc, RouteTable &routes, QObject *parent = nullptr);

private:
    RedfishReply collection() const;
    RedfishReply get() const;
    RedfishReply patch(const RedfishRequest &request);
    RedfishReply reset(const RedfishRequest &request);
    RedfishReply resetActionInfo() const;
    QStringList resetTypes() const;

    Bmc *m_bmc;
};
