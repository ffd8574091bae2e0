#pragma once

#include <QString>

// A configuration problem that stops qbmc: one line naming the file, the key, the bad value and
// what is allowed, e.g. "/etc/qbmc/qbmc.yaml:4: ipmi.port: "abc" is not allowed; allowed: an
// integer from 1 to 65535".
struct ConfigError
{
    QString file;
    int line = 0; // 0 when the problem has no line (a file that cannot be read)
    QString key;  // empty for problems of the whole file
    QString message;

    QString toString() const
    {
        QString text = file;
        if (line > 0)
            text += u':' + QString::number(line);
        if (!key.isEmpty())
            text += QStringLiteral(": ") + key;
        return text + QStringLiteral(": ") + message;
    }
};
