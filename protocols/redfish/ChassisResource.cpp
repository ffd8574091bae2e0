#include "ChassisResource.h"

#include "BaseMessages.h"
#include "Bmc.h"
#include "ChassisIdentify.h"
#include "PowerController.h"
#include "RedfishJson.h"
#include "RedfishTypes.h"
#include "SensorRegistry.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using RedfishJson::link;

namespace {
const QString chassisId = u"chassis"_s;
const QString chassisPath = u"/redfish/v1/Chassis/chassis"_s;
const QString sensorsPath = chassisPath + u"/Sensors"_s;

QString readingType(Sensor::Kind kind)
{
    switch (kind) {
    case Sensor::Kind::Temperature: return u"Temperature"_s;
    case Sensor::Kind::Voltage: return u"Voltage"_s;
    case Sensor::Kind::Current: return u"Current"_s;
    case Sensor::Kind::Power: return u"Power"_s;
    case Sensor::Kind::Fan: return u"Rotational"_s;
    }
    return u"Temperature"_s;
}

RedfishReply notFound(const QString &type, const QString &id)
{
    return RedfishReply::error(404, BaseMessages::resourceNotFound(type, id));
}
} // namespace

ChassisResource::ChassisResource(Bmc *bmc, RouteTable &routes, QObject *parent)
    : QObject(parent)
    , m_bmc(bmc)
{
    routes.add(u"/redfish/v1/Chassis"_s, u"GET"_s, RedfishPrivilege::Login, [](const RedfishRequest &) {
        return RedfishReply::ok(RedfishJson::collection(u"/redfish/v1/Chassis"_s, u"ChassisCollection"_s,
                                                        u"Chassis Collection"_s, {chassisPath}));
    });
    routes.add(u"/redfish/v1/Chassis/{id}"_s, u"GET"_s, RedfishPrivilege::Login, [this](const RedfishRequest &request) {
        return request.params.at(0) == chassisId ? get() : notFound(u"Chassis"_s, request.params.at(0));
    });
    routes.add(u"/redfish/v1/Chassis/{id}"_s, u"PATCH"_s, RedfishPrivilege::ConfigureComponents,
               [this](const RedfishRequest &request) {
                   return request.params.at(0) == chassisId ? patch(request)
                                                            : notFound(u"Chassis"_s, request.params.at(0));
               });
    routes.add(u"/redfish/v1/Chassis/{id}/Sensors"_s, u"GET"_s, RedfishPrivilege::Login,
               [this](const RedfishRequest &request) {
                   return request.params.at(0) == chassisId ? sensors() : notFound(u"Chassis"_s, request.params.at(0));
               });
    routes.add(u"/redfish/v1/Chassis/{id}/Sensors/{sensor}"_s, u"GET"_s, RedfishPrivilege::Login,
               [this](const RedfishRequest &request) {
                   return request.params.at(0) == chassisId ? sensor(request.params.at(1))
                                                            : notFound(u"Chassis"_s, request.params.at(0));
               });
}

RedfishReply ChassisResource::get() const
{
    const ChassisIdentify::State identify = m_bmc->chassisIdentify()->state();
    const PowerController::State power = m_bmc->power()->state();
    return RedfishReply::ok(QJsonObject{
        {u"@odata.id"_s, chassisPath},
        {u"@odata.type"_s, RedfishTypes::of(u"Chassis"_s)},
        {u"Id"_s, chassisId},
        {u"Name"_s, u"Host Chassis"_s},
        {u"ChassisType"_s, u"Other"_s},
        {u"PowerState"_s,
         power == PowerController::State::On || power == PowerController::State::PoweringOff ? u"On"_s : u"Off"_s},
        {u"Status"_s, QJsonObject{{u"State"_s, u"Enabled"_s}, {u"Health"_s, u"OK"_s}}},
        {u"LocationIndicatorActive"_s, identify != ChassisIdentify::State::Off},
        {u"IndicatorLED"_s,
         identify == ChassisIdentify::State::Off             ? u"Off"_s
             : identify == ChassisIdentify::State::Temporary ? u"Blinking"_s
                                                             : u"Lit"_s},
        {u"Sensors"_s, link(sensorsPath)},
        {u"Links"_s,
         QJsonObject{{u"ComputerSystems"_s, QJsonArray{link(u"/redfish/v1/Systems/system"_s)}},
                     {u"ManagedBy"_s, QJsonArray{link(u"/redfish/v1/Managers/bmc"_s)}}}},
    });
}

RedfishReply ChassisResource::patch(const RedfishRequest &request)
{
    RedfishReply error;
    const std::optional<QJsonObject> body = RedfishJson::body(request, &error);
    if (!body)
        return error;
    const QJsonObject current = get().json;
    const Actor actor = Actor::redfish(request.user);
    QList<RedfishMessage> problems;
    bool changed = false;
    for (auto it = body->begin(); it != body->end(); ++it) {
        const QString &key = it.key();
        if (key == u"LocationIndicatorActive"_s) {
            if (!it->isBool()) {
                problems.append(BaseMessages::propertyValueTypeError(RedfishJson::valueText(*it), key));
                continue;
            }
            it->toBool() ? m_bmc->chassisIdentify()->turnOn(0s, actor) : m_bmc->chassisIdentify()->turnOff(actor);
            changed = true;
        } else if (key == u"IndicatorLED"_s) {
            const QString value = it->toString();
            if (!it->isString() || !(value == u"Lit"_s || value == u"Blinking"_s || value == u"Off"_s)) {
                problems.append(it->isString()
                                    ? BaseMessages::propertyValueNotInList(value, key)
                                    : BaseMessages::propertyValueTypeError(RedfishJson::valueText(*it), key));
                continue;
            }
            // Blinking is IPMI's timed identify: its default 15 s.
            if (value == u"Off"_s)
                m_bmc->chassisIdentify()->turnOff(actor);
            else
                m_bmc->chassisIdentify()->turnOn(value == u"Lit"_s ? 0s : 15s, actor);
            changed = true;
        } else {
            problems.append(BaseMessages::refusedProperty(current, key));
        }
    }
    return RedfishReply::patched(get(), changed, problems);
}

RedfishReply ChassisResource::sensors() const
{
    QStringList members;
    for (const Sensor &sensor : m_bmc->sensors()->sensors())
        members.append(sensorsPath + u'/' + sensor.id);
    return RedfishReply::ok(RedfishJson::collection(sensorsPath, u"SensorCollection"_s, u"Sensors"_s, members));
}

RedfishReply ChassisResource::sensor(const QString &id) const
{
    const std::optional<Sensor> sensor = m_bmc->sensors()->sensor(id);
    if (!sensor)
        return notFound(u"Sensor"_s, id);
    QJsonObject json{
        {u"@odata.id"_s, sensorsPath + u'/' + id},
        {u"@odata.type"_s, RedfishTypes::of(u"Sensor"_s)},
        {u"Id"_s, id},
        {u"Name"_s, sensor->name},
        {u"ReadingType"_s, readingType(sensor->kind)},
        {u"ReadingUnits"_s, Sensor::unit(sensor->kind)},
        {u"Reading"_s, sensor->reading ? QJsonValue(*sensor->reading) : QJsonValue(QJsonValue::Null)},
        {u"Status"_s,
         QJsonObject{{u"State"_s, sensor->reading ? u"Enabled"_s : u"UnavailableOffline"_s}, {u"Health"_s, u"OK"_s}}},
    };
    QJsonObject thresholds;
    if (sensor->upperWarning)
        thresholds.insert(u"UpperCaution"_s, QJsonObject{{u"Reading"_s, *sensor->upperWarning}});
    if (sensor->upperCritical)
        thresholds.insert(u"UpperCritical"_s, QJsonObject{{u"Reading"_s, *sensor->upperCritical}});
    if (!thresholds.isEmpty())
        json.insert(u"Thresholds"_s, thresholds);
    return RedfishReply::ok(json);
}
