#pragma once

#include "Expected.h"
#include "TerminalScreen.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

// One message from a client of wss://<host>/console0/screen (docs/decisions.md#115), read from its
// JSON text whole before anything of it reaches the host:
//   {"type":"key", "key":"F2", "modifiers":["Shift","Control","Alt"]}  key: a TerminalScreen::Key name
//   {"type":"text", "text":"…", "modifiers":[…]}                      Ctrl+C is "c" with Control
//   {"type":"takeOver"}
// "modifiers" may be left out. Members the message does not use are ignored, so that a newer
// client can add some; anything else it does not understand refuses the whole message.
struct ScreenClientMessage
{
    enum class Type { Key, Text, TakeOver };

    Type type = Type::Text;
    TerminalScreen::Key key = TerminalScreen::Key::Enter;
    QString text;
    TerminalScreen::Modifiers modifiers;

    // The message, or why it is refused, in words for the client.
    static Expected<ScreenClientMessage, QString> parse(QByteArrayView json);

    // What a terminal sends for a key or text message in the host's current modes; empty for a
    // take-over.
    QByteArray encodeFor(TerminalScreen &terminal) const;
};
