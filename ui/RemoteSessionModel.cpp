#include "RemoteSessionModel.h"

#include "RemoteSessionRegistry.h"

using namespace Qt::StringLiterals;

RemoteSessionModel::RemoteSessionModel(RemoteSessionRegistry *registry, QObject *parent)
    : QAbstractListModel(parent)
    , m_registry(registry)
    , m_count(registry->count())
{
    connect(registry, &RemoteSessionRegistry::sessionsChanged, this, &RemoteSessionModel::rebuild);
}

void RemoteSessionModel::rebuild()
{
    beginResetModel();
    m_count = m_registry->count();
    endResetModel();
    emit countChanged();
}

int RemoteSessionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

QVariant RemoteSessionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || index.row() >= m_registry->count())
        return {};
    const RemoteSession &session = m_registry->all().at(index.row());
    switch (role) {
    case ProtocolRole: return RemoteSession::protocolName(session.protocol);
    case UserRole: return session.user;
    case AddressRole: return session.address;
    case SinceRole: return session.since.toLocalTime();
    case PrivilegeRole: return RoleNames::toString(session.privilege);
    default: return {};
    }
}

QHash<int, QByteArray> RemoteSessionModel::roleNames() const
{
    return {{ProtocolRole, "protocol"},
            {UserRole, "user"},
            {AddressRole, "address"},
            {SinceRole, "since"},
            {PrivilegeRole, "privilege"}};
}
