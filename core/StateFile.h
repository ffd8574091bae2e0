#pragma once

#include <QByteArray>
#include <QFileDevice>
#include <QJsonObject>
#include <QString>

#include <functional>

// One state file in the state directory, with its last known good copy beside it
// ("<name>.last-good", docs/decisions.md#103). Writes are atomic (QSaveFile: the old file stays
// whole until the new one is complete), and each write first keeps the file it replaces as the
// last good copy. A file that cannot be read back is never overwritten silently: load() moves it
// aside as "<name>.corrupt-<UTC time>", restores the last good copy in its place and says so in
// the log. A file written by a newer format version is left exactly as it is.
class StateFile
{
public:
    enum class Status {
        Missing,  // neither the file nor a last good copy: a first start
        Loaded,   // the file is sound
        Restored, // the file was missing or damaged; its last good copy took its place
        Damaged,  // the file and its last good copy are both unusable
        TooNew,   // written by a newer format version; nothing was touched
    };
    // ReadOnly inspects without moving or writing anything (for --print-config).
    enum class Mode { Repair, ReadOnly };

    struct Result
    {
        Status status = Status::Missing;
        QString path; // the file that was read
        QJsonObject object;
        QString problem;      // why the file (and, when Damaged, its last good copy) was rejected
        QString asidePath;    // where the damaged file was moved, in Repair mode
        QString restoredFrom; // the last good copy that was used (Restored)
        int foundVersion = 0; // TooNew: the format version that wrote the file

        bool usable() const { return status == Status::Loaded || status == Status::Restored; }
        // For the event log, when the file was Restored or Damaged: which files, what was wrong,
        // where they went, e.g. "The account file /var/lib/qbmc/accounts.json could not be used
        // (...) and was kept as ...; its last good copy ... took its place". `what` names the file
        // ("account"); `whenLost` says what a Damaged file means for this start ("no boot
        // override is set"). Empty for the other statuses.
        QString story(const QString &what, const QString &whenLost = {}) const;
    };

    // Returns an empty string when the object is well formed, else what is wrong with it.
    using Validator = std::function<QString(const QJsonObject &)>;
    // Turns a file's bytes into the object it holds ("version" included), or sets `problem`.
    using Decoder = std::function<QJsonObject(const QByteArray &bytes, QString *problem)>;

    explicit StateFile(QString path,
                       QFileDevice::Permissions permissions = QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    QString path() const { return m_path; }
    QString lastGoodPath() const { return m_path + QStringLiteral(".last-good"); }

    // For files that are not one JSON document (the event log's lines); the default decoder reads
    // one JSON object.
    void setDecoder(Decoder decoder) { m_decode = std::move(decoder); }
    // Older format versions load() still reads (the caller tells them apart by their content);
    // by default only the version asked for.
    void setOldestReadableVersion(int version) { m_oldestReadable = version; }

    // The object must carry "version": `version` (a higher one gives TooNew); validate checks the
    // rest.
    Result load(int version, const Validator &validate = {}, Mode mode = Mode::Repair);

    // Writes the object with "version" added; on failure logs, returns false and leaves the
    // previous file as it was.
    bool save(int version, QJsonObject object);
    // Writes `bytes` as the whole file, the same way.
    bool saveBytes(const QByteArray &bytes);

    // False once a damaged or newer file was left in place: this StateFile then never writes it.
    bool isWritable() const { return !m_keepUntouched; }

    // Renames a damaged state file to "<path>.corrupt-<UTC time>" (numbered when that exists);
    // the new name, or empty when it could not be moved.
    static QString moveAside(const QString &path);

    // The default decoder: one JSON object.
    static QJsonObject decodeJson(const QByteArray &bytes, QString *problem);

private:
    struct Reading
    {
        Status status = Status::Missing; // Missing, Loaded, Damaged or TooNew
        QJsonObject object;
        QString problem;
        int foundVersion = 0;
    };
    Reading read(const QString &path, int version, const Validator &validate) const;
    enum class Keeping { Copy, LinkBeforeReplacing };
    void keepAsLastGood(Keeping keeping) const;
    Result restore(const Reading &primary, const Reading &lastGood, Mode mode);

    QString m_path;
    QFileDevice::Permissions m_permissions;
    Decoder m_decode = &StateFile::decodeJson;
    bool m_keepUntouched = false;
    int m_oldestReadable = 0;     // 0: only the version asked for
    bool m_primaryIsGood = false; // what is at m_path was read back whole or written by us
};
