#pragma once

#include <QString>

class Configuration;

// What the host is, as the fru.board.*, fru.product.* and host.bios_version keys describe it: the
// one source for IPMI's FRU device and Redfish's Systems, Chassis and firmware inventory. Empty
// fields were not configured.
struct HostInventory
{
    struct Board // the main board
    {
        QString manufacturer;
        QString product;
        QString serial;
        QString partNumber;
    };
    struct Product // the system as sold
    {
        QString manufacturer;
        QString name;
        QString partNumber;
        QString version;
        QString serial;
        QString assetTag;
    };

    Board board;
    Product product;
    QString biosVersion;

    static HostInventory fromConfiguration(const Configuration &configuration);
};
