#pragma once

#include "TerminalScreen.h"
#include "VideoSource.h"
#include "sim/PsfFont.h"
#include "sim/SimulatedConsole.h"
#include "sim/SimulatedFirmware.h"

#include <QRect>
#include <QTimer>

class PseudoTerminal;

// The simulated host's screen, what an HDMI capture device would see of it. A PC's firmware and
// Linux console draw the same text they send to the serial port ("console redirection"), so the
// display is a terminal fed with the host's console output, drawn in the VGA font: black while
// the host is off (no signal), the firmware's splash with its logo and power-on text at 640x480,
// its setup utility in 80x25 text mode at 640x480, then the booting system and its login on a
// 1024x768 console once the firmware hands over, as a real machine switches modes.
class SimulatedDisplay : public VideoSource
{
    Q_OBJECT
public:
    enum class Mode { Off, Splash, FirmwareText, SystemConsole };
    Q_ENUM(Mode)

    // Where the splash's logo is, for those that look for it.
    static constexpr QRect logoArea{200, 64, 240, 112};
    static constexpr quint32 logoColour = 0x1f5fbf;

    SimulatedDisplay(PseudoTerminal *terminal, SimulatedConsole *console, SimulatedFirmware *firmware,
                     QObject *parent = nullptr);

    Mode mode() const { return m_mode; }
    // The text on screen, for tests and logs: the terminal's rows.
    QString rowText(int row) const { return m_screen.rowText(row); }
    // What a terminal would send for keys: the simulated keyboard encodes with the screen's modes.
    TerminalScreen *terminal() { return &m_screen; }

    Status status() const override;
    VideoFrame frame() const override { return m_frame; }
    QString description() const override;
    QString problem() const override;
    void setActive(bool active) override;

private:
    void follow();
    void setMode(Mode mode);
    void scheduleDraw();
    void draw();
    // Draws the terminal's rows that differ from those last drawn; false when none did.
    bool drawText(int x, int y, int rows, bool transparentBackground);
    void drawGlyph(char32_t character, int x, int y, int scale, quint32 foreground, std::optional<quint32> background);
    void fill(const QRect &area, quint32 colour);

    SimulatedConsole *m_console;
    SimulatedFirmware *m_firmware;
    PsfFont m_font;
    TerminalScreen m_screen;
    Mode m_mode = Mode::Off;
    VideoFrame m_frame;
    // What m_frame shows of the terminal, to draw only what changed.
    Mode m_drawnMode = Mode::Off;
    QList<QList<TerminalScreen::Cell>> m_drawnRows;
    QPoint m_drawnCursor{-1, -1};
    QTimer m_refresh;
    bool m_active = false;
};
