#include "EventLogEntry.h"

#include <QMetaEnum>

#include <limits>

using namespace Qt::StringLiterals;

QString EventLogEntry::severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info: return u"info"_s;
    case Severity::Warning: return u"warning"_s;
    case Severity::Critical: return u"critical"_s;
    }
    return {};
}

QJsonObject EventLogEntry::toJson() const
{
    QJsonObject object{
        {u"id"_s, qint64(id)},
        {u"time"_s, timestamp.toString(Qt::ISODateWithMs)},
        {u"severity"_s, severityName(severity)},
        {u"origin"_s, Actor::originName(actor.origin)},
        {u"message"_s, message},
    };
    if (!actor.user.isEmpty())
        object.insert(u"user"_s, actor.user);
    if (kind != Kind::Generic)
        object.insert(u"kind"_s, QString::fromLatin1(QMetaEnum::fromType<Kind>().valueToKey(int(kind))));
    if (!selRecord.isEmpty())
        object.insert(u"sel"_s, QString::fromLatin1(selRecord.toHex()));
    return object;
}

std::optional<EventLogEntry> EventLogEntry::fromJson(const QJsonObject &object)
{
    EventLogEntry entry;
    const qint64 id = object.value(u"id"_s).toInteger(-1);
    if (id <= 0 || id > std::numeric_limits<quint32>::max())
        return std::nullopt;
    entry.id = quint32(id);

    entry.timestamp = QDateTime::fromString(object.value(u"time"_s).toString(), Qt::ISODateWithMs);
    if (!entry.timestamp.isValid())
        return std::nullopt;
    entry.timestamp = entry.timestamp.toUTC();

    const QString severity = object.value(u"severity"_s).toString();
    if (severity == severityName(Severity::Info))
        entry.severity = Severity::Info;
    else if (severity == severityName(Severity::Warning))
        entry.severity = Severity::Warning;
    else if (severity == severityName(Severity::Critical))
        entry.severity = Severity::Critical;
    else
        return std::nullopt;

    const auto origin = Actor::originFromName(object.value(u"origin"_s).toString());
    if (!origin)
        return std::nullopt;
    entry.actor = Actor{*origin, object.value(u"user"_s).toString()};

    if (object.contains(u"kind"_s)) {
        bool known = false;
        entry.kind = Kind(
            QMetaEnum::fromType<Kind>().keyToValue(object.value(u"kind"_s).toString().toLatin1().constData(), &known));
        if (!known)
            return std::nullopt;
    }

    const QJsonValue message = object.value(u"message"_s);
    if (!message.isString())
        return std::nullopt;
    entry.message = message.toString();

    if (object.contains(u"sel"_s)) {
        const QString hex = object.value(u"sel"_s).toString();
        entry.selRecord = QByteArray::fromHex(hex.toLatin1());
        if (entry.selRecord.size() * 2 != hex.size())
            return std::nullopt;
    }
    return entry;
}
