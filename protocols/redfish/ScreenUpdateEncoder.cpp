#include "ScreenUpdateEncoder.h"

using namespace Qt::StringLiterals;

namespace {
// Two cells that look the same belong to one run.
bool looksTheSame(const TerminalScreen::Cell &a, const TerminalScreen::Cell &b)
{
    return a.defaultForeground == b.defaultForeground && (a.defaultForeground || a.foreground == b.foreground)
        && a.defaultBackground == b.defaultBackground && (a.defaultBackground || a.background == b.background)
        && a.bold == b.bold && a.underline == b.underline && a.italic == b.italic && a.blink == b.blink
        && a.reverse == b.reverse;
}

QJsonObject runObject(const QString &text, const TerminalScreen::Cell &look)
{
    QJsonObject run{{u"text"_s, text}};
    if (!look.defaultForeground)
        run.insert(u"fg"_s, ScreenUpdateEncoder::colourName(look.foreground));
    if (!look.defaultBackground)
        run.insert(u"bg"_s, ScreenUpdateEncoder::colourName(look.background));
    // Flags only when set: most cells have none, and the client reads a missing flag as false.
    for (const auto &[name, set] : {std::pair{u"bold"_s, look.bold},
                                    {u"underline"_s, look.underline},
                                    {u"italic"_s, look.italic},
                                    {u"blink"_s, look.blink},
                                    {u"reverse"_s, look.reverse}}) {
        if (set)
            run.insert(name, true);
    }
    return run;
}
} // namespace

TerminalScreen::Line ScreenUpdateEncoder::lineOf(const TerminalScreen &screen, int row)
{
    TerminalScreen::Line line;
    line.reserve(screen.columns());
    for (int column = 0; column < screen.columns(); ++column)
        line.append(screen.cell(row, column));
    return line;
}

QJsonArray ScreenUpdateEncoder::runsOf(const TerminalScreen::Line &line)
{
    QJsonArray runs;
    QString text;
    const TerminalScreen::Cell *look = nullptr; // the current run's first cell
    int rightHalves = 0;                        // columns still covered by the last wide character
    for (const TerminalScreen::Cell &cell : line) {
        if (rightHalves > 0 && cell.text.isEmpty()) {
            --rightHalves;
            continue;
        }
        rightHalves = cell.width > 1 ? cell.width - 1 : 0;
        if (look && !looksTheSame(*look, cell)) {
            runs.append(runObject(text, *look));
            text.clear();
        }
        if (!look || text.isEmpty())
            look = &cell;
        text += cell.text.isEmpty() ? u" "_s : cell.text;
    }
    if (look)
        runs.append(runObject(text, *look));
    return runs;
}

QJsonObject ScreenUpdateEncoder::lineObject(int row, const QJsonArray &runs)
{
    return QJsonObject{{u"row"_s, row}, {u"runs"_s, runs}};
}

QJsonObject ScreenUpdateEncoder::cursorOf(const TerminalScreen &screen)
{
    return QJsonObject{
        {u"x"_s, screen.cursor().x()},
        {u"y"_s, screen.cursor().y()},
        {u"visible"_s, screen.isCursorVisible()},
    };
}

QString ScreenUpdateEncoder::colourName(quint32 rgb)
{
    return u"#%1"_s.arg(uint(rgb & 0xffffff), 6, 16, QChar(u'0'));
}

QJsonObject ScreenUpdateEncoder::screenMessage(bool full, int columns, int rows, const QJsonObject &cursor,
                                               const QJsonArray &lines)
{
    return QJsonObject{
        {u"type"_s, u"screen"_s}, {u"full"_s, full},     {u"columns"_s, columns},
        {u"rows"_s, rows},        {u"cursor"_s, cursor}, {u"lines"_s, lines},
    };
}
