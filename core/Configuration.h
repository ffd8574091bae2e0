#pragma once

#include "ConfigEntry.h"
#include "ConfigError.h"
#include "ConfigSchema.h"
#include "StateFile.h"

#include <QHash>
#include <QObject>
#include <QVariant>

#include <chrono>
#include <memory>
#include <optional>

// The effective configuration: built-in defaults, then each YAML file in order, then the values
// changed at run time (persisted in the state directory, DECISIONS.md), each with its source.
// Every value is validated against ConfigSchema when it arrives.
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

    QVariant value(const QString &path) const;
    bool boolValue(const QString &path) const { return value(path).toBool(); }
    int intValue(const QString &path) const { return value(path).toInt(); }
    QString stringValue(const QString &path) const { return value(path).toString(); }
    std::chrono::milliseconds duration(const QString &path) const;
    QList<int> integerList(const QString &path) const;
    Source source(const QString &path) const;

    // Changes a Runtime key and persists it; returns what is wrong instead when the value is not
    // allowed or the key cannot change at run time.
    std::optional<QString> setRuntimeValue(const QString &path, const QVariant &value);

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
    const ConfigKey &schemaKey(const QString &path) const;
    std::optional<ConfigError> applyEntry(const QString &file, const ConfigEntry &entry, QStringList *warnings,
                                          QHash<QString, int> *seenInFile);
    QJsonObject runtimeValuesToJson() const;

    QHash<QString, Setting> m_settings;
    std::unique_ptr<StateFile> m_stateFile;
};
