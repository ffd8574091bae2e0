#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QStringList>

// What the host printed, kept in the state directory so the last boot can be read later: the
// newest output in `console.log`, older in `console.log.1` ... `.N-1`, each file at most a set
// size. Writes are buffered and flushed by the owner, which spares an SD card a write per byte.
class ConsoleLog
{
public:
    // `files` 0 keeps no log.
    ConsoleLog(const QString &directory, qint64 fileBytes, int files);
    ~ConsoleLog();

    void append(QByteArrayView data);
    void flush();

    // Oldest first, only those that exist.
    QStringList files() const;
    bool isEnabled() const { return m_files > 0; }

private:
    bool openCurrent();
    void rotate();
    QString path(int generation) const;

    QString m_directory;
    qint64 m_fileBytes;
    int m_files;
    QFile m_file;
    bool m_failed = false; // reported once; the console keeps working without its log
};
