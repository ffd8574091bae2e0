#include "EventLogModel.h"

#include <algorithm>

#include "EventLog.h"

EventLogModel::EventLogModel(EventLog *log, QObject *parent)
    : QAbstractListModel(parent)
    , m_log(log)
{
    connect(log, &EventLog::entryAdded, this, &EventLogModel::onEntryAdded);
    connect(log, &EventLog::entryRemoved, this, &EventLogModel::onEntryRemoved);
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
    if (!accepts(entry))
        return;
    beginInsertRows({}, 0, 0);
    m_rows.prepend(entry);
    endInsertRows();
    emit countChanged();
}

// A full log drops an entry to make room: the oldest of the lowest severity, wherever it is.
void EventLogModel::onEntryRemoved(quint32 id)
{
    const auto it =
        std::find_if(m_rows.cbegin(), m_rows.cend(), [id](const EventLogEntry &row) { return row.id == id; });
    if (it == m_rows.cend())
        return;
    const int row = int(it - m_rows.cbegin());
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
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
