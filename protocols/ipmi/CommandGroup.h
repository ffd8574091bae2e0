#pragma once

#include "CommandTable.h"

#include <QObject>

// A group of IPMI commands: built with the narrow parts of the model its commands read or change
// (never the whole Bmc), it adds each command's handler to the table. IpmiServer holds one of each.
class CommandGroup : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual void registerIn(CommandTable &table) = 0;
};
