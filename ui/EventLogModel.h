#pragma once

#include "EventLogEntry.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

class EventLog;

// The event log for the screen, newest first, optionally only the entries of one origin
// ("panel", "ipmi", "redfish", "host", "bmc"; empty shows all).
class EventLogModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Dashboard.events provides it")
    Q_PROPERTY(QString originFilter READ originFilter WRITE setOriginFilter NOTIFY originFilterChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Roles {
        EntryIdRole = Qt::UserRole + 1,
        TimeRole,     // QDateTime, local
        SeverityRole, // "info", "warning", "critical", as the event log spells them (EventLogEntry::severityName)
        OriginRole,
        UserRole,
        MessageRole,
    };

    explicit EventLogModel(EventLog *log, QObject *parent = nullptr);

    QString originFilter() const { return m_originFilter; }
    void setOriginFilter(const QString &origin);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void originFilterChanged();
    void countChanged();

private:
    bool accepts(const EventLogEntry &entry) const;
    void rebuild();
    void onEntryAdded(const EventLogEntry &entry);
    void onEntryRemoved(quint32 id);

    EventLog *m_log;
    QString m_originFilter;
    QList<EventLogEntry> m_rows; // newest first
};
