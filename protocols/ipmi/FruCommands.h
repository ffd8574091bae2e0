#pragma once

#include "CommandTable.h"
#include "FruInventory.h"

#include <QObject>

// Storage commands of FRU device 0: Get FRU Inventory Area Info and Read FRU Data over the
// FruInventory built from the configuration, and Write FRU Data, which is refused because the
// configuration owns the data. Registers its commands in the table it is given.
class FruCommands : public QObject
{
    Q_OBJECT
public:
    FruCommands(FruInventory inventory, CommandTable &table, QObject *parent = nullptr);

private:
    IpmiResponse getAreaInfo(const IpmiRequest &request) const;
    IpmiResponse read(const IpmiRequest &request) const;
    IpmiResponse write(const IpmiRequest &request) const;

    FruInventory m_inventory;
};
