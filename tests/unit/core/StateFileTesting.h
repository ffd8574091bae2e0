#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

#include <sys/stat.h>

// File helpers shared by the tests of the state directory's files.
namespace StateFileTesting {

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline bool writeAll(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

// The permission bits as the kernel has them, not as QFile maps them to owner/user/group/other.
inline int modeOf(const QString &path)
{
    struct stat status
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return -1;
    return int(status.st_mode & 07777);
}

// The damaged copies of `fileName` that StateFile set aside in `directory`.
inline QStringList asideFiles(const QString &directory, const QString &fileName)
{
    return QDir(directory).entryList({fileName + QStringLiteral(".corrupt-*")}, QDir::Files, QDir::Name);
}

} // namespace StateFileTesting
