#pragma once

#include "Expected.h"
#include "RedfishReply.h"
#include "RedfishRequest.h"
#include "RedfishSchema.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

// Small helpers every resource uses: links, collections, and reading a request body.
namespace RedfishJson {

inline QJsonObject link(const QString &id)
{
    return QJsonObject{{QStringLiteral("@odata.id"), id}};
}

// A resource collection with its members' links.
QJsonObject collection(const QString &id, const RedfishSchema &schema, const QString &name, const QStringList &members);

// The body as a JSON object, or the 400 reply (MalformedJSON) to send instead.
Expected<QJsonObject, RedfishReply> body(const RedfishRequest &request);

// A whole number within [minimum, maximum], or the message that refuses it (PropertyValueTypeError,
// PropertyValueOutOfRange) for `property`.
Expected<qint64, RedfishMessage> wholeNumber(const QJsonValue &value, const QString &property, double minimum,
                                             double maximum);

// A JSON value as it is quoted in messages: strings bare, everything else as JSON.
QString valueText(const QJsonValue &value);

// Adds each (property, text) pair whose text is not empty: inventory a deployment did not
// configure is left out rather than shown as "".
void insertConfigured(QJsonObject &object, std::initializer_list<std::pair<QString, QString>> properties);

} // namespace RedfishJson
