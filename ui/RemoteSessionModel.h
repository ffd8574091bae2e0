#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

class RemoteSessionRegistry;

// The live IPMI and Redfish sessions for the screen, oldest first; a short list, so it is
// rebuilt whenever the registry changes.
class RemoteSessionModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Dashboard.access.sessions provides it")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Roles {
        ProtocolRole = Qt::UserRole + 1, // "IPMI", "Redfish"
        UserRole,
        AddressRole,
        SinceRole, // QDateTime, local
        PrivilegeRole,
    };

    explicit RemoteSessionModel(RemoteSessionRegistry *registry, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void countChanged();

private:
    void rebuild();

    RemoteSessionRegistry *m_registry;
    int m_count = 0;
};
