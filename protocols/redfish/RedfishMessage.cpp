#include "RedfishMessage.h"

#include <QHash>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {
struct Template
{
    QString message;
    QString severity;
};

// The messages of DMTF's Base registry 1.22 that qbmc sends, worded as the registry words them.
const QHash<QString, Template> &templates()
{
    static const QHash<QString, Template> table{
        {u"Success"_s, {u"The request completed successfully."_s, u"OK"_s}},
        {u"Created"_s, {u"The resource was created successfully."_s, u"OK"_s}},
        {u"GeneralError"_s,
         {u"A general error has occurred.  See Resolution for information on how to resolve the error, "
          "or @Message.ExtendedInfo if Resolution is not provided."_s,
          u"Critical"_s}},
        {u"InternalError"_s,
         {u"The request failed due to an internal service error.  The service is still operational."_s, u"Critical"_s}},
        {u"ResourceNotFound"_s, {u"The requested resource of type %1 named '%2' was not found."_s, u"Critical"_s}},
        {u"HeaderInvalid"_s, {u"Header '%1' is invalid."_s, u"Critical"_s}},
        {u"OperationNotAllowed"_s, {u"The HTTP method is not allowed on this resource."_s, u"Critical"_s}},
        {u"OperationFailed"_s,
         {u"An error occurred internal to the service as part of the overall request.  Partial results may have "
          "been returned."_s,
          u"Warning"_s}},
        {u"OperationTimeout"_s,
         {u"A timeout internal to the service occurred as part of the request.  Partial results may have been "
          "returned."_s,
          u"Warning"_s}},
        {u"MalformedJSON"_s,
         {u"The request body submitted was malformed JSON and could not be parsed by the receiving service."_s,
          u"Critical"_s}},
        {u"PayloadTooLarge"_s,
         {u"The supplied payload exceeds the maximum size supported by the service."_s, u"Critical"_s}},
        {u"PropertyUnknown"_s,
         {u"The property %1 is not in the list of valid properties for the resource."_s, u"Warning"_s}},
        {u"PropertyNotWritable"_s,
         {u"The property %1 is a read-only property and cannot be assigned a value."_s, u"Warning"_s}},
        {u"PropertyValueTypeError"_s,
         {u"The value '%1' for the property %2 is not a type that the property can accept."_s, u"Warning"_s}},
        {u"PropertyValueNotInList"_s,
         {u"The value '%1' for the property %2 is not in the list of acceptable values."_s, u"Warning"_s}},
        {u"PropertyValueFormatError"_s,
         {u"The value '%1' for the property %2 is not a format that the property can accept."_s, u"Warning"_s}},
        {u"PropertyValueOutOfRange"_s,
         {u"The value '%1' for the property %2 is not in the supported range of acceptable values."_s, u"Warning"_s}},
        {u"PropertyMissing"_s,
         {u"The property %1 is a required property and must be included in the request."_s, u"Warning"_s}},
        {u"NoOperation"_s,
         {u"The request body submitted contain no data to act upon and no changes to the resource took place."_s,
          u"Warning"_s}},
        {u"ActionNotSupported"_s, {u"The action %1 is not supported by the resource."_s, u"Critical"_s}},
        {u"ActionParameterMissing"_s,
         {u"The action %1 requires the parameter %2 to be present in the request body."_s, u"Critical"_s}},
        {u"ActionParameterNotSupported"_s,
         {u"The parameter %1 for the action %2 is not supported on the target resource."_s, u"Warning"_s}},
        {u"ActionParameterValueNotInList"_s,
         {u"The value '%1' for the parameter %2 in the action %3 is not in the list of acceptable values."_s,
          u"Warning"_s}},
        {u"ActionParameterValueFormatError"_s,
         {u"The value '%1' for the parameter %2 in the action %3 is not a format that the parameter can accept."_s,
          u"Warning"_s}},
        {u"ActionParameterValueConflict"_s,
         {u"The parameter '%1' with the requested value of '%2' does not meet the constraints of the "
          "implementation."_s,
          u"Warning"_s}},
        {u"ActionParameterValueError"_s,
         {u"The value for the parameter %1 in the action %2 is invalid."_s, u"Warning"_s}},
        {u"CouldNotEstablishConnection"_s,
         {u"The service failed to establish a connection with the URI '%1'."_s, u"Critical"_s}},
        {u"ResourceAtUriUnauthorized"_s,
         {u"While accessing the resource at '%1', the service received an authorization error '%2'."_s, u"Critical"_s}},
        {u"ResourceMissingAtURI"_s, {u"The resource at the URI '%1' was not found."_s, u"Critical"_s}},
        {u"InsufficientStorage"_s,
         {u"Insufficient storage or memory available to complete the request."_s, u"Critical"_s}},
        {u"ActionParameterValueTypeError"_s,
         {u"The value '%1' for the parameter %2 in the action %3 is not a type that the parameter can accept."_s,
          u"Warning"_s}},
        {u"ResourceInUse"_s,
         {u"The change to the requested resource failed because the resource is in use or in transition."_s,
          u"Warning"_s}},
        {u"InsufficientPrivilege"_s,
         {u"There are insufficient privileges for the account or credentials associated with the "
          "current session to perform the requested operation."_s,
          u"Critical"_s}},
        {u"NoValidSession"_s, {u"There is no valid session established with the implementation."_s, u"Critical"_s}},
        {u"SessionLimitExceeded"_s,
         {u"The session establishment failed due to the number of simultaneous sessions exceeding the "
          "limit of the implementation."_s,
          u"Critical"_s}},
        {u"PreconditionFailed"_s,
         {u"The ETag supplied did not match the ETag required to change this resource."_s, u"Critical"_s}},
        {u"QueryParameterValueTypeError"_s,
         {u"The value '%1' for the query parameter %2 is not a type that the parameter can accept."_s, u"Warning"_s}},
        {u"QueryParameterOutOfRange"_s,
         {u"The value '%1' for the query parameter %2 is out of range %3."_s, u"Warning"_s}},
        {u"QueryParameterUnsupported"_s, {u"Query parameter '%1' is not supported."_s, u"Warning"_s}},
        {u"CreateFailedMissingReqProperties"_s,
         {u"The create operation failed because the required property %1 was missing from the request."_s,
          u"Critical"_s}},
        {u"ResourceAlreadyExists"_s,
         {u"The requested resource of type %1 with the property %2 with the value '%3' already exists."_s,
          u"Critical"_s}},
        {u"ResourceCannotBeDeleted"_s,
         {u"The delete request failed because the resource requested cannot be deleted."_s, u"Critical"_s}},
        {u"EventSubscriptionLimitExceeded"_s,
         {u"The event subscription failed due to the number of simultaneous subscriptions exceeding "
          "the limit of the implementation."_s,
          u"Critical"_s}},
        {u"PropertyValueResourceConflict"_s,
         {u"The property '%1' with the requested value of '%2' could not be written because the value "
          "conflicts with the state or configuration of the resource at '%3'."_s,
          u"Warning"_s}},
        {u"CreateLimitReachedForResource"_s,
         {u"The create operation failed because the resource has reached the limit of possible resources."_s,
          u"Critical"_s}},
        {u"PropertyValueConflict"_s,
         {u"The property '%1' could not be written because its value would conflict with the value of "
          "the '%2' property."_s,
          u"Warning"_s}},
        {u"PropertyValueIncorrect"_s,
         {u"The property '%1' with the requested value of '%2' could not be written because the value "
          "is not acceptable for the property."_s,
          u"Warning"_s}},
        {u"ResourceInStandby"_s,
         {u"The request could not be performed because the resource is in standby."_s, u"Critical"_s}},
        {u"ServiceDisabled"_s,
         {u"The operation failed because the service at %1 is disabled and cannot accept requests."_s, u"Warning"_s}},
        {u"ServiceTemporarilyUnavailable"_s,
         {u"The service is temporarily unavailable.  Retry in %1 seconds."_s, u"Critical"_s}},
    };
    return table;
}
} // namespace

QStringList RedfishMessage::knownKeys()
{
    return templates().keys();
}

QString RedfishMessage::text() const
{
    QString message = templates().value(key).message;
    for (const QString &arg : args)
        message = message.arg(arg);
    return message;
}

QString RedfishMessage::severity() const
{
    return templates().value(key).severity;
}

QJsonObject RedfishMessage::toJson() const
{
    QJsonObject object{
        {u"@odata.type"_s, u"#Message.v1_3_0.Message"_s},
        {u"MessageId"_s, messageId()},
        {u"Message"_s, text()},
        {u"MessageArgs"_s, QJsonArray::fromStringList(args)},
        {u"MessageSeverity"_s, severity()},
    };
    if (!relatedProperty.isEmpty())
        object.insert(u"RelatedProperties"_s, QJsonArray{relatedProperty});
    if (!resolution.isEmpty())
        object.insert(u"Resolution"_s, resolution);
    return object;
}
