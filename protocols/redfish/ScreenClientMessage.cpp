#include "ScreenClientMessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>

using namespace Qt::StringLiterals;

namespace {
Expected<TerminalScreen::Modifiers, QString> modifiersOf(const QJsonObject &message)
{
    TerminalScreen::Modifiers modifiers;
    const QJsonValue value = message.value(u"modifiers"_s);
    if (value.isUndefined() || value.isNull())
        return modifiers;
    if (!value.isArray())
        return u"modifiers must be a list"_s;
    for (const QJsonValue &name : value.toArray()) {
        const QString text = name.toString();
        if (text == u"Shift"_s)
            modifiers |= TerminalScreen::Modifier::Shift;
        else if (text == u"Control"_s)
            modifiers |= TerminalScreen::Modifier::Control;
        else if (text == u"Alt"_s)
            modifiers |= TerminalScreen::Modifier::Alt;
        else
            return u"unknown modifier (Shift, Control, Alt)"_s;
    }
    return modifiers;
}

std::optional<TerminalScreen::Key> keyNamed(const QString &name)
{
    const QMetaEnum keys = QMetaEnum::fromType<TerminalScreen::Key>();
    const QByteArray latin1 = name.toLatin1();
    bool known = false;
    const int value = keys.keyToValue(latin1.constData(), &known);
    // keyToValue also takes scoped spellings ("TerminalScreen::F2"); the protocol has bare names.
    if (!known || latin1 != keys.valueToKey(value))
        return std::nullopt;
    return TerminalScreen::Key(value);
}
} // namespace

Expected<ScreenClientMessage, QString> ScreenClientMessage::parse(QByteArrayView json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return u"not a JSON object"_s;
    const QJsonObject object = document.object();
    const QString type = object.value(u"type"_s).toString();
    ScreenClientMessage message;
    if (type == u"takeOver"_s) {
        message.type = Type::TakeOver;
        return message;
    }
    if (type != u"key"_s && type != u"text"_s)
        return u"unknown type (key, text, takeOver)"_s;
    const Expected<TerminalScreen::Modifiers, QString> modifiers = modifiersOf(object);
    if (!modifiers)
        return modifiers.failure();
    message.modifiers = *modifiers;
    if (type == u"key"_s) {
        const std::optional<TerminalScreen::Key> key = keyNamed(object.value(u"key"_s).toString());
        if (!key)
            return u"unknown key"_s;
        message.type = Type::Key;
        message.key = *key;
        return message;
    }
    const QJsonValue text = object.value(u"text"_s);
    if (!text.isString() || text.toString().isEmpty())
        return u"a text message needs a text"_s;
    message.type = Type::Text;
    message.text = text.toString();
    return message;
}

QByteArray ScreenClientMessage::encodeFor(TerminalScreen &terminal) const
{
    switch (type) {
    case Type::Key: return terminal.encodeKey(key, modifiers);
    case Type::Text: return terminal.encodeText(text, modifiers);
    case Type::TakeOver: return {};
    }
    return {};
}
