#pragma once

#include "KeyStroke.h"

#include <QList>
#include <QStringList>
#include <QStringView>

#include <optional>

// Pasting text as typing: the keys a person would press to type it on a keyboard of a given
// layout. The host's layout turns usages into characters, so the same text takes different keys
// on a US and a German host; the viewer says which layout the host uses.
class KeyboardLayout
{
public:
    enum class Name { Us, German };

    KeyboardLayout() = delete;

    // "us" or "de", as the Linux console and X11 name them.
    static std::optional<Name> fromName(QStringView name);

    // One stroke per character (two for a character that needs a dead key and Space). Line ends
    // (\n, \r\n, \r) are Enter, \t is Tab. What the layout cannot type is left out and listed once
    // in `unsupported`, in the order first met.
    static QList<KeyStroke> strokesFor(QStringView text, Name layout, QStringList *unsupported = nullptr);
};
