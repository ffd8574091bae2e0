#include "PsfFont.h"

using namespace Qt::StringLiterals;

namespace {
// PSF1 (the kbd project's psffontformat): a 4-byte header, 256 or 512 glyphs of `height` bytes,
// then for each glyph its Unicode code points as little-endian 16-bit values, an optional 0xFFFE
// before sequences that draw with several glyphs, and 0xFFFF to end the glyph's list.
constexpr uchar magic0 = 0x36;
constexpr uchar magic1 = 0x04;
constexpr uchar mode512 = 0x01;
constexpr uchar modeHasTable = 0x02;
constexpr uchar modeHasSequences = 0x04;
constexpr int headerBytes = 4;
constexpr quint16 sequenceStart = 0xFFFE;
constexpr quint16 listEnd = 0xFFFF;
} // namespace

Expected<PsfFont, QString> PsfFont::fromData(const QByteArray &data)
{
    const auto *bytes = reinterpret_cast<const uchar *>(data.constData());
    if (data.size() < headerBytes || bytes[0] != magic0 || bytes[1] != magic1)
        return u"not a PSF1 font"_s;
    const uchar mode = bytes[2];
    if (!(mode & (modeHasTable | modeHasSequences)))
        return u"the font has no Unicode table"_s;
    PsfFont font;
    font.m_height = bytes[3];
    const int glyphCount = (mode & mode512) ? 512 : 256;
    if (font.m_height == 0)
        return u"the font's glyphs have no height"_s;
    const qsizetype glyphBytes = qsizetype(glyphCount) * font.m_height;
    if (data.size() < headerBytes + glyphBytes)
        return u"the font ends within its glyphs"_s;
    font.m_glyphs = data.sliced(headerBytes, glyphBytes);

    qsizetype at = headerBytes + glyphBytes;
    const auto next = [&]() -> std::optional<quint16> {
        if (at + 2 > data.size())
            return std::nullopt;
        const quint16 value = quint16(bytes[at] | (bytes[at + 1] << 8));
        at += 2;
        return value;
    };
    for (int glyph = 0; glyph < glyphCount; ++glyph) {
        bool inSequences = false;
        for (;;) {
            const std::optional<quint16> value = next();
            if (!value)
                return u"the font's Unicode table ends early"_s;
            if (*value == listEnd)
                break;
            if (*value == sequenceStart)
                inSequences = true; // combining sequences: the display draws single characters only
            else if (!inSequences && !font.m_glyphOf.contains(*value))
                font.m_glyphOf.insert(*value, glyph);
        }
    }
    font.m_replacement = font.m_glyphOf.value(U'\uFFFD', font.m_glyphOf.value(U'?', 0));
    return font;
}

const uchar *PsfFont::glyph(char32_t character) const
{
    const int index = m_glyphOf.value(character, m_replacement);
    return reinterpret_cast<const uchar *>(m_glyphs.constData()) + qsizetype(index) * m_height;
}
