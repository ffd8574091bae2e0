#pragma once

#include "ConfigError.h"

#include <QString>
#include <QStringList>

#include <optional>

class Configuration;

// Layers the configuration files over the built-in defaults: the main file (/etc/qbmc/qbmc.yaml or
// --config), then every *.yaml in the qbmc.d folder beside it, in name order. A missing default
// main file is fine (qbmc runs on defaults); a missing --config file is an error.
class ConfigLoader
{
public:
    enum class MainFile { Optional, Required };

    static std::optional<ConfigError> load(Configuration *configuration, const QString &mainFile, MainFile required,
                                           QStringList *warnings, QStringList *filesRead = nullptr);
};
