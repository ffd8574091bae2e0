// A PSF1 console font as the simulated display reads it: a damaged font is refused, and from a
// font that is read every character, the input's own table values among them, gives one of the
// input's glyphs, whole.
#include "sim/PsfFont.h"

#include <QList>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace {

constexpr size_t headerBytes = 4;

// Whether `glyph` is one of the glyphs the input holds, at its place.
bool isAGlyphOfTheInput(const uchar *glyph, const uint8_t *data, int glyphCount, int height)
{
    for (int index = 0; index < glyphCount; ++index) {
        if (std::memcmp(glyph, data + headerBytes + size_t(index) * size_t(height), size_t(height)) == 0)
            return true;
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Raw data, not a copy: a read past the input's end is one ASan sees.
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const Expected<PsfFont, QString> font = PsfFont::fromData(input);
    if (!font) {
        if (font.failure().isEmpty())
            std::abort();
        return 0;
    }
    const int height = font->height();
    const int glyphCount = (data[2] & 0x01) ? 512 : 256;
    if (font->width() != 8 || height != data[3] || height == 0
        || size < headerBytes + size_t(glyphCount) * size_t(height))
        std::abort();

    QList<char32_t> characters{U' ', U'A', U'?', U'\uFFFD', U'\u2500', U'\U0001F600', 0, 0xFFFE, 0xFFFF};
    // Code points the font has: the first values of its Unicode table.
    for (size_t at = headerBytes + size_t(glyphCount) * size_t(height); at + 1 < size && characters.size() < 17;
         at += 2)
        characters.append(char32_t(data[at] | (data[at + 1] << 8)));
    for (const char32_t character : std::as_const(characters)) {
        if (!isAGlyphOfTheInput(font->glyph(character), data, glyphCount, height))
            std::abort();
    }
    return 0;
}
