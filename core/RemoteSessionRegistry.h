#pragma once

#include "RemoteSession.h"

#include <QList>
#include <QObject>

// Every live remote session, whichever protocol opened it. The protocols register and remove
// their own; the screen and Redfish read the whole list.
class RemoteSessionRegistry : public QObject
{
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY sessionsChanged)
public:
    using QObject::QObject;

    quint64 add(RemoteSession::Protocol protocol, const QString &user, const QString &address, Role privilege);
    void remove(quint64 id);
    // Set Session Privilege changes it during a session.
    void setPrivilege(quint64 id, Role privilege);

    const QList<RemoteSession> &all() const { return m_sessions; }
    int count() const { return int(m_sessions.size()); }
    int count(RemoteSession::Protocol protocol) const;

signals:
    void sessionAdded(const RemoteSession &session);
    void sessionRemoved(quint64 id);
    void sessionsChanged();

private:
    QList<RemoteSession> m_sessions;
    quint64 m_nextId = 1;
};
