#pragma once

#include "ConfigEntry.h"
#include "ConfigError.h"
#include "ConfigKeys.h"
#include "ConfigSchema.h"
#include "Failure.h"
#include "StateFile.h"

#include <QHash>
#include <QObject>
#include <QVariant>

#include <chrono>
#include <memory>
#include <optional>

// The effective configuration: built-in defaults, then each YAML file in order, then the values
// changed at run time (persisted in the state directory, docs/decisions.md#16), each with
// its source. Every value is validated against ConfigSchema when it arrives. Code reads a key by its
// typed name, value(ConfigKeys::ipmiPort); what walks the whole schema uses the ConfigKey overloads.
class Configuration : public QObject
{
    Q_OBJECT
public:
    struct Source
    {
        enum class Kind { Default, File, State };
        Kind kind = Kind::Default;
        QString file;
        int line = 0;
        QString spelledAs; // the alias the file used, e.g. "ipmi.server.port"

        static Source fromFile(const QString &file, int line, const QString &spelledAs)
        {
            Source source;
            source.kind = Kind::File;
            source.file = file;
            source.line = line;
            source.spelledAs = spelledAs;
            return source;
        }
        static Source fromState(const QString &file)
        {
            Source source;
            source.kind = Kind::State;
            source.file = file;
            return source;
        }

        QString toString() const;
    };

    explicit Configuration(QObject *parent = nullptr);

    // Applies one file's entries over what is there. Warnings (ignored PiKVM keys) are appended
    // to `warnings`; the first error stops and is returned.
    std::optional<ConfigError> applyFile(const QString &file, const QList<ConfigEntry> &entries,
                                         QStringList *warnings = nullptr);
    // Checks that need several keys at once; call after the last file.
    std::optional<ConfigError> validate() const;

    // Loads the runtime values from <stateDirectory>/settings.json; later setRuntimeValue() calls
    // persist there. A damaged file is set aside (or only reported, in ReadOnly mode).
    StateFile::Result attachState(const QString &stateDirectory, StateFile::Mode mode = StateFile::Mode::Repair);

    template <typename T>
    T value(ConfigKeys::Key<T> key) const
    {
        return fromVariant<T>(value(schemaKey(key.path)));
    }
    template <typename T>
    Source source(ConfigKeys::Key<T> key) const
    {
        return source(schemaKey(key.path));
    }
    // Changes a runtime key and persists it; refuses a value the schema does not allow, or a key
    // that cannot change at run time.
    template <typename T>
    std::optional<Failure> setRuntimeValue(ConfigKeys::Key<T> key, const std::type_identity_t<T> &value)
    {
        return setRuntimeValue(schemaKey(key.path), toVariant(value));
    }

    // The same for code that walks the schema: --print-config, SIGHUP, ServiceSettings.
    QVariant value(const ConfigKey &key) const;
    Source source(const ConfigKey &key) const;
    std::optional<Failure> setRuntimeValue(const ConfigKey &key, const QVariant &value);

    // A typed value as the schema holds it (durations in seconds), and back.
    template <typename T>
    static QVariant toVariant(const T &value);
    template <typename T>
    static T fromVariant(const QVariant &value);

    // The whole configuration as YAML, each value commented with its source (--print-config).
    QString toYaml() const;

signals:
    void valueChanged(const QString &path);

private:
    struct Setting
    {
        QVariant value;
        Source source;
    };
    static const ConfigKey &schemaKey(QLatin1StringView path);
    std::optional<ConfigError> applyEntry(const QString &file, const ConfigEntry &entry, QStringList *warnings,
                                          QHash<QString, int> *seenInFile);
    QJsonObject runtimeValuesToJson() const;

    QHash<QString, Setting> m_settings;
    std::unique_ptr<StateFile> m_stateFile;
};

template <typename T>
QVariant Configuration::toVariant(const T &value)
{
    if constexpr (std::is_same_v<T, ConfigKeys::Duration>) {
        return std::chrono::duration<double>(value).count();
    } else if constexpr (std::is_same_v<T, QList<int>>) {
        QVariantList items;
        for (int item : value)
            items.append(item);
        return items;
    } else {
        return QVariant::fromValue(value);
    }
}

template <typename T>
T Configuration::fromVariant(const QVariant &value)
{
    if constexpr (std::is_same_v<T, ConfigKeys::Duration>) {
        return ConfigKeys::Duration(qRound64(value.toDouble() * 1000));
    } else if constexpr (std::is_same_v<T, QList<int>>) {
        QList<int> items;
        for (const QVariant &item : value.toList())
            items.append(item.toInt());
        return items;
    } else {
        return value.value<T>();
    }
}
