#pragma once

#include "CommandGroup.h"
#include "FruInventory.h"

// Storage commands of FRU device 0: Get FRU Inventory Area Info and Read FRU Data over the
// FruInventory built from the configuration, and Write FRU Data, which is refused because the
// configuration owns the data.
class FruCommands : public CommandGroup
{
    Q_OBJECT
public:
    explicit FruCommands(FruInventory inventory, QObject *parent = nullptr);
    void registerIn(CommandTable &table) override;

private:
    struct AreaInfoRequest;
    struct ReadRequest;
    struct WriteRequest;

    IpmiResponse getAreaInfo(const AreaInfoRequest &request) const;
    IpmiResponse read(const ReadRequest &request) const;
    IpmiResponse write(const WriteRequest &request) const;

    FruInventory m_inventory;
};
