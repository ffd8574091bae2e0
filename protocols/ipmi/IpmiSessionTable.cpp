#include "IpmiSessionTable.h"

#include "ByteReader.h"
#include "IpmiCrypto.h"
#include "IpmiLogging.h"
#include "RemoteSessionRegistry.h"

using namespace Qt::StringLiterals;

IpmiSessionTable::IpmiSessionTable(RemoteSessionRegistry *registry, Limits limits, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_limits(limits)
{
    m_expiryTimer.setInterval(std::chrono::seconds(1));
    connect(&m_expiryTimer, &QTimer::timeout, this, &IpmiSessionTable::expire);
    m_expiryTimer.start();
    connect(registry, &RemoteSessionRegistry::endRequested, this,
            [this](const RemoteSession &ending, const Actor &actor) {
                if (ending.protocol != RemoteSession::Protocol::Ipmi)
                    return;
                for (const auto &[id, session] : m_sessions) {
                    if (session->isActive() && session->registryId == ending.id) {
                        // The client learns it at its next request, as after an idle time-out.
                        close(id, u"ended by %1"_s.arg(actor.toString()));
                        return;
                    }
                }
            });
}

IpmiSessionTable::~IpmiSessionTable()
{
    closeAll(u"IPMI stopped"_s);
}

IpmiSession *IpmiSessionTable::open(const IpmiPeer &peer, quint32 consoleId, const CipherSuite &suite)
{
    if (!makeRoom())
        return nullptr;
    auto session = std::make_unique<IpmiSession>();
    do {
        // The bytes must outlive the reader, which only views them.
        const QByteArray random = IpmiCrypto::randomBytes(4);
        session->id = ByteReader(random).u32le();
    } while (session->id == 0 || m_sessions.count(session->id));
    session->consoleId = consoleId;
    session->handle = freeHandle();
    session->peer = peer;
    session->suite = suite;
    session->idle.start();
    IpmiSession *opened = session.get();
    m_sessions.emplace(session->id, std::move(session));
    return opened;
}

void IpmiSessionTable::activate(IpmiSession *session)
{
    session->state = IpmiSession::State::Active;
    session->privilege = std::min(session->maximumPrivilege, Privilege::User);
    session->since = QDateTime::currentDateTimeUtc();
    session->idle.start();
    session->registryId = m_registry->add(RemoteSession::Protocol::Ipmi, session->user, session->peer.addressText(),
                                          Privileges::toRole(session->privilege));
    qCInfo(lcIpmi, "session 0x%08x opened by %s from %s (cipher suite %u, up to %s)", session->id,
           qPrintable(session->user), qPrintable(session->peer.addressText()), session->suite.id,
           qPrintable(Privileges::name(session->maximumPrivilege)));
}

IpmiSession *IpmiSessionTable::find(quint32 id)
{
    const auto found = m_sessions.find(id);
    return found == m_sessions.end() ? nullptr : found->second.get();
}

IpmiSession *IpmiSessionTable::activeSession(quint32 id, const IpmiPeer &peer)
{
    IpmiSession *session = activeById(id);
    return session && session->peer == peer ? session : nullptr;
}

IpmiSession *IpmiSessionTable::activeById(quint32 id)
{
    IpmiSession *session = find(id);
    return session && session->isActive() ? session : nullptr;
}

IpmiSession *IpmiSessionTable::activeByHandle(quint8 handle)
{
    for (const auto &[id, session] : m_sessions) {
        if (session->handle == handle && session->isActive())
            return session.get();
    }
    return nullptr;
}

QList<const IpmiSession *> IpmiSessionTable::active() const
{
    QList<const IpmiSession *> sessions;
    for (const auto &[id, session] : m_sessions) {
        if (session->isActive())
            sessions.append(session.get());
    }
    std::sort(sessions.begin(), sessions.end(),
              [](const IpmiSession *a, const IpmiSession *b) { return a->handle < b->handle; });
    return sessions;
}

int IpmiSessionTable::activeCount() const
{
    return int(std::count_if(m_sessions.cbegin(), m_sessions.cend(),
                             [](const auto &entry) { return entry.second->isActive(); }));
}

bool IpmiSessionTable::setPrivilege(IpmiSession *session, Privilege privilege)
{
    if (privilege > session->maximumPrivilege)
        return false;
    session->privilege = privilege;
    m_registry->setPrivilege(session->registryId, Privileges::toRole(privilege));
    return true;
}

bool IpmiSessionTable::makeRoom()
{
    expire();
    if (int(m_sessions.size()) < m_limits.maxSessions)
        return true;
    // The session that has been quiet longest makes room; a flood of new sessions cannot lock
    // out a user for longer than it takes to open one.
    const auto oldest = std::max_element(m_sessions.cbegin(), m_sessions.cend(), [](const auto &a, const auto &b) {
        return a.second->idle.elapsed() < b.second->idle.elapsed();
    });
    if (oldest == m_sessions.cend())
        return false;
    const QString reason = u"the session limit (%1) was reached and it was idle longest"_s.arg(m_limits.maxSessions);
    if (oldest->second->state == IpmiSession::State::AwaitingRakp3)
        abandon(oldest->first, reason);
    else
        close(oldest->first, reason);
    return true;
}

quint8 IpmiSessionTable::freeHandle() const
{
    for (quint8 handle = 1; handle < 255; ++handle) {
        const bool taken = std::any_of(m_sessions.cbegin(), m_sessions.cend(),
                                       [handle](const auto &entry) { return entry.second->handle == handle; });
        if (!taken)
            return handle;
    }
    return 0;
}

void IpmiSessionTable::expire()
{
    QList<std::pair<quint32, IpmiSession::State>> expired;
    for (const auto &[id, session] : m_sessions) {
        const auto limit = session->isActive() ? m_limits.idleTimeout : m_limits.setupTimeout;
        if (session->idle.hasExpired(limit.count()))
            expired.append({id, session->state});
    }
    for (const auto &[id, state] : expired) {
        // Clients that find RAKP 2's auth code wrong (a wrong password) just go away; so does
        // someone collecting RAKP 2 auth codes to crack offline. Either way, a failed login.
        if (state == IpmiSession::State::AwaitingRakp3)
            abandon(id, u"setup time-out after RAKP 2 (wrong password?)"_s);
        else
            close(id, state == IpmiSession::State::Active ? u"idle time-out"_s : u"setup time-out"_s);
    }
}

void IpmiSessionTable::abandon(quint32 id, const QString &reason)
{
    IpmiSession *session = find(id);
    if (!session)
        return;
    const QString user = session->user;
    const QString address = session->peer.addressText();
    close(id, reason);
    emit setupAbandoned(user, address, reason);
}

void IpmiSessionTable::close(quint32 id, const QString &reason)
{
    const auto found = m_sessions.find(id);
    if (found == m_sessions.end())
        return;
    const std::unique_ptr<IpmiSession> session = std::move(found->second);
    m_sessions.erase(found);
    if (session->isActive()) {
        m_registry->remove(session->registryId);
        qCInfo(lcIpmi, "session 0x%08x of %s closed: %s", id, qPrintable(session->user), qPrintable(reason));
    } else {
        qCDebug(lcIpmi, "session setup 0x%08x from %s dropped: %s", id, qPrintable(session->peer.addressText()),
                qPrintable(reason));
    }
    emit sessionClosed(id);
}

void IpmiSessionTable::closeAll(const QString &reason)
{
    while (!m_sessions.empty())
        close(m_sessions.begin()->first, reason);
}

void IpmiSessionTable::closeSessionsOf(const QString &user, const QString &reason)
{
    QList<quint32> affected;
    for (const auto &[id, session] : m_sessions) {
        if (session->user == user)
            affected.append(id);
    }
    for (quint32 id : std::as_const(affected))
        close(id, reason);
}
