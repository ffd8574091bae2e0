#include "RepresentationCache.h"

#include "RedfishResource.h"

void RepresentationCache::watch(RedfishResource *resource)
{
    connect(resource, &RedfishResource::representationChanged, this, [this, resource] { dropOwnedBy(resource); });
}

const RepresentationCache::Entry *RepresentationCache::find(const QString &path) const
{
    const auto it = m_entries.constFind(path);
    return it == m_entries.cend() ? nullptr : &*it;
}

void RepresentationCache::store(const QString &path, const QObject *owner, const QByteArray &body,
                                const QByteArray &etag)
{
    if (m_entries.size() >= maxEntries && !m_entries.contains(path))
        return;
    m_entries.insert(path, Entry{body, etag});
    QStringList &paths = m_pathsByOwner[owner];
    if (!paths.contains(path))
        paths.append(path);
}

void RepresentationCache::dropOwnedBy(const QObject *owner)
{
    for (const QString &path : m_pathsByOwner.take(owner))
        m_entries.remove(path);
}
