#include "HostInventory.h"

#include "ConfigKeys.h"
#include "Configuration.h"

HostInventory HostInventory::fromConfiguration(const Configuration &configuration)
{
    using namespace ConfigKeys;
    const auto text = [&](Key<QString> key) { return configuration.value(key); };
    return HostInventory{
        Board{text(fruBoardManufacturer), text(fruBoardProduct), text(fruBoardSerial), text(fruBoardPartNumber)},
        Product{text(fruProductManufacturer), text(fruProductName), text(fruProductPartNumber), text(fruProductVersion),
                text(fruProductSerial), text(fruProductAssetTag)},
        text(hostBiosVersion),
    };
}
