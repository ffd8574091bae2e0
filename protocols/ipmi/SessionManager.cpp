#include "SessionManager.h"

#include "AccountStore.h"
#include "Bmc.h"
#include "ByteReader.h"
#include "ByteWriter.h"
#include "EventLog.h"
#include "InstallationIdentity.h"
#include "IpmiCrypto.h"
#include "IpmiGuid.h"
#include "IpmiLogging.h"
#include "SessionRegistry.h"

using namespace Qt::StringLiterals;

namespace {
constexpr int userNameMaximum = 16;
constexpr int rakpPasswordLength = 20; // Kuid: the password, zero-padded to 20 bytes
constexpr quint8 nameOnlyLookup = 0x10;

// An algorithm payload of Open Session (IPMI v2.0 table 13-17): type, reserved, length 8,
// algorithm, reserved.
std::optional<quint8> readAlgorithm(ByteReader &reader, quint8 expectedType)
{
    const quint8 type = reader.u8();
    reader.skip(2);
    const quint8 length = reader.u8();
    const quint8 algorithm = reader.u8() & 0x3F;
    reader.skip(3);
    if (type != expectedType || length != 8)
        return std::nullopt;
    return algorithm;
}

void writeAlgorithm(ByteWriter &writer, quint8 type, quint8 algorithm)
{
    writer.u8(type).u16le(0).u8(8).u8(algorithm).padded({}, 3);
}

QByteArray littleEndian(quint32 value)
{
    QByteArray bytes;
    ByteWriter(&bytes).u32le(value);
    return bytes;
}

QByteArray statusReply(quint8 tag, SessionManager::Status status, quint32 consoleId)
{
    QByteArray reply;
    ByteWriter(&reply).u8(tag).u8(quint8(status)).u16le(0).u32le(consoleId);
    return reply;
}
} // namespace

SessionManager::SessionManager(Bmc *bmc, Settings settings, QObject *parent)
    : QObject(parent)
    , m_bmc(bmc)
    , m_settings(std::move(settings))
    , m_throttle(m_settings.throttleFailures, m_settings.throttlePeriod)
{
    m_expiryTimer.setInterval(std::chrono::seconds(1));
    connect(&m_expiryTimer, &QTimer::timeout, this, &SessionManager::expireSessions);
    m_expiryTimer.start();
    // Sessions of a user whose password, role or state changed end at once.
    connect(m_bmc->accounts(), &AccountStore::credentialsChanged, this, [this](const QString &name) {
        QList<quint32> affected;
        for (const auto &[id, session] : m_sessions) {
            if (session->user == name)
                affected.append(id);
        }
        for (quint32 id : affected)
            close(id, u"the account \"%1\" changed"_s.arg(name));
    });
}

SessionManager::~SessionManager()
{
    closeAll(u"IPMI stopped"_s);
}

QByteArray SessionManager::systemGuid() const
{
    return IpmiGuid::encode(m_bmc->identity()->systemUuid());
}

std::optional<CipherSuite> SessionManager::offeredSuite(quint8 authentication, quint8 integrity, quint8 confidentiality,
                                                        Status *refusal) const
{
    QList<CipherSuite> offered;
    for (int id : m_settings.cipherSuites) {
        if (const auto suite = CipherSuite::byId(quint8(id)))
            offered.append(*suite);
    }
    const auto any = [&](auto member, quint8 value) {
        return std::any_of(offered.cbegin(), offered.cend(), [&](const CipherSuite &s) { return s.*member == value; });
    };
    // The specific refusals say which algorithm was the problem, "none" (suite 0) included.
    if (!any(&CipherSuite::authentication, authentication))
        *refusal = Status::InvalidAuthenticationAlgorithm;
    else if (!any(&CipherSuite::integrity, integrity))
        *refusal = Status::InvalidIntegrityAlgorithm;
    else if (!any(&CipherSuite::confidentiality, confidentiality))
        *refusal = Status::InvalidConfidentialityAlgorithm;
    else
        *refusal = Status::NoCipherSuiteMatch;
    for (const CipherSuite &suite : offered) {
        if (suite.authentication == authentication && suite.integrity == integrity
            && suite.confidentiality == confidentiality)
            return suite;
    }
    return std::nullopt;
}

QByteArray SessionManager::openSession(QByteArrayView request, const IpmiPeer &peer)
{
    ByteReader reader(request);
    const quint8 tag = reader.u8();
    const quint8 requestedPrivilege = reader.u8() & 0x0F;
    reader.skip(2);
    const quint32 consoleId = reader.u32le();
    const auto authentication = readAlgorithm(reader, 0x00);
    const auto integrity = readAlgorithm(reader, 0x01);
    const auto confidentiality = readAlgorithm(reader, 0x02);
    if (request.isEmpty())
        return {};
    if (!reader.isValid() || !authentication || !integrity || !confidentiality || consoleId == 0)
        return statusReply(tag, Status::IllegalParameter, consoleId);
    if (requestedPrivilege > quint8(Privilege::Oem))
        return statusReply(tag, Status::InvalidRole, consoleId);

    Status refusal = Status::NoCipherSuiteMatch;
    const std::optional<CipherSuite> suite = offeredSuite(*authentication, *integrity, *confidentiality, &refusal);
    if (!suite) {
        qCInfo(lcIpmi, "open session from %s refused: algorithms %u/%u/%u are not offered",
               qPrintable(peer.addressText()), *authentication, *integrity, *confidentiality);
        return statusReply(tag, refusal, consoleId);
    }
    if (!makeRoom())
        return statusReply(tag, Status::InsufficientResources, consoleId);

    auto session = std::make_unique<IpmiSession>();
    do {
        // The bytes must outlive the reader, which only views them.
        const QByteArray random = IpmiCrypto::randomBytes(4);
        session->id = ByteReader(random).u32le();
    } while (session->id == 0 || m_sessions.count(session->id));
    session->consoleId = consoleId;
    session->handle = freeHandle();
    session->peer = peer;
    session->suite = *suite;
    session->idle.start();
    const quint32 sessionId = session->id;
    m_sessions.emplace(sessionId, std::move(session));

    QByteArray reply;
    ByteWriter writer(&reply);
    writer.u8(tag)
        .u8(quint8(Status::Success))
        .u8(requestedPrivilege ? requestedPrivilege : quint8(Privilege::Administrator))
        .u8(0)
        .u32le(consoleId)
        .u32le(sessionId);
    writeAlgorithm(writer, 0x00, suite->authentication);
    writeAlgorithm(writer, 0x01, suite->integrity);
    writeAlgorithm(writer, 0x02, suite->confidentiality);
    return reply;
}

QByteArray SessionManager::rakp1(QByteArrayView request, const IpmiPeer &peer)
{
    ByteReader reader(request);
    const quint8 tag = reader.u8();
    reader.skip(3);
    const quint32 sessionId = reader.u32le();
    const QByteArrayView consoleRandom = reader.bytes(16);
    const quint8 role = reader.u8();
    reader.skip(2);
    const quint8 nameLength = reader.u8();
    if (request.isEmpty())
        return {};

    const auto found = m_sessions.find(sessionId);
    IpmiSession *session = found == m_sessions.end() ? nullptr : found->second.get();
    if (!reader.isValid() || !session || session->state != IpmiSession::State::AwaitingRakp1
        || !(session->peer == peer))
        return statusReply(tag, Status::InvalidSessionId, 0);
    const quint32 consoleId = session->consoleId;
    const auto refuse = [&](Status status) {
        close(sessionId, u"RAKP 1 refused with status 0x%1"_s.arg(uint(status), 2, 16, QLatin1Char('0')));
        return statusReply(tag, status, consoleId);
    };

    if (nameLength > userNameMaximum)
        return refuse(Status::InvalidNameLength);
    const QByteArrayView nameBytes = reader.bytes(nameLength);
    if (!reader.isValid())
        return refuse(Status::IllegalParameter);
    const std::optional<Privilege> privilege = Privileges::fromByte(role);
    if (!privilege || (role & ~(0x0F | nameOnlyLookup)))
        return refuse(Status::InvalidRole);

    const QString address = peer.addressText();
    if (m_throttle.isBlocked(address)) {
        qCWarning(lcIpmi, "RAKP from %s refused: too many failed logins from that address", qPrintable(address));
        return refuse(Status::InsufficientResources);
    }

    // No null user names and no anonymous login (prior-art.md).
    const QString name = QString::fromLatin1(nameBytes);
    AccountStore *accounts = m_bmc->accounts();
    const std::optional<Account> account = name.isEmpty() ? std::nullopt : accounts->account(name);
    if (!account) {
        m_throttle.recordFailure(address);
        accounts->recordLoginFailure(name.isEmpty() ? u"(null user)"_s : name, Actor::Origin::Ipmi, address);
        return refuse(Status::UnauthorizedName);
    }
    const std::optional<QByteArray> password = accounts->ipmiPassword(name);
    if (!password || accounts->isLockedOut(name)) {
        m_throttle.recordFailure(address);
        const QString why = accounts->isLockedOut(name) ? u"the account is locked"_s
            : !account->enabled                         ? u"the account is disabled"_s
                                                        : u"the account may not use IPMI"_s;
        m_bmc->eventLog()->warning(Actor::ipmi(name), u"IPMI login refused from %1: %2"_s.arg(address, why));
        return refuse(Status::UnauthorizedName);
    }
    const Privilege allowed = Privileges::fromRole(account->role);
    if (*privilege > allowed) {
        qCInfo(lcIpmi, "RAKP from %s: %s asked for %s, the role allows %s", qPrintable(address), qPrintable(name),
               qPrintable(Privileges::name(*privilege)), qPrintable(Privileges::name(allowed)));
        return refuse(Status::UnauthorizedRole);
    }

    session->consoleRandom = consoleRandom.toByteArray();
    session->bmcRandom = IpmiCrypto::randomBytes(16);
    session->requestedRole = role;
    session->userName = nameBytes.toByteArray();
    session->password = password->leftJustified(rakpPasswordLength, '\0', true);
    session->user = name;
    session->userId = account->id;
    session->maximumPrivilege = *privilege;
    session->state = IpmiSession::State::AwaitingRakp3;
    session->idle.start();

    // RAKP 2 (IPMI v2.0 table 13-12): HMAC_Kuid(SIDm, SIDc, Rm, Rc, GUIDc, ROLEm, ULENGTHm, UNAMEm).
    const QByteArray guid = systemGuid();
    const QByteArray authCode =
        IpmiCrypto::hmac(session->suite.hash, session->password,
                         littleEndian(consoleId) + littleEndian(sessionId) + session->consoleRandom + session->bmcRandom
                             + guid + char(role) + char(nameLength) + session->userName);
    QByteArray reply;
    ByteWriter(&reply)
        .u8(tag)
        .u8(quint8(Status::Success))
        .u16le(0)
        .u32le(consoleId)
        .bytes(session->bmcRandom)
        .bytes(guid)
        .bytes(authCode);
    return reply;
}

QByteArray SessionManager::rakp3(QByteArrayView request, const IpmiPeer &peer)
{
    ByteReader reader(request);
    const quint8 tag = reader.u8();
    const quint8 consoleStatus = reader.u8();
    reader.skip(2);
    const quint32 sessionId = reader.u32le();
    const QByteArrayView authCode = reader.rest();
    if (request.isEmpty())
        return {};

    const auto found = m_sessions.find(sessionId);
    IpmiSession *session = found == m_sessions.end() ? nullptr : found->second.get();
    if (!reader.isValid() || !session || session->state != IpmiSession::State::AwaitingRakp3
        || !(session->peer == peer))
        return statusReply(tag, Status::InvalidSessionId, 0);
    const quint32 consoleId = session->consoleId;
    if (consoleStatus != quint8(Status::Success)) {
        // The console gave up on RAKP 2: a wrong password gives a wrong auth code there.
        failSetup(
            sessionId,
            u"the remote console ended the setup with status 0x%1"_s.arg(uint(consoleStatus), 2, 16, QLatin1Char('0')));
        return {};
    }

    // RAKP 3 (IPMI v2.0 table 13-13): HMAC_Kuid(Rc, SIDm, ROLEm, ULENGTHm, UNAMEm).
    const CipherSuite::Hash hash = session->suite.hash;
    const QByteArray roleAndName =
        char(session->requestedRole) + QByteArray(1, char(session->userName.size())) + session->userName;
    const QByteArray expected =
        IpmiCrypto::hmac(hash, session->password, session->bmcRandom + littleEndian(consoleId) + roleAndName);
    if (!IpmiCrypto::equalInConstantTime(expected, authCode)) {
        failSetup(sessionId, u"RAKP 3 carried a wrong auth code"_s);
        return statusReply(tag, Status::InvalidIntegrityCheckValue, consoleId);
    }

    // Keys (IPMI v2.0 section 13.31-13.32): SIK = HMAC_KG(Rm, Rc, ROLEm, ULENGTHm, UNAMEm), with no
    // BMC key set KG is Kuid; K1 and K2 are HMAC_SIK over twenty 0x01 and 0x02 bytes.
    const QByteArray sik =
        IpmiCrypto::hmac(hash, session->password, session->consoleRandom + session->bmcRandom + roleAndName);
    session->keys.suite = session->suite;
    session->keys.integrityKey = IpmiCrypto::hmac(hash, sik, QByteArray(20, char(0x01)));
    session->keys.confidentialityKey = IpmiCrypto::hmac(hash, sik, QByteArray(20, char(0x02))).first(16);
    const QByteArray checkValue =
        IpmiCrypto::hmac(hash, sik, session->consoleRandom + littleEndian(sessionId) + systemGuid())
            .first(session->suite.truncatedLength());
    activate(session);

    QByteArray reply;
    ByteWriter(&reply).u8(tag).u8(quint8(Status::Success)).u16le(0).u32le(consoleId).bytes(checkValue);
    return reply;
}

void SessionManager::failSetup(quint32 id, const QString &reason)
{
    const auto found = m_sessions.find(id);
    if (found == m_sessions.end())
        return;
    const QString address = found->second->peer.addressText();
    const QString name = found->second->user;
    close(id, reason);
    m_throttle.recordFailure(address);
    m_bmc->accounts()->recordLoginFailure(name, Actor::Origin::Ipmi, address);
}

void SessionManager::activate(IpmiSession *session)
{
    session->state = IpmiSession::State::Active;
    // A session starts at User level (or lower); Set Session Privilege Level raises it.
    session->privilege = std::min(session->maximumPrivilege, Privilege::User);
    session->since = QDateTime::currentDateTimeUtc();
    session->idle.start();
    session->password.fill('\0');
    session->password.clear();
    m_bmc->accounts()->recordLoginSuccess(session->user);
    session->registryId = m_bmc->sessions()->add(RemoteSession::Protocol::Ipmi, session->user,
                                                 session->peer.addressText(), Privileges::toRole(session->privilege));
    qCInfo(lcIpmi, "session 0x%08x opened by %s from %s (cipher suite %u, up to %s)", session->id,
           qPrintable(session->user), qPrintable(session->peer.addressText()), session->suite.id,
           qPrintable(Privileges::name(session->maximumPrivilege)));
}

IpmiSession *SessionManager::activeSession(quint32 id, const IpmiPeer &peer)
{
    const auto found = m_sessions.find(id);
    if (found == m_sessions.end() || !found->second->isActive() || !(found->second->peer == peer))
        return nullptr;
    return found->second.get();
}

IpmiSession *SessionManager::sessionByHandle(quint8 handle)
{
    for (const auto &[id, session] : m_sessions) {
        if (session->handle == handle && session->isActive())
            return session.get();
    }
    return nullptr;
}

int SessionManager::activeCount() const
{
    return int(std::count_if(m_sessions.cbegin(), m_sessions.cend(),
                             [](const auto &entry) { return entry.second->isActive(); }));
}

bool SessionManager::setPrivilege(IpmiSession *session, Privilege privilege)
{
    if (privilege > session->maximumPrivilege)
        return false;
    session->privilege = privilege;
    m_bmc->sessions()->setPrivilege(session->registryId, Privileges::toRole(privilege));
    return true;
}

bool SessionManager::makeRoom()
{
    expireSessions();
    if (int(m_sessions.size()) < m_settings.maxSessions)
        return true;
    // The session that has been quiet longest makes room; a flood of new sessions cannot lock
    // out a user for longer than it takes to open one.
    const auto oldest = std::max_element(m_sessions.cbegin(), m_sessions.cend(), [](const auto &a, const auto &b) {
        return a.second->idle.elapsed() < b.second->idle.elapsed();
    });
    if (oldest == m_sessions.cend())
        return false;
    const QString reason = u"the session limit (%1) was reached and it was idle longest"_s.arg(m_settings.maxSessions);
    if (oldest->second->state == IpmiSession::State::AwaitingRakp3)
        failSetup(oldest->first, reason);
    else
        close(oldest->first, reason);
    return true;
}

quint8 SessionManager::freeHandle() const
{
    for (quint8 handle = 1; handle < 255; ++handle) {
        const bool taken = std::any_of(m_sessions.cbegin(), m_sessions.cend(),
                                       [handle](const auto &entry) { return entry.second->handle == handle; });
        if (!taken)
            return handle;
    }
    return 0;
}

void SessionManager::expireSessions()
{
    QList<std::pair<quint32, IpmiSession::State>> expired;
    for (const auto &[id, session] : m_sessions) {
        const auto limit = session->isActive() ? m_settings.idleTimeout : m_settings.setupTimeout;
        if (session->idle.hasExpired(limit.count()))
            expired.append({id, session->state});
    }
    for (const auto &[id, state] : expired) {
        // Clients that find RAKP 2's auth code wrong (a wrong password) just go away; so does
        // someone collecting RAKP 2 auth codes to crack offline. Either way, a failed login.
        if (state == IpmiSession::State::AwaitingRakp3)
            failSetup(id, u"setup time-out after RAKP 2 (wrong password?)"_s);
        else
            close(id, state == IpmiSession::State::Active ? u"idle time-out"_s : u"setup time-out"_s);
    }
}

void SessionManager::close(quint32 id, const QString &reason)
{
    const auto found = m_sessions.find(id);
    if (found == m_sessions.end())
        return;
    const std::unique_ptr<IpmiSession> session = std::move(found->second);
    m_sessions.erase(found);
    if (session->isActive()) {
        m_bmc->sessions()->remove(session->registryId);
        qCInfo(lcIpmi, "session 0x%08x of %s closed: %s", id, qPrintable(session->user), qPrintable(reason));
    } else {
        qCDebug(lcIpmi, "session setup 0x%08x from %s dropped: %s", id, qPrintable(session->peer.addressText()),
                qPrintable(reason));
    }
    emit sessionClosed(id);
}

void SessionManager::closeAll(const QString &reason)
{
    while (!m_sessions.empty())
        close(m_sessions.begin()->first, reason);
}
