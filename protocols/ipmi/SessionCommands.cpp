#include "SessionCommands.h"

#include "ByteReader.h"
#include "ByteWriter.h"
#include "IpmiSession.h"
#include "IpmiSessionTable.h"
#include "LanChannel.h"
#include "NetFn.h"

using namespace Qt::StringLiterals;

namespace {
// Set Session Privilege Level: the level asked for is above what this user or channel allows.
constexpr auto privilegeAboveLimit = CompletionCode(0x81);
// Close Session: no session with that id, or with that handle.
constexpr auto invalidSessionId = CompletionCode(0x87);
constexpr auto invalidSessionHandle = CompletionCode(0x88);
// Get Session Info: the session index byte's special values.
constexpr quint8 thisSession = 0x00;
constexpr quint8 byHandle = 0xFE;
constexpr quint8 byId = 0xFF;
} // namespace

struct SessionCommands::PrivilegeRequest
{
    quint8 privilege = 0; // low nibble; 0 reads the present level
    void fields(auto &visit) { visit(privilege); }
};

struct SessionCommands::CloseRequest
{
    quint32 sessionId = 0;        // 0: the handle names the session
    std::optional<quint8> handle; // only when the id is 0
    void fields(auto &visit) { visit(sessionId, handle); }
};

struct SessionCommands::InfoRequest
{
    quint8 index = 0;                   // 0: this session, 1-n: the nth active one, FEh: by handle, FFh: by id
    RequestFields::Tail<0, 4> selector; // the handle (1 byte) or the id (4 bytes)
    void fields(auto &visit) { visit(index, selector); }
};

SessionCommands::SessionCommands(IpmiSessionTable *sessions, QObject *parent)
    : CommandGroup(parent)
    , m_sessions(sessions)
{
}

void SessionCommands::registerIn(CommandTable &table)
{
    table.add({NetFn::app, 0x3B, "Set Session Privilege Level", Privilege::User}, this,
              &SessionCommands::setSessionPrivilege);
    table.add({NetFn::app, 0x3C, "Close Session", Privilege::User}, this, &SessionCommands::closeSession);
    table.add({NetFn::app, 0x3D, "Get Session Info", Privilege::User}, this, &SessionCommands::getSessionInfo);
}

IpmiResponse SessionCommands::setSessionPrivilege(const PrivilegeRequest &request, const IpmiCaller &caller)
{
    IpmiSession *session = m_sessions->activeSession(caller.sessionId, caller.peer);
    if (!session)
        return IpmiResponse::failure(CompletionCode::Unspecified);
    const quint8 asked = request.privilege & 0x0F;
    if (asked != 0) {
        // Callback and OEM are not levels a session works at here.
        const std::optional<Privilege> privilege = Privileges::fromByte(asked);
        if (!privilege || *privilege == Privilege::Callback || *privilege == Privilege::Oem)
            return IpmiResponse::failure(CompletionCode::InvalidDataField);
        if (!m_sessions->setPrivilege(session, *privilege))
            return IpmiResponse::failure(privilegeAboveLimit);
    }
    return IpmiResponse::success(QByteArray(1, char(session->privilege)));
}

IpmiResponse SessionCommands::closeSession(const CloseRequest &request, const IpmiCaller &caller)
{
    IpmiSession *target = nullptr;
    if (request.sessionId != 0) {
        target = m_sessions->activeById(request.sessionId);
        if (!target)
            return IpmiResponse::failure(invalidSessionId);
    } else {
        if (!request.handle)
            return IpmiResponse::failure(CompletionCode::RequestDataLengthInvalid);
        target = m_sessions->activeByHandle(*request.handle);
        if (!target)
            return IpmiResponse::failure(invalidSessionHandle);
    }
    // Closing someone else's session takes an administrator.
    if (target->id != caller.sessionId && caller.privilege < Privilege::Administrator)
        return IpmiResponse::failure(CompletionCode::InsufficientPrivilege);

    IpmiResponse response = IpmiResponse::success();
    const quint32 targetId = target->id;
    const QString reason = target->id == caller.sessionId
        ? u"closed by its user"_s
        : u"closed by %1 (session 0x%2)"_s.arg(caller.user).arg(caller.sessionId, 8, 16, QLatin1Char('0'));
    // The reply travels in the session being closed: close it once the reply is out.
    response.afterReply = [sessions = m_sessions, targetId, reason] { sessions->close(targetId, reason); };
    return response;
}

IpmiResponse SessionCommands::getSessionInfo(const InfoRequest &request, const IpmiCaller &caller) const
{
    const QList<const IpmiSession *> active = m_sessions->active();
    const auto findBy = [&](auto matches) -> const IpmiSession * {
        const auto it = std::find_if(active.cbegin(), active.cend(), matches);
        return it == active.cend() ? nullptr : *it;
    };
    ByteReader selector(request.selector.value);
    const IpmiSession *session = nullptr;
    if (request.index == thisSession) {
        session = findBy([&](const IpmiSession *s) { return s->id == caller.sessionId; });
    } else if (request.index == byId) {
        const quint32 id = selector.u32le();
        if (!selector.isValid())
            return IpmiResponse::failure(CompletionCode::RequestDataLengthInvalid);
        session = findBy([&](const IpmiSession *s) { return s->id == id; });
    } else if (request.index == byHandle) {
        const quint8 handle = selector.u8();
        if (!selector.isValid())
            return IpmiResponse::failure(CompletionCode::RequestDataLengthInvalid);
        session = findBy([&](const IpmiSession *s) { return s->handle == handle; });
    } else {
        session = request.index <= active.size() ? active.at(request.index - 1) : nullptr;
    }

    QByteArray data;
    ByteWriter writer(&data);
    writer.u8(session ? session->handle : 0)
        .u8(quint8(m_sessions->maxSessions() & 0x3F))
        .u8(quint8(active.size() & 0x3F));
    if (!session)
        return IpmiResponse::success(data);

    writer.u8(quint8(session->userId & 0x3F))
        .u8(quint8(session->privilege))
        .u8(quint8(0x10 | LanChannel::number)); // IPMI v2.0/RMCP+ session on the LAN channel
    bool isIpv4 = false;
    const quint32 ipv4 = session->peer.address.toIPv4Address(&isIpv4);
    writer.u32be(isIpv4 ? ipv4 : 0)
        .padded({}, 6) // the remote console's MAC address is not known on a routed network
        .u16le(session->peer.port);
    return IpmiResponse::success(data);
}
