#pragma once

#include "ScreenViewModel.h"

#include <QPointer>
#include <QQuickPaintedItem>
#include <QRectF>
#include <QtQml/qqmlregistration.h>

// Draws the host's picture scaled to the item with its aspect kept, black around it, smoothly
// when it is made smaller (a 1920x1080 desktop on an 800x480 panel stays legible). Taps map back
// to the picture through pictureRect.
class ScreenView : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ScreenViewModel *screen READ screen WRITE setScreen NOTIFY screenChanged)
    // Where the picture is drawn in the item; empty without a picture.
    Q_PROPERTY(QRectF pictureRect READ pictureRect NOTIFY pictureRectChanged)

public:
    explicit ScreenView(QQuickItem *parent = nullptr);

    ScreenViewModel *screen() const { return m_screen; }
    void setScreen(ScreenViewModel *screen);
    QRectF pictureRect() const;

    // The colour drawn at (x, y) of the item, for a test that reads what the panel shows.
    Q_INVOKABLE QColor pictureColourAt(qreal x, qreal y) const;

    void paint(QPainter *painter) override;

signals:
    void screenChanged();
    void pictureRectChanged();

protected:
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;

private:
    QPointer<ScreenViewModel> m_screen;
};
