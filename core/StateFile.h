#pragma once

#include <QFileDevice>
#include <QJsonObject>
#include <QString>

#include <functional>

// One JSON state file in the state directory. Writes are atomic (QSaveFile: the old file stays
// whole until the new one is complete). A file that cannot be read back is never overwritten
// silently: load() moves it aside as "<name>.corrupt-<UTC time>" and says so in the log.
class StateFile
{
public:
    enum class Status { Missing, Loaded, Damaged };
    // ReadOnly inspects without moving a damaged file aside (for --print-config).
    enum class Mode { Repair, ReadOnly };

    struct Result
    {
        Status status = Status::Missing;
        QJsonObject object;
        QString problem;   // why a damaged file was rejected
        QString asidePath; // where it was moved, in Repair mode
    };

    // Returns an empty string when the object is well formed, else what is wrong with it.
    using Validator = std::function<QString(const QJsonObject &)>;

    explicit StateFile(QString path,
                       QFileDevice::Permissions permissions = QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    QString path() const { return m_path; }

    // The object must carry "version": `version`; validate checks the rest.
    Result load(int version, const Validator &validate = {}, Mode mode = Mode::Repair);

    // Writes the object with "version" added; on failure logs, returns false and leaves the
    // previous file as it was.
    bool save(int version, QJsonObject object) const;

    // Renames a damaged state file to "<path>.corrupt-<UTC time>" (numbered when that exists);
    // the new name, or empty when it could not be moved.
    static QString moveAside(const QString &path);

private:
    QString m_path;
    QFileDevice::Permissions m_permissions;
    bool m_keepUntouched = false;
};
