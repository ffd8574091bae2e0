#pragma once

#include <QString>

class Configuration;

// What the host is, as the fru.board.* and fru.product.* keys describe it: the one source for
// IPMI's FRU device and Redfish's Systems and Chassis. Empty fields were not configured.
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

    static HostInventory fromConfiguration(const Configuration &configuration);
};
