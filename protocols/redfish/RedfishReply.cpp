#include "RedfishReply.h"

#include "BaseMessages.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

RedfishReply RedfishReply::error(int status, const QList<RedfishMessage> &messages)
{
    return ok(BaseMessages::errorObject(messages), status);
}

RedfishReply RedfishReply::notFound(const QString &type, const QString &id)
{
    return error(404, BaseMessages::resourceNotFound(type, id));
}

RedfishReply RedfishReply::success(int status)
{
    return ok(QJsonObject{{u"@Message.ExtendedInfo"_s, QJsonArray{BaseMessages::success().toJson()}}}, status);
}

RedfishReply RedfishReply::patched(RedfishReply resource, bool changed, const QList<RedfishMessage> &problems)
{
    if (!changed)
        return error(400, problems.isEmpty() ? QList{BaseMessages::make("NoOperation")} : problems);
    if (!problems.isEmpty()) {
        QJsonArray extended;
        for (const RedfishMessage &problem : problems)
            extended.append(problem.toJson());
        resource.json.insert(u"@Message.ExtendedInfo"_s, extended);
    }
    return resource;
}
