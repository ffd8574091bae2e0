#pragma once

#include "RouteTable.h"

#include <QObject>

// Where the message registries and JSON schemas qbmc uses are published: Registries (Base, and
// ResourceEvent for the event stream) and JsonSchemas, each pointing at DMTF's published files.
class RegistryResource : public QObject
{
    Q_OBJECT
public:
    explicit RegistryResource(RouteTable &routes, QObject *parent = nullptr);

private:
    RedfishReply registries() const;
    RedfishReply registry(const QString &id) const;
    RedfishReply schemas() const;
    RedfishReply schema(const QString &id) const;
};
