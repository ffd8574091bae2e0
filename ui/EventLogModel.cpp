#include "EventLogModel.h"

#include "EventLog.h"

EventLogModel::EventLogModel(EventLog *log, QObject *parent)
    : QAbstractListModel(parent)
    , m_log(log)
{
    connect(log, &EventLog::entryAdded, this, &EventLogModel::onEntryAdded);
    connect(log, &EventLog::cleared, this, &EventLogModel::rebuild);
    rebuild();
}

void EventLogModel::setOriginFilter(const QString &origin)
{
    if (origin == m_originFilter)
        return;
    m_originFilter = origin;
    rebuild();
    emit originFilterChanged();
}

bool EventLogModel::accepts(const EventLogEntry &entry) const
{
    return m_originFilter.isEmpty() || Actor::originName(entry.actor.origin) == m_originFilter;
}

void EventLogModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    const QList<EventLogEntry> &entries = m_log->entries();
    for (auto entry = entries.crbegin(); entry != entries.crend(); ++entry) {
        if (accepts(*entry))
            m_rows.append(*entry);
    }
    endResetModel();
    emit countChanged();
}

void EventLogModel::onEntryAdded(const EventLogEntry &entry)
{
    const qsizetype before = m_rows.size();
    if (accepts(entry)) {
        beginInsertRows({}, 0, 0);
        m_rows.prepend(entry);
        endInsertRows();
    }
    // A full log drops its oldest entries as new ones come.
    const quint32 oldestKept = m_log->entries().isEmpty() ? 0 : m_log->entries().constFirst().id;
    qsizetype keep = m_rows.size();
    while (keep > 0 && m_rows.at(keep - 1).id < oldestKept)
        --keep;
    if (keep < m_rows.size()) {
        beginRemoveRows({}, int(keep), int(m_rows.size()) - 1);
        m_rows.resize(keep);
        endRemoveRows();
    }
    if (m_rows.size() != before)
        emit countChanged();
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const EventLogEntry &entry = m_rows.at(index.row());
    switch (role) {
    case EntryIdRole: return entry.id;
    case TimeRole: return entry.timestamp.toLocalTime();
    case SeverityRole: return EventLogEntry::severityName(entry.severity);
    case OriginRole: return Actor::originName(entry.actor.origin);
    case UserRole: return entry.actor.user;
    case MessageRole: return entry.message;
    default: return {};
    }
}

QHash<int, QByteArray> EventLogModel::roleNames() const
{
    return {{EntryIdRole, "entryId"}, {TimeRole, "time"}, {SeverityRole, "severity"},
            {OriginRole, "origin"},   {UserRole, "user"}, {MessageRole, "message"}};
}
