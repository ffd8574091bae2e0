#pragma once

#include "TerminalScreen.h"

#include <QColor>
#include <QFont>
#include <QPointer>
#include <QQuickPaintedItem>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

// Draws the console's terminal model cell by cell: characters with their colours, bold,
// underline and reverse video, the cursor as a block, and, scrolled back, the lines that left the
// top. Its size follows the font: columns x rows cells, so the page scales it by the font's pixel
// size and pans it when zoomed in. Redrawn at most every refreshInterval however fast the host
// prints, so a busy console costs the screen a bounded amount.
class TerminalView : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(TerminalScreen *terminal READ terminal WRITE setTerminal NOTIFY terminalChanged)
    Q_PROPERTY(int fontPixelSize READ fontPixelSize WRITE setFontPixelSize NOTIFY metricsChanged)
    Q_PROPERTY(QString fontFamily READ fontFamily WRITE setFontFamily NOTIFY metricsChanged)
    // Width and height of a cell per pixel of font size, to fit the grid into a given space.
    Q_PROPERTY(qreal cellWidthPerPixel READ cellWidthPerPixel NOTIFY metricsChanged)
    Q_PROPERTY(qreal cellHeightPerPixel READ cellHeightPerPixel NOTIFY metricsChanged)
    Q_PROPERTY(int columns READ columns NOTIFY metricsChanged)
    Q_PROPERTY(int rows READ rows NOTIFY metricsChanged)
    // Lines scrolled back into the history; 0 shows the live screen.
    Q_PROPERTY(int scrollback READ scrollback WRITE setScrollback NOTIFY scrollbackChanged)
    Q_PROPERTY(int scrollbackSize READ scrollbackSize NOTIFY scrollbackChanged)

public:
    static constexpr std::chrono::milliseconds refreshInterval{50};
    static constexpr QRgb defaultForeground = 0xd8e0d8;
    static constexpr QRgb defaultBackground = 0x000000;

    explicit TerminalView(QQuickItem *parent = nullptr);

    TerminalScreen *terminal() const { return m_terminal; }
    void setTerminal(TerminalScreen *terminal);
    int fontPixelSize() const { return m_font.pixelSize(); }
    void setFontPixelSize(int size);
    QString fontFamily() const { return m_font.family(); }
    void setFontFamily(const QString &family);
    qreal cellWidthPerPixel() const { return m_cellWidthPerPixel; }
    qreal cellHeightPerPixel() const { return m_cellHeightPerPixel; }
    int columns() const;
    int rows() const;
    int scrollback() const { return m_scrollback; }
    void setScrollback(int lines);
    int scrollbackSize() const;

    // What the view draws at a cell of the visible grid (row 0 is the top line shown): its
    // character and its colours after reverse video and the defaults are applied.
    Q_INVOKABLE QString textAt(int row, int column) const;
    Q_INVOKABLE QColor foregroundAt(int row, int column) const;
    Q_INVOKABLE QColor backgroundAt(int row, int column) const;
    Q_INVOKABLE QString rowText(int row) const;
    // The top-left corner of a cell in the item, for a test that reads pixels.
    Q_INVOKABLE QPointF cellPosition(int row, int column) const;

    void paint(QPainter *painter) override;

signals:
    void terminalChanged();
    void metricsChanged();
    void scrollbackChanged();

private:
    TerminalScreen::Cell visibleCell(int row, int column) const;
    QColor foregroundOf(const TerminalScreen::Cell &cell) const;
    QColor backgroundOf(const TerminalScreen::Cell &cell) const;
    void onTerminalChanged();
    void updateMetrics();

    QPointer<TerminalScreen> m_terminal;
    QFont m_font;
    QFont m_boldFont;
    qreal m_cellWidth = 0;
    qreal m_cellHeight = 0;
    qreal m_ascent = 0;
    qreal m_cellWidthPerPixel = 0.6;
    qreal m_cellHeightPerPixel = 1.2;
    int m_scrollback = 0;
    qsizetype m_knownScrollbackSize = 0;
    QTimer m_refresh;
};
