#include "TerminalScreen.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Key = TerminalScreen::Key;
using Modifier = TerminalScreen::Modifier;

class tst_TerminalScreen : public QObject
{
    Q_OBJECT
private slots:
    void textAndCursor();
    void coloursAndAttributes();
    void cursorAddressingDrawsAMenu();
    void alternateScreenKeepsTheMainOne();
    void scrollbackIsBounded();
    void sequencesSplitAnywhere();
    void wideAndInvalidCharacters();
    void keysFollowTheHostsModes();
    void textAndControlLetters();
    void hostQueriesAreAnswered();
    void resizeKeepsWorking();
    void garbageLeavesItUsable();
    void sequencesThatBreakLibvtermAreDefused();
};

void tst_TerminalScreen::textAndCursor()
{
    TerminalScreen screen(80, 25, 100);
    QSignalSpy changed(&screen, &TerminalScreen::changed);
    screen.feed("Linux version 6.1\r\nlogin: ");
    QCOMPARE(changed.size(), 1);
    QCOMPARE(screen.rowText(0), u"Linux version 6.1"_s);
    QCOMPARE(screen.rowText(1), u"login:"_s);
    QCOMPARE(screen.cursor(), QPoint(7, 1));
    QVERIFY(screen.isCursorVisible());
    QCOMPARE(screen.cell(0, 0).text, u"L"_s);
    QVERIFY(screen.cell(0, 0).defaultForeground);
    QCOMPARE(screen.cell(99, 99), TerminalScreen::Cell{}); // outside: blank, not a crash
}

void tst_TerminalScreen::coloursAndAttributes()
{
    TerminalScreen screen(80, 25, 0);
    // Bold white on blue, then reverse, then a 24-bit colour, then reset.
    screen.feed("\x1b[1;37;44mA\x1b[7mB\x1b[0m\x1b[38;2;255;128;0mC\x1b[0mD");
    const TerminalScreen::Cell a = screen.cell(0, 0);
    QVERIFY(a.bold);
    QVERIFY(!a.defaultForeground);
    QVERIFY(!a.defaultBackground);
    QVERIFY((a.background & 0xFF) > (a.background >> 16));
    QVERIFY(screen.cell(0, 1).reverse);
    QCOMPARE(screen.cell(0, 2).foreground, 0xFF8000u);
    const TerminalScreen::Cell d = screen.cell(0, 3);
    QVERIFY(d.defaultForeground && d.defaultBackground && !d.bold && !d.reverse);
}

// What firmware setup over a serial console does: clear, draw at positions, highlight a line.
void tst_TerminalScreen::cursorAddressingDrawsAMenu()
{
    TerminalScreen screen(80, 25, 100);
    screen.feed(
        "\x1b[2J\x1b[1;30HSetup Utility\x1b[5;5H\x1b[7m Boot order \x1b[0m\x1b[6;5H Date/Time\x1b[25;1HF10 Save");
    QCOMPARE(screen.rowText(0), QString(29, u' ') + u"Setup Utility"_s);
    QCOMPARE(screen.rowText(4), u"     Boot order"_s);
    QVERIFY(screen.cell(4, 5).reverse);
    QVERIFY(!screen.cell(5, 5).reverse);
    QCOMPARE(screen.rowText(24), u"F10 Save"_s);
    QCOMPARE(screen.cursor(), QPoint(8, 24));
    // A redraw in place replaces; nothing scrolls.
    screen.feed("\x1b[5;5H\x1b[0m Boot order \x1b[6;5H\x1b[7m Date/Time\x1b[0m");
    QVERIFY(!screen.cell(4, 5).reverse);
    QVERIFY(screen.cell(5, 5).reverse);
    QCOMPARE(screen.scrollbackSize(), 0);
}

void tst_TerminalScreen::alternateScreenKeepsTheMainOne()
{
    TerminalScreen screen(80, 25, 100);
    screen.feed("shell$ ");
    screen.feed("\x1b[?1049h\x1b[2J\x1b[HMENU");
    QVERIFY(screen.isAlternateScreen());
    QCOMPARE(screen.rowText(0), u"MENU"_s);
    screen.feed("\x1b[?1049l");
    QVERIFY(!screen.isAlternateScreen());
    QCOMPARE(screen.rowText(0), u"shell$"_s);
}

void tst_TerminalScreen::scrollbackIsBounded()
{
    TerminalScreen screen(40, 5, 10);
    for (int i = 0; i < 30; ++i)
        screen.feed(u"line %1\r\n"_s.arg(i).toUtf8());
    QCOMPARE(screen.scrollbackSize(), 10);
    // The newest line that scrolled off is last; the screen holds the rest.
    QString newest;
    for (const TerminalScreen::Cell &cell : screen.scrollbackLine(9))
        newest += cell.text.isEmpty() ? u" "_s : cell.text;
    QCOMPARE(newest.trimmed(), u"line 25"_s);
    QCOMPARE(screen.rowText(0), u"line 26"_s);
    QCOMPARE(screen.rowText(3), u"line 29"_s);
}

void tst_TerminalScreen::sequencesSplitAnywhere()
{
    TerminalScreen screen(80, 25, 0);
    const QByteArray bytes = "\x1b[3;10H\x1b[1;31mred\xc3\xa9\x1b[0m";
    for (char byte : bytes)
        screen.feed(QByteArrayView(&byte, 1));
    QCOMPARE(screen.rowText(2), QString(9, u' ') + u"redé"_s);
    QVERIFY(screen.cell(2, 9).bold);
}

void tst_TerminalScreen::wideAndInvalidCharacters()
{
    TerminalScreen screen(80, 25, 0);
    screen.feed("\xe4\xb8\xad|\xff\xfe|ok");
    QCOMPARE(screen.cell(0, 0).text, u"中"_s);
    QCOMPARE(screen.cell(0, 0).width, 2);
    QVERIFY(screen.cell(0, 1).text.isEmpty());
    QCOMPARE(screen.cell(0, 2).text, u"|"_s);
    QVERIFY(screen.rowText(0).endsWith(u"|ok"_s)); // invalid bytes show as replacements, nothing more
}

void tst_TerminalScreen::keysFollowTheHostsModes()
{
    TerminalScreen screen(80, 25, 0);
    QCOMPARE(screen.encodeKey(Key::Up), QByteArray("\x1b[A"));
    QCOMPARE(screen.encodeKey(Key::Enter), QByteArray("\r"));
    QCOMPARE(screen.encodeKey(Key::Escape), QByteArray("\x1b"));
    QCOMPARE(screen.encodeKey(Key::Tab), QByteArray("\t"));
    QCOMPARE(screen.encodeKey(Key::Backspace), QByteArray("\x7f"));
    QCOMPARE(screen.encodeKey(Key::F2), QByteArray("\x1bOQ"));
    QCOMPARE(screen.encodeKey(Key::F10), QByteArray("\x1b[21~"));
    QCOMPARE(screen.encodeKey(Key::Delete), QByteArray("\x1b[3~"));
    QCOMPARE(screen.encodeKey(Key::PageDown), QByteArray("\x1b[6~"));
    // The host asks for application cursor keys (DECCKM), as full-screen programs do.
    screen.feed("\x1b[?1h");
    QCOMPARE(screen.encodeKey(Key::Up), QByteArray("\x1bOA"));
    QCOMPARE(screen.encodeKey(Key::Left), QByteArray("\x1bOD"));
    screen.feed("\x1b[?1l");
    QCOMPARE(screen.encodeKey(Key::Up), QByteArray("\x1b[A"));
    QCOMPARE(screen.encodeKey(Key::Right, Modifier::Control), QByteArray("\x1b[1;5C"));
}

void tst_TerminalScreen::textAndControlLetters()
{
    TerminalScreen screen(80, 25, 0);
    QCOMPARE(screen.encodeText(u"ls é"_s), QByteArray("ls \xc3\xa9"));
    QCOMPARE(screen.encodeText(u"c"_s, Modifier::Control), QByteArray("\x03"));
    QCOMPARE(screen.encodeText(u"d"_s, Modifier::Control), QByteArray("\x04"));
}

void tst_TerminalScreen::hostQueriesAreAnswered()
{
    TerminalScreen screen(80, 25, 0);
    QSignalSpy replies(&screen, &TerminalScreen::reply);
    screen.feed("\x1b[5;7H\x1b[6n"); // where is the cursor?
    QCOMPARE(replies.size(), 1);
    QCOMPARE(replies.at(0).at(0).toByteArray(), QByteArray("\x1b[5;7R"));
    // A key pressed afterwards carries nothing of the answer.
    QCOMPARE(screen.encodeKey(Key::Enter), QByteArray("\r"));
}

void tst_TerminalScreen::resizeKeepsWorking()
{
    TerminalScreen screen(80, 25, 10);
    screen.feed("hello");
    QSignalSpy changed(&screen, &TerminalScreen::changed);
    screen.resize(40, 10);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(screen.columns(), 40);
    QCOMPARE(screen.rows(), 10);
    QCOMPARE(screen.rowText(0), u"hello"_s);
    screen.feed("\x1b[10;40HX");
    QCOMPARE(screen.cell(9, 39).text, u"X"_s);
}

void tst_TerminalScreen::garbageLeavesItUsable()
{
    TerminalScreen screen(80, 25, 50);
    QByteArray garbage;
    quint32 seed = 12345;
    for (int i = 0; i < 200'000; ++i) {
        seed = seed * 1103515245 + 12345;
        garbage.append(char(seed >> 16));
    }
    // Escape-heavy garbage too: unterminated sequences, huge parameters.
    garbage +=
        "\x1b[99999999;99999999H\x1b[?99999h\x1b]0;" + QByteArray(100'000, 'x') + "\x1bP" + QByteArray(1000, 'q');
    screen.feed(garbage);
    QVERIFY(screen.scrollbackSize() <= 50);
    screen.feed("\x1b\\\x1b[0m\x1b[?1049l\x1b[2J\x1b[Hok");
    QCOMPARE(screen.rowText(0), u"ok"_s);
}

// What fuzz_terminal_screen found in libvterm 0.1.4, each of which a host can print: too many
// CSI sub-parameters (a write past its array), REP before any character or with sub-parameters
// (an endless loop), huge counts. The screen stays usable after each.
void tst_TerminalScreen::sequencesThatBreakLibvtermAreDefused()
{
    const QByteArray hostile[] = {
        "\x1b[" + QByteArray(60, ':') + "1;3Se0HH",
        "\x1b\x90\x90\xff\x7f\x90[" + QByteArray(30, ':') + "[\xbf]",
        "\x1b[b",
        "\x1b[::b",
        "x\x1b[999999999b",
        "\x1b[999999999@\x1b[999999999L\x1b[999999999;999999999r",
    };
    for (const QByteArray &bytes : hostile) {
        TerminalScreen screen(80, 25, 10);
        screen.feed(bytes);
        screen.feed("\x1b[0m\x1b[2J\x1b[Hok");
        QCOMPARE(screen.rowText(0), u"ok"_s);
    }
    // The same split across feeds.
    TerminalScreen screen(80, 25, 10);
    screen.feed("\x1b[");
    for (int i = 0; i < 40; ++i)
        screen.feed(":");
    screen.feed("1m");
    screen.feed("\x1b[2J\x1b[Hok");
    QCOMPARE(screen.rowText(0), u"ok"_s);
}

QTEST_GUILESS_MAIN(tst_TerminalScreen)
#include "tst_terminalscreen.moc"
