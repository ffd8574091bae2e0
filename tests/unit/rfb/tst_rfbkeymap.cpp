#include "HidUsage.h"
#include "KeyboardLayout.h"
#include "RfbKeyMap.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace HidUsage;

class tst_RfbKeyMap : public QObject
{
    Q_OBJECT
private slots:
    void keysyms_data();
    void keysyms();
    void asciiKeysymsAreTheUsKeysOfTheirCharacters();
    void qemuKeycodes_data();
    void qemuKeycodes();
    void qemuKeycodesCoverAFullKeyboard();
};

void tst_RfbKeyMap::keysyms_data()
{
    QTest::addColumn<quint32>("keysym");
    QTest::addColumn<std::optional<quint8>>("usage");
    auto row = [](const char *name, quint32 keysym, std::optional<quint8> usage) {
        QTest::newRow(name) << keysym << usage;
    };
    row("a", 'a', KeyA);
    row("A", 'A', KeyA);
    row("z", 'z', KeyZ);
    row("Z", 'Z', KeyZ);
    row("1", '1', Key1);
    row("0", '0', Key0);
    row("!", '!', Key1);
    row(")", ')', Key0);
    row("_", '_', Minus);
    row("+", '+', Equal);
    row("{", '{', LeftBracket);
    row("|", '|', Backslash);
    row(":", ':', Semicolon);
    row("\"", '"', Apostrophe);
    row("~", '~', Grave);
    row("<", '<', Comma);
    row("?", '?', Slash);
    row("space", ' ', Space);
    row("Return", 0xff0d, Enter);
    row("BackSpace", 0xff08, Backspace);
    row("Tab", 0xff09, Tab);
    row("ISO_Left_Tab", 0xfe20, Tab);
    row("Escape", 0xff1b, Escape);
    row("Delete", 0xffff, Delete);
    row("Insert", 0xff63, Insert);
    row("Home", 0xff50, Home);
    row("End", 0xff57, End);
    row("Page_Up", 0xff55, PageUp);
    row("Page_Down", 0xff56, PageDown);
    row("Left", 0xff51, Left);
    row("Up", 0xff52, Up);
    row("Right", 0xff53, Right);
    row("Down", 0xff54, Down);
    row("F1", 0xffbe, F1);
    row("F10", 0xffc7, F10);
    row("F12", 0xffc9, F12);
    row("Shift_L", 0xffe1, LeftShift);
    row("Shift_R", 0xffe2, RightShift);
    row("Control_L", 0xffe3, LeftControl);
    row("Control_R", 0xffe4, RightControl);
    row("Alt_L", 0xffe9, LeftAlt);
    row("Alt_R", 0xffea, RightAlt);
    row("Meta_L", 0xffe7, LeftGui);
    row("Meta_R", 0xffe8, RightGui);
    row("Super_L", 0xffeb, LeftGui);
    row("Super_R", 0xffec, RightGui);
    row("ISO_Level3_Shift", 0xfe03, RightAlt);
    row("Menu", 0xff67, Application);
    row("Caps_Lock", 0xffe5, CapsLock);
    row("Num_Lock", 0xff7f, NumLock);
    row("Scroll_Lock", 0xff14, ScrollLock);
    row("Print", 0xff61, PrintScreen);
    row("Pause", 0xff13, Pause);
    row("KP_Enter", 0xff8d, KeypadEnter);
    row("KP_0", 0xffb0, Keypad0);
    row("KP_9", 0xffb9, Keypad9);
    row("KP_Home", 0xff95, Keypad7);
    row("KP_Delete", 0xff9f, KeypadPeriod);
    row("KP_Decimal", 0xffae, KeypadPeriod);
    row("KP_Add", 0xffab, KeypadPlus);
    row("KP_Subtract", 0xffad, KeypadMinus);
    row("KP_Multiply", 0xffaa, KeypadMultiply);
    row("KP_Divide", 0xffaf, KeypadDivide);
    row("adiaeresis has no US key", 0xe4, std::nullopt);
    row("EuroSign has no US key", 0x20ac, std::nullopt);
    row("F13 has no key", 0xffca, std::nullopt);
    row("NUL", 0, std::nullopt);
    row("DEL", 0x7f, std::nullopt);
    row("beyond any keysym", 0xffffffff, std::nullopt);
}

void tst_RfbKeyMap::keysyms()
{
    QFETCH(quint32, keysym);
    QFETCH(std::optional<quint8>, usage);
    QCOMPARE(RfbKeyMap::usageForKeysym(keysym), usage);
}

// A keysym and the US layout's typing of the same character agree on the key.
void tst_RfbKeyMap::asciiKeysymsAreTheUsKeysOfTheirCharacters()
{
    for (char16_t character = u' '; character <= u'~'; ++character) {
        const QList<KeyStroke> strokes =
            KeyboardLayout::strokesFor(QString(QChar(character)), KeyboardLayout::Name::Us);
        QCOMPARE(strokes.size(), 1);
        QCOMPARE(RfbKeyMap::usageForKeysym(character), std::optional(strokes.first().usage));
    }
}

void tst_RfbKeyMap::qemuKeycodes_data()
{
    QTest::addColumn<quint32>("keycode");
    QTest::addColumn<std::optional<quint8>>("usage");
    auto row = [](const char *name, quint32 keycode, std::optional<quint8> usage) {
        QTest::newRow(name) << keycode << usage;
    };
    row("Escape", 0x01, Escape);
    row("1", 0x02, Key1);
    row("0", 0x0b, Key0);
    row("Q", 0x10, KeyQ);
    row("Y (Z on QWERTZ)", 0x15, KeyY);
    row("Enter", 0x1c, Enter);
    row("A", 0x1e, KeyA);
    row("Grave", 0x29, Grave);
    row("Backslash", 0x2b, Backslash);
    row("Z (Y on QWERTZ)", 0x2c, KeyZ);
    row("M", 0x32, KeyM);
    row("Space", 0x39, Space);
    row("F1", 0x3b, F1);
    row("F10", 0x44, F10);
    row("Keypad 7", 0x47, Keypad7);
    row("Keypad period", 0x53, KeypadPeriod);
    row("the key left of Z", 0x56, NonUsBackslash);
    row("F11", 0x57, F11);
    row("F12", 0x58, F12);
    row("Left Control", 0x1d, LeftControl);
    row("Left Shift", 0x2a, LeftShift);
    row("Right Shift", 0x36, RightShift);
    row("Left Alt", 0x38, LeftAlt);
    row("Right Control (E0 1D)", 0x9d, RightControl);
    row("Right Alt (E0 38)", 0xb8, RightAlt);
    row("Left Gui (E0 5B)", 0xdb, LeftGui);
    row("Right Gui (E0 5C)", 0xdc, RightGui);
    row("Application (E0 5D)", 0xdd, Application);
    row("Keypad Enter (E0 1C)", 0x9c, KeypadEnter);
    row("Keypad divide (E0 35)", 0xb5, KeypadDivide);
    row("Print Screen (E0 37)", 0xb7, PrintScreen);
    row("Pause (as E0 46)", 0xc6, Pause);
    row("Up (E0 48)", 0xc8, Up);
    row("Down (E0 50)", 0xd0, Down);
    row("Left (E0 4B)", 0xcb, Left);
    row("Right (E0 4D)", 0xcd, Right);
    row("Home (E0 47)", 0xc7, Home);
    row("End (E0 4F)", 0xcf, End);
    row("Page Up (E0 49)", 0xc9, PageUp);
    row("Page Down (E0 51)", 0xd1, PageDown);
    row("Insert (E0 52)", 0xd2, Insert);
    row("Delete (E0 53)", 0xd3, Delete);
    row("nothing", 0x00, std::nullopt);
    row("unused", 0x55, std::nullopt);
    row("unfolded prefix", 0xe01d, std::nullopt);
    row("beyond a byte", 0x100, std::nullopt);
}

void tst_RfbKeyMap::qemuKeycodes()
{
    QFETCH(quint32, keycode);
    QFETCH(std::optional<quint8>, usage);
    QCOMPARE(RfbKeyMap::usageForQemuKeycode(keycode), usage);
}

void tst_RfbKeyMap::qemuKeycodesCoverAFullKeyboard()
{
    QSet<quint8> usages;
    for (quint32 keycode = 0; keycode < 0x100; ++keycode) {
        if (const std::optional<quint8> usage = RfbKeyMap::usageForQemuKeycode(keycode))
            usages.insert(*usage);
    }
    // A 104-key US keyboard and the ISO one's extra key.
    QCOMPARE(usages.size(), 105);
    for (quint8 usage = KeyA; usage <= Application; ++usage) {
        if (usage != NonUsHash)
            QVERIFY2(usages.contains(usage), qPrintable(u"usage 0x%1"_s.arg(int(usage), 2, 16, QChar(u'0'))));
    }
    for (quint8 usage = LeftControl; usage <= RightGui; ++usage)
        QVERIFY(usages.contains(usage));
}

QTEST_GUILESS_MAIN(tst_RfbKeyMap)
#include "tst_rfbkeymap.moc"
