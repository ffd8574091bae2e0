#pragma once

#include "RedfishResource.h"

// Where the message registries and JSON schemas qbmc uses are published: Registries (Base, and
// ResourceEvent for the event stream) and JsonSchemas, one per schema the resources registered in
// the ServiceDirectory, each pointing at DMTF's published files.
class RegistryResource : public RedfishResource
{
    Q_OBJECT
public:
    explicit RegistryResource(const ServiceDirectory *directory, QObject *parent = nullptr);
    void registerIn(ServiceDirectory &directory) override;

private:
    RedfishReply registries() const;
    RedfishReply registry(const RedfishRequest &request) const;
    RedfishReply schemas() const;
    RedfishReply schema(const RedfishRequest &request) const;

    const ServiceDirectory *m_directory;
};
