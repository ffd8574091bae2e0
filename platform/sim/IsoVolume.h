#pragma once

#include "Expected.h"

#include <QByteArrayView>
#include <QString>

class QIODevice;

// What the simulated firmware reads of an image in a virtual media slot before it boots from it:
// the ISO 9660 volume descriptors from sector 16 (32 KiB) on, the primary one's volume label and
// whether an El Torito boot record makes it bootable (ECMA-119 8.4; El Torito 1.0 2.0).
struct IsoVolume
{
    static constexpr qint64 sectorBytes = 2048;
    static constexpr qint64 firstDescriptorOffset = 16 * sectorBytes;
    // Descriptors read at most: real images have three or four.
    static constexpr int maxDescriptors = 32;

    QString label; // the volume identifier, without its padding
    bool bootable = false;

    // Reads the descriptors at the image's 32 KiB; an image that is not ISO 9660 is refused with
    // the reason.
    static Expected<IsoVolume, QString> read(QIODevice &image);
    // The same from the bytes found there, a whole number of sectors or not.
    static Expected<IsoVolume, QString> fromDescriptors(QByteArrayView descriptors);
};
