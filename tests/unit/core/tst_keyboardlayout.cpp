#include "HidUsage.h"
#include "KeyboardLayout.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace HidUsage;
using Layout = KeyboardLayout::Name;

namespace {

constexpr quint8 shift = modifierBit(LeftShift);
constexpr quint8 altGr = modifierBit(RightAlt);

} // namespace

// QCOMPARE names the strokes that differ.
char *toString(const KeyStroke &stroke)
{
    return QTest::toString(u"usage 0x%1 modifiers 0x%2"_s.arg(int(stroke.usage), 2, 16, QChar(u'0'))
                               .arg(int(stroke.modifiers), 2, 16, QChar(u'0')));
}

class tst_KeyboardLayout : public QObject
{
    Q_OBJECT
private slots:
    void namesOfLayouts_data();
    void namesOfLayouts();
    void textBecomesStrokes_data();
    void textBecomesStrokes();
    void everyPrintableAsciiCharacterIsTypeable_data();
    void everyPrintableAsciiCharacterIsTypeable();
    void untypeableCharactersAreSkippedAndListedOnce();
    void unsupportedListIsOptional();
};

void tst_KeyboardLayout::namesOfLayouts_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<std::optional<Layout>>("layout");
    QTest::newRow("us") << u"us"_s << std::optional(Layout::Us);
    QTest::newRow("de") << u"de"_s << std::optional(Layout::German);
    QTest::newRow("upper case") << u"DE"_s << std::optional(Layout::German);
    QTest::newRow("unknown") << u"fr"_s << std::optional<Layout>();
    QTest::newRow("empty") << QString() << std::optional<Layout>();
}

void tst_KeyboardLayout::namesOfLayouts()
{
    QFETCH(QString, name);
    QFETCH(std::optional<Layout>, layout);
    QCOMPARE(KeyboardLayout::fromName(name), layout);
}

void tst_KeyboardLayout::textBecomesStrokes_data()
{
    QTest::addColumn<Layout>("layout");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<KeyStroke>>("strokes");

    QTest::newRow("us: lower case") << Layout::Us << u"hey"_s << QList<KeyStroke>{{KeyH, 0}, {KeyE, 0}, {KeyY, 0}};
    QTest::newRow("us: upper case and shifted digit")
        << Layout::Us << u"Hi!"_s << QList<KeyStroke>{{KeyH, shift}, {KeyI, 0}, {Key1, shift}};
    QTest::newRow("us: digits") << Layout::Us << u"190"_s << QList<KeyStroke>{{Key1, 0}, {Key9, 0}, {Key0, 0}};
    QTest::newRow("us: symbols") << Layout::Us << u"{-_=+}"_s
                                 << QList<KeyStroke>{{LeftBracket, shift}, {Minus, 0},     {Minus, shift},
                                                     {Equal, 0},           {Equal, shift}, {RightBracket, shift}};
    QTest::newRow("us: quotes and tilde")
        << Layout::Us << u"'\"`~"_s
        << QList<KeyStroke>{{Apostrophe, 0}, {Apostrophe, shift}, {Grave, 0}, {Grave, shift}};
    QTest::newRow("us: punctuation") << Layout::Us << u"\\|;:,<.>/?"_s
                                     << QList<KeyStroke>{{Backslash, 0},     {Backslash, shift}, {Semicolon, 0},
                                                         {Semicolon, shift}, {Comma, 0},         {Comma, shift},
                                                         {Period, 0},        {Period, shift},    {Slash, 0},
                                                         {Slash, shift}};
    QTest::newRow("us: line ends and tab") << Layout::Us << u"a\r\nb\nc\rd\te"_s
                                           << QList<KeyStroke>{{KeyA, 0},  {Enter, 0}, {KeyB, 0}, {Enter, 0}, {KeyC, 0},
                                                               {Enter, 0}, {KeyD, 0},  {Tab, 0},  {KeyE, 0}};
    QTest::newRow("us: space") << Layout::Us << u"a b"_s << QList<KeyStroke>{{KeyA, 0}, {Space, 0}, {KeyB, 0}};

    QTest::newRow("de: y and z swap") << Layout::German << u"yzYZ"_s
                                      << QList<KeyStroke>{{KeyZ, 0}, {KeyY, 0}, {KeyZ, shift}, {KeyY, shift}};
    QTest::newRow("de: umlauts and sharp s")
        << Layout::German << u"äöüßÄÖÜ"_s
        << QList<KeyStroke>{{Apostrophe, 0},     {Semicolon, 0},     {LeftBracket, 0},    {Minus, 0},
                            {Apostrophe, shift}, {Semicolon, shift}, {LeftBracket, shift}};
    QTest::newRow("de: shifted digit row")
        << Layout::German << u"!\"§$%&/()=?"_s
        << QList<KeyStroke>{{Key1, shift}, {Key2, shift}, {Key3, shift}, {Key4, shift}, {Key5, shift}, {Key6, shift},
                            {Key7, shift}, {Key8, shift}, {Key9, shift}, {Key0, shift}, {Minus, shift}};
    QTest::newRow("de: AltGr") << Layout::German << u"@€{[]}\\~|²³µ"_s
                               << QList<KeyStroke>{{KeyQ, altGr},  {KeyE, altGr},         {Key7, altGr},
                                                   {Key8, altGr},  {Key9, altGr},         {Key0, altGr},
                                                   {Minus, altGr}, {RightBracket, altGr}, {NonUsBackslash, altGr},
                                                   {Key2, altGr},  {Key3, altGr},         {KeyM, altGr}};
    QTest::newRow("de: angle brackets") << Layout::German << u"<>"_s
                                        << QList<KeyStroke>{{NonUsBackslash, 0}, {NonUsBackslash, shift}};
    QTest::newRow("de: punctuation") << Layout::German << u"+*#'-_,;.:°"_s
                                     << QList<KeyStroke>{{RightBracket, 0}, {RightBracket, shift},
                                                         {NonUsHash, 0},    {NonUsHash, shift},
                                                         {Slash, 0},        {Slash, shift},
                                                         {Comma, 0},        {Comma, shift},
                                                         {Period, 0},       {Period, shift},
                                                         {Grave, shift}};
    QTest::newRow("de: dead keys take a space")
        << Layout::German << u"^`´"_s
        << QList<KeyStroke>{{Grave, 0}, {Space, 0}, {Equal, shift}, {Space, 0}, {Equal, 0}, {Space, 0}};
    QTest::newRow("de: a command line") << Layout::German << u"ls -l /\n"_s
                                        << QList<KeyStroke>{{KeyL, 0}, {KeyS, 0},  {Space, 0},    {Slash, 0},
                                                            {KeyL, 0}, {Space, 0}, {Key7, shift}, {Enter, 0}};
}

void tst_KeyboardLayout::textBecomesStrokes()
{
    QFETCH(Layout, layout);
    QFETCH(QString, text);
    QFETCH(QList<KeyStroke>, strokes);
    QStringList unsupported;
    QCOMPARE(KeyboardLayout::strokesFor(text, layout, &unsupported), strokes);
    QVERIFY2(unsupported.isEmpty(), qPrintable(unsupported.join(u' ')));
}

void tst_KeyboardLayout::everyPrintableAsciiCharacterIsTypeable_data()
{
    QTest::addColumn<Layout>("layout");
    QTest::addColumn<qsizetype>("deadKeys"); // characters that take two strokes
    QTest::newRow("us") << Layout::Us << qsizetype(0);
    QTest::newRow("de") << Layout::German << qsizetype(2); // ^ and `
}

void tst_KeyboardLayout::everyPrintableAsciiCharacterIsTypeable()
{
    QFETCH(Layout, layout);
    QFETCH(qsizetype, deadKeys);
    QString ascii;
    for (char16_t character = u' '; character <= u'~'; ++character)
        ascii += QChar(character);
    QStringList unsupported;
    const QList<KeyStroke> strokes = KeyboardLayout::strokesFor(ascii, layout, &unsupported);
    QCOMPARE(unsupported, QStringList());
    QCOMPARE(strokes.size(), ascii.size() + deadKeys);
    for (const KeyStroke &stroke : strokes) {
        QVERIFY(stroke.usage >= KeyA && stroke.usage <= NonUsBackslash);
        QCOMPARE(stroke.modifiers & ~(shift | altGr), 0);
    }
}

void tst_KeyboardLayout::untypeableCharactersAreSkippedAndListedOnce()
{
    QStringList unsupported;
    const QList<KeyStroke> strokes = KeyboardLayout::strokesFor(u"naïve ä\u0001ï 😀"_s, Layout::Us, &unsupported);
    QCOMPARE(strokes, (QList<KeyStroke>{{KeyN, 0}, {KeyA, 0}, {KeyV, 0}, {KeyE, 0}, {Space, 0}, {Space, 0}}));
    QCOMPARE(unsupported, (QStringList{u"ï"_s, u"ä"_s, u"\u0001"_s, u"😀"_s}));

    unsupported.clear();
    QCOMPARE(KeyboardLayout::strokesFor(u"Grüße ✓"_s, Layout::German, &unsupported).size(), 6);
    QCOMPARE(unsupported, QStringList{u"✓"_s});
}

void tst_KeyboardLayout::unsupportedListIsOptional()
{
    QCOMPARE(KeyboardLayout::strokesFor(u"é!"_s, Layout::Us), (QList<KeyStroke>{{Key1, shift}}));
}

QTEST_GUILESS_MAIN(tst_KeyboardLayout)
#include "tst_keyboardlayout.moc"
