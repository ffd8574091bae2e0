#pragma once

#include "RedfishResource.h"

class VirtualMedia;

// The BMC's image store for virtual media, as a qbmc OEM resource under the manager:
// GET /redfish/v1/Managers/bmc/Oem/Qbmc/MediaStore lists the images with their size, SHA-256 and
// the drives that hold them, and the room used and left; DELETE .../MediaStore/Images/<name>
// deletes an image no drive holds. Redfish has no schema for an image store (DSP0266 leaves
// media to URLs), so this is OEM, linked from the manager's Oem (docs/decisions.md#131).
class MediaStoreResource : public RedfishResource
{
    Q_OBJECT
public:
    static const QString path;

    explicit MediaStoreResource(VirtualMedia *media, QObject *parent = nullptr);
    void registerIn(ServiceDirectory &directory) override;

private:
    RedfishReply get() const;
    RedfishReply deleteImage(const RedfishRequest &request);

    VirtualMedia *m_media;
};
