#include "IsoVolume.h"

#include <QIODevice>

using namespace Qt::StringLiterals;

namespace {
// Volume descriptor types (ECMA-119 8.1.1).
constexpr uchar bootRecord = 0;
constexpr uchar primaryVolume = 1;
constexpr uchar terminator = 255;
constexpr QByteArrayView standardIdentifier = "CD001";
constexpr QByteArrayView elToritoIdentifier = "EL TORITO SPECIFICATION";
// The volume identifier: 32 characters at byte 40 of the primary descriptor.
constexpr qsizetype labelOffset = 40;
constexpr qsizetype labelBytes = 32;

QString labelOf(QByteArrayView descriptor)
{
    QString label;
    for (const char byte : descriptor.sliced(labelOffset, labelBytes)) {
        const auto c = uchar(byte);
        // d-characters are upper-case letters, digits and '_'; makers write more, never controls.
        label.append(c >= 0x20 && c < 0x7f ? QLatin1Char(char(c)) : QLatin1Char('?'));
    }
    return label.trimmed();
}
} // namespace

Expected<IsoVolume, QString> IsoVolume::read(QIODevice &image)
{
    if (!image.seek(firstDescriptorOffset))
        return u"the image is smaller than 32 KiB, too small for ISO 9660"_s;
    return fromDescriptors(image.read(maxDescriptors * sectorBytes));
}

Expected<IsoVolume, QString> IsoVolume::fromDescriptors(QByteArrayView descriptors)
{
    std::optional<IsoVolume> volume;
    bool bootable = false;
    for (qsizetype at = 0; at + sectorBytes <= descriptors.size() && at < maxDescriptors * sectorBytes;
         at += sectorBytes) {
        const QByteArrayView descriptor = descriptors.sliced(at, sectorBytes);
        if (descriptor.sliced(1, standardIdentifier.size()) != standardIdentifier)
            break;
        const auto type = uchar(descriptor.at(0));
        if (type == terminator)
            break;
        if (type == primaryVolume && !volume)
            volume = IsoVolume{labelOf(descriptor), false};
        else if (type == bootRecord && descriptor.sliced(7, elToritoIdentifier.size()) == elToritoIdentifier)
            bootable = true;
    }
    if (!volume)
        return u"no ISO 9660 primary volume descriptor at 32 KiB"_s;
    volume->bootable = bootable;
    return *volume;
}
