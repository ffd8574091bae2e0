#pragma once

#include "Actor.h"
#include "RemoteSession.h"
#include "SessionLimits.h"

#include <QList>
#include <QObject>

// Every live remote session, whichever protocol opened it. The protocols register and remove
// their own; the screen and Redfish read the whole list. Only the protocol that opened a session
// can end it, so ending another face's session is a request (requestEnd) that its face carries out.
class RemoteSessionRegistry : public QObject
{
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY sessionsChanged)
public:
    using QObject::QObject;

    // Whether `user` with `role` may open one more session of `protocol` within `limits`. A user at
    // the per-user limit is admitted in place of their own oldest session, which the protocol
    // closes first (`evict`). Otherwise the last administratorReserve() places are for
    // Administrators only.
    struct Admission
    {
        bool admitted = false;
        quint64 evict = 0; // the session to close first, or 0
    };
    Admission admission(RemoteSession::Protocol protocol, const QString &user, Role role,
                        const SessionLimits &limits) const;

    quint64 add(RemoteSession::Protocol protocol, const QString &user, const QString &address, Role privilege);
    void remove(quint64 id);
    // Set Session Privilege changes it during a session.
    void setPrivilege(quint64 id, Role privilege);

    // Asks the session's protocol to end it for `actor`: endRequested, which Bmc records in the
    // event log and the face answers by closing the session. False when there is no such session.
    bool requestEnd(quint64 id, const Actor &actor);

    const RemoteSession *find(quint64 id) const;
    const QList<RemoteSession> &all() const { return m_sessions; }
    int count() const { return int(m_sessions.size()); }
    int count(RemoteSession::Protocol protocol) const;

signals:
    void sessionAdded(const RemoteSession &session);
    // A copy: the face removes the session from the list while handling it.
    void endRequested(const RemoteSession &session, const Actor &actor);
    void sessionRemoved(quint64 id);
    void sessionsChanged();

private:
    QList<RemoteSession> m_sessions;
    quint64 m_nextId = 1;
};
