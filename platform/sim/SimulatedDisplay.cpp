#include "SimulatedDisplay.h"

#include "PlatformLogging.h"
#include "linux/PseudoTerminal.h"

#include <QFile>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
constexpr QSize firmwareSize{640, 480};
constexpr QSize systemSize{1024, 768};
constexpr int firmwareColumns = SimulatedFirmware::columns;
constexpr int firmwareRows = SimulatedFirmware::rows;
// 80x25 text in a 640x480 mode: the rows are centred, as a monitor shows a 400-line mode.
constexpr int firmwareTextTop = (firmwareSize.height() - firmwareRows * 16) / 2;
// The splash: the logo, the firmware's power-on text below it.
constexpr int splashTextTop = 224;
constexpr int splashTextRows = (firmwareSize.height() - splashTextTop) / 16;
constexpr quint32 black = 0x000000;
constexpr quint32 defaultForeground = 0xaaaaaa; // VGA's light grey
constexpr quint32 white = 0xffffff;
// A display refreshes at 60 Hz; output within one refresh is one new frame.
constexpr auto refreshInterval = 16ms;

// The VGA font from Debian's console-setup, built into qbmc (platform/CMakeLists.txt).
PsfFont loadFont()
{
    QFile file(u":/qbmc/sim/vga16.psf"_s);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("the simulated display's font is not built in: %s", qPrintable(file.errorString()));
    auto font = PsfFont::fromData(file.readAll());
    if (!font)
        qFatal("the simulated display's font is damaged: %s", qPrintable(font.failure()));
    return *font;
}
} // namespace

SimulatedDisplay::SimulatedDisplay(PseudoTerminal *terminal, SimulatedConsole *console, SimulatedFirmware *firmware,
                                   QObject *parent)
    : VideoSource(parent)
    , m_console(console)
    , m_firmware(firmware)
    , m_font(loadFont())
    , m_screen(firmwareColumns, firmwareRows, 0)
{
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(refreshInterval);
    m_refresh.callOnTimeout(this, &SimulatedDisplay::draw);
    connect(terminal, &PseudoTerminal::sent, this, [this](const QByteArray &output) {
        if (m_mode == Mode::Off)
            return;
        m_screen.feed(output);
        scheduleDraw();
    });
    connect(m_console, &SimulatedConsole::stateChanged, this, &SimulatedDisplay::follow);
    connect(m_firmware, &SimulatedFirmware::stateChanged, this, &SimulatedDisplay::follow);
}

void SimulatedDisplay::follow()
{
    switch (m_console->state()) {
    case SimulatedConsole::State::Off: return setMode(Mode::Off);
    case SimulatedConsole::State::Firmware:
        return setMode(m_firmware->state() == SimulatedFirmware::State::Setup ? Mode::FirmwareText : Mode::Splash);
    case SimulatedConsole::State::ShuttingDown:
        // A host switched off from its firmware keeps the firmware's screen until the power goes.
        if (m_mode != Mode::Off)
            return;
        return setMode(Mode::SystemConsole);
    default: return setMode(Mode::SystemConsole);
    }
}

void SimulatedDisplay::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    const Mode before = m_mode;
    m_mode = mode;
    qCDebug(lcSim) << "display" << before << "->" << mode;
    // A new mode starts with a clear screen: the firmware after power-on or a reset from the
    // system, Linux's console after the firmware. Splash and setup are the same firmware, which
    // clears the screen itself.
    const bool firmware = mode == Mode::Splash || mode == Mode::FirmwareText;
    const bool firmwareBefore = before == Mode::Splash || before == Mode::FirmwareText;
    if (firmware != firmwareBefore || mode == Mode::Off) {
        const bool system = mode == Mode::SystemConsole;
        m_screen.resize(system ? systemSize.width() / m_font.width() : firmwareColumns,
                        system ? systemSize.height() / m_font.height() : firmwareRows);
        m_screen.feed("\x1b"
                      "c"); // RIS: a terminal's full reset
    }
    if ((before == Mode::Off) != (mode == Mode::Off))
        emit statusChanged(status());
    if (mode == Mode::Off) {
        m_refresh.stop();
        m_frame = {};
        emit frameChanged();
        return;
    }
    scheduleDraw();
}

VideoSource::Status SimulatedDisplay::status() const
{
    return m_mode == Mode::Off ? Status::NoSignal : Status::Picture;
}

QString SimulatedDisplay::description() const
{
    return u"the simulated host's display"_s;
}

QString SimulatedDisplay::problem() const
{
    return m_mode == Mode::Off ? u"the host is off"_s : QString();
}

void SimulatedDisplay::setActive(bool active)
{
    m_active = active;
    if (!active)
        m_refresh.stop();
    // A new viewer gets the screen as it is now, at its size, not the last one drawn.
    if (active && m_mode != Mode::Off) {
        m_refresh.stop();
        m_drawnMode = Mode::Off; // drawn whole, so that a frame follows even if nothing changed
        draw();
    }
}

void SimulatedDisplay::scheduleDraw()
{
    if (m_active && m_mode != Mode::Off && !m_refresh.isActive())
        m_refresh.start();
}

void SimulatedDisplay::draw()
{
    const QSize size = m_mode == Mode::SystemConsole ? systemSize : firmwareSize;
    // Text modes redraw only the rows that changed since the last frame; anything else (a new
    // mode, a new size, the splash with its logo) is drawn whole.
    const bool whole = m_frame.size != size || m_mode != m_drawnMode || m_mode == Mode::Splash;
    if (whole) {
        m_drawnRows.clear();
        if (m_frame.size != size)
            m_frame = VideoFrame::filled(size, black);
        else
            fill(QRect(QPoint(), size), black);
    }
    m_drawnMode = m_mode;
    switch (m_mode) {
    case Mode::Off: return;
    case Mode::Splash: {
        fill(logoArea, logoColour);
        const QString name = u"qbmc"_s;
        constexpr int scale = 4;
        const int x = logoArea.center().x() - int(name.size()) * m_font.width() * scale / 2;
        for (qsizetype i = 0; i < name.size(); ++i)
            drawGlyph(name.at(i).unicode(), x + int(i) * m_font.width() * scale, logoArea.top() + 24, scale, white,
                      std::nullopt);
        drawText(0, splashTextTop, splashTextRows, true);
        break;
    }
    case Mode::FirmwareText:
        if (!drawText(0, firmwareTextTop, firmwareRows, false) && !whole)
            return;
        break;
    case Mode::SystemConsole:
        if (!drawText(0, 0, m_screen.rows(), false) && !whole)
            return;
        break;
    }
    emit frameChanged();
}

bool SimulatedDisplay::drawText(int x, int y, int rows, bool transparentBackground)
{
    rows = std::min(rows, m_screen.rows());
    const QPoint cursor = m_screen.isCursorVisible() && !transparentBackground ? m_screen.cursor() : QPoint(-1, -1);
    m_drawnRows.resize(rows);
    bool drewAny = false;
    for (int row = 0; row < rows; ++row) {
        QList<TerminalScreen::Cell> cells;
        cells.reserve(m_screen.columns());
        for (int column = 0; column < m_screen.columns(); ++column)
            cells.append(m_screen.cell(row, column));
        // The row the cursor is on, or was on, is drawn again so that it moves.
        const bool cursorHere = cursor.y() == row || m_drawnCursor.y() == row;
        if (!cursorHere && cells == m_drawnRows.at(row))
            continue;
        drewAny = true;
        for (int column = 0; column < int(cells.size()); ++column) {
            const TerminalScreen::Cell &cell = cells.at(column);
            quint32 foreground = cell.defaultForeground ? defaultForeground : cell.foreground;
            quint32 background = cell.defaultBackground ? black : cell.background;
            if (cell.reverse)
                std::swap(foreground, background);
            const char32_t character = cell.text.isEmpty() ? U' ' : cell.text.toUcs4().value(0, U' ');
            const bool plain = transparentBackground && !cell.reverse && cell.defaultBackground;
            drawGlyph(character, x + column * m_font.width(), y + row * m_font.height(), 1, foreground,
                      plain ? std::nullopt : std::optional(background));
        }
        if (cursor.y() == row) {
            // The text-mode cursor: two scan lines at the bottom of the cell.
            fill(QRect(x + cursor.x() * m_font.width(), y + (row + 1) * m_font.height() - 2, m_font.width(), 2),
                 defaultForeground);
        }
        m_drawnRows[row] = std::move(cells);
    }
    m_drawnCursor = cursor;
    return drewAny;
}

void SimulatedDisplay::drawGlyph(char32_t character, int x, int y, int scale, quint32 foreground,
                                 std::optional<quint32> background)
{
    const uchar *glyph = m_font.glyph(character);
    auto *pixels = reinterpret_cast<quint32 *>(m_frame.pixels.data());
    const int width = m_frame.size.width();
    for (int row = 0; row < m_font.height() * scale; ++row) {
        const int py = y + row;
        if (py < 0 || py >= m_frame.size.height())
            continue;
        const uchar bits = glyph[row / scale];
        for (int column = 0; column < m_font.width() * scale; ++column) {
            const int px = x + column;
            if (px < 0 || px >= width)
                continue;
            const bool set = bits & (0x80 >> (column / scale));
            if (set)
                pixels[qsizetype(py) * width + px] = foreground;
            else if (background)
                pixels[qsizetype(py) * width + px] = *background;
        }
    }
}

void SimulatedDisplay::fill(const QRect &area, quint32 colour)
{
    const QRect clipped = area & QRect(QPoint(), m_frame.size);
    auto *pixels = reinterpret_cast<quint32 *>(m_frame.pixels.data());
    for (int y = clipped.top(); y <= clipped.bottom(); ++y)
        std::fill_n(pixels + qsizetype(y) * m_frame.size.width() + clipped.left(), clipped.width(), colour);
}
