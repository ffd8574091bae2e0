#include "GraphicalConsoleProperty.h"

#include "BaseMessages.h"
#include "RedfishJson.h"
#include "ServiceSettings.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

QJsonObject GraphicalConsoleProperty::json(const ServiceSettings *services, int maxSessions)
{
    if (maxSessions == 0) {
        return QJsonObject{
            {u"ServiceEnabled"_s, false}, {u"MaxConcurrentSessions"_s, 0}, {u"ConnectTypesSupported"_s, QJsonArray{}}};
    }
    return QJsonObject{
        {u"ServiceEnabled"_s, services->isKvmEnabled()},
        {u"MaxConcurrentSessions"_s, maxSessions},
        {u"ConnectTypesSupported"_s, QJsonArray{u"KVMIP"_s}},
    };
}

bool GraphicalConsoleProperty::patch(const QJsonValue &value, const QJsonObject &current, ServiceSettings *services,
                                     int maxSessions, const Actor &actor, QList<RedfishMessage> *problems)
{
    if (!value.isObject()) {
        problems->append(BaseMessages::propertyValueTypeError(RedfishJson::valueText(value), u"GraphicalConsole"_s));
        return false;
    }
    const QJsonObject console = value.toObject();
    bool changed = false;
    for (auto it = console.begin(); it != console.end(); ++it) {
        const QString property = u"GraphicalConsole/"_s + it.key();
        if (it.key() != u"ServiceEnabled"_s) {
            problems->append(BaseMessages::refusedProperty(current, property));
            continue;
        }
        if (!it->isBool()) {
            problems->append(BaseMessages::propertyValueTypeError(RedfishJson::valueText(*it), property));
            continue;
        }
        // Without a video source there is nothing to switch on.
        if (maxSessions == 0 && it->toBool()) {
            RedfishMessage message = BaseMessages::make("PropertyValueIncorrect", {property, u"true"_s});
            message.resolution = u"qbmc has no KVM on this board."_s;
            problems->append(message);
            continue;
        }
        if (maxSessions == 0)
            continue;
        if (const auto failure = services->setKvmEnabled(it->toBool(), actor)) {
            RedfishMessage message =
                BaseMessages::make("PropertyValueIncorrect", {property, RedfishJson::valueText(*it)});
            message.resolution = failure->message;
            problems->append(message);
            continue;
        }
        changed = true;
    }
    return changed;
}
