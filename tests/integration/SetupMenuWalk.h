#pragma once

#include "TerminalScreen.h"

#include <QByteArray>
#include <QList>
#include <QString>

// The walk through the simulated firmware's setup that every console face is tested with: F2 at
// the prompt, to the Boot page, down to the first boot device, Enter to change it, F10 to save.
// Each step is the keys a client sends (as xterm spells them) and the text that shows the host
// took them. `screenFaultIn` replays what a client received into a terminal model of its own, as
// the client's terminal would, and checks the setup screen it drew just before F10.
namespace SetupMenuWalk {

struct Step
{
    QByteArray keys;
    QByteArray shows;
};

inline QList<Step> steps()
{
    return {
        {"\x1bOQ", "qbmc Simulated Setup Utility"}, // F2
        {"\x1b[C\x1b[C", "Boot Mode"},              // Right, Right: the Boot page
        {"\x1b[B", "Where booting starts."},        // Down: its help shows
        {"\r", "[Network]"},                        // Enter: the next device
        {"\x1b[21~", "Booting from Network..."},    // F10: save and boot
    };
}

inline constexpr QByteArrayView prompt = "Press F2 or Del to enter setup";
// What the firmware sends as it leaves setup: the last setup screen ends here.
inline constexpr QByteArrayView leavingSetup = "\x1b[0m\x1b[2J\x1b[H\x1b[?25h";

// Empty when the output held the setup screen as the walk leaves it; else what is wrong.
inline QString screenFaultIn(const QByteArray &received)
{
    const qsizetype end = received.lastIndexOf(leavingSetup);
    if (end < 0)
        return QStringLiteral("the firmware never left its setup");
    TerminalScreen screen(80, 25, 0);
    screen.feed(received.first(end));
    const auto expect = [&](bool ok, const QString &what) { return ok ? QString() : what; };
    const TerminalScreen::Cell selected = screen.cell(4, 2);
    const TerminalScreen::Cell title = screen.cell(0, 0);
    for (const QString &fault : {
             expect(screen.rowText(0).contains(QLatin1String("qbmc Simulated Setup Utility")), screen.rowText(0)),
             expect(screen.rowText(4).contains(QLatin1String("First Boot Device             [Network]")),
                    screen.rowText(4)),
             expect(selected.background == 0xe0e0e0 && selected.foreground == 0, QStringLiteral("selection colours")),
             expect(title.background == 0x0000e0 && title.bold, QStringLiteral("title colours")),
         }) {
        if (!fault.isEmpty())
            return QStringLiteral("setup screen: ") + fault;
    }
    return {};
}

} // namespace SetupMenuWalk
