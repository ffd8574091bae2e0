#include "ChassisResource.h"

#include "BaseMessages.h"
#include "ChassisIdentify.h"
#include "PowerController.h"
#include "RedfishJson.h"
#include "SensorRegistry.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using RedfishJson::link;

namespace {
const RedfishSchema chassisSchema{"Chassis", "v1_28_0"};
const RedfishSchema collectionSchema{"ChassisCollection"};
const RedfishSchema sensorSchema{"Sensor", "v1_12_0"};
const RedfishSchema sensorCollectionSchema{"SensorCollection"};
const QString collectionPath = u"/redfish/v1/Chassis"_s;
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
} // namespace

ChassisResource::ChassisResource(const PowerController *power, ChassisIdentify *identify, const SensorRegistry *sensors,
                                 HostInventory inventory, QObject *parent)
    : RedfishResource(parent)
    , m_power(power)
    , m_identify(identify)
    , m_sensors(sensors)
    , m_inventory(std::move(inventory))
{
    connect(power, &PowerController::stateChanged, this, &ChassisResource::representationChanged);
    connect(identify, &ChassisIdentify::stateChanged, this, &ChassisResource::representationChanged);
}

void ChassisResource::registerIn(ServiceDirectory &directory)
{
    directory.addRootLink(u"Chassis"_s, collectionPath);
    directory.addSchemas({chassisSchema, collectionSchema, sensorSchema, sensorCollectionSchema});
    RouteTable &routes = directory.routes();
    using enum HttpMethod;
    using enum RedfishPrivilege;
    routes.addCached(collectionPath, Login, this, &ChassisResource::collection);
    routes.addCached(chassisPath, Login, this, &ChassisResource::get);
    routes.add(Patch, chassisPath, ConfigureComponents, this, &ChassisResource::patch);
    routes.add(Get, sensorsPath, Login, this, &ChassisResource::sensors);
    routes.add(Get, sensorsPath + u"/{id}"_s, Login, this, &ChassisResource::sensor);
}

RedfishReply ChassisResource::collection() const
{
    return RedfishReply::ok(
        RedfishJson::collection(collectionPath, collectionSchema, u"Chassis Collection"_s, {chassisPath}));
}

RedfishReply ChassisResource::get() const
{
    const ChassisIdentify::State identify = m_identify->state();
    const PowerController::State power = m_power->state();
    QJsonObject chassis{
        {u"@odata.id"_s, chassisPath},
        {u"@odata.type"_s, chassisSchema.odataType()},
        {u"Id"_s, u"chassis"_s},
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
    };
    const HostInventory::Board &board = m_inventory.board;
    RedfishJson::insertConfigured(chassis,
                                  {{u"Manufacturer"_s, board.manufacturer},
                                   {u"Model"_s, board.product},
                                   {u"PartNumber"_s, board.partNumber},
                                   {u"SerialNumber"_s, board.serial},
                                   {u"AssetTag"_s, m_inventory.product.assetTag}});
    return RedfishReply::ok(chassis);
}

RedfishReply ChassisResource::patch(const RedfishRequest &request)
{
    const Expected<QJsonObject, RedfishReply> body = RedfishJson::body(request);
    if (!body)
        return body.failure();
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
            it->toBool() ? m_identify->turnOn(0s, actor) : m_identify->turnOff(actor);
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
                m_identify->turnOff(actor);
            else
                m_identify->turnOn(value == u"Lit"_s ? 0s : 15s, actor);
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
    for (const Sensor &sensor : m_sensors->sensors())
        members.append(sensorsPath + u'/' + sensor.id);
    return RedfishReply::ok(RedfishJson::collection(sensorsPath, sensorCollectionSchema, u"Sensors"_s, members));
}

RedfishReply ChassisResource::sensor(const RedfishRequest &request) const
{
    const QString id = request.params.at(0);
    const std::optional<Sensor> sensor = m_sensors->sensor(id);
    if (!sensor)
        return RedfishReply::notFound(u"Sensor"_s, id);
    QJsonObject json{
        {u"@odata.id"_s, sensorsPath + u'/' + id},
        {u"@odata.type"_s, sensorSchema.odataType()},
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
