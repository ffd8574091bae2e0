#pragma once

#include "ConfigEntry.h"
#include "ConfigError.h"

#include <QList>
#include <QString>

#include <optional>

// Reads one YAML configuration file (yaml-cpp) into ConfigEntry leaves with their line numbers;
// the schema then types and validates them in core. Syntax errors, duplicate keys and lists of
// anything but plain values are reported here, naming the file and line.
class YamlConfigReader
{
public:
    struct Result
    {
        QList<ConfigEntry> entries;
        std::optional<ConfigError> error;
    };

    static Result readFile(const QString &path);
    static Result parse(const QString &fileName, const QByteArray &content);
};
