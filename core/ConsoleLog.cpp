#include "ConsoleLog.h"

#include "CoreLogging.h"

#include <QDir>

#include <algorithm>

using namespace Qt::StringLiterals;

ConsoleLog::ConsoleLog(const QString &directory, qint64 fileBytes, int files)
    : m_directory(directory)
    , m_fileBytes(std::max<qint64>(fileBytes, 1))
    , m_files(std::max(files, 0))
{
}

ConsoleLog::~ConsoleLog()
{
    flush();
}

QString ConsoleLog::path(int generation) const
{
    const QString name = generation == 0 ? u"console.log"_s : u"console.log.%1"_s.arg(generation);
    return QDir(m_directory).filePath(name);
}

QStringList ConsoleLog::files() const
{
    QStringList existing;
    for (int generation = m_files - 1; generation >= 0; --generation) {
        if (QFile::exists(path(generation)))
            existing.append(path(generation));
    }
    return existing;
}

bool ConsoleLog::openCurrent()
{
    if (m_file.isOpen())
        return true;
    if (m_failed || !isEnabled())
        return false;
    m_file.setFileName(path(0));
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        qCWarning(lcConsole, "console log %s: %s; the console goes on without a log", qPrintable(path(0)),
                  qPrintable(m_file.errorString()));
        m_failed = true;
        return false;
    }
    m_file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    return true;
}

void ConsoleLog::rotate()
{
    m_file.close();
    QFile::remove(path(m_files - 1));
    for (int generation = m_files - 2; generation >= 0; --generation)
        QFile::rename(path(generation), path(generation + 1));
}

void ConsoleLog::append(QByteArrayView data)
{
    while (!data.isEmpty() && openCurrent()) {
        const qint64 room = m_fileBytes - m_file.size();
        if (room <= 0) {
            rotate();
            continue;
        }
        const qsizetype chunk = qsizetype(std::min<qint64>(room, data.size()));
        if (m_file.write(data.data(), chunk) != chunk) {
            qCWarning(lcConsole, "console log %s: %s; the console goes on without a log", qPrintable(path(0)),
                      qPrintable(m_file.errorString()));
            m_file.close();
            m_failed = true;
            return;
        }
        data = data.sliced(chunk);
    }
}

void ConsoleLog::flush()
{
    if (m_file.isOpen())
        m_file.flush();
}
