#include "Configuration.h"

#include "CoreLogging.h"
#include "StateFormats.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {
const auto settingsKey = "settings"_L1;

QString quoted(const QString &text)
{
    const QByteArray json = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

QString describeGiven(const ConfigEntry &entry)
{
    if (entry.kind == ConfigEntry::Kind::List) {
        QStringList items;
        for (const QString &item : entry.items)
            items.append(quoted(item));
        return u"["_s + items.join(u", "_s) + u"]"_s;
    }
    return quoted(entry.scalar);
}
} // namespace

QString Configuration::Source::toString() const
{
    switch (kind) {
    case Kind::Default: return u"default"_s;
    case Kind::File: {
        QString text = u"%1:%2"_s.arg(file).arg(line);
        if (!spelledAs.isEmpty())
            text += u" (as %1)"_s.arg(spelledAs);
        return text;
    }
    case Kind::State: return u"set at run time (%1)"_s.arg(file);
    }
    return {};
}

Configuration::Configuration(QObject *parent)
    : QObject(parent)
{
    for (const ConfigKey &key : ConfigSchema::instance().keys())
        m_settings.insert(key.path, {key.defaultValue, {}});
}

const ConfigKey &Configuration::schemaKey(QLatin1StringView path)
{
    // Every name in ConfigKeys has its entry in ConfigSchema; tst_configuration checks each one.
    const ConfigKey *key = ConfigSchema::instance().key(path);
    if (!key)
        qFatal("ConfigKeys names %s, which ConfigSchema does not describe", path.latin1());
    return *key;
}

std::optional<ConfigError> Configuration::applyFile(const QString &file, const QList<ConfigEntry> &entries,
                                                    QStringList *warnings)
{
    QHash<QString, int> seenInFile;
    for (const ConfigEntry &entry : entries) {
        if (auto error = applyEntry(file, entry, warnings, &seenInFile))
            return error;
    }
    return std::nullopt;
}

std::optional<ConfigError> Configuration::applyEntry(const QString &file, const ConfigEntry &entry,
                                                     QStringList *warnings, QHash<QString, int> *seenInFile)
{
    const ConfigSchema &schema = ConfigSchema::instance();
    const auto error = [&](const QString &key, const QString &message) {
        return ConfigError{file, entry.line, key, message};
    };

    if (schema.isIgnored(entry.path)) {
        if (warnings)
            warnings->append(
                u"%1:%2: %3: a PiKVM setting qbmc does not need; ignored"_s.arg(file).arg(entry.line).arg(entry.path));
        return std::nullopt;
    }

    QString path = entry.path;
    QString spelledAs;
    if (const QString target = schema.aliasTarget(path); !target.isEmpty()) {
        spelledAs = path;
        path = target;
    }

    const ConfigKey *key = schema.key(path);
    if (!key) {
        if (schema.isSection(path)) {
            if (entry.kind == ConfigEntry::Kind::Null || entry.kind == ConfigEntry::Kind::Mapping)
                return std::nullopt;
            return error(path, u"is a section, not a value; it holds: %1"_s.arg(schema.childrenOf(path).join(u", "_s)));
        }
        // Report the first segment that is not known, under the deepest section that is.
        const QStringList parts = path.split(u'.');
        for (qsizetype known = parts.size() - 1; known >= 0; --known) {
            const QString prefix = parts.mid(0, known).join(u'.');
            // Aliases keep their segments' lines only when spelled as written.
            const auto lineOf = [&](qsizetype segment) {
                return spelledAs.isEmpty() ? entry.lineOfSegment(segment) : entry.line;
            };
            const QString prefixTarget = schema.aliasTarget(prefix);
            if (const ConfigKey *parent = schema.key(prefixTarget.isEmpty() ? prefix : prefixTarget))
                return ConfigError{file, lineOf(known - 1), prefix,
                                   u"expected %1, got a mapping"_s.arg(parent->allowedText())};
            if (schema.isSection(prefix)) {
                const QString where = prefix.isEmpty() ? u"at the top level"_s : u"in %1"_s.arg(prefix);
                return ConfigError{
                    file, lineOf(known), parts.mid(0, known + 1).join(u'.'),
                    u"unknown key; allowed %1: %2"_s.arg(where, schema.childrenOf(prefix).join(u", "_s))};
            }
        }
    }

    if (const auto previous = seenInFile->constFind(path); previous != seenInFile->cend())
        return error(entry.path, u"set twice in this file (also on line %1)"_s.arg(*previous));
    seenInFile->insert(path, entry.line);

    std::optional<QVariant> parsed;
    switch (entry.kind) {
    case ConfigEntry::Kind::Scalar:
        if (key->isList())
            return error(entry.path, u"expected %1, got a single value"_s.arg(key->allowedText()));
        parsed = key->parse(entry.scalar);
        break;
    case ConfigEntry::Kind::List:
        if (!key->isList())
            return error(entry.path, u"expected %1, got a list"_s.arg(key->allowedText()));
        parsed = key->parseList(entry.items);
        break;
    case ConfigEntry::Kind::Null:
        if (key->type != ConfigKey::Type::String && key->type != ConfigKey::Type::Digits)
            return error(entry.path, u"no value given; expected %1"_s.arg(key->allowedText()));
        parsed = QString();
        break;
    case ConfigEntry::Kind::Mapping: return error(entry.path, u"expected %1, got a mapping"_s.arg(key->allowedText()));
    }
    if (!parsed)
        return error(entry.path, u"%1 is not valid; expected %2"_s.arg(describeGiven(entry), key->allowedText()));

    m_settings.insert(path, {*parsed, Source::fromFile(file, entry.line, spelledAs)});
    return std::nullopt;
}

std::optional<ConfigError> Configuration::validate() const
{
    using namespace ConfigKeys;
    const auto errorAt = [this](const auto key, const QString &message) {
        const Source where = source(key);
        return ConfigError{where.file, where.line, where.spelledAs.isEmpty() ? QString(key.path) : where.spelledAs,
                           message};
    };
    const auto fromFile = [this](const auto key) { return source(key).kind != Source::Kind::Default; };

    if (value(hostBackend) == u"sim"_s && value(powerLongPress) <= value(hostSimForceOffHold)) {
        const double longPress = value(schemaKey(powerLongPress.path)).toDouble();
        const double hold = value(schemaKey(hostSimForceOffHold.path)).toDouble();
        const QString consequence = u"or the simulated host takes a forced power-off for a short press"_s;
        if (fromFile(powerLongPress))
            return errorAt(
                powerLongPress,
                u"%1 s must be longer than host.sim.force_off_hold (%2 s), %3"_s.arg(longPress).arg(hold).arg(
                    consequence));
        return errorAt(
            hostSimForceOffHold,
            u"%1 s must be shorter than power.long_press (%2 s), %3"_s.arg(hold).arg(longPress).arg(consequence));
    }

    const bool hasCert = !value(redfishTlsCert).isEmpty();
    const bool hasKey = !value(redfishTlsKey).isEmpty();
    if (hasCert != hasKey) {
        const Key<QString> set = hasCert ? redfishTlsCert : redfishTlsKey;
        const Key<QString> missing = hasCert ? redfishTlsKey : redfishTlsCert;
        return errorAt(set, u"set without %1; set both or neither"_s.arg(missing.path));
    }
    return std::nullopt;
}

StateFile::Result Configuration::attachState(const QString &stateDirectory, StateFile::Mode mode)
{
    m_stateFile = std::make_unique<StateFile>(QDir(stateDirectory).filePath(StateFormats::settings.fileName));
    const StateFile::Result loaded = m_stateFile->load(
        StateFormats::settings.version,
        [](const QJsonObject &object) -> QString {
            if (!object.value(settingsKey).isObject())
                return u"no settings object"_s;
            const QJsonObject settings = object.value(settingsKey).toObject();
            for (auto it = settings.begin(); it != settings.end(); ++it) {
                const ConfigKey *key = ConfigSchema::instance().key(it.key());
                if (!key || key->persistence != ConfigKey::Persistence::Runtime)
                    return u"%1 cannot be set at run time"_s.arg(it.key());
                if (!key->fromJson(it.value()))
                    return u"%1 has a value that is not valid"_s.arg(it.key());
            }
            return {};
        },
        mode);

    if (loaded.usable()) {
        const QJsonObject settings = loaded.object.value(settingsKey).toObject();
        for (auto it = settings.begin(); it != settings.end(); ++it) {
            const ConfigKey &key = *ConfigSchema::instance().key(it.key());
            m_settings.insert(key.path, {*key.fromJson(it.value()), Source::fromState(m_stateFile->path())});
        }
    } else if (loaded.status == StateFile::Status::Damaged && mode == StateFile::Mode::Repair) {
        qCCritical(lcConfig, "settings changed at run time are lost; the configuration files apply");
    }
    return loaded;
}

QVariant Configuration::value(const ConfigKey &key) const
{
    return m_settings.value(key.path).value;
}

Configuration::Source Configuration::source(const ConfigKey &key) const
{
    return m_settings.value(key.path).source;
}

std::optional<Failure> Configuration::setRuntimeValue(const ConfigKey &key, const QVariant &value)
{
    if (key.persistence != ConfigKey::Persistence::Runtime)
        return Failure{Failure::Code::NotChangeable, u"%1 cannot be changed at run time"_s.arg(key.path)};
    const std::optional<QVariant> checked = key.fromJson(QJsonValue::fromVariant(value));
    if (!checked)
        return Failure{Failure::Code::InvalidValue,
                       u"%1: %2 is not valid; expected %3"_s.arg(key.path, value.toString(), key.allowedText())};

    const bool changed = m_settings.value(key.path).value != *checked;
    m_settings.insert(key.path, {*checked, Source::fromState(m_stateFile ? m_stateFile->path() : QString())});
    if (m_stateFile)
        m_stateFile->save(StateFormats::settings.version, {{settingsKey, runtimeValuesToJson()}});
    if (changed)
        emit valueChanged(key.path);
    return std::nullopt;
}

QJsonObject Configuration::runtimeValuesToJson() const
{
    QJsonObject settings;
    for (auto it = m_settings.cbegin(); it != m_settings.cend(); ++it) {
        if (it->source.kind == Source::Kind::State)
            settings.insert(it.key(), ConfigSchema::instance().key(it.key())->toJson(it->value));
    }
    return settings;
}

QString Configuration::toYaml() const
{
    QString yaml = u"# qbmc: effective configuration; after each value, where it came from\n"_s;
    QStringList openSections;
    for (const ConfigKey &key : ConfigSchema::instance().keys()) {
        const QStringList parts = key.path.split(u'.');
        const QStringList sections = parts.mid(0, parts.size() - 1);
        qsizetype common = 0;
        while (common < sections.size() && common < openSections.size() && sections[common] == openSections[common])
            ++common;
        for (qsizetype depth = common; depth < sections.size(); ++depth)
            yaml += QString(depth * 2, u' ') + sections[depth] + u":\n"_s;
        openSections = sections;

        const Setting setting = m_settings.value(key.path);
        yaml += u"%1%2: %3  # %4\n"_s.arg(QString(sections.size() * 2, u' '), parts.last(), key.toYaml(setting.value),
                                          setting.source.toString());
    }
    return yaml;
}
