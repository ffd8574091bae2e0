#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPoint>
#include <QString>

#include <deque>
#include <memory>

struct VTerm;
struct VTermScreen;

// The host console as a terminal shows it: libvterm parses the host's output (cursor addressing,
// colours, the alternate screen of full-screen programs) into a grid of cells, keeps the lines
// that scroll off the top, and encodes keys the way a real terminal in the same modes would
// (cursor-key and keypad modes). Faces that draw cells read this one model; faces that carry
// bytes keep the raw stream (docs/decisions.md#108).
class TerminalScreen : public QObject
{
    Q_OBJECT
public:
    struct Cell
    {
        QString text; // the character with its combining marks; empty when blank or the right half of a wide one
        quint32 foreground = 0; // 0xRRGGBB, meaningful unless defaultForeground
        quint32 background = 0;
        bool defaultForeground = true;
        bool defaultBackground = true;
        bool bold = false;
        bool underline = false;
        bool italic = false;
        bool blink = false;
        bool reverse = false;
        int width = 1; // 2 for a wide character's left half

        friend bool operator==(const Cell &, const Cell &) = default;
    };
    using Line = QList<Cell>;

    enum class Key {
        Enter,
        Tab,
        Backspace,
        Escape,
        Up,
        Down,
        Left,
        Right,
        Home,
        End,
        PageUp,
        PageDown,
        Insert,
        Delete,
        F1,
        F2,
        F3,
        F4,
        F5,
        F6,
        F7,
        F8,
        F9,
        F10,
        F11,
        F12,
    };
    Q_ENUM(Key)

    enum class Modifier { None = 0, Shift = 1, Alt = 2, Control = 4 };
    Q_DECLARE_FLAGS(Modifiers, Modifier)

    TerminalScreen(int columns, int rows, int scrollbackLines, QObject *parent = nullptr);
    ~TerminalScreen() override;

    // The host's output, in pieces as they come (a sequence may be split anywhere).
    void feed(QByteArrayView bytes);
    void resize(int columns, int rows);

    int columns() const { return m_columns; }
    int rows() const { return m_rows; }
    Cell cell(int row, int column) const;
    // The row's characters, without trailing blanks.
    QString rowText(int row) const;
    // A line's characters, without trailing blanks: what rowText says of a row, for any line
    // (one of the scrollback, or one a view puts together).
    static QString textOf(const Line &line);
    QPoint cursor() const { return m_cursor; } // x: column, y: row
    bool isCursorVisible() const { return m_cursorVisible; }
    bool isAlternateScreen() const { return m_alternateScreen; }

    // Lines that scrolled off the top, oldest first; at most the limit given at construction.
    qsizetype scrollbackSize() const { return qsizetype(m_scrollback.size()); }
    const Line &scrollbackLine(qsizetype index) const { return m_scrollback.at(size_t(index)); }

    // What a terminal sends for a key or for typed text in the modes the host has set.
    QByteArray encodeKey(Key key, Modifiers modifiers = Modifier::None);
    QByteArray encodeText(const QString &text, Modifiers modifiers = Modifier::None);

signals:
    // Cells, the cursor or the scrollback changed; once per feed() or resize().
    void changed();
    // The terminal's answer to a host query (cursor position, device attributes), for the face
    // that owns the console's input to pass on.
    void reply(const QByteArray &bytes);

private:
    // libvterm's callbacks, in TerminalScreen.cpp.
    friend struct TerminalScreenCallbacks;

    // Where the sanitizer is in the host's output (appendSanitized).
    enum class Parse { Text, Escape, ControlSequence };
    static constexpr int maxParameters = 16; // libvterm's CSI_ARGS_MAX
    static constexpr int maxDigits = 4;      // counts such as REP's repeat the work: 9999 at most
    void appendSanitized(QByteArrayView bytes);
    void startControlSequence();

    struct VTermDeleter
    {
        void operator()(VTerm *vterm) const;
    };
    std::unique_ptr<VTerm, VTermDeleter> m_vterm;
    VTermScreen *m_screen = nullptr;
    int m_columns;
    int m_rows;
    qsizetype m_scrollbackLimit;
    std::deque<Line> m_scrollback;
    QPoint m_cursor;
    bool m_cursorVisible = true;
    bool m_alternateScreen = false;
    bool m_changed = false;
    QByteArray m_output;
    QByteArray m_input; // the bytes being fed, NUL-padded (TerminalScreen.cpp says why)
    Parse m_parse = Parse::Text;
    int m_separators = 0;
    int m_digits = 0;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(TerminalScreen::Modifiers)
