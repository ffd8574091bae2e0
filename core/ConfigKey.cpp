#include "ConfigKey.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <arpa/inet.h>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
QString joinAlternatives(const QStringList &items)
{
    if (items.size() < 2)
        return items.value(0);
    return items.mid(0, items.size() - 1).join(u", "_s) + u" or "_s + items.last();
}

QString integersText(const QList<qint64> &values)
{
    QStringList items;
    for (qint64 value : values)
        items.append(QString::number(value));
    return joinAlternatives(items);
}

bool isAddress(const QString &text)
{
    const QByteArray latin1 = text.toLatin1();
    unsigned char buffer[sizeof(in6_addr)];
    return inet_pton(AF_INET, latin1.constData(), buffer) == 1 || inet_pton(AF_INET6, latin1.constData(), buffer) == 1;
}
} // namespace

QString ConfigKey::allowedText() const
{
    switch (type) {
    case Type::Bool: return u"true or false"_s;
    case Type::Integer:
        if (!allowedIntegers.isEmpty())
            return integersText(allowedIntegers);
        return u"an integer from %1 to %2"_s.arg(qint64(minimum)).arg(qint64(maximum));
    case Type::Seconds: return u"a number of seconds from %1 to %2"_s.arg(minimum).arg(maximum);
    case Type::String: return maximum > 0 ? u"text of at most %1 characters"_s.arg(qint64(maximum)) : u"a string"_s;
    case Type::Address: return u"an IPv4 or IPv6 address (\"::\" for every address)"_s;
    case Type::Digits: return u"empty, or %1 to %2 digits"_s.arg(qint64(minimum)).arg(qint64(maximum));
    case Type::Choice: return joinAlternatives(choices);
    case Type::IntegerList:
        return u"a list of one or more of %1, like [%2]"_s.arg(integersText(allowedIntegers),
                                                               QString::number(allowedIntegers.value(0)));
    }
    return {};
}

std::optional<QVariant> ConfigKey::checkInteger(qint64 value) const
{
    if (!allowedIntegers.isEmpty())
        return allowedIntegers.contains(value) ? std::optional<QVariant>(value) : std::nullopt;
    if (value < qint64(minimum) || value > qint64(maximum))
        return std::nullopt;
    return QVariant(value);
}

std::optional<QVariant> ConfigKey::checkSeconds(double value) const
{
    if (!std::isfinite(value) || value < minimum || value > maximum)
        return std::nullopt;
    return QVariant(value);
}

std::optional<QVariant> ConfigKey::parse(const QString &scalar) const
{
    bool ok = false;
    switch (type) {
    case Type::Bool: {
        const QString word = scalar.toLower();
        if (word == u"true"_s || word == u"yes"_s || word == u"on"_s)
            return QVariant(true);
        if (word == u"false"_s || word == u"no"_s || word == u"off"_s)
            return QVariant(false);
        return std::nullopt;
    }
    case Type::Integer: {
        const qint64 value = scalar.toLongLong(&ok, 10);
        return ok ? checkInteger(value) : std::nullopt;
    }
    case Type::Seconds: {
        const double value = scalar.toDouble(&ok);
        return ok ? checkSeconds(value) : std::nullopt;
    }
    case Type::String: return maximum > 0 && scalar.size() > maximum ? std::nullopt : std::optional<QVariant>(scalar);
    case Type::Address: return isAddress(scalar) ? std::optional<QVariant>(scalar) : std::nullopt;
    case Type::Digits: {
        const bool digitsOnly = std::all_of(scalar.cbegin(), scalar.cend(), [](QChar c) { return c.isDigit(); });
        const bool allowed = scalar.isEmpty() || (digitsOnly && scalar.size() >= minimum && scalar.size() <= maximum);
        return allowed ? std::optional<QVariant>(scalar) : std::nullopt;
    }
    case Type::Choice: return choices.contains(scalar) ? std::optional<QVariant>(scalar) : std::nullopt;
    case Type::IntegerList: return std::nullopt;
    }
    return std::nullopt;
}

std::optional<QVariant> ConfigKey::parseList(const QStringList &items) const
{
    if (type != Type::IntegerList || items.isEmpty())
        return std::nullopt;
    QVariantList values;
    for (const QString &item : items) {
        bool ok = false;
        const qint64 value = item.toLongLong(&ok, 10);
        if (!ok || !allowedIntegers.contains(value) || values.contains(QVariant(value)))
            return std::nullopt;
        values.append(value);
    }
    return values;
}

std::optional<QVariant> ConfigKey::fromJson(const QJsonValue &value) const
{
    switch (type) {
    case Type::Bool: return value.isBool() ? std::optional<QVariant>(value.toBool()) : std::nullopt;
    case Type::Integer: {
        const double number = value.toDouble(std::nan(""));
        // Beyond qint64's range the cast below is undefined; no key allows such a value.
        if (!value.isDouble() || number != std::trunc(number) || std::abs(number) >= 0x1p63)
            return std::nullopt;
        return checkInteger(qint64(number));
    }
    case Type::Seconds: return value.isDouble() ? checkSeconds(value.toDouble()) : std::nullopt;
    case Type::String:
    case Type::Address:
    case Type::Digits:
    case Type::Choice: return value.isString() ? parse(value.toString()) : std::nullopt;
    case Type::IntegerList: {
        if (!value.isArray())
            return std::nullopt;
        QStringList items;
        for (const QJsonValue &item : value.toArray()) {
            if (!item.isDouble())
                return std::nullopt;
            items.append(QString::number(item.toDouble()));
        }
        return parseList(items);
    }
    }
    return std::nullopt;
}

QJsonValue ConfigKey::toJson(const QVariant &value) const
{
    return QJsonValue::fromVariant(value);
}

QString ConfigKey::toYaml(const QVariant &value) const
{
    switch (type) {
    case Type::Bool: return value.toBool() ? u"true"_s : u"false"_s;
    case Type::Integer: return QString::number(value.toLongLong());
    case Type::Seconds: return QString::number(value.toDouble());
    case Type::String:
    case Type::Address:
    case Type::Digits:
    case Type::Choice: {
        // A JSON string is a valid YAML double-quoted scalar.
        const QByteArray quoted = QJsonDocument(QJsonArray{value.toString()}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(quoted.mid(1, quoted.size() - 2));
    }
    case Type::IntegerList: {
        QStringList items;
        for (const QVariant &item : value.toList())
            items.append(QString::number(item.toLongLong()));
        return u"["_s + items.join(u", "_s) + u"]"_s;
    }
    }
    return {};
}
