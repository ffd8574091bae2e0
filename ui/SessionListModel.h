#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

class SessionRegistry;

// The live IPMI and Redfish sessions for the screen, oldest first; a short list, so it is
// rebuilt whenever the registry changes.
class SessionListModel : public QAbstractListModel
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

    explicit SessionListModel(SessionRegistry *registry, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void countChanged();

private:
    void rebuild();

    SessionRegistry *m_registry;
    int m_count = 0;
};
