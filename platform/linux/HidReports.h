#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

// What qbmc's USB keyboard and mice say to the host: their HID report descriptors and the reports
// they send. The keyboard is the boot keyboard of the HID specification (Appendix B.1), so that
// firmware setup screens, boot loaders and operating systems all read it without a driver of their
// own. The absolute mouse puts the pointer where the viewer's is, without acceleration in the way;
// the relative mouse is the boot mouse for firmware that ignores absolute pointers.
namespace HidReports {

// Boot keyboard input: modifiers, reserved, six keys. Its output report is one byte of LEDs.
constexpr int keyboardReportLength = 8;
constexpr int keyboardLedReportLength = 1;
constexpr int keyboardKeySlots = 6;
// The highest key usage the boot keyboard's descriptor declares (Application, 0x65); the host
// ignores a usage outside the declared range, so one is never sent.
constexpr quint8 keyboardMaxKey = 0x65;
// What a keyboard reports in every key slot when more keys are held than it can report.
constexpr quint8 errorRollOver = 0x01;

// Buttons, X and Y (16 bits each, 0..32767), wheel.
constexpr int absoluteMouseReportLength = 6;
constexpr int absoluteMouseMax = 32767;
// Buttons, dX, dY, wheel (each a signed byte): the boot mouse's three bytes and a wheel.
constexpr int relativeMouseReportLength = 4;
constexpr int relativeMouseStep = 127;

// The keyboard's LED output report, one bit each.
enum Led : quint8 { NumLock = 0x01, CapsLock = 0x02, ScrollLock = 0x04, Compose = 0x08, Kana = 0x10 };

QByteArray keyboardDescriptor();
QByteArray absoluteMouseDescriptor();
QByteArray relativeMouseDescriptor();

// The keyboard's input report for these modifier bits and held keys (in the order they went down);
// more keys than the six slots give ErrorRollOver in every slot, as a real keyboard reports it.
QByteArray keyboardReport(quint8 modifiers, const QList<quint8> &keys);
// x and y are clamped to 0..absoluteMouseMax, wheel to a signed byte.
QByteArray absoluteMouseReport(int x, int y, quint8 buttons, int wheel);
// dx, dy and wheel are clamped to a signed byte each.
QByteArray relativeMouseReport(quint8 buttons, int dx, int dy, int wheel);

// The sizes of the reports a descriptor declares, in bits, found by walking its items; a
// descriptor with report ids, long items, unbalanced collections or items cut short gives none.
// The tests check that the sizes are those the reports are built with.
struct ReportSizes
{
    int inputBits = 0;
    int outputBits = 0;
    int featureBits = 0;
};
std::optional<ReportSizes> reportSizes(QByteArrayView descriptor);

} // namespace HidReports
