#pragma once

#include "RedfishMessage.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>

class Actor;
class ServiceSettings;

// The KVM as Redfish shows it on the manager and on the system (GraphicalConsole: ServiceEnabled,
// MaxConcurrentSessions, ConnectTypesSupported KVMIP), and the PATCH of its ServiceEnabled, which
// switches kvm.enabled at run time: one place for both resources, so they always agree.
class GraphicalConsoleProperty
{
public:
    GraphicalConsoleProperty() = delete;

    // `maxSessions` is kvm.max_sessions; 0 when qbmc has no KVM, which the property then says.
    static QJsonObject json(const ServiceSettings *services, int maxSessions);
    // Applies a PATCH body's GraphicalConsole value; adds what it refuses to `problems`.
    static bool patch(const QJsonValue &value, const QJsonObject &current, ServiceSettings *services, int maxSessions,
                      const Actor &actor, QList<RedfishMessage> *problems);
};
