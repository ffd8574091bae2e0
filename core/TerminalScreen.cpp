#include "TerminalScreen.h"

#include <vterm.h>

#include <utility>

namespace {
// More than libvterm ever copies of a sequence at once.
constexpr qsizetype inputPadding = 64;

quint32 rgbOf(const VTermScreen *screen, VTermColor color)
{
    vterm_screen_convert_color_to_rgb(screen, &color);
    return (quint32(color.rgb.red) << 16) | (quint32(color.rgb.green) << 8) | quint32(color.rgb.blue);
}

TerminalScreen::Cell toCell(const VTermScreen *screen, const VTermScreenCell &cell)
{
    TerminalScreen::Cell result;
    // (uint32_t)-1 marks the right half of a wide character.
    for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i] != 0 && cell.chars[i] != 0xFFFFFFFFu; ++i) {
        const char32_t character = cell.chars[i];
        result.text += QString::fromUcs4(&character, 1);
    }
    result.width = cell.width;
    result.defaultForeground = VTERM_COLOR_IS_DEFAULT_FG(&cell.fg);
    result.defaultBackground = VTERM_COLOR_IS_DEFAULT_BG(&cell.bg);
    result.foreground = rgbOf(screen, cell.fg);
    result.background = rgbOf(screen, cell.bg);
    result.bold = cell.attrs.bold;
    result.underline = cell.attrs.underline != VTERM_UNDERLINE_OFF;
    result.italic = cell.attrs.italic;
    result.blink = cell.attrs.blink;
    result.reverse = cell.attrs.reverse;
    return result;
}

VTermModifier vtermModifiers(TerminalScreen::Modifiers modifiers)
{
    int result = VTERM_MOD_NONE;
    if (modifiers.testFlag(TerminalScreen::Modifier::Shift))
        result |= VTERM_MOD_SHIFT;
    if (modifiers.testFlag(TerminalScreen::Modifier::Alt))
        result |= VTERM_MOD_ALT;
    if (modifiers.testFlag(TerminalScreen::Modifier::Control))
        result |= VTERM_MOD_CTRL;
    return VTermModifier(result);
}

VTermKey vtermKey(TerminalScreen::Key key)
{
    using Key = TerminalScreen::Key;
    switch (key) {
    case Key::Enter: return VTERM_KEY_ENTER;
    case Key::Tab: return VTERM_KEY_TAB;
    case Key::Backspace: return VTERM_KEY_BACKSPACE;
    case Key::Escape: return VTERM_KEY_ESCAPE;
    case Key::Up: return VTERM_KEY_UP;
    case Key::Down: return VTERM_KEY_DOWN;
    case Key::Left: return VTERM_KEY_LEFT;
    case Key::Right: return VTERM_KEY_RIGHT;
    case Key::Home: return VTERM_KEY_HOME;
    case Key::End: return VTERM_KEY_END;
    case Key::PageUp: return VTERM_KEY_PAGEUP;
    case Key::PageDown: return VTERM_KEY_PAGEDOWN;
    case Key::Insert: return VTERM_KEY_INS;
    case Key::Delete: return VTERM_KEY_DEL;
    default: return VTermKey(VTERM_KEY_FUNCTION(int(key) - int(Key::F1) + 1));
    }
}
} // namespace

// libvterm calls back into the screen through these while it parses.
struct TerminalScreenCallbacks
{
    static TerminalScreen *self(void *user) { return static_cast<TerminalScreen *>(user); }

    static int damage(VTermRect, void *user)
    {
        self(user)->m_changed = true;
        return 1;
    }
    static int moveCursor(VTermPos position, VTermPos, int visible, void *user)
    {
        TerminalScreen *screen = self(user);
        screen->m_cursor = QPoint(position.col, position.row);
        screen->m_cursorVisible = visible != 0;
        screen->m_changed = true;
        return 1;
    }
    static int termProp(VTermProp property, VTermValue *value, void *user)
    {
        TerminalScreen *screen = self(user);
        if (property == VTERM_PROP_ALTSCREEN)
            screen->m_alternateScreen = value->boolean != 0;
        else if (property == VTERM_PROP_CURSORVISIBLE)
            screen->m_cursorVisible = value->boolean != 0;
        screen->m_changed = true;
        return 1;
    }
    static int pushLine(int columns, const VTermScreenCell *cells, void *user)
    {
        TerminalScreen *screen = self(user);
        if (screen->m_scrollbackLimit <= 0)
            return 1;
        TerminalScreen::Line line;
        line.reserve(columns);
        for (int column = 0; column < columns; ++column)
            line.append(toCell(screen->m_screen, cells[column]));
        screen->m_scrollback.push_back(std::move(line));
        while (qsizetype(screen->m_scrollback.size()) > screen->m_scrollbackLimit)
            screen->m_scrollback.pop_front();
        screen->m_changed = true;
        return 1;
    }
    static void output(const char *bytes, size_t length, void *user)
    {
        self(user)->m_output.append(bytes, qsizetype(length));
    }
};

namespace {
const VTermScreenCallbacks screenCallbacks = {
    TerminalScreenCallbacks::damage,
    nullptr, // moverect: damage covers it
    TerminalScreenCallbacks::moveCursor,
    TerminalScreenCallbacks::termProp,
    nullptr, // bell
    nullptr, // resize
    TerminalScreenCallbacks::pushLine,
    nullptr, // sb_popline: lines that scrolled off stay in the scrollback
};
} // namespace

void TerminalScreen::VTermDeleter::operator()(VTerm *vterm) const
{
    vterm_free(vterm);
}

TerminalScreen::TerminalScreen(int columns, int rows, int scrollbackLines, QObject *parent)
    : QObject(parent)
    , m_vterm(vterm_new(rows, columns))
    , m_columns(columns)
    , m_rows(rows)
    , m_scrollbackLimit(scrollbackLines)
{
    vterm_set_utf8(m_vterm.get(), 1);
    vterm_output_set_callback(m_vterm.get(), TerminalScreenCallbacks::output, this);
    m_screen = vterm_obtain_screen(m_vterm.get());
    vterm_screen_set_callbacks(m_screen, &screenCallbacks, this);
    vterm_screen_enable_altscreen(m_screen, 1);
    vterm_screen_reset(m_screen, 1);
    // libvterm 0.1.4 loops forever on REP (ESC [ b) before any character was printed (found by
    // fuzz_terminal_screen); one printed and reset away gives REP something to repeat.
    vterm_input_write(m_vterm.get(), " ", 1);
    vterm_screen_reset(m_screen, 1);
    m_cursor = QPoint(0, 0);
    m_changed = false;
}

TerminalScreen::~TerminalScreen() = default;

void TerminalScreen::feed(QByteArrayView bytes)
{
    if (!bytes.isEmpty()) {
        // libvterm 0.1.4 copies parts of a sequence with strncpy, which reads past the length it
        // is given until it meets a NUL (found by fuzz_terminal_screen): the bytes go in with NUL
        // padding after them, so it stops inside this buffer.
        m_input.resize(0);
        appendSanitized(bytes);
        const qsizetype length = m_input.size();
        m_input.append(inputPadding, '\0');
        vterm_input_write(m_vterm.get(), m_input.constData(), size_t(length));
    }
    if (!m_output.isEmpty())
        emit reply(std::exchange(m_output, {}));
    if (std::exchange(m_changed, false))
        emit changed();
}

// libvterm 0.1.4 writes past its array of CSI parameters when a sequence has more than it holds
// (ESC [ followed by many ':', found by fuzz_terminal_screen), and a host can print anything.
// Separators past the limit and digits past four (a count like "repeat 999999999 times" would
// hold the event loop) are left out, across feeds, so
// libvterm never sees them; no firmware or program needs either. The states over-approximate
// libvterm's: it ignores high bytes inside an escape, so they keep one open, and 0x9B opens a
// sequence too. Erring that way only ever trims a run of digits or separators.
void TerminalScreen::appendSanitized(QByteArrayView bytes)
{
    for (const char character : bytes) {
        const auto byte = uchar(character);
        switch (m_parse) {
        case Parse::Text:
            if (byte == 0x1b)
                m_parse = Parse::Escape;
            else if (byte == 0x9b)
                startControlSequence();
            break;
        case Parse::Escape:
            if (byte == '[')
                startControlSequence();
            else if (byte < 0x20 && byte != 0x1b)
                m_parse = byte == 0x18 || byte == 0x1a ? Parse::Text : Parse::Escape;
            else if (byte >= 0x30 && byte <= 0x7e)
                m_parse = Parse::Text; // a final byte: ESC 7, ESC ], ESC P, ...; DEL is ignored
            break;
        case Parse::ControlSequence:
            if (byte == ';' || byte == ':') {
                m_digits = 0;
                if (++m_separators >= maxParameters)
                    continue;
            } else if (byte >= '0' && byte <= '9') {
                if (++m_digits > maxDigits)
                    continue;
            } else if (byte >= 0x40 && byte <= 0x7e) {
                m_parse = Parse::Text; // the final byte
                if (byte == 'b') {
                    // REP (repeat the last character) hangs libvterm 0.1.4 with some counts and
                    // characters: CAN cancels the sequence instead. Serial consoles (vt220,
                    // linux) do not use it.
                    m_input.append('\x18');
                    continue;
                }
            } else if (byte == 0x1b) {
                m_parse = Parse::Escape;
            } else if (byte == 0x18 || byte == 0x1a) {
                m_parse = Parse::Text; // CAN and SUB cancel the sequence
            }
            break;
        }
        m_input.append(character);
    }
}

void TerminalScreen::startControlSequence()
{
    m_parse = Parse::ControlSequence;
    m_separators = 0;
    m_digits = 0;
}

void TerminalScreen::resize(int columns, int rows)
{
    if (columns == m_columns && rows == m_rows)
        return;
    m_columns = columns;
    m_rows = rows;
    vterm_set_size(m_vterm.get(), rows, columns);
    m_changed = false;
    emit changed();
}

TerminalScreen::Cell TerminalScreen::cell(int row, int column) const
{
    if (row < 0 || row >= m_rows || column < 0 || column >= m_columns)
        return {};
    VTermScreenCell cell;
    if (!vterm_screen_get_cell(m_screen, VTermPos{row, column}, &cell))
        return {};
    return toCell(m_screen, cell);
}

QString TerminalScreen::rowText(int row) const
{
    Line line;
    line.reserve(m_columns);
    for (int column = 0; column < m_columns; ++column)
        line.append(cell(row, column));
    return textOf(line);
}

QString TerminalScreen::textOf(const Line &line)
{
    QString text;
    for (const Cell &here : line) {
        if (here.text.isEmpty() && here.width != 0)
            text += u' ';
        else
            text += here.text;
    }
    while (text.endsWith(u' '))
        text.chop(1);
    return text;
}

QByteArray TerminalScreen::encodeKey(Key key, Modifiers modifiers)
{
    // Answers to host queries wait in m_output only within feed(), so it is empty here.
    vterm_keyboard_key(m_vterm.get(), vtermKey(key), vtermModifiers(modifiers));
    return std::exchange(m_output, {});
}

QByteArray TerminalScreen::encodeText(const QString &text, Modifiers modifiers)
{
    for (const char32_t character : text.toUcs4())
        vterm_keyboard_unichar(m_vterm.get(), character, vtermModifiers(modifiers));
    return std::exchange(m_output, {});
}
