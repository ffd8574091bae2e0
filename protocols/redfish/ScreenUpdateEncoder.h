#pragma once

#include "TerminalScreen.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// The console's terminal model in the JSON of wss://<host>/console0/screen (docs/decisions.md#115).
// A row is a list of runs: each a maximal stretch of cells that look the same, its text and only
// what differs from a plain cell ("fg"/"bg" as "#rrggbb" when not the default colour, and each of
// bold, underline, italic, blink, reverse only when set). The runs of a row cover every column:
// a blank cell is a space, and the right half of a wide character adds nothing, since the left
// half's character already takes both columns.
namespace ScreenUpdateEncoder {

// The cells of one row of the screen.
TerminalScreen::Line lineOf(const TerminalScreen &screen, int row);

QJsonArray runsOf(const TerminalScreen::Line &line);

// {"row": row, "runs": runs}
QJsonObject lineObject(int row, const QJsonArray &runs);

// {"x":…, "y":…, "visible":…}
QJsonObject cursorOf(const TerminalScreen &screen);

// "#rrggbb"
QString colourName(quint32 rgb);

// {"type":"screen", "full":…, "columns":…, "rows":…, "cursor":…, "lines":[…]}; `lines` holds
// lineObject()s, every row when `full`, else the rows that changed.
QJsonObject screenMessage(bool full, int columns, int rows, const QJsonObject &cursor, const QJsonArray &lines);

} // namespace ScreenUpdateEncoder
