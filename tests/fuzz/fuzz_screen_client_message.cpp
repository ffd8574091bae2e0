// A message from a client of wss://<host>/console0/screen, as ScreenClientMessage reads it before
// anything reaches the host: any bytes a page, or whoever holds a session, can send. What parses is
// encoded by the terminal model as the connection would encode it; the same bytes, printed by the
// host, are drawn into runs as every screen client is sent them.
#include "ScreenClientMessage.h"
#include "ScreenUpdateEncoder.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    TerminalScreen terminal(40, 6, 0);
    const Expected<ScreenClientMessage, QString> message = ScreenClientMessage::parse(bytes);
    if (message) {
        const QByteArray encoded = message->encodeFor(terminal);
        // A take-over sends nothing; a key always sends something.
        if ((message->type == ScreenClientMessage::Type::TakeOver) != encoded.isEmpty()
            && message->type != ScreenClientMessage::Type::Text)
            std::abort();
    } else if (message.failure().isEmpty()) {
        std::abort(); // a refusal always says why
    }
    terminal.feed(bytes);
    for (int row = 0; row < terminal.rows(); ++row) {
        if (ScreenUpdateEncoder::runsOf(ScreenUpdateEncoder::lineOf(terminal, row)).isEmpty())
            std::abort(); // every row has at least one run
    }
    return 0;
}
