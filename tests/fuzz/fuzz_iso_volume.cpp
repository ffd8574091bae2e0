// The volume descriptors of an image in a virtual media slot as the simulated firmware reads
// them: anything is either refused with a reason or gives a label of printable characters, no
// longer than the volume identifier, without its padding.
#include "sim/IsoVolume.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    const Expected<IsoVolume, QString> volume = IsoVolume::fromDescriptors(input);
    if (!volume) {
        if (volume.failure().isEmpty())
            std::abort();
        return 0;
    }
    if (volume->label.size() > 32 || volume->label != volume->label.trimmed())
        std::abort();
    for (const QChar c : volume->label) {
        if (c.unicode() < 0x20 || c.unicode() >= 0x7f)
            std::abort();
    }
    return 0;
}
