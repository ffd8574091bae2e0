#include "ScreenView.h"

#include <QImage>
#include <QPainter>

namespace {
QImage imageOf(const VideoFrame &frame)
{
    // Borrows the frame's pixels: the caller keeps the frame while the image lives.
    return QImage(reinterpret_cast<const uchar *>(frame.pixels.constData()), frame.size.width(), frame.size.height(),
                  qsizetype(frame.size.width()) * 4, QImage::Format_RGB32);
}
} // namespace

ScreenView::ScreenView(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setOpaquePainting(true);
    setFillColor(Qt::black);
}

void ScreenView::setScreen(ScreenViewModel *screen)
{
    if (m_screen == screen)
        return;
    if (m_screen)
        disconnect(m_screen, nullptr, this, nullptr);
    m_screen = screen;
    if (screen) {
        connect(screen, &ScreenViewModel::frameChanged, this, [this] { update(); });
        connect(screen, &ScreenViewModel::frameSizeChanged, this, &ScreenView::pictureRectChanged);
    }
    emit screenChanged();
    emit pictureRectChanged();
    update();
}

QRectF ScreenView::pictureRect() const
{
    if (!m_screen || m_screen->frame().isNull() || width() <= 0 || height() <= 0)
        return {};
    const QSizeF picture = QSizeF(m_screen->frame().size).scaled(size(), Qt::KeepAspectRatio);
    return {(width() - picture.width()) / 2, (height() - picture.height()) / 2, picture.width(), picture.height()};
}

QColor ScreenView::pictureColourAt(qreal x, qreal y) const
{
    const QRectF target = pictureRect();
    if (!target.contains(x, y))
        return QColor(Qt::black);
    const VideoFrame &frame = m_screen->frame();
    const int column = std::min(frame.size.width() - 1, int((x - target.x()) * frame.size.width() / target.width()));
    const int row = std::min(frame.size.height() - 1, int((y - target.y()) * frame.size.height() / target.height()));
    return QColor(QRgb(frame.pixel(column, row)));
}

void ScreenView::paint(QPainter *painter)
{
    const QRectF target = pictureRect();
    if (target.isEmpty())
        return;
    const VideoFrame frame = m_screen->frame(); // shares the pixels, keeps them for the image
    painter->setRenderHint(QPainter::SmoothPixmapTransform, target.width() < frame.size.width());
    painter->drawImage(target, imageOf(frame));
}

void ScreenView::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickPaintedItem::geometryChange(newGeometry, oldGeometry);
    if (newGeometry.size() != oldGeometry.size())
        emit pictureRectChanged();
}
