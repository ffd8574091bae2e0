#include "RedfishTypes.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace RedfishTypes {

namespace {
// Schema bundle 2023.3 and later (the versions in DMTF's 2024 bundle).
const QList<std::pair<QString, QString>> &versions()
{
    static const QList<std::pair<QString, QString>> table{
        {u"ServiceRoot"_s, u"v1_20_0"_s},
        {u"ComputerSystem"_s, u"v1_27_0"_s},
        {u"ComputerSystemCollection"_s, {}},
        {u"ActionInfo"_s, u"v1_5_0"_s},
        {u"SessionService"_s, u"v1_2_0"_s},
        {u"Session"_s, u"v1_8_0"_s},
        {u"SessionCollection"_s, {}},
        {u"AccountService"_s, u"v1_18_1"_s},
        {u"ManagerAccount"_s, u"v1_14_1"_s},
        {u"ManagerAccountCollection"_s, {}},
        {u"Role"_s, u"v1_3_3"_s},
        {u"RoleCollection"_s, {}},
        {u"Chassis"_s, u"v1_28_0"_s},
        {u"ChassisCollection"_s, {}},
        {u"Sensor"_s, u"v1_12_0"_s},
        {u"SensorCollection"_s, {}},
        {u"Manager"_s, u"v1_24_0"_s},
        {u"ManagerCollection"_s, {}},
        {u"ManagerNetworkProtocol"_s, u"v1_12_0"_s},
        {u"EthernetInterface"_s, u"v1_12_4"_s},
        {u"EthernetInterfaceCollection"_s, {}},
        {u"LogService"_s, u"v1_9_0"_s},
        {u"LogServiceCollection"_s, {}},
        {u"LogEntry"_s, u"v1_21_0"_s},
        {u"LogEntryCollection"_s, {}},
        {u"EventService"_s, u"v1_12_0"_s},
        {u"EventDestinationCollection"_s, {}},
        {u"Event"_s, u"v1_11_1"_s},
        {u"MessageRegistryFile"_s, u"v1_1_5"_s},
        {u"MessageRegistryFileCollection"_s, {}},
        {u"JsonSchemaFile"_s, u"v1_1_5"_s},
        {u"JsonSchemaFileCollection"_s, {}},
        {u"Message"_s, u"v1_3_0"_s},
        {u"Resource"_s, {}},
    };
    return table;
}
} // namespace

QString namespaceOf(const QString &schema)
{
    for (const auto &[name, version] : versions()) {
        if (name == schema)
            return version.isEmpty() ? name : name + u'.' + version;
    }
    return schema;
}

QStringList namespaces()
{
    QStringList list;
    for (const auto &[name, version] : versions())
        list.append(version.isEmpty() ? name : name + u'.' + version);
    return list;
}

} // namespace RedfishTypes
