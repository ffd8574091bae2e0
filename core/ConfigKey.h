#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

// One configuration key: its type, default, what values it allows and what it means. The schema
// (ConfigSchema) is a table of these; YAML files, the state overlay and --print-config all go
// through it, so a key is declared in exactly one place.
struct ConfigKey
{
    enum class Type {
        Bool,        // true/false (also yes/no, on/off)
        Integer,     // within [minimum, maximum], or one of allowedIntegers when given
        Seconds,     // a number of seconds within [minimum, maximum]
        String,      // any text (at most `maximum` characters when that is set); absent is empty
        Address,     // an IPv4 or IPv6 address; "::" means every address
        Digits,      // empty, or minimum to maximum decimal digits (a PIN)
        Choice,      // one of choices
        IntegerList, // a non-empty list of distinct allowedIntegers
    };

    // Set at run time through IPMI, Redfish or the screen, persisted in the state directory and
    // winning over YAML from then on.
    enum class Persistence { FileOnly, Runtime };

    QString path;
    Type type = Type::String;
    QVariant defaultValue;
    QString description;
    double minimum = 0;
    double maximum = 0;
    QStringList choices;
    QList<qint64> allowedIntegers;
    Persistence persistence = Persistence::FileOnly;

    // What the key allows, for error messages: "an integer from 1 to 65535", "sim or gpio".
    QString allowedText() const;

    // A scalar or list as YAML spells it; nullopt when it is not allowed.
    std::optional<QVariant> parse(const QString &scalar) const;
    std::optional<QVariant> parseList(const QStringList &items) const;
    // A value as the state overlay stores it.
    std::optional<QVariant> fromJson(const QJsonValue &value) const;
    QJsonValue toJson(const QVariant &value) const;
    // How --print-config writes a value (valid YAML).
    QString toYaml(const QVariant &value) const;

    bool isList() const { return type == Type::IntegerList; }

private:
    std::optional<QVariant> checkInteger(qint64 value) const;
    std::optional<QVariant> checkSeconds(double value) const;
};
