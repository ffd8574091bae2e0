#include "ServiceDirectory.h"

void ServiceDirectory::addRootLink(const QString &name, const QString &path, RootLink::Placement placement)
{
    m_rootLinks.append({name, path, placement});
}

void ServiceDirectory::addSchemas(std::initializer_list<RedfishSchema> schemas)
{
    for (const RedfishSchema &schema : schemas) {
        const bool known = std::any_of(m_schemas.cbegin(), m_schemas.cend(), [&](const RedfishSchema &registered) {
            return qstrcmp(registered.name, schema.name) == 0;
        });
        if (!known)
            m_schemas.append(schema);
    }
}
