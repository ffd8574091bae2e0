#pragma once

#include "RouteTable.h"

#include <QObject>

class Bmc;

// The service root and what a client reads before logging in: /redfish (the version document),
// /redfish/v1, the OData service document and $metadata (CSDL naming the DMTF schemas used).
class ServiceRootResource : public QObject
{
    Q_OBJECT
public:
    ServiceRootResource(Bmc *bmc, RouteTable &routes, QObject *parent = nullptr);

private:
    RedfishReply root() const;
    RedfishReply metadata() const;
    RedfishReply serviceDocument() const;

    Bmc *m_bmc;
};
