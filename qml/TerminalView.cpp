#include "TerminalView.h"

#include <QFontMetricsF>
#include <QPainter>

namespace {
// The font size at which the cell proportions are measured.
constexpr int referencePixelSize = 100;
} // namespace

TerminalView::TerminalView(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    m_font.setStyleHint(QFont::Monospace);
    m_font.setFamily(QStringLiteral("monospace"));
    m_font.setPixelSize(14);
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(refreshInterval);
    m_refresh.callOnTimeout(this, [this] { update(); });
    setOpaquePainting(true);
    setFillColor(QColor(defaultBackground));
    updateMetrics();
}

void TerminalView::setTerminal(TerminalScreen *terminal)
{
    if (m_terminal == terminal)
        return;
    if (m_terminal)
        disconnect(m_terminal, nullptr, this, nullptr);
    m_terminal = terminal;
    if (terminal)
        connect(terminal, &TerminalScreen::changed, this, &TerminalView::onTerminalChanged);
    m_knownScrollbackSize = scrollbackSize();
    m_scrollback = 0;
    emit terminalChanged();
    updateMetrics();
    update();
}

void TerminalView::setFontPixelSize(int size)
{
    size = qBound(4, size, 200);
    if (size == m_font.pixelSize())
        return;
    m_font.setPixelSize(size);
    updateMetrics();
    update();
}

void TerminalView::setFontFamily(const QString &family)
{
    if (family == m_font.family())
        return;
    m_font.setFamily(family);
    updateMetrics();
    update();
}

int TerminalView::columns() const
{
    return m_terminal ? m_terminal->columns() : 0;
}

int TerminalView::rows() const
{
    return m_terminal ? m_terminal->rows() : 0;
}

void TerminalView::setScrollback(int lines)
{
    lines = qBound(0, lines, scrollbackSize());
    if (lines == m_scrollback)
        return;
    m_scrollback = lines;
    emit scrollbackChanged();
    update();
}

int TerminalView::scrollbackSize() const
{
    return m_terminal ? int(m_terminal->scrollbackSize()) : 0;
}

void TerminalView::onTerminalChanged()
{
    // Scrolled back, the view keeps showing the same lines while new ones arrive below.
    const qsizetype size = scrollbackSize();
    if (size != m_knownScrollbackSize) {
        if (m_scrollback > 0)
            m_scrollback = int(qMin<qsizetype>(size, m_scrollback + qMax<qsizetype>(0, size - m_knownScrollbackSize)));
        m_knownScrollbackSize = size;
        emit scrollbackChanged();
    }
    if (rows() * m_cellHeight != height() || columns() * m_cellWidth != width())
        updateMetrics(); // the terminal was resized
    if (!m_refresh.isActive())
        m_refresh.start();
}

void TerminalView::updateMetrics()
{
    QFont reference = m_font;
    reference.setPixelSize(referencePixelSize);
    const QFontMetricsF referenceMetrics(reference);
    m_cellWidthPerPixel = referenceMetrics.horizontalAdvance(QLatin1Char('M')) / referencePixelSize;
    m_cellHeightPerPixel = referenceMetrics.height() / referencePixelSize;

    const QFontMetricsF metrics(m_font);
    m_cellWidth = metrics.horizontalAdvance(QLatin1Char('M'));
    m_cellHeight = qCeil(metrics.height());
    m_ascent = metrics.ascent();
    m_boldFont = m_font;
    m_boldFont.setBold(true);
    setImplicitSize(columns() * m_cellWidth, rows() * m_cellHeight);
    emit metricsChanged();
}

TerminalScreen::Cell TerminalView::visibleCell(int row, int column) const
{
    if (!m_terminal || row < 0 || row >= rows())
        return {};
    if (row < m_scrollback) {
        const TerminalScreen::Line &line =
            m_terminal->scrollbackLine(m_terminal->scrollbackSize() - m_scrollback + row);
        return column >= 0 && column < line.size() ? line.at(column) : TerminalScreen::Cell{};
    }
    return m_terminal->cell(row - m_scrollback, column);
}

QColor TerminalView::foregroundOf(const TerminalScreen::Cell &cell) const
{
    const QColor foreground(cell.defaultForeground ? defaultForeground : QRgb(cell.foreground));
    const QColor background(cell.defaultBackground ? defaultBackground : QRgb(cell.background));
    return cell.reverse ? background : foreground;
}

QColor TerminalView::backgroundOf(const TerminalScreen::Cell &cell) const
{
    const QColor foreground(cell.defaultForeground ? defaultForeground : QRgb(cell.foreground));
    const QColor background(cell.defaultBackground ? defaultBackground : QRgb(cell.background));
    return cell.reverse ? foreground : background;
}

QString TerminalView::textAt(int row, int column) const
{
    return visibleCell(row, column).text;
}

QColor TerminalView::foregroundAt(int row, int column) const
{
    return foregroundOf(visibleCell(row, column));
}

QColor TerminalView::backgroundAt(int row, int column) const
{
    return backgroundOf(visibleCell(row, column));
}

QString TerminalView::rowText(int row) const
{
    TerminalScreen::Line line;
    for (int column = 0; column < columns(); ++column)
        line.append(visibleCell(row, column));
    return TerminalScreen::textOf(line);
}

QPointF TerminalView::cellPosition(int row, int column) const
{
    return {column * m_cellWidth, row * m_cellHeight};
}

void TerminalView::paint(QPainter *painter)
{
    if (!m_terminal)
        return;
    const bool showCursor = m_scrollback == 0 && m_terminal->isCursorVisible();
    const QPoint cursor = m_terminal->cursor() + QPoint(0, m_scrollback);
    for (int row = 0; row < rows(); ++row) {
        const qreal y = row * m_cellHeight;
        for (int column = 0; column < columns(); ++column) {
            const TerminalScreen::Cell cell = visibleCell(row, column);
            if (cell.width == 0)
                continue; // the right half of a wide character, drawn with its left half
            const qreal x = column * m_cellWidth;
            const QRectF area(x, y, m_cellWidth * qMax(1, cell.width), m_cellHeight);
            const bool isCursor = showCursor && cursor == QPoint(column, row);
            QColor foreground = foregroundOf(cell);
            QColor background = backgroundOf(cell);
            if (isCursor)
                std::swap(foreground, background);
            if (background != QColor(defaultBackground))
                painter->fillRect(area, background);
            if (cell.text.isEmpty() || cell.text == QLatin1String(" "))
                continue;
            painter->setFont(cell.bold ? m_boldFont : m_font);
            painter->setPen(foreground);
            painter->drawText(QPointF(x, y + m_ascent), cell.text);
            if (cell.underline)
                painter->fillRect(QRectF(x, y + m_cellHeight - 1, area.width(), 1), foreground);
        }
    }
}
