#pragma once

#include "CipherSuite.h"
#include "IpmiPeer.h"
#include "IpmiSession.h"
#include "Privilege.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <map>
#include <memory>

class RemoteSessionRegistry;

// The RMCP+ sessions, in setup and active: random ids, handles for Get Session Info, the session
// limit with the longest-idle session making room, idle and setup time-outs, and the entry each
// active session has in core's RemoteSessionRegistry.
class IpmiSessionTable : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        int maxSessions = 16;
        std::chrono::milliseconds idleTimeout = std::chrono::seconds(60);
        std::chrono::milliseconds setupTimeout = std::chrono::seconds(3);
    };

    IpmiSessionTable(RemoteSessionRegistry *registry, Limits limits, QObject *parent = nullptr);
    ~IpmiSessionTable() override;

    // A session in setup for `peer`, after making room if the table is full; nullptr when there is
    // no room to make.
    IpmiSession *open(const IpmiPeer &peer, quint32 consoleId, const CipherSuite &suite);
    // After RAKP 3: the session carries traffic, starts at User level (or lower) and is registered.
    void activate(IpmiSession *session);

    IpmiSession *find(quint32 id);
    // An active session for a packet from `peer`, or nullptr.
    IpmiSession *activeSession(quint32 id, const IpmiPeer &peer);
    IpmiSession *activeById(quint32 id);
    IpmiSession *activeByHandle(quint8 handle);
    // Ordered by handle.
    QList<const IpmiSession *> active() const;
    int activeCount() const;
    // Every session, in setup or active.
    int count() const { return int(m_sessions.size()); }
    int maxSessions() const { return m_limits.maxSessions; }

    // Set Session Privilege Level: false when the user may not have `privilege`.
    bool setPrivilege(IpmiSession *session, Privilege privilege);
    void close(quint32 id, const QString &reason);
    void closeAll(const QString &reason);
    void closeSessionsOf(const QString &user, const QString &reason);

signals:
    void sessionClosed(quint32 id);
    // A setup that had handed out RAKP 2 ended without a correct RAKP 3: it timed out or made
    // room. Whoever counts failed logins counts this one.
    void setupAbandoned(const QString &user, const QString &address, const QString &reason);

private:
    bool makeRoom();
    quint8 freeHandle() const;
    void expire();
    void abandon(quint32 id, const QString &reason);

    RemoteSessionRegistry *m_registry;
    Limits m_limits;
    std::map<quint32, std::unique_ptr<IpmiSession>> m_sessions;
    QTimer m_expiryTimer;
};
