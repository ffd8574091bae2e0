#include "HidUsage.h"
#include "TerminalScreen.h"
#include "sim/HidKeyTyping.h"

#include <QTest>

#include <memory>

using namespace HidUsage;

class tst_HidKeyTyping : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void pressSendsWhatATerminalSends_data();
    void pressSendsWhatATerminalSends();
    void releasesSendNothing();
    void eitherShiftShifts();
    void capsLockTogglesLettersOnly();
    void numLockTogglesTheKeypad();
    void releaseAllLetsGoOfModifiersButNotLocks();
    void cursorKeysFollowTheHostsMode();

private:
    QByteArray press(quint8 usage);

    std::unique_ptr<TerminalScreen> m_screen;
    std::unique_ptr<HidKeyTyping> m_typing;
};

void tst_HidKeyTyping::init()
{
    m_screen = std::make_unique<TerminalScreen>(80, 25, 0);
    m_typing = std::make_unique<HidKeyTyping>(m_screen.get());
}

void tst_HidKeyTyping::cleanup()
{
    m_typing.reset();
    m_screen.reset();
}

// A press and release of `usage`: the bytes of the press.
QByteArray tst_HidKeyTyping::press(quint8 usage)
{
    const QByteArray bytes = m_typing->setKey(usage, true);
    const QByteArray onRelease = m_typing->setKey(usage, false);
    if (!onRelease.isEmpty())
        qWarning("a release sent %s", onRelease.toHex(' ').constData());
    return bytes + onRelease;
}

void tst_HidKeyTyping::pressSendsWhatATerminalSends_data()
{
    QTest::addColumn<QList<quint8>>("held");
    QTest::addColumn<quint8>("usage");
    QTest::addColumn<QByteArray>("bytes");
    auto row = [](const char *name, QList<quint8> held, quint8 usage, const QByteArray &bytes) {
        QTest::newRow(name) << held << usage << bytes;
    };
    const QList<quint8> none;
    row("a", none, KeyA, "a");
    row("z", none, KeyZ, "z");
    row("Shift+a", {LeftShift}, KeyA, "A");
    row("Right Shift+q", {RightShift}, KeyQ, "Q");
    row("1", none, Key1, "1");
    row("0", none, Key0, "0");
    row("Shift+1", {LeftShift}, Key1, "!");
    row("Shift+2", {LeftShift}, Key2, "@");
    row("Shift+0", {LeftShift}, Key0, ")");
    row("Shift+Minus", {LeftShift}, Minus, "_");
    row("Equal", none, Equal, "=");
    row("Shift+Left Bracket", {LeftShift}, LeftBracket, "{");
    row("Backslash", none, Backslash, "\\");
    row("Shift+Apostrophe", {LeftShift}, Apostrophe, "\"");
    row("Shift+Grave", {LeftShift}, Grave, "~");
    row("Semicolon", none, Semicolon, ";");
    row("Shift+Period", {LeftShift}, Period, ">");
    row("Shift+Slash", {LeftShift}, Slash, "?");
    row("Non-US Backslash", none, NonUsBackslash, "<");
    row("Space", none, Space, " ");
    row("Shift+Space", {LeftShift}, Space, " ");
    row("Control+c", {LeftControl}, KeyC, "\x03");
    row("Right Control+d", {RightControl}, KeyD, "\x04");
    row("Control+Shift+c", {LeftControl, LeftShift}, KeyC, "\x03");
    row("Control+Space", {LeftControl}, Space, QByteArray(1, '\0'));
    row("Alt+x", {LeftAlt}, KeyX, "\x1bx");
    row("Alt+Shift+x", {LeftAlt, LeftShift}, KeyX, "\x1bX");
    row("Right Alt+k", {RightAlt}, KeyK, "\x1bk");
    row("Enter", none, Enter, "\r");
    row("Keypad Enter", none, KeypadEnter, "\r");
    row("Escape", none, Escape, "\x1b");
    row("Backspace", none, Backspace, "\x7f");
    row("Tab", none, Tab, "\t");
    row("Shift+Tab", {LeftShift}, Tab, "\x1b[Z");
    row("Up", none, Up, "\x1b[A");
    row("Down", none, Down, "\x1b[B");
    row("Control+Right", {LeftControl}, Right, "\x1b[1;5C");
    row("Left", none, Left, "\x1b[D");
    row("Home", none, Home, "\x1b[H");
    row("End", none, End, "\x1b[F");
    row("Page Up", none, PageUp, "\x1b[5~");
    row("Page Down", none, PageDown, "\x1b[6~");
    row("Insert", none, Insert, "\x1b[2~");
    row("Delete", none, Delete, "\x1b[3~");
    row("F1", none, F1, "\x1bOP");
    row("F2", none, F2, "\x1bOQ");
    row("F10", none, F10, "\x1b[21~");
    row("F12", none, F12, "\x1b[24~");
    row("Keypad 7", none, Keypad7, "7");
    row("Keypad 0", none, Keypad0, "0");
    row("Shift+Keypad 5", {LeftShift}, Keypad5, "5");
    row("Keypad period", none, KeypadPeriod, ".");
    row("Keypad plus", none, KeypadPlus, "+");
    row("Keypad minus", none, KeypadMinus, "-");
    row("Keypad multiply", none, KeypadMultiply, "*");
    row("Keypad divide", none, KeypadDivide, "/");
    row("Print Screen", none, PrintScreen, "");
    row("Scroll Lock", none, ScrollLock, "");
    row("Pause", none, Pause, "");
    row("Application", none, Application, "");
    row("Left Gui", none, LeftGui, "");
    row("Gui+a", {LeftGui}, KeyA, "a");
    row("a usage past the keyboard", none, 0xA0, "");
}

void tst_HidKeyTyping::pressSendsWhatATerminalSends()
{
    QFETCH(QList<quint8>, held);
    QFETCH(quint8, usage);
    QFETCH(QByteArray, bytes);
    for (const quint8 modifier : held)
        QCOMPARE(m_typing->setKey(modifier, true), QByteArray());
    QCOMPARE(press(usage), bytes);
    for (const quint8 modifier : held)
        QCOMPARE(m_typing->setKey(modifier, false), QByteArray());
    // Nothing stays held.
    QCOMPARE(press(KeyA), QByteArray("a"));
}

void tst_HidKeyTyping::releasesSendNothing()
{
    QCOMPARE(m_typing->setKey(KeyA, true), QByteArray("a"));
    // The host repeats nothing here: a second report with the key still down is a second press.
    QCOMPARE(m_typing->setKey(KeyA, true), QByteArray("a"));
    QCOMPARE(m_typing->setKey(KeyA, false), QByteArray());
    QCOMPARE(m_typing->setKey(Enter, false), QByteArray());
    QCOMPARE(m_typing->setKey(F5, false), QByteArray());
    QCOMPARE(m_typing->setKey(LeftShift, false), QByteArray()); // never pressed
    QCOMPARE(press(KeyB), QByteArray("b"));
}

void tst_HidKeyTyping::eitherShiftShifts()
{
    m_typing->setKey(LeftShift, true);
    m_typing->setKey(RightShift, true);
    m_typing->setKey(LeftShift, false);
    QCOMPARE(press(KeyA), QByteArray("A"));
    m_typing->setKey(RightShift, false);
    QCOMPARE(press(KeyA), QByteArray("a"));
}

void tst_HidKeyTyping::capsLockTogglesLettersOnly()
{
    QCOMPARE(m_typing->setKey(CapsLock, true), QByteArray());
    QCOMPARE(m_typing->setKey(CapsLock, false), QByteArray()); // the release toggles nothing
    QCOMPARE(press(KeyA), QByteArray("A"));
    QCOMPARE(press(Key1), QByteArray("1"));
    m_typing->setKey(LeftShift, true);
    QCOMPARE(press(KeyA), QByteArray("a")); // Shift undoes Caps Lock
    QCOMPARE(press(Key1), QByteArray("!"));
    m_typing->setKey(LeftShift, false);
    m_typing->setKey(LeftControl, true);
    QCOMPARE(press(KeyC), QByteArray("\x03")); // a control character whatever the case
    m_typing->setKey(LeftControl, false);
    press(CapsLock);
    QCOMPARE(press(KeyA), QByteArray("a"));
}

void tst_HidKeyTyping::numLockTogglesTheKeypad()
{
    QCOMPARE(press(Keypad8), QByteArray("8"));
    QCOMPARE(press(NumLock), QByteArray());
    QCOMPARE(press(Keypad8), QByteArray("\x1b[A"));
    QCOMPARE(press(Keypad7), QByteArray("\x1b[H"));
    QCOMPARE(press(Keypad3), QByteArray("\x1b[6~"));
    QCOMPARE(press(Keypad0), QByteArray("\x1b[2~"));
    QCOMPARE(press(KeypadPeriod), QByteArray("\x1b[3~"));
    QCOMPARE(press(Keypad5), QByteArray());
    QCOMPARE(press(KeypadPlus), QByteArray("+")); // the operators have no second function
    QCOMPARE(press(KeypadEnter), QByteArray("\r"));
    QCOMPARE(press(NumLock), QByteArray());
    QCOMPARE(press(Keypad8), QByteArray("8"));
}

void tst_HidKeyTyping::releaseAllLetsGoOfModifiersButNotLocks()
{
    m_typing->setKey(LeftShift, true);
    m_typing->setKey(RightControl, true);
    m_typing->setKey(LeftAlt, true);
    m_typing->releaseAll();
    QCOMPARE(press(KeyA), QByteArray("a"));
    press(CapsLock);
    press(NumLock);
    m_typing->releaseAll();
    QCOMPARE(press(KeyA), QByteArray("A"));
    QCOMPARE(press(Keypad2), QByteArray("\x1b[B"));
}

void tst_HidKeyTyping::cursorKeysFollowTheHostsMode()
{
    // The host asks for application cursor keys (DECCKM), as full-screen programs do.
    m_screen->feed("\x1b[?1h");
    QCOMPARE(press(Up), QByteArray("\x1bOA"));
    m_screen->feed("\x1b[?1l");
    QCOMPARE(press(Up), QByteArray("\x1b[A"));
}

QTEST_GUILESS_MAIN(tst_HidKeyTyping)
#include "tst_hidkeytyping.moc"
