#pragma once

#include "ConfigKey.h"

#include <QHash>
#include <QList>
#include <QString>

// Every configuration key qbmc knows, in the order --print-config and docs/configuration.md list them, plus
// the PiKVM spellings accepted as aliases and the PiKVM keys accepted and ignored (docs/decisions.md#18).
class ConfigSchema
{
public:
    static const ConfigSchema &instance();

    const QList<ConfigKey> &keys() const { return m_keys; }
    const ConfigKey *key(const QString &path) const;

    // "ipmi.server.port" -> "ipmi.port"; empty when path is no alias.
    QString aliasTarget(const QString &path) const;
    // An ignored key, or anything written below one.
    bool isIgnored(const QString &path) const;

    // A section is any proper prefix of a key, alias or ignored key: "ipmi", "ipmi.sol".
    bool isSection(const QString &path) const;
    // The names allowed directly under a section ("" is the top level), in schema order.
    QStringList childrenOf(const QString &section) const;

private:
    ConfigSchema();
    QStringList allPaths() const;

    QList<ConfigKey> m_keys;
    QHash<QString, qsizetype> m_index;
    QList<std::pair<QString, QString>> m_aliases; // alias, target; ordered for stable messages
    QStringList m_ignored;
};
