#include "RakpHandshake.h"

#include "AccountStore.h"
#include "EventLog.h"
#include "IpmiCrypto.h"
#include "IpmiGuid.h"
#include "IpmiLogging.h"
#include "IpmiSessionTable.h"
#include "RakpKeys.h"

using namespace Qt::StringLiterals;
using Status = RakpCodec::Status;

namespace {
constexpr int userNameMaximum = 16;
constexpr int rakpPasswordLength = 20; // Kuid: the password, zero-padded to 20 bytes
constexpr quint8 nameOnlyLookup = 0x10;

QString hex(quint8 value)
{
    return u"0x%1"_s.arg(uint(value), 2, 16, QLatin1Char('0'));
}
} // namespace

RakpHandshake::RakpHandshake(IpmiSessionTable *sessions, AccountStore *accounts, EventLog *eventLog, QUuid systemUuid,
                             Policy policy, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_accounts(accounts)
    , m_eventLog(eventLog)
    , m_systemGuid(IpmiGuid::encode(systemUuid))
    , m_policy(std::move(policy))
    , m_throttle(m_policy.throttleFailures, m_policy.throttlePeriod, clock)
{
    connect(m_sessions, &IpmiSessionTable::setupAbandoned, this,
            [this](const QString &user, const QString &address) { recordFailureAfterRakp2(user, address); });
    // Sessions of a user whose password, role or state changed end at once.
    connect(m_accounts, &AccountStore::credentialsChanged, this, [this](const QString &name) {
        m_sessions->closeSessionsOf(name, u"the account \"%1\" changed"_s.arg(name));
    });
}

std::optional<CipherSuite> RakpHandshake::offeredSuite(const RakpCodec::OpenSessionRequest &request,
                                                       Status *refusal) const
{
    QList<CipherSuite> offered;
    for (int id : m_policy.cipherSuites) {
        if (const auto suite = CipherSuite::byId(quint8(id)))
            offered.append(*suite);
    }
    const auto any = [&](auto member, quint8 value) {
        return std::any_of(offered.cbegin(), offered.cend(), [&](const CipherSuite &s) { return s.*member == value; });
    };
    // The specific refusals say which algorithm was the problem, "none" (suite 0) included.
    if (!any(&CipherSuite::authentication, *request.authentication))
        *refusal = Status::InvalidAuthenticationAlgorithm;
    else if (!any(&CipherSuite::integrity, *request.integrity))
        *refusal = Status::InvalidIntegrityAlgorithm;
    else if (!any(&CipherSuite::confidentiality, *request.confidentiality))
        *refusal = Status::InvalidConfidentialityAlgorithm;
    else
        *refusal = Status::NoCipherSuiteMatch;
    for (const CipherSuite &suite : offered) {
        if (suite.authentication == *request.authentication && suite.integrity == *request.integrity
            && suite.confidentiality == *request.confidentiality)
            return suite;
    }
    return std::nullopt;
}

QByteArray RakpHandshake::openSession(QByteArrayView bytes, const IpmiPeer &peer)
{
    const std::optional<RakpCodec::OpenSessionRequest> request = RakpCodec::parseOpenSessionRequest(bytes);
    if (!request)
        return {};
    const auto reply = [&](Status status) { return RakpCodec::statusReply(request->tag, status, request->consoleId); };
    if (!request->complete || !request->authentication || !request->integrity || !request->confidentiality
        || request->consoleId == 0)
        return reply(Status::IllegalParameter);
    if (request->privilege > quint8(Privilege::Oem))
        return reply(Status::InvalidRole);

    Status refusal = Status::NoCipherSuiteMatch;
    const std::optional<CipherSuite> suite = offeredSuite(*request, &refusal);
    if (!suite) {
        qCInfo(lcIpmi, "open session from %s refused: algorithms %u/%u/%u are not offered",
               qPrintable(peer.addressText()), *request->authentication, *request->integrity,
               *request->confidentiality);
        return reply(refusal);
    }
    IpmiSession *session = m_sessions->open(peer, request->consoleId, *suite);
    if (!session)
        return reply(Status::InsufficientResources);
    const quint8 privilege = request->privilege ? request->privilege : quint8(Privilege::Administrator);
    return RakpCodec::openSessionResponse(request->tag, privilege, request->consoleId, session->id, *suite);
}

QByteArray RakpHandshake::rakp1(QByteArrayView bytes, const IpmiPeer &peer)
{
    const std::optional<RakpCodec::Rakp1> message = RakpCodec::parseRakp1(bytes);
    if (!message)
        return {};
    IpmiSession *session = m_sessions->find(message->sessionId);
    if (!message->headerComplete || !session || session->state != IpmiSession::State::AwaitingRakp1
        || !(session->peer == peer))
        return RakpCodec::statusReply(message->tag, Status::InvalidSessionId, 0);
    const quint32 sessionId = session->id;
    const quint32 consoleId = session->consoleId;
    const auto refuse = [&](Status status) {
        m_sessions->close(sessionId, u"RAKP 1 refused with status %1"_s.arg(hex(quint8(status))));
        return RakpCodec::statusReply(message->tag, status, consoleId);
    };

    if (message->nameLength > userNameMaximum)
        return refuse(Status::InvalidNameLength);
    if (!message->nameComplete)
        return refuse(Status::IllegalParameter);
    const std::optional<Privilege> privilege = Privileges::fromByte(message->role);
    if (!privilege || (message->role & ~(0x0F | nameOnlyLookup)))
        return refuse(Status::InvalidRole);

    const QString address = peer.addressText();
    if (m_throttle.isBlocked(address)) {
        qCWarning(lcIpmi, "RAKP from %s refused: too many failed logins from that address", qPrintable(address));
        return refuse(Status::InsufficientResources);
    }

    // No null user names and no anonymous login: RAKP 1 must name an account.
    const QString name = QString::fromLatin1(message->name);
    const std::optional<Account> account = name.isEmpty() ? std::nullopt : m_accounts->account(name);
    if (!account) {
        recordFailure(name.isEmpty() ? u"(null user)"_s : name, address);
        return refuse(Status::UnauthorizedName);
    }
    const std::optional<QByteArray> password = m_accounts->ipmiPassword(name);
    if (!password || m_accounts->isLockedOut(name, address)) {
        m_throttle.recordFailure(address);
        const QString why = m_accounts->isLockedOut(name, address) ? u"the account is locked"_s
            : !account->enabled                                    ? u"the account is disabled"_s
                                                                   : u"the account may not use IPMI"_s;
        m_eventLog->warning(Actor::ipmi(name), u"IPMI login refused from %1: %2"_s.arg(address, why));
        return refuse(Status::UnauthorizedName);
    }
    const Privilege allowed = Privileges::fromRole(account->role);
    if (*privilege > allowed) {
        qCInfo(lcIpmi, "RAKP from %s: %s asked for %s, the role allows %s", qPrintable(address), qPrintable(name),
               qPrintable(Privileges::name(*privilege)), qPrintable(Privileges::name(allowed)));
        return refuse(Status::UnauthorizedRole);
    }

    session->consoleRandom = message->consoleRandom;
    session->bmcRandom = IpmiCrypto::randomBytes(16);
    session->requestedRole = message->role;
    session->userName = message->name;
    session->password = password->leftJustified(rakpPasswordLength, '\0', true);
    session->user = name;
    session->userId = account->id;
    session->maximumPrivilege = *privilege;
    session->state = IpmiSession::State::AwaitingRakp3;
    session->idle.start();
    // RAKP 2 carries an HMAC of the password that can be cracked offline: it counts against the
    // address as a failure until a correct RAKP 3 takes it back, so an address that never answers
    // collects at most ipmi.throttle.failures of them per period (decisions.md#100).
    m_throttle.recordFailure(address);
    return RakpCodec::rakp2(message->tag, consoleId, session->bmcRandom, m_systemGuid,
                            RakpKeys::rakp2AuthCode(*session, m_systemGuid));
}

QByteArray RakpHandshake::rakp3(QByteArrayView bytes, const IpmiPeer &peer)
{
    const std::optional<RakpCodec::Rakp3> message = RakpCodec::parseRakp3(bytes);
    if (!message)
        return {};
    IpmiSession *session = m_sessions->find(message->sessionId);
    if (!message->complete || !session || session->state != IpmiSession::State::AwaitingRakp3
        || !(session->peer == peer))
        return RakpCodec::statusReply(message->tag, Status::InvalidSessionId, 0);
    const quint32 consoleId = session->consoleId;
    if (message->status != quint8(Status::Success)) {
        // The console gave up on RAKP 2: a wrong password gives a wrong auth code there.
        failSetup(session->id, u"the remote console ended the setup with status %1"_s.arg(hex(message->status)));
        return {};
    }
    if (!IpmiCrypto::equalInConstantTime(RakpKeys::rakp3AuthCode(*session), message->authCode)) {
        failSetup(session->id, u"RAKP 3 carried a wrong auth code"_s);
        return RakpCodec::statusReply(message->tag, Status::InvalidIntegrityCheckValue, consoleId);
    }

    const QByteArray sik = RakpKeys::sessionIntegrityKey(*session);
    session->keys = RakpKeys::packetKeys(session->suite, sik);
    const QByteArray checkValue = RakpKeys::rakp4IntegrityCheck(*session, sik, m_systemGuid);
    // The password is not needed once the keys are made.
    session->password.fill('\0');
    session->password.clear();
    m_throttle.recordSuccess(session->peer.addressText());
    m_accounts->recordLoginSuccess(session->user, session->peer.addressText());
    m_sessions->activate(session);
    return RakpCodec::rakp4(message->tag, consoleId, checkValue);
}

void RakpHandshake::failSetup(quint32 id, const QString &reason)
{
    IpmiSession *session = m_sessions->find(id);
    if (!session)
        return;
    const QString address = session->peer.addressText();
    const QString name = session->user;
    m_sessions->close(id, reason);
    recordFailureAfterRakp2(name, address);
}

void RakpHandshake::recordFailure(const QString &user, const QString &address)
{
    m_throttle.recordFailure(address);
    m_accounts->recordLoginFailure(user, Actor::Origin::Ipmi, address);
}

void RakpHandshake::recordFailureAfterRakp2(const QString &user, const QString &address)
{
    // The throttle counted it when RAKP 2 went out.
    m_accounts->recordLoginFailure(user, Actor::Origin::Ipmi, address);
}
