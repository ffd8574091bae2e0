// The host console's bytes as the terminal model parses them: whatever the host, or whoever holds
// the serial line, prints. Byte 0 picks the screen's size, byte 1 where the rest is split in two
// feeds (a sequence may arrive in pieces), and afterwards every row is read and keys are encoded,
// as the faces that draw and type would.
#include "TerminalScreen.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    TerminalScreen screen(20 + data[0] % 200, 5 + data[0] % 60, 64);
    const auto *bytes = reinterpret_cast<const char *>(data + 2);
    const size_t length = size - 2;
    const size_t split = std::min<size_t>(data[1], length);
    screen.feed(QByteArrayView(bytes, qsizetype(split)));
    screen.feed(QByteArrayView(bytes + split, qsizetype(length - split)));
    for (int row = 0; row < screen.rows(); ++row)
        (void)screen.rowText(row);
    (void)screen.encodeKey(TerminalScreen::Key::Up);
    (void)screen.encodeText(QStringLiteral("x"), TerminalScreen::Modifier::Control);
    return 0;
}
