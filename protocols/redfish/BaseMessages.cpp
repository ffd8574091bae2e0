#include "BaseMessages.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace BaseMessages {

namespace {
// A property path "Boot/BootSourceOverrideTarget" reads "Boot.BootSourceOverrideTarget" in text.
QString dotted(const QString &property)
{
    return QString(property).replace(u'/', u'.');
}
} // namespace

RedfishMessage refusedProperty(const QJsonObject &resource, const QString &property)
{
    const QString outer = property.section(u'/', 0, 0);
    const QString inner = property.section(u'/', 1);
    const bool present = inner.isEmpty() ? resource.contains(outer) : resource.value(outer).toObject().contains(inner);
    return present ? propertyNotWritable(property) : propertyUnknown(property);
}

RedfishMessage propertyValueTypeError(const QString &value, const QString &property)
{
    return make("PropertyValueTypeError", {value, dotted(property)}, u"#/"_s + property);
}

RedfishMessage propertyValueNotInList(const QString &value, const QString &property)
{
    return make("PropertyValueNotInList", {value, dotted(property)}, u"#/"_s + property);
}

RedfishMessage headerTooLarge(qsizetype limit)
{
    RedfishMessage message = make("GeneralError");
    message.resolution = u"Send at most %1 bytes of request line and header fields."_s.arg(limit);
    return message;
}

RedfishMessage bodyTooLarge(qint64 limit)
{
    RedfishMessage message = make("PayloadTooLarge");
    message.resolution = u"Send a request body of at most %1 bytes."_s.arg(limit);
    return message;
}

QJsonObject errorObject(const QList<RedfishMessage> &messages)
{
    QJsonArray extended;
    for (const RedfishMessage &message : messages)
        extended.append(message.toJson());
    const RedfishMessage &first = messages.first();
    return QJsonObject{{u"error"_s,
                        QJsonObject{
                            {u"code"_s, first.messageId()},
                            {u"message"_s, first.text()},
                            {u"@Message.ExtendedInfo"_s, extended},
                        }}};
}

QByteArray error(const RedfishMessage &message)
{
    return QJsonDocument(errorObject({message})).toJson(QJsonDocument::Compact);
}

} // namespace BaseMessages
