#include "CaptureDevice.h"

#include <linux/videodev2.h>

QString CaptureDevice::fourccName(quint32 fourcc)
{
    if (fourcc == V4L2_PIX_FMT_MJPEG)
        return QStringLiteral("MJPEG");
    QString name;
    for (int shift = 0; shift < 32; shift += 8) {
        const char c = char((fourcc >> shift) & 0xff);
        // Short codes are padded with spaces ("Y10 "); anything unprintable is shown in hex.
        if (c == ' ')
            continue;
        if (c < 0x21 || c > 0x7e)
            return QStringLiteral("0x%1").arg(fourcc, 8, 16, QLatin1Char('0'));
        name += QLatin1Char(c);
    }
    return name;
}
