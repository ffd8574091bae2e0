#pragma once

#include <QByteArray>
#include <QSize>

#include <algorithm>

// One picture of the host's screen as the KVM faces take it: 32-bit pixels 0x00RRGGBB in the
// machine's byte order, rows packed (width * 4 bytes each). That is QImage's Format_RGB32 and the
// true-colour format libvncserver serves, so a frame reaches a viewer without conversion.
struct VideoFrame
{
    QSize size;
    QByteArray pixels; // size.width() * size.height() * 4 bytes

    bool isNull() const { return size.isEmpty(); }
    // The pixel at (x, y); the caller keeps inside the frame.
    quint32 pixel(int x, int y) const
    {
        return reinterpret_cast<const quint32 *>(pixels.constData())[qsizetype(y) * size.width() + x];
    }
    // A frame of one colour.
    static VideoFrame filled(QSize size, quint32 colour)
    {
        VideoFrame frame{size, QByteArray(qsizetype(size.width()) * size.height() * 4, Qt::Uninitialized)};
        std::fill_n(reinterpret_cast<quint32 *>(frame.pixels.data()), qsizetype(size.width()) * size.height(), colour);
        return frame;
    }
};
