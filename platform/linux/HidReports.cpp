#include "HidReports.h"

#include <algorithm>

namespace HidReports {

namespace {

// Report descriptors are item lists (HID 1.11 section 6.2.2): a prefix byte (tag, type, size)
// and 0, 1, 2 or 4 bytes of data, little-endian.
constexpr unsigned char keyboard[] = {
    0x05, 0x01, // Usage Page (Generic Desktop)
    0x09, 0x06, // Usage (Keyboard)
    0xA1, 0x01, // Collection (Application)
    0x05, 0x07, //   Usage Page (Keyboard)
    0x19, 0xE0, //   Usage Minimum (Left Control)
    0x29, 0xE7, //   Usage Maximum (Right GUI)
    0x15, 0x00, //   Logical Minimum (0)
    0x25, 0x01, //   Logical Maximum (1)
    0x75, 0x01, //   Report Size (1)
    0x95, 0x08, //   Report Count (8)
    0x81, 0x02, //   Input (Data, Variable, Absolute): byte 0, a bit per modifier
    0x95, 0x01, //   Report Count (1)
    0x75, 0x08, //   Report Size (8)
    0x81, 0x01, //   Input (Constant): byte 1, reserved
    0x95, 0x05, //   Report Count (5)
    0x75, 0x01, //   Report Size (1)
    0x05, 0x08, //   Usage Page (LEDs)
    0x19, 0x01, //   Usage Minimum (Num Lock)
    0x29, 0x05, //   Usage Maximum (Kana)
    0x91, 0x02, //   Output (Data, Variable, Absolute): the host's LEDs, bits 0..4
    0x95, 0x01, //   Report Count (1)
    0x75, 0x03, //   Report Size (3)
    0x91, 0x01, //   Output (Constant): pads the LEDs to a byte
    0x95, 0x06, //   Report Count (6)
    0x75, 0x08, //   Report Size (8)
    0x15, 0x00, //   Logical Minimum (0)
    0x25, 0x65, //   Logical Maximum (101)
    0x05, 0x07, //   Usage Page (Keyboard)
    0x19, 0x00, //   Usage Minimum (0)
    0x29, 0x65, //   Usage Maximum (Application, 101)
    0x81, 0x00, //   Input (Data, Array): bytes 2..7, the keys held
    0xC0,       // End Collection
};

constexpr unsigned char absoluteMouse[] = {
    0x05, 0x01,       // Usage Page (Generic Desktop)
    0x09, 0x02,       // Usage (Mouse)
    0xA1, 0x01,       // Collection (Application)
    0x09, 0x01,       //   Usage (Pointer)
    0xA1, 0x00,       //   Collection (Physical)
    0x05, 0x09,       //     Usage Page (Button)
    0x19, 0x01,       //     Usage Minimum (1)
    0x29, 0x03,       //     Usage Maximum (3)
    0x15, 0x00,       //     Logical Minimum (0)
    0x25, 0x01,       //     Logical Maximum (1)
    0x95, 0x03,       //     Report Count (3)
    0x75, 0x01,       //     Report Size (1)
    0x81, 0x02,       //     Input (Data, Variable, Absolute): left, right, middle
    0x95, 0x01,       //     Report Count (1)
    0x75, 0x05,       //     Report Size (5)
    0x81, 0x01,       //     Input (Constant): pads the buttons to a byte
    0x05, 0x01,       //     Usage Page (Generic Desktop)
    0x09, 0x30,       //     Usage (X)
    0x09, 0x31,       //     Usage (Y)
    0x15, 0x00,       //     Logical Minimum (0)
    0x26, 0xFF, 0x7F, //     Logical Maximum (32767)
    0x75, 0x10,       //     Report Size (16)
    0x95, 0x02,       //     Report Count (2)
    0x81, 0x02,       //     Input (Data, Variable, Absolute): X and Y
    0x09, 0x38,       //     Usage (Wheel)
    0x15, 0x81,       //     Logical Minimum (-127)
    0x25, 0x7F,       //     Logical Maximum (127)
    0x75, 0x08,       //     Report Size (8)
    0x95, 0x01,       //     Report Count (1)
    0x81, 0x06,       //     Input (Data, Variable, Relative): wheel steps
    0xC0,             //   End Collection
    0xC0,             // End Collection
};

// The boot mouse's report (HID 1.11 Appendix B.2) with a wheel byte after it, which firmware
// reading the boot protocol ignores.
constexpr unsigned char relativeMouse[] = {
    0x05, 0x01, // Usage Page (Generic Desktop)
    0x09, 0x02, // Usage (Mouse)
    0xA1, 0x01, // Collection (Application)
    0x09, 0x01, //   Usage (Pointer)
    0xA1, 0x00, //   Collection (Physical)
    0x05, 0x09, //     Usage Page (Button)
    0x19, 0x01, //     Usage Minimum (1)
    0x29, 0x03, //     Usage Maximum (3)
    0x15, 0x00, //     Logical Minimum (0)
    0x25, 0x01, //     Logical Maximum (1)
    0x95, 0x03, //     Report Count (3)
    0x75, 0x01, //     Report Size (1)
    0x81, 0x02, //     Input (Data, Variable, Absolute): left, right, middle
    0x95, 0x01, //     Report Count (1)
    0x75, 0x05, //     Report Size (5)
    0x81, 0x01, //     Input (Constant): pads the buttons to a byte
    0x05, 0x01, //     Usage Page (Generic Desktop)
    0x09, 0x30, //     Usage (X)
    0x09, 0x31, //     Usage (Y)
    0x09, 0x38, //     Usage (Wheel)
    0x15, 0x81, //     Logical Minimum (-127)
    0x25, 0x7F, //     Logical Maximum (127)
    0x75, 0x08, //     Report Size (8)
    0x95, 0x03, //     Report Count (3)
    0x81, 0x06, //     Input (Data, Variable, Relative): dX, dY, wheel steps
    0xC0,       //   End Collection
    0xC0,       // End Collection
};

template <size_t N>
QByteArray bytes(const unsigned char (&data)[N])
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(N));
}

char signedByte(int value)
{
    return char(qint8(std::clamp(value, -relativeMouseStep, relativeMouseStep)));
}

} // namespace

QByteArray keyboardDescriptor()
{
    return bytes(keyboard);
}

QByteArray absoluteMouseDescriptor()
{
    return bytes(absoluteMouse);
}

QByteArray relativeMouseDescriptor()
{
    return bytes(relativeMouse);
}

QByteArray keyboardReport(quint8 modifiers, const QList<quint8> &keys)
{
    QByteArray report(keyboardReportLength, '\0');
    report[0] = char(modifiers);
    const bool rollover = keys.size() > keyboardKeySlots;
    for (int slot = 0; slot < keyboardKeySlots; ++slot) {
        if (rollover)
            report[2 + slot] = char(errorRollOver);
        else if (slot < keys.size())
            report[2 + slot] = char(keys[slot]);
    }
    return report;
}

QByteArray absoluteMouseReport(int x, int y, quint8 buttons, int wheel)
{
    const auto x16 = quint16(std::clamp(x, 0, absoluteMouseMax));
    const auto y16 = quint16(std::clamp(y, 0, absoluteMouseMax));
    QByteArray report(absoluteMouseReportLength, '\0');
    report[0] = char(buttons & 0x07);
    report[1] = char(x16 & 0xFF);
    report[2] = char(x16 >> 8);
    report[3] = char(y16 & 0xFF);
    report[4] = char(y16 >> 8);
    report[5] = signedByte(wheel);
    return report;
}

QByteArray relativeMouseReport(quint8 buttons, int dx, int dy, int wheel)
{
    QByteArray report(relativeMouseReportLength, '\0');
    report[0] = char(buttons & 0x07);
    report[1] = signedByte(dx);
    report[2] = signedByte(dy);
    report[3] = signedByte(wheel);
    return report;
}

std::optional<ReportSizes> reportSizes(QByteArrayView descriptor)
{
    // Item prefixes (HID 1.11 section 6.2.2.7 and 6.2.2.4), size bits masked off.
    constexpr int input = 0x80, output = 0x90, feature = 0xB0, collection = 0xA0, endCollection = 0xC0;
    constexpr int reportSize = 0x74, reportId = 0x84, reportCount = 0x94;
    constexpr int longItem = 0xFE;
    constexpr int dataSizes[] = {0, 1, 2, 4};

    ReportSizes sizes;
    qint64 size = 0;
    qint64 count = 0;
    int depth = 0;
    qsizetype at = 0;
    while (at < descriptor.size()) {
        const auto prefix = quint8(descriptor[at]);
        if (prefix == longItem)
            return std::nullopt;
        const int dataSize = dataSizes[prefix & 0x03];
        if (at + 1 + dataSize > descriptor.size())
            return std::nullopt;
        quint32 data = 0;
        for (int i = 0; i < dataSize; ++i)
            data |= quint32(quint8(descriptor[at + 1 + i])) << (8 * i);
        at += 1 + dataSize;

        // Sizes and counts this large are no keyboard's or mouse's; they would only overflow the sums.
        if ((prefix & 0xFC) == reportSize || (prefix & 0xFC) == reportCount) {
            if (data > 0xFFFF)
                return std::nullopt;
        }
        const qint64 bits = size * count;
        switch (prefix & 0xFC) {
        case reportSize: size = data; break;
        case reportCount: count = data; break;
        case reportId: return std::nullopt;
        case input: sizes.inputBits += int(bits); break;
        case output: sizes.outputBits += int(bits); break;
        case feature: sizes.featureBits += int(bits); break;
        case collection: ++depth; break;
        case endCollection:
            if (--depth < 0)
                return std::nullopt;
            break;
        default: break;
        }
        if (bits > 0xFFFF || sizes.inputBits > 0xFFFF || sizes.outputBits > 0xFFFF || sizes.featureBits > 0xFFFF)
            return std::nullopt;
    }
    if (depth != 0)
        return std::nullopt;
    return sizes;
}

} // namespace HidReports
