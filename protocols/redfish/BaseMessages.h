#pragma once

#include "RedfishMessage.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

// Base registry messages by name, and the Redfish error body that carries them
// ({"error": {"code", "message", "@Message.ExtendedInfo"}}).
namespace BaseMessages {

inline RedfishMessage make(const char *key, QStringList args = {}, QString property = {})
{
    return {QString::fromLatin1(key), std::move(args), std::move(property), {}};
}

inline RedfishMessage success()
{
    return make("Success");
}
inline RedfishMessage resourceNotFound(const QString &type, const QString &name)
{
    return make("ResourceNotFound", {type, name});
}
inline RedfishMessage operationNotAllowed()
{
    return make("OperationNotAllowed");
}
inline RedfishMessage malformedJson()
{
    return make("MalformedJSON");
}
inline RedfishMessage headerInvalid(const QString &header)
{
    return make("HeaderInvalid", {header});
}
inline RedfishMessage insufficientPrivilege()
{
    return make("InsufficientPrivilege");
}
inline RedfishMessage noValidSession()
{
    return make("NoValidSession");
}
inline RedfishMessage propertyUnknown(const QString &property)
{
    return make("PropertyUnknown", {property}, QStringLiteral("#/") + property);
}
inline RedfishMessage propertyNotWritable(const QString &property)
{
    return make("PropertyNotWritable", {property}, QStringLiteral("#/") + property);
}
// A property a PATCH cannot set: read-only when `resource` has it, unknown otherwise.
// `property` may name one level of nesting, "Boot/BootSourceOverrideTarget".
RedfishMessage refusedProperty(const QJsonObject &resource, const QString &property);
RedfishMessage propertyValueTypeError(const QString &value, const QString &property);
RedfishMessage propertyValueNotInList(const QString &value, const QString &property);
RedfishMessage headerTooLarge(qsizetype limit);
RedfishMessage bodyTooLarge(qint64 limit);

// A reason as the core words it ("the CD slot holds x.iso; eject it first") as a resolution
// sentence: capitalised, with its full stop.
inline QString resolutionFrom(const QString &reason)
{
    return reason.left(1).toUpper() + reason.mid(1) + u'.';
}

// The error body of `messages`; the first one names the error.
QJsonObject errorObject(const QList<RedfishMessage> &messages);
// Compact JSON bytes of errorObject({message}).
QByteArray error(const RedfishMessage &message);

} // namespace BaseMessages
