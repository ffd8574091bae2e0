#include "SessionCommands.h"

#include "ByteReader.h"
#include "ByteWriter.h"
#include "IpmiSession.h"
#include "LanChannel.h"
#include "NetFn.h"
#include "SessionManager.h"

using namespace Qt::StringLiterals;

namespace {
// Set Session Privilege Level: the level asked for is above what this user or channel allows.
constexpr auto privilegeAboveLimit = CompletionCode(0x81);
// Close Session: no session with that id, or with that handle.
constexpr auto invalidSessionId = CompletionCode(0x87);
constexpr auto invalidSessionHandle = CompletionCode(0x88);
} // namespace

SessionCommands::SessionCommands(SessionManager *sessions)
    : m_sessions(sessions)
{
}

void SessionCommands::registerIn(CommandTable &table)
{
    table.add({NetFn::app, 0x3B, "Set Session Privilege Level", Privilege::User, 1, 1,
               [this](const IpmiRequest &request) { return setSessionPrivilege(request); }});
    table.add({NetFn::app, 0x3C, "Close Session", Privilege::User, 4, 5,
               [this](const IpmiRequest &request) { return closeSession(request); }});
    table.add({NetFn::app, 0x3D, "Get Session Info", Privilege::User, 1, 5,
               [this](const IpmiRequest &request) { return getSessionInfo(request); }});
}

IpmiResponse SessionCommands::setSessionPrivilege(const IpmiRequest &request)
{
    IpmiSession *session = m_sessions->activeSession(request.sessionId, request.peer);
    if (!session)
        return IpmiResponse::failure(CompletionCode::Unspecified);
    const quint8 asked = quint8(request.data[0]) & 0x0F;
    if (asked != 0) {
        // 0 only reads the present level; Callback and OEM are not levels a session works at here.
        const std::optional<Privilege> privilege = Privileges::fromByte(asked);
        if (!privilege || *privilege == Privilege::Callback || *privilege == Privilege::Oem)
            return IpmiResponse::failure(CompletionCode::InvalidDataField);
        if (!m_sessions->setPrivilege(session, *privilege))
            return IpmiResponse::failure(privilegeAboveLimit);
    }
    return IpmiResponse::success(QByteArray(1, char(session->privilege)));
}

IpmiResponse SessionCommands::closeSession(const IpmiRequest &request)
{
    ByteReader reader(request.data);
    const quint32 id = reader.u32le();
    IpmiSession *target = nullptr;
    if (id != 0) {
        const auto found = m_sessions->sessions().find(id);
        if (found == m_sessions->sessions().end() || !found->second->isActive())
            return IpmiResponse::failure(invalidSessionId);
        target = found->second.get();
    } else {
        if (request.data.size() < 5)
            return IpmiResponse::failure(CompletionCode::RequestDataLengthInvalid);
        target = m_sessions->sessionByHandle(reader.u8());
        if (!target)
            return IpmiResponse::failure(invalidSessionHandle);
    }
    // Closing someone else's session takes an administrator.
    if (target->id != request.sessionId && request.privilege < Privilege::Administrator)
        return IpmiResponse::failure(CompletionCode::InsufficientPrivilege);

    IpmiResponse response = IpmiResponse::success();
    const quint32 targetId = target->id;
    const QString reason = target->id == request.sessionId
        ? u"closed by its user"_s
        : u"closed by %1 (session 0x%2)"_s.arg(request.user).arg(request.sessionId, 8, 16, QLatin1Char('0'));
    // The reply travels in the session being closed: close it once the reply is out.
    response.afterReply = [sessions = m_sessions, targetId, reason] { sessions->close(targetId, reason); };
    return response;
}

IpmiResponse SessionCommands::getSessionInfo(const IpmiRequest &request) const
{
    ByteReader reader(request.data);
    const quint8 index = reader.u8();
    const IpmiSession *session = nullptr;
    QList<const IpmiSession *> active;
    for (const auto &[id, candidate] : m_sessions->sessions()) {
        if (candidate->isActive())
            active.append(candidate.get());
    }
    std::sort(active.begin(), active.end(),
              [](const IpmiSession *a, const IpmiSession *b) { return a->handle < b->handle; });

    if (index == 0x00) {
        const auto it = std::find_if(active.cbegin(), active.cend(),
                                     [&](const IpmiSession *s) { return s->id == request.sessionId; });
        session = it == active.cend() ? nullptr : *it;
    } else if (index == 0xFF) {
        const quint32 id = reader.u32le();
        if (!reader.isValid())
            return IpmiResponse::failure(CompletionCode::RequestDataLengthInvalid);
        const auto it = std::find_if(active.cbegin(), active.cend(), [&](const IpmiSession *s) { return s->id == id; });
        session = it == active.cend() ? nullptr : *it;
    } else if (index == 0xFE) {
        const quint8 handle = reader.u8();
        if (!reader.isValid())
            return IpmiResponse::failure(CompletionCode::RequestDataLengthInvalid);
        const auto it =
            std::find_if(active.cbegin(), active.cend(), [&](const IpmiSession *s) { return s->handle == handle; });
        session = it == active.cend() ? nullptr : *it;
    } else {
        session = index <= active.size() ? active.at(index - 1) : nullptr;
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
