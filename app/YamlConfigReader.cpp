#include "YamlConfigReader.h"

#include <QFile>
#include <QSet>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace {
int lineOf(const YAML::Node &node)
{
    return node.Mark().line + 1;
}

class Walker
{
public:
    explicit Walker(QString fileName)
        : m_fileName(std::move(fileName))
    {
    }

    std::optional<ConfigError> walkMapping(const YAML::Node &mapping, const QString &prefix,
                                           const QList<int> &prefixLines)
    {
        QSet<QString> seen;
        for (auto it = mapping.begin(); it != mapping.end(); ++it) {
            const YAML::Node key = it->first;
            const YAML::Node value = it->second;
            if (!key.IsScalar())
                return error(lineOf(key), prefix, u"keys must be plain names"_s);
            const QString name = QString::fromStdString(key.Scalar());
            const QString path = prefix.isEmpty() ? name : prefix + u'.' + name;
            if (seen.contains(name))
                return error(lineOf(key), path, u"duplicate key"_s);
            seen.insert(name);

            ConfigEntry entry;
            entry.path = path;
            entry.line = lineOf(key);
            entry.segmentLines = prefixLines;
            entry.segmentLines.append(entry.line);
            switch (value.Type()) {
            case YAML::NodeType::Map:
                if (value.size() > 0) {
                    if (auto problem = walkMapping(value, path, entry.segmentLines))
                        return problem;
                    continue;
                }
                entry.kind = ConfigEntry::Kind::Mapping;
                break;
            case YAML::NodeType::Sequence:
                entry.kind = ConfigEntry::Kind::List;
                for (const YAML::Node &item : value) {
                    if (!item.IsScalar())
                        return error(lineOf(item), path, u"lists may hold only plain values"_s);
                    entry.items.append(QString::fromStdString(item.Scalar()));
                }
                break;
            case YAML::NodeType::Scalar:
                entry.kind = ConfigEntry::Kind::Scalar;
                entry.scalar = QString::fromStdString(value.Scalar());
                break;
            case YAML::NodeType::Null:
            case YAML::NodeType::Undefined: entry.kind = ConfigEntry::Kind::Null; break;
            }
            m_entries.append(entry);
        }
        return std::nullopt;
    }

    QList<ConfigEntry> takeEntries() { return std::move(m_entries); }

private:
    ConfigError error(int line, const QString &key, const QString &message) const
    {
        return ConfigError{m_fileName, line, key, message};
    }

    QString m_fileName;
    QList<ConfigEntry> m_entries;
};
} // namespace

YamlConfigReader::Result YamlConfigReader::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {{}, ConfigError{path, 0, {}, u"cannot read: %1"_s.arg(file.errorString())}};
    return parse(path, file.readAll());
}

YamlConfigReader::Result YamlConfigReader::parse(const QString &fileName, const QByteArray &content)
{
    YAML::Node root;
    try {
        root = YAML::Load(content.toStdString());
    } catch (const YAML::Exception &exception) {
        return {{},
                ConfigError{fileName,
                            exception.mark.line + 1,
                            {},
                            u"YAML syntax error: %1"_s.arg(QString::fromStdString(exception.msg))}};
    }
    if (root.IsNull())
        return {};
    if (!root.IsMap())
        return {{},
                ConfigError{
                    fileName, lineOf(root), {}, u"expected a mapping of sections (like \"ipmi:\") at the top level"_s}};

    Walker walker(fileName);
    if (auto error = walker.walkMapping(root, {}, {}))
        return {{}, error};
    return {walker.takeEntries(), std::nullopt};
}
