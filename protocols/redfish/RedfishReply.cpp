#include "RedfishReply.h"

#include "BaseMessages.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

RedfishReply RedfishReply::error(int status, const QList<RedfishMessage> &messages)
{
    return ok(BaseMessages::errorObject(messages), status);
}

RedfishReply RedfishReply::success(int status)
{
    return ok(QJsonObject{{u"@Message.ExtendedInfo"_s, QJsonArray{BaseMessages::success().toJson()}}}, status);
}
