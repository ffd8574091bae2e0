#include "StateFile.h"

#include "CoreLogging.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

#include <cmath>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
const auto versionKey = "version"_L1;

QString jsonText(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).chopped(1).mid(1));
}
} // namespace

StateFile::StateFile(QString path, QFileDevice::Permissions permissions)
    : m_path(std::move(path))
    , m_permissions(permissions)
{
}

QString StateFile::Result::story(const QString &what, const QString &whenLost) const
{
    if (status != Status::Restored && status != Status::Damaged)
        return {};
    QString text = u"The %1 file %2 could not be used (%3)"_s.arg(what, path, problem);
    if (!asidePath.isEmpty())
        text += u" and was kept as %1"_s.arg(asidePath);
    if (status == Status::Restored)
        text += u"; its last good copy %1 took its place"_s.arg(restoredFrom);
    else if (!whenLost.isEmpty())
        text += u"; "_s + whenLost;
    return text;
}

QJsonObject StateFile::decodeJson(const QByteArray &bytes, QString *problem)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        *problem = u"not valid JSON (%1 at byte %2)"_s.arg(parseError.errorString()).arg(parseError.offset);
    else if (!document.isObject())
        *problem = u"not a JSON object"_s;
    return document.object();
}

StateFile::Reading StateFile::read(const QString &path, int version, const Validator &validate) const
{
    Reading reading;
    QFile file(path);
    if (!file.exists())
        return reading;
    reading.status = Status::Damaged;
    if (!file.open(QIODevice::ReadOnly)) {
        reading.problem = file.errorString();
        return reading;
    }
    const QByteArray bytes = file.readAll();
    if (bytes.isEmpty()) {
        reading.problem = u"the file is empty"_s;
        return reading;
    }
    QJsonObject object = m_decode(bytes, &reading.problem);
    if (!reading.problem.isEmpty())
        return reading;

    const QJsonValue found = object.value(versionKey);
    const double number = found.toDouble(-1);
    if (!object.contains(versionKey)) {
        reading.problem = u"no format version (expected %1)"_s.arg(version);
    } else if (found.isDouble() && number == std::floor(number) && number > version && number < 1e9) {
        reading.status = Status::TooNew;
        reading.foundVersion = int(number);
        reading.problem = u"it was written in format version %1 by a newer qbmc; this one reads version %2"_s
                              .arg(reading.foundVersion)
                              .arg(version);
    } else if (found != QJsonValue(version)
               && !(m_oldestReadable > 0 && found.isDouble() && number == std::floor(number)
                    && number >= m_oldestReadable && number < version)) {
        reading.problem = u"unknown format version %1 (expected %2)"_s.arg(jsonText(found)).arg(version);
    } else if (validate) {
        reading.problem = validate(object);
    }
    if (reading.problem.isEmpty()) {
        reading.status = Status::Loaded;
        object.remove(versionKey);
        reading.object = std::move(object);
    }
    return reading;
}

StateFile::Result StateFile::load(int version, const Validator &validate, Mode mode)
{
    const Reading primary = read(m_path, version, validate);
    if (primary.status == Status::Loaded) {
        m_primaryIsGood = true;
        // A file from before last good copies existed, or one whose copy was removed.
        if (mode == Mode::Repair && !QFile::exists(lastGoodPath()))
            keepAsLastGood(Keeping::Copy);
        Result result;
        result.status = Status::Loaded;
        result.path = m_path;
        result.object = primary.object;
        return result;
    }
    if (primary.status == Status::TooNew) {
        m_keepUntouched = true;
        Result result;
        result.status = Status::TooNew;
        result.path = m_path;
        result.problem = primary.problem;
        result.foundVersion = primary.foundVersion;
        return result;
    }
    const Reading lastGood = read(lastGoodPath(), version, validate);
    if (primary.status == Status::Missing && lastGood.status == Status::Missing) {
        Result result;
        result.path = m_path;
        return result;
    }
    return restore(primary, lastGood, mode);
}

StateFile::Result StateFile::restore(const Reading &primary, const Reading &lastGood, Mode mode)
{
    Result result;
    result.path = m_path;
    result.problem = primary.status == Status::Missing ? u"it is missing"_s : primary.problem;
    if (lastGood.status == Status::TooNew) {
        m_keepUntouched = true;
        result.status = Status::TooNew;
        result.problem = u"its last good copy %1: %2"_s.arg(lastGoodPath(), lastGood.problem);
        result.foundVersion = lastGood.foundVersion;
        return result;
    }

    if (mode == Mode::ReadOnly) {
        m_keepUntouched = primary.status == Status::Damaged;
        result.status = lastGood.status == Status::Loaded ? Status::Restored : Status::Damaged;
        if (result.status == Status::Restored) {
            result.object = lastGood.object;
            result.restoredFrom = lastGoodPath();
        }
        return result;
    }

    if (primary.status == Status::Damaged) {
        result.asidePath = moveAside(m_path);
        if (result.asidePath.isEmpty()) {
            m_keepUntouched = true;
            result.status = Status::Damaged;
            qCCritical(lcState,
                       "%s is damaged (%s) and could not be moved aside; it is left as it is and will not be "
                       "overwritten by this run",
                       qPrintable(m_path), qPrintable(result.problem));
            return result;
        }
    }
    if (lastGood.status == Status::Loaded) {
        QFile copy(lastGoodPath());
        if (copy.open(QIODevice::ReadOnly) && saveBytes(copy.readAll())) {
            result.status = Status::Restored;
            result.object = lastGood.object;
            result.restoredFrom = lastGoodPath();
            if (primary.status == Status::Missing)
                qCCritical(lcState, "%s is missing; put its last good copy %s in its place", qPrintable(m_path),
                           qPrintable(lastGoodPath()));
            else
                qCCritical(lcState, "%s is damaged (%s); kept it as %s and put its last good copy %s in its place",
                           qPrintable(m_path), qPrintable(result.problem), qPrintable(result.asidePath),
                           qPrintable(lastGoodPath()));
            return result;
        }
    }

    result.status = Status::Damaged;
    if (lastGood.status == Status::Damaged) {
        const QString lastGoodAside = moveAside(lastGoodPath());
        result.problem += u"; its last good copy %1 is unusable too (%2)%3"_s.arg(
            lastGoodPath(), lastGood.problem,
            lastGoodAside.isEmpty() ? QString() : u" and was kept as %1"_s.arg(lastGoodAside));
    } else if (lastGood.status == Status::Loaded) {
        result.problem += u"; its last good copy %1 could not be put in its place"_s.arg(lastGoodPath());
    }
    if (result.asidePath.isEmpty())
        qCCritical(lcState, "%s: %s", qPrintable(m_path), qPrintable(result.problem));
    else
        qCCritical(lcState, "%s is damaged (%s); kept it as %s", qPrintable(m_path), qPrintable(result.problem),
                   qPrintable(result.asidePath));
    return result;
}

QString StateFile::moveAside(const QString &path)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd'T'hhmmss'Z'"_s);
    QString aside = u"%1.corrupt-%2"_s.arg(path, stamp);
    for (int n = 1; QFile::exists(aside); ++n)
        aside = u"%1.corrupt-%2-%3"_s.arg(path, stamp).arg(n);
    return QFile::rename(path, aside) ? aside : QString();
}

void StateFile::keepAsLastGood(Keeping keeping) const
{
    // Before a save, a hard link costs no copy: the save replaces the file by a rename, so the
    // linked one stays as it was and the two never share storage again. A file that stays in
    // place is copied, so that writing into it cannot change its copy. Where the file system has
    // no hard links, the file is copied too.
    const QString lastGood = lastGoodPath();
    const QString temporary = lastGood + u".new"_s;
    QFile::remove(temporary);
    const bool linked = keeping == Keeping::LinkBeforeReplacing
        && ::link(QFile::encodeName(m_path).constData(), QFile::encodeName(temporary).constData()) == 0;
    // The copy is as private as the file is meant to be, whatever the file's mode was.
    if ((!linked && !QFile::copy(m_path, temporary)) || !QFile::setPermissions(temporary, m_permissions)) {
        QFile::remove(temporary);
        qCWarning(lcState, "cannot keep %s as the last good copy of %s", qPrintable(lastGood), qPrintable(m_path));
        return;
    }
    if (std::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(lastGood).constData()) != 0)
        qCWarning(lcState, "cannot keep %s as the last good copy of %s", qPrintable(lastGood), qPrintable(m_path));
    QFile::remove(temporary); // left when rename() found two names of one file (nothing to do)
}

bool StateFile::save(int version, QJsonObject object)
{
    object.insert(versionKey, version);
    return saveBytes(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

bool StateFile::saveBytes(const QByteArray &bytes)
{
    if (m_keepUntouched) {
        qCCritical(lcState, "not writing %s: it holds data this run could not read and will not discard",
                   qPrintable(m_path));
        return false;
    }
    if (m_primaryIsGood && QFile::exists(m_path))
        keepAsLastGood(Keeping::LinkBeforeReplacing);
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(m_permissions) || file.write(bytes) < 0
        || !file.commit()) {
        qCCritical(lcState, "cannot write %s: %s", qPrintable(m_path), qPrintable(file.errorString()));
        return false;
    }
    m_primaryIsGood = true;
    return true;
}
