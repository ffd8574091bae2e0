#include "KeyboardLayout.h"

#include "HidUsage.h"

#include <array>
#include <span>

using namespace HidUsage;

namespace {

constexpr quint8 shift = modifierBit(LeftShift);
constexpr quint8 altGr = modifierBit(RightAlt);

// What one key types on its levels; 0 where it types nothing this code offers.
struct KeyCharacters
{
    quint8 usage;
    char32_t plain;
    char32_t shifted;
    char32_t withAltGr = 0;
};

// Keys whose character waits for the next key; Space after them types the character itself.
struct DeadKey
{
    char32_t character;
    KeyStroke stroke;
};

// The letters come from letterKey(); these are the other keys of the main block.
constexpr std::array usKeys{
    KeyCharacters{Key1, U'1', U'!'},        KeyCharacters{Key2, U'2', U'@'},
    KeyCharacters{Key3, U'3', U'#'},        KeyCharacters{Key4, U'4', U'$'},
    KeyCharacters{Key5, U'5', U'%'},        KeyCharacters{Key6, U'6', U'^'},
    KeyCharacters{Key7, U'7', U'&'},        KeyCharacters{Key8, U'8', U'*'},
    KeyCharacters{Key9, U'9', U'('},        KeyCharacters{Key0, U'0', U')'},
    KeyCharacters{Minus, U'-', U'_'},       KeyCharacters{Equal, U'=', U'+'},
    KeyCharacters{LeftBracket, U'[', U'{'}, KeyCharacters{RightBracket, U']', U'}'},
    KeyCharacters{Backslash, U'\\', U'|'},  KeyCharacters{Semicolon, U';', U':'},
    KeyCharacters{Apostrophe, U'\'', U'"'}, KeyCharacters{Grave, U'`', U'~'},
    KeyCharacters{Comma, U',', U'<'},       KeyCharacters{Period, U'.', U'>'},
    KeyCharacters{Slash, U'/', U'?'},       KeyCharacters{Space, U' ', 0},
};

// xkeyboard-config's "de" (basic): QWERTZ with AltGr as the third level.
constexpr std::array germanKeys{
    KeyCharacters{Key1, U'1', U'!'},
    KeyCharacters{Key2, U'2', U'"', U'²'},
    KeyCharacters{Key3, U'3', U'§', U'³'},
    KeyCharacters{Key4, U'4', U'$'},
    KeyCharacters{Key5, U'5', U'%'},
    KeyCharacters{Key6, U'6', U'&'},
    KeyCharacters{Key7, U'7', U'/', U'{'},
    KeyCharacters{Key8, U'8', U'(', U'['},
    KeyCharacters{Key9, U'9', U')', U']'},
    KeyCharacters{Key0, U'0', U'=', U'}'},
    KeyCharacters{Minus, U'ß', U'?', U'\\'},
    KeyCharacters{LeftBracket, U'ü', U'Ü'},
    KeyCharacters{RightBracket, U'+', U'*', U'~'},
    KeyCharacters{NonUsHash, U'#', U'\''},
    KeyCharacters{Semicolon, U'ö', U'Ö'},
    KeyCharacters{Apostrophe, U'ä', U'Ä'},
    KeyCharacters{Grave, 0, U'°'},
    KeyCharacters{Comma, U',', U';'},
    KeyCharacters{Period, U'.', U':'},
    KeyCharacters{Slash, U'-', U'_'},
    KeyCharacters{NonUsBackslash, U'<', U'>', U'|'},
    KeyCharacters{KeyQ, 0, 0, U'@'},
    KeyCharacters{KeyE, 0, 0, U'€'},
    KeyCharacters{KeyM, 0, 0, U'µ'},
    KeyCharacters{Space, U' ', 0},
};

// "de" has ^ ´ ` only as dead keys, which a Space after them turns into the plain character.
constexpr std::array germanDeadKeys{
    DeadKey{U'^', {Grave, 0}},
    DeadKey{U'´', {Equal, 0}},
    DeadKey{U'`', {Equal, shift}},
};

std::span<const KeyCharacters> keysOf(KeyboardLayout::Name layout)
{
    switch (layout) {
    case KeyboardLayout::Name::Us: return usKeys;
    case KeyboardLayout::Name::German: return germanKeys;
    }
    return {};
}

std::span<const DeadKey> deadKeysOf(KeyboardLayout::Name layout)
{
    if (layout == KeyboardLayout::Name::German)
        return germanDeadKeys;
    return {};
}

// The key that types the letter where the US layout has it; German swaps Y and Z.
quint8 letterUsage(char32_t character, KeyboardLayout::Name layout)
{
    const quint8 usage = letterKey(character);
    if (layout == KeyboardLayout::Name::German) {
        if (usage == KeyY)
            return KeyZ;
        if (usage == KeyZ)
            return KeyY;
    }
    return usage;
}

// Appends what types `character`; false when the layout has no way to.
bool appendStrokes(char32_t character, KeyboardLayout::Name layout, QList<KeyStroke> &strokes)
{
    if (character == U'\n' || character == U'\r') {
        strokes.append({Enter, 0});
        return true;
    }
    if (character == U'\t') {
        strokes.append({Tab, 0});
        return true;
    }
    // Other control characters have no key, and 0 marks an empty level in the tables.
    if (character < U' ' || character == U'\x7f')
        return false;
    if (const quint8 usage = letterUsage(character, layout)) {
        strokes.append({usage, quint8(character >= U'A' && character <= U'Z' ? shift : 0)});
        return true;
    }
    for (const KeyCharacters &key : keysOf(layout)) {
        if (key.plain == character)
            strokes.append({key.usage, 0});
        else if (key.shifted == character)
            strokes.append({key.usage, shift});
        else if (key.withAltGr == character)
            strokes.append({key.usage, altGr});
        else
            continue;
        return true;
    }
    for (const DeadKey &dead : deadKeysOf(layout)) {
        if (dead.character == character) {
            strokes.append(dead.stroke);
            strokes.append({Space, 0});
            return true;
        }
    }
    return false;
}

} // namespace

std::optional<KeyboardLayout::Name> KeyboardLayout::fromName(QStringView name)
{
    if (name.compare(u"us", Qt::CaseInsensitive) == 0)
        return Name::Us;
    if (name.compare(u"de", Qt::CaseInsensitive) == 0)
        return Name::German;
    return std::nullopt;
}

QList<KeyStroke> KeyboardLayout::strokesFor(QStringView text, Name layout, QStringList *unsupported)
{
    QList<KeyStroke> strokes;
    strokes.reserve(text.size());
    const QList<uint> characters = text.toUcs4();
    for (qsizetype i = 0; i < characters.size(); ++i) {
        const char32_t character = characters.at(i);
        // \r\n is one line end: one Enter.
        if (character == U'\r' && i + 1 < characters.size() && characters.at(i + 1) == U'\n')
            continue;
        if (appendStrokes(character, layout, strokes) || !unsupported)
            continue;
        const QString missing = QString::fromUcs4(&character, 1);
        if (!unsupported->contains(missing))
            unsupported->append(missing);
    }
    return strokes;
}
