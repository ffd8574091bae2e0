#include "StateFile.h"

#include "CoreLogging.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace {
const auto versionKey = "version"_L1;
}

StateFile::StateFile(QString path, QFileDevice::Permissions permissions)
    : m_path(std::move(path))
    , m_permissions(permissions)
{
}

StateFile::Result StateFile::load(int version, const Validator &validate, Mode mode)
{
    Result result;
    QFile file(m_path);
    if (!file.exists())
        return result;

    if (!file.open(QIODevice::ReadOnly)) {
        result.status = Status::Damaged;
        result.problem = file.errorString();
    } else {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
        file.close();
        if (parseError.error != QJsonParseError::NoError)
            result.problem = u"not valid JSON (%1 at byte %2)"_s.arg(parseError.errorString()).arg(parseError.offset);
        else if (!document.isObject())
            result.problem = u"not a JSON object"_s;
        else if (!document.object().contains(versionKey))
            result.problem = u"no format version (expected %1)"_s.arg(version);
        else if (document.object().value(versionKey) != QJsonValue(version))
            result.problem = u"unknown format version %1 (expected %2)"_s
                                 .arg(QString::fromUtf8(QJsonDocument(QJsonArray{document.object().value(versionKey)})
                                                            .toJson(QJsonDocument::Compact)
                                                            .chopped(1)
                                                            .mid(1)))
                                 .arg(version);
        else if (validate)
            result.problem = validate(document.object());

        if (result.problem.isEmpty()) {
            result.status = Status::Loaded;
            result.object = document.object();
            result.object.remove(versionKey);
            return result;
        }
        result.status = Status::Damaged;
    }

    if (mode == Mode::ReadOnly) {
        m_keepUntouched = true;
        return result;
    }

    if (const QString aside = moveAside(m_path); !aside.isEmpty()) {
        result.asidePath = aside;
        qCCritical(lcState, "%s is damaged (%s); kept it as %s", qPrintable(m_path), qPrintable(result.problem),
                   qPrintable(aside));
    } else {
        m_keepUntouched = true;
        qCCritical(lcState,
                   "%s is damaged (%s) and could not be moved aside; it is left as it is and will not be "
                   "overwritten by this run",
                   qPrintable(m_path), qPrintable(result.problem));
    }
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

bool StateFile::save(int version, QJsonObject object) const
{
    if (m_keepUntouched) {
        qCCritical(lcState, "not writing %s: it holds damaged data that could not be moved aside", qPrintable(m_path));
        return false;
    }
    object.insert(versionKey, version);
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(m_permissions)
        || file.write(QJsonDocument(object).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
        qCCritical(lcState, "cannot write %s: %s", qPrintable(m_path), qPrintable(file.errorString()));
        return false;
    }
    return true;
}
