#pragma once

#include <QtGlobal>

// One press and release of a key with modifiers held: what typing a character takes on a given
// layout. The modifiers are the bits of a boot keyboard report (HidUsage::modifierBit), so the
// stroke goes out as one report with the key and one without.
struct KeyStroke
{
    quint8 usage = 0;     // HID keyboard page
    quint8 modifiers = 0; // boot report modifier bits

    friend bool operator==(const KeyStroke &, const KeyStroke &) = default;
};
