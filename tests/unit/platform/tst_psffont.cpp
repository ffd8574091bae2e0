#include "sim/PsfFont.h"

#include <QFile>
#include <QTest>

#include <algorithm>
#include <cstring>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr uchar hasTable = 0x02;
constexpr uchar hasSequences = 0x04;
constexpr uchar has512Glyphs = 0x01;

QByteArray littleEndian(quint16 value)
{
    const char bytes[] = {char(value & 0xff), char(value >> 8)};
    return QByteArray(bytes, sizeof bytes);
}

// A PSF1 font whose glyph n has every row set to n's low byte and stands for code point n alone,
// so a glyph's first row tells which glyph the font gave.
QByteArray madeFont(uchar mode, uchar height)
{
    const int glyphCount = (mode & has512Glyphs) ? 512 : 256;
    const char header[] = {char(0x36), char(0x04), char(mode), char(height)};
    QByteArray data(header, sizeof header);
    for (int glyph = 0; glyph < glyphCount; ++glyph)
        data += QByteArray(height, char(glyph));
    for (int glyph = 0; glyph < glyphCount; ++glyph)
        data += littleEndian(quint16(glyph)) + littleEndian(0xFFFF);
    return data;
}

// The table entries of a made font start after its glyphs: glyph n's two values are at this offset
// plus 4 n.
qsizetype tableOffset(uchar height)
{
    return 4 + 256 * qsizetype(height);
}

bool sameGlyph(const PsfFont &font, char32_t one, char32_t other)
{
    return std::memcmp(font.glyph(one), font.glyph(other), size_t(font.height())) == 0;
}

} // namespace

class tst_PsfFont : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void theBuiltInFontLoads();
    void theBuiltInFontDrawsBoxesAndReplacesWhatItLacks();
    void glyphsFollowTheUnicodeTable_data();
    void glyphsFollowTheUnicodeTable();
    void theFirstGlyphOfACodePointWins();
    void sequencesAreNotSingleCharacters();
    void theReplacementIsU_FFFDThenQuestionMarkThenGlyphZero();
    void refusals_data();
    void refusals();

private:
    std::optional<PsfFont> m_builtIn;
};

// The font the simulated display draws with, from the resource qbmc_platform carries.
void tst_PsfFont::initTestCase()
{
    QFile file(u":/qbmc/sim/vga16.psf"_s);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    const Expected<PsfFont, QString> font = PsfFont::fromData(file.readAll());
    QVERIFY2(font, qPrintable(font ? QString() : font.failure()));
    m_builtIn = *font;
}

void tst_PsfFont::theBuiltInFontLoads()
{
    const PsfFont &font = *m_builtIn;
    QCOMPARE(font.width(), 8);
    QCOMPARE(font.height(), 16);
    QVERIFY(!sameGlyph(font, U'A', U' '));
    const uchar *space = font.glyph(U' ');
    QVERIFY(std::all_of(space, space + font.height(), [](uchar row) { return row == 0; }));
}

void tst_PsfFont::theBuiltInFontDrawsBoxesAndReplacesWhatItLacks()
{
    const PsfFont &font = *m_builtIn;
    const uchar *replacement = font.glyph(U'\uFFFD');
    QCOMPARE(font.glyph(U'\U0001F600'), replacement);
    // A code point beyond 16 bits must not be taken for the one its low bits name.
    QCOMPARE(font.glyph(U'\U00010041'), replacement);

    QVERIFY(font.glyph(U'─') != replacement);
    QVERIFY(!sameGlyph(font, U'─', U'\uFFFD'));
    // The horizontal line runs through the whole cell on one of its rows.
    const uchar *line = font.glyph(U'─');
    QVERIFY(std::any_of(line, line + font.height(), [](uchar row) { return row == 0xff; }));
}

void tst_PsfFont::glyphsFollowTheUnicodeTable_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("height");
    QTest::addColumn<char32_t>("character");
    QTest::addColumn<int>("firstRow");

    QTest::newRow("256 glyphs, a letter") << int(hasTable) << 16 << char32_t(U'B') << int('B');
    QTest::newRow("256 glyphs, the last") << int(hasTable) << 8 << char32_t(0xff) << 0xff;
    QTest::newRow("sequence flag alone means a table") << int(hasSequences) << 16 << char32_t(U'z') << int('z');
    QTest::newRow("512 glyphs, the upper half") << int(hasTable | has512Glyphs) << 14 << char32_t(0x1ff) << 0xff;
    QTest::newRow("one row per glyph") << int(hasTable) << 1 << char32_t(U'7') << int('7');
    QTest::newRow("255 rows per glyph") << int(hasTable) << 255 << char32_t(0xfe) << 0xfe;
    QTest::newRow("missing: the question mark") << int(hasTable) << 16 << char32_t(0x300) << int('?');
}

void tst_PsfFont::glyphsFollowTheUnicodeTable()
{
    QFETCH(int, mode);
    QFETCH(int, height);
    QFETCH(char32_t, character);
    QFETCH(int, firstRow);

    const auto font = PsfFont::fromData(madeFont(uchar(mode), uchar(height)));
    QVERIFY2(font, qPrintable(font ? QString() : font.failure()));
    QCOMPARE(font->height(), height);
    const uchar *glyph = font->glyph(character);
    QCOMPARE(int(glyph[0]), firstRow);
    QCOMPARE(int(glyph[height - 1]), firstRow);
}

void tst_PsfFont::theFirstGlyphOfACodePointWins()
{
    QByteArray data = madeFont(hasTable, 4);
    // Glyph 0x80 stands for 'A' too, after glyph 0x41 has claimed it.
    data.replace(tableOffset(4) + 4 * 0x80, 2, littleEndian('A'));
    const auto font = PsfFont::fromData(data);
    QVERIFY(font);
    QCOMPARE(int(font->glyph(U'A')[0]), int('A'));
    QCOMPARE(int(font->glyph(0x80)[0]), int('?'));
}

void tst_PsfFont::sequencesAreNotSingleCharacters()
{
    QByteArray data = madeFont(hasTable | hasSequences, 4);
    // Glyph 5 draws U+0005 and the sequence e + combining acute: neither e nor U+0301 is glyph 5.
    data.insert(tableOffset(4) + 4 * 5 + 2,
                littleEndian(0xFFFE) + littleEndian('e') + littleEndian(0x0301) + littleEndian(0xFFFE)
                    + littleEndian(0x0302));
    const auto font = PsfFont::fromData(data);
    QVERIFY2(font, qPrintable(font ? QString() : font.failure()));
    QCOMPARE(int(font->glyph(5)[0]), 5);
    QCOMPARE(int(font->glyph(U'e')[0]), int('e'));
    QCOMPARE(int(font->glyph(0x0301)[0]), int('?'));
    QCOMPARE(int(font->glyph(0x0302)[0]), int('?'));
}

void tst_PsfFont::theReplacementIsU_FFFDThenQuestionMarkThenGlyphZero()
{
    QByteArray data = madeFont(hasTable, 2);
    data.replace(tableOffset(2) + 4 * 0x21, 2, littleEndian(0xFFFD));
    auto font = PsfFont::fromData(data);
    QVERIFY(font);
    QCOMPARE(int(font->glyph(0x4e00)[0]), 0x21);

    data = madeFont(hasTable, 2);
    data.replace(tableOffset(2) + 4 * '?', 2, littleEndian(0x2e2e));
    font = PsfFont::fromData(data);
    QVERIFY(font);
    QCOMPARE(int(font->glyph(0x4e00)[0]), 0);
}

void tst_PsfFont::refusals_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("reason");

    const QString notPsf1 = u"not a PSF1 font"_s;
    const QString noTable = u"the font has no Unicode table"_s;
    const QString noHeight = u"the font's glyphs have no height"_s;
    const QString cutInGlyphs = u"the font ends within its glyphs"_s;
    const QString cutInTable = u"the font's Unicode table ends early"_s;
    const QByteArray font = madeFont(hasTable, 16);

    QTest::newRow("empty") << QByteArray() << notPsf1;
    QTest::newRow("shorter than the header") << font.left(3) << notPsf1;
    QByteArray wrongMagic = font;
    wrongMagic[0] = char(0x37);
    QTest::newRow("wrong magic") << wrongMagic << notPsf1;
    wrongMagic = font;
    wrongMagic[1] = char(0x05);
    QTest::newRow("wrong second magic byte") << wrongMagic << notPsf1;
    QTest::newRow("PSF2") << QByteArray::fromHex("72b54a86000000002000000000000000") + font << notPsf1;
    QTest::newRow("no Unicode table") << madeFont(0x00, 16) << noTable;
    QTest::newRow("512 glyphs, no Unicode table") << madeFont(has512Glyphs, 16) << noTable;
    QTest::newRow("zero height") << madeFont(hasTable, 0) << noHeight;
    QTest::newRow("header only") << font.left(4) << cutInGlyphs;
    QTest::newRow("cut within the glyphs") << font.left(4 + 100 * 16 + 3) << cutInGlyphs;
    QTest::newRow("512 glyphs, cut after 256")
        << madeFont(hasTable | has512Glyphs, 16).left(tableOffset(16)) << cutInGlyphs;
    QTest::newRow("glyphs without their table") << font.left(tableOffset(16)) << cutInTable;
    QTest::newRow("table cut short") << font.chopped(2) << cutInTable;
    QTest::newRow("table cut within a value") << font.chopped(1) << cutInTable;
    QTest::newRow("table without list ends")
        << font.left(tableOffset(16)) + QByteArray(2 * 256, char(0x41)) << cutInTable;
}

void tst_PsfFont::refusals()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, reason);
    const auto font = PsfFont::fromData(data);
    QVERIFY(!font);
    QCOMPARE(font.failure(), reason);
}

QTEST_GUILESS_MAIN(tst_PsfFont)
#include "tst_psffont.moc"
