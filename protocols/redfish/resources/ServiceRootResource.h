#pragma once

#include "RedfishResource.h"

class InstallationIdentity;

// The service root and what a client reads before logging in: /redfish (the version document),
// /redfish/v1, the OData service document and $metadata (CSDL naming the DMTF schemas used). The
// links and the schemas come from what the other resources registered in the ServiceDirectory.
class ServiceRootResource : public RedfishResource
{
    Q_OBJECT
public:
    ServiceRootResource(const ServiceDirectory *directory, const InstallationIdentity *installation,
                        QObject *parent = nullptr);
    void registerIn(ServiceDirectory &directory) override;

private:
    RedfishReply versions() const;
    RedfishReply root() const;
    RedfishReply metadata() const;
    RedfishReply serviceDocument() const;

    const ServiceDirectory *m_directory;
    const InstallationIdentity *m_installation;
};
