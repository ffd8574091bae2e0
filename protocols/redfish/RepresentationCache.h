#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>

class RedfishResource;

// The serialized answers of cacheable GET routes (RouteTable::addCached) with their ETags, so a
// resource that has not changed is sent without building, serializing or hashing it again. An
// entry goes when its resource emits representationChanged(), which it does on every signal of
// the model it shows (docs/decisions.md#107).
class RepresentationCache : public QObject
{
    Q_OBJECT
public:
    struct Entry
    {
        QByteArray body;
        QByteArray etag;
    };

    // Cacheable routes have fixed paths; the bound only guards against a mistake.
    static constexpr int maxEntries = 256;

    using QObject::QObject;

    // Drops what `resource` stored whenever it says its representations changed.
    void watch(RedfishResource *resource);
    const Entry *find(const QString &path) const;
    void store(const QString &path, const QObject *owner, const QByteArray &body, const QByteArray &etag);
    qsizetype size() const { return m_entries.size(); }

private:
    void dropOwnedBy(const QObject *owner);

    QHash<QString, Entry> m_entries;
    QHash<const QObject *, QStringList> m_pathsByOwner;
};
