#pragma once

#include <QString>
#include <QStringList>

// The DMTF schema versions qbmc's resources follow, in one place: "@odata.type" values and the
// references of $metadata come from here.
namespace RedfishTypes {

// "ComputerSystem.v1_27_0", or "ComputerSystemCollection" for an unversioned schema.
QString namespaceOf(const QString &schema);
// "#ComputerSystem.v1_27_0.ComputerSystem".
inline QString of(const QString &schema)
{
    return u'#' + namespaceOf(schema) + u'.' + schema;
}
// Every namespace in use, for $metadata.
QStringList namespaces();

} // namespace RedfishTypes
