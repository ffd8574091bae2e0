#pragma once

#include "VideoFrame.h"

#include <QSize>
#include <QString>

#include <optional>

// Turns one buffer of a capture device into a VideoFrame (0x00RRGGBB pixels): MJPEG through
// libjpeg-turbo, packed YUV 4:2:2 (BT.601, limited range, as HDMI sources send it), 24-bit and
// 32-bit RGB. Buffers come from devices and so are not trusted: a short one, a damaged JPEG or
// one of an unexpected size is refused with a reason, never read past. Decoding into the same
// frame again reuses its pixels when nobody else holds them, so a steady stream allocates nothing.
class FrameDecoder
{
public:
    // Larger JPEG headers are refused rather than allocated for: capture devices stop at 4K.
    static constexpr int maxSide = 4096;

    FrameDecoder();
    ~FrameDecoder();
    FrameDecoder(const FrameDecoder &) = delete;
    FrameDecoder &operator=(const FrameDecoder &) = delete;

    static bool canDecode(quint32 fourcc);

    // The negotiated format. For MJPEG the size is what the stream should have; a JPEG says its
    // own, which decode() follows (the caller compares). `bytesPerLine` 0: packed rows.
    void setFormat(quint32 fourcc, QSize size, int bytesPerLine = 0);
    quint32 fourcc() const { return m_fourcc; }
    QSize size() const { return m_size; }

    // Decodes `bytes` bytes at `data` into `frame`; on failure the reason, and `frame` is left
    // in an unspecified state.
    std::optional<QString> decode(const uchar *data, qsizetype bytes, VideoFrame &frame);

private:
    std::optional<QString> decodeJpeg(const uchar *data, qsizetype bytes, VideoFrame &frame);
    std::optional<QString> decodeRaw(const uchar *data, qsizetype bytes, VideoFrame &frame);

    void *m_jpeg = nullptr; // tjhandle, created on the first JPEG
    quint32 m_fourcc = 0;
    QSize m_size;
    int m_bytesPerLine = 0;
};
