#pragma once

#include "ServiceDirectory.h"

#include <QObject>

// One Redfish resource, or a small family of them (a collection and its members): built with the
// narrow parts of the model it shows, it registers its routes, the schemas it follows and any
// link the service root carries to it. RedfishServer holds one of each.
class RedfishResource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual void registerIn(ServiceDirectory &directory) = 0;

signals:
    // What the routes it added with RouteTable::addCached answer has changed.
    void representationChanged();
};
