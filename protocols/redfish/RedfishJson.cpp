#include "RedfishJson.h"

#include "BaseMessages.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace RedfishJson {

QJsonObject collection(const QString &id, const RedfishSchema &schema, const QString &name, const QStringList &members)
{
    QJsonArray links;
    for (const QString &member : members)
        links.append(link(member));
    return QJsonObject{
        {u"@odata.id"_s, id},  {u"@odata.type"_s, schema.odataType()},   {u"Name"_s, name},
        {u"Members"_s, links}, {u"Members@odata.count"_s, links.size()},
    };
}

Expected<QJsonObject, RedfishReply> body(const RedfishRequest &request)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return RedfishReply::error(400, BaseMessages::malformedJson());
    return document.object();
}

void insertConfigured(QJsonObject &object, std::initializer_list<std::pair<QString, QString>> properties)
{
    for (const auto &[name, text] : properties) {
        if (!text.isEmpty())
            object.insert(name, text);
    }
}

Expected<qint64, RedfishMessage> wholeNumber(const QJsonValue &value, const QString &property, double minimum,
                                             double maximum)
{
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number != double(qint64(number)))
        return BaseMessages::propertyValueTypeError(valueText(value), property);
    if (number < minimum || number > maximum)
        return BaseMessages::make("PropertyValueOutOfRange", {valueText(value), property}, u"#/"_s + property);
    return qint64(number);
}

QString valueText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isNull())
        return u"null"_s;
    return QString::number(value.toDouble());
}

} // namespace RedfishJson
