#pragma once

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>

// The entries of the event log a daemon keeps in `stateDirectory` (eventlog.jsonl: a first line
// describing the log, then one line per entry added or entry removed), oldest first,
// read the way a person would check the file: without the daemon's own code.
inline QJsonArray storedEventLog(const QString &stateDirectory)
{
    QFile file(QDir(stateDirectory).filePath(QStringLiteral("eventlog.jsonl")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    std::map<qint64, QJsonObject> entries;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QJsonObject record = QJsonDocument::fromJson(lines.at(i)).object();
        if (record.value(QStringLiteral("add")).isObject()) {
            const QJsonObject entry = record.value(QStringLiteral("add")).toObject();
            entries[entry.value(QStringLiteral("id")).toInteger()] = entry;
        } else if (record.contains(QStringLiteral("remove"))) {
            entries.erase(record.value(QStringLiteral("remove")).toInteger());
        }
    }
    QJsonArray list;
    for (const auto &[id, entry] : entries)
        list.append(entry);
    return list;
}
