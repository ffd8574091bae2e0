#include "RemoteSessionRegistry.h"

#include "CoreLogging.h"

quint64 RemoteSessionRegistry::add(RemoteSession::Protocol protocol, const QString &user, const QString &address,
                                   Role privilege)
{
    RemoteSession session;
    session.id = m_nextId++;
    session.protocol = protocol;
    session.user = user;
    session.address = address;
    session.since = QDateTime::currentDateTimeUtc();
    session.privilege = privilege;
    m_sessions.append(session);
    qCInfo(lcSessions, "%s session %llu opened by %s from %s", qPrintable(RemoteSession::protocolName(protocol)),
           session.id, qPrintable(user), qPrintable(address));
    emit sessionAdded(session);
    emit sessionsChanged();
    return session.id;
}

void RemoteSessionRegistry::remove(quint64 id)
{
    if (m_sessions.removeIf([id](const RemoteSession &session) { return session.id == id; }) == 0)
        return;
    qCInfo(lcSessions, "session %llu closed", id);
    emit sessionRemoved(id);
    emit sessionsChanged();
}

bool RemoteSessionRegistry::requestEnd(quint64 id, const Actor &actor)
{
    const RemoteSession *session = find(id);
    if (!session)
        return false;
    const RemoteSession ending = *session;
    qCInfo(lcSessions, "%s session %llu of %s: %s asks it to end",
           qPrintable(RemoteSession::protocolName(ending.protocol)), id, qPrintable(ending.user),
           qPrintable(actor.toString()));
    emit endRequested(ending, actor);
    return true;
}

const RemoteSession *RemoteSessionRegistry::find(quint64 id) const
{
    const auto it = std::find_if(m_sessions.cbegin(), m_sessions.cend(),
                                 [id](const RemoteSession &session) { return session.id == id; });
    return it == m_sessions.cend() ? nullptr : &*it;
}

void RemoteSessionRegistry::setPrivilege(quint64 id, Role privilege)
{
    for (RemoteSession &session : m_sessions) {
        if (session.id == id && session.privilege != privilege) {
            session.privilege = privilege;
            emit sessionsChanged();
        }
    }
}

int RemoteSessionRegistry::count(RemoteSession::Protocol protocol) const
{
    return int(std::count_if(m_sessions.cbegin(), m_sessions.cend(),
                             [protocol](const RemoteSession &session) { return session.protocol == protocol; }));
}

RemoteSessionRegistry::Admission RemoteSessionRegistry::admission(RemoteSession::Protocol protocol, const QString &user,
                                                                  Role role, const SessionLimits &limits) const
{
    int total = 0;
    int ofUser = 0;
    quint64 oldestOfUser = 0;
    // In the order they were opened: the first of the user's is the oldest.
    for (const RemoteSession &session : m_sessions) {
        if (session.protocol != protocol)
            continue;
        ++total;
        if (session.user == user && ofUser++ == 0)
            oldestOfUser = session.id;
    }
    if (ofUser >= limits.perUser && oldestOfUser != 0)
        return {true, oldestOfUser};
    const int open = role == Role::Administrator ? limits.total : limits.total - limits.administratorReserve();
    return {total < open, 0};
}
