#pragma once

#include "Expected.h"

#include <QByteArray>
#include <QHash>
#include <QString>

// A Linux console font in PSF1 format with its Unicode table, as Debian's console-setup ships
// them: the simulated host's display draws its text with the VGA font a PC's firmware and Linux
// console use, so it looks like a real screen and its pixels are the same on every machine.
class PsfFont
{
public:
    // Reads a font; a file that is not PSF1, is cut short or has no Unicode table is refused with
    // the reason.
    static Expected<PsfFont, QString> fromData(const QByteArray &data);

    int width() const { return 8; } // PSF1 glyphs are always 8 pixels wide
    int height() const { return m_height; }
    // The glyph's rows, one byte each, leftmost pixel in the top bit; the font's replacement
    // glyph for a character it lacks.
    const uchar *glyph(char32_t character) const;

private:
    PsfFont() = default;

    QByteArray m_glyphs;
    QHash<char32_t, int> m_glyphOf;
    int m_height = 0;
    int m_replacement = 0;
};
