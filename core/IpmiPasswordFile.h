#pragma once

#include "ConfigError.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// PiKVM's ipmipasswd format: "user:password" per line, '#' comments, and an old-style
// " -> kvmduser:kvmdpass" suffix that is ignored. A PiKVM user's file works unchanged.
class IpmiPasswordFile
{
public:
    struct Entry
    {
        QString user;
        QByteArray password;
        int line = 0;
    };
    struct Result
    {
        QList<Entry> entries;
        std::optional<ConfigError> error;
    };

    static Result parse(const QString &fileName, const QByteArray &content);
};
