#include "SessionServiceResource.h"

#include "BaseMessages.h"
#include "ConfigKeys.h"
#include "ConfigSchema.h"
#include "RedfishAuthenticator.h"
#include "RedfishJson.h"
#include "RemoteSessionRegistry.h"
#include "ServiceSettings.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
const RedfishSchema serviceSchema{"SessionService", "v1_2_0"};
const RedfishSchema sessionSchema{"Session", "v1_8_0"};
const RedfishSchema collectionSchema{"SessionCollection"};
const QString servicePath = u"/redfish/v1/SessionService"_s;
const QString sessionsPath = u"/redfish/v1/SessionService/Sessions"_s;

// Redfish sessions are numbered; these prefixes keep the other faces' ids apart from them.
QString idPrefix(RemoteSession::Protocol protocol)
{
    switch (protocol) {
    case RemoteSession::Protocol::Ipmi: return u"ipmi-"_s;
    case RemoteSession::Protocol::Ssh: return u"ssh-"_s;
    case RemoteSession::Protocol::ConsoleWebSocket: return u"console-"_s;
    case RemoteSession::Protocol::KvmWebSocket: return u"kvm-"_s;
    case RemoteSession::Protocol::Redfish: break;
    }
    return {};
}

// Both the SSH face and the web console carry the host's serial console (decisions.md#110,
// #115), which the schema calls HostConsole; ManagerConsole would be a shell on the BMC.
QString sessionType(RemoteSession::Protocol protocol)
{
    switch (protocol) {
    case RemoteSession::Protocol::Ipmi: return u"IPMI"_s;
    case RemoteSession::Protocol::Ssh:
    case RemoteSession::Protocol::ConsoleWebSocket: return u"HostConsole"_s;
    case RemoteSession::Protocol::KvmWebSocket: return u"KVMIP"_s;
    case RemoteSession::Protocol::Redfish: break;
    }
    return u"Redfish"_s;
}
} // namespace

SessionServiceResource::SessionServiceResource(RedfishAuthenticator *authenticator, RemoteSessionRegistry *registry,
                                               ServiceSettings *services, QObject *parent)
    : RedfishResource(parent)
    , m_authenticator(authenticator)
    , m_registry(registry)
    , m_services(services)
{
}

void SessionServiceResource::registerIn(ServiceDirectory &directory)
{
    directory.addRootLink(u"SessionService"_s, servicePath);
    directory.addRootLink(u"Sessions"_s, sessionsPath, ServiceDirectory::RootLink::Placement::InLinks);
    directory.addSchemas({serviceSchema, sessionSchema, collectionSchema});
    RouteTable &routes = directory.routes();
    using enum HttpMethod;
    using enum RedfishPrivilege;
    routes.add(Get, servicePath, Login, this, &SessionServiceResource::service);
    routes.add(Patch, servicePath, ConfigureManager, this, &SessionServiceResource::patchService);
    routes.add(Get, sessionsPath, Login, this, &SessionServiceResource::sessions);
    // Logging in needs no credentials beyond those in the body.
    routes.add(Post, sessionsPath, None, this, &SessionServiceResource::login);
    routes.add(Get, sessionsPath + u"/{id}"_s, Login, this, &SessionServiceResource::session);
    routes.add(Delete, sessionsPath + u"/{id}"_s, Login, this, &SessionServiceResource::logout);
}

RedfishReply SessionServiceResource::service() const
{
    return RedfishReply::ok(QJsonObject{
        {u"@odata.id"_s, servicePath},
        {u"@odata.type"_s, serviceSchema.odataType()},
        {u"Id"_s, u"SessionService"_s},
        {u"Name"_s, u"Session Service"_s},
        {u"ServiceEnabled"_s, true},
        {u"SessionTimeout"_s, qint64(m_authenticator->settings().sessionTimeout.count())},
        {u"Sessions"_s, RedfishJson::link(sessionsPath)},
        {u"Status"_s, QJsonObject{{u"State"_s, u"Enabled"_s}, {u"Health"_s, u"OK"_s}}},
    });
}

RedfishReply SessionServiceResource::patchService(const RedfishRequest &request)
{
    const Expected<QJsonObject, RedfishReply> body = RedfishJson::body(request);
    if (!body)
        return body.failure();
    const QJsonObject current = service().json;
    QList<RedfishMessage> problems;
    bool changed = false;
    for (auto it = body->begin(); it != body->end(); ++it) {
        if (it.key() == u"SessionTimeout"_s) {
            const ConfigKey &key = *ConfigSchema::instance().key(QString(ConfigKeys::redfishSessionTimeout.path));
            const Expected<qint64, RedfishMessage> seconds =
                RedfishJson::wholeNumber(*it, it.key(), key.minimum, key.maximum);
            if (!seconds) {
                problems.append(seconds.failure());
                continue;
            }
            if (const auto failure =
                    m_services->setRuntimeSetting(key, QVariant(*seconds), Actor::redfish(request.user))) {
                RedfishMessage message =
                    BaseMessages::make("PropertyValueIncorrect", {it.key(), RedfishJson::valueText(*it)});
                message.resolution = failure->message;
                return RedfishReply::error(500, message);
            }
            m_authenticator->setSessionTimeout(std::chrono::seconds(*seconds));
            changed = true;
        } else {
            problems.append(BaseMessages::refusedProperty(current, it.key()));
        }
    }
    return RedfishReply::patched(service(), changed, problems);
}

QJsonObject SessionServiceResource::sessionJson(const QString &id) const
{
    const RedfishAuthenticator::Session *session = m_authenticator->session(id);
    return QJsonObject{
        {u"@odata.id"_s, sessionsPath + u'/' + id},
        {u"@odata.type"_s, sessionSchema.odataType()},
        {u"Id"_s, id},
        {u"Name"_s, u"User Session"_s},
        {u"UserName"_s, session->user},
        {u"ClientOriginIPAddress"_s, session->address},
        {u"CreatedTime"_s, session->created.toString(Qt::ISODate)},
        {u"SessionType"_s, u"Redfish"_s},
    };
}

const RemoteSession *SessionServiceResource::otherFaceSession(const QString &id) const
{
    const qsizetype dash = id.indexOf(u'-');
    if (dash < 0)
        return nullptr;
    bool isNumber = false;
    const quint64 registryId = id.mid(dash + 1).toULongLong(&isNumber);
    const RemoteSession *session = isNumber ? m_registry->find(registryId) : nullptr;
    // Only the one spelling listed ("ipmi-7", not "ipmi-007" or "ssh-7" for it).
    if (!session || session->protocol == RemoteSession::Protocol::Redfish
        || idPrefix(session->protocol) + QString::number(session->id) != id)
        return nullptr;
    return session;
}

QJsonObject SessionServiceResource::otherFaceSessionJson(const RemoteSession &session) const
{
    const QString id = idPrefix(session.protocol) + QString::number(session.id);
    return QJsonObject{
        {u"@odata.id"_s, sessionsPath + u'/' + id},
        {u"@odata.type"_s, sessionSchema.odataType()},
        {u"Id"_s, id},
        {u"Name"_s, RemoteSession::protocolName(session.protocol) + u" Session"_s},
        {u"UserName"_s, session.user},
        {u"ClientOriginIPAddress"_s, session.address},
        {u"CreatedTime"_s, session.since.toString(Qt::ISODate)},
        {u"SessionType"_s, sessionType(session.protocol)},
    };
}

RedfishReply SessionServiceResource::sessions() const
{
    QStringList members;
    for (const RedfishAuthenticator::Session *session : m_authenticator->sessions())
        members.append(sessionsPath + u'/' + session->id);
    for (const RemoteSession &session : m_registry->all()) {
        if (session.protocol != RemoteSession::Protocol::Redfish)
            members.append(sessionsPath + u'/' + idPrefix(session.protocol) + QString::number(session.id));
    }
    return RedfishReply::ok(RedfishJson::collection(sessionsPath, collectionSchema, u"Session Collection"_s, members));
}

RedfishReply SessionServiceResource::session(const RedfishRequest &request) const
{
    const QString id = request.params.at(0);
    if (const RemoteSession *other = otherFaceSession(id))
        return RedfishReply::ok(otherFaceSessionJson(*other));
    if (!m_authenticator->session(id))
        return RedfishReply::notFound(u"Session"_s, id);
    return RedfishReply::ok(sessionJson(id));
}

RedfishReply SessionServiceResource::login(const RedfishRequest &request)
{
    const Expected<QJsonObject, RedfishReply> body = RedfishJson::body(request);
    if (!body)
        return body.failure();
    QList<RedfishMessage> problems;
    for (const QString &required : {u"UserName"_s, u"Password"_s}) {
        if (!body->contains(required))
            problems.append(BaseMessages::make("CreateFailedMissingReqProperties", {required}, u"#/"_s + required));
        else if (!body->value(required).isString())
            problems.append(
                BaseMessages::propertyValueTypeError(RedfishJson::valueText(body->value(required)), required));
    }
    for (auto it = body->begin(); it != body->end(); ++it) {
        if (it.key() != u"UserName"_s && it.key() != u"Password"_s && !it.key().startsWith(u"@"_s))
            problems.append(BaseMessages::propertyUnknown(it.key()));
    }
    if (!problems.isEmpty())
        return RedfishReply::error(400, problems);
    const auto created = m_authenticator->createSession(
        body->value(u"UserName"_s).toString(), body->value(u"Password"_s).toString().toUtf8(), request.address);
    if (!created) {
        switch (created.failure()) {
        case RedfishAuthenticator::Refusal::SessionLimit:
            return RedfishReply::error(503, BaseMessages::make("SessionLimitExceeded"));
        // A locked or a disabled account is told apart from a wrong password so that its owner
        // knows what to do; "disabled" only follows the right password (decisions.md#114).
        case RedfishAuthenticator::Refusal::LockedOut:
            return RedfishReply::error(
                401, BaseMessages::make("ResourceAtUriUnauthorized", {sessionsPath, u"AccountLocked"_s}));
        case RedfishAuthenticator::Refusal::Disabled:
            return RedfishReply::error(
                401, BaseMessages::make("ResourceAtUriUnauthorized", {sessionsPath, u"AccountDisabled"_s}));
        default:
            // No WWW-Authenticate: the credentials were in the body, and a Basic challenge makes
            // HTTP libraries send them again as Basic, counting one wrong password twice.
            return RedfishReply::error(401, BaseMessages::noValidSession());
        }
    }
    const auto &[session, token, csrfToken] = *created;
    RedfishReply reply = RedfishReply::ok(sessionJson(session.id), 201);
    reply.headers.emplaceBack("X-Auth-Token", token);
    reply.headers.emplaceBack("Location", (sessionsPath + u'/' + session.id).toUtf8());
    if (request.isFromPage()) {
        // The web UI's scheme, as bmcweb's: the token where the page's scripts cannot read it,
        // the CSRF token where they must (decisions.md#114).
        reply.headers.emplaceBack("Set-Cookie",
                                  RedfishAuthenticator::sessionCookieName.toByteArray() + '=' + token
                                      + "; Path=/; Secure; HttpOnly; SameSite=Strict");
        reply.headers.emplaceBack("Set-Cookie",
                                  RedfishAuthenticator::csrfCookieName.toByteArray() + '=' + csrfToken
                                      + "; Path=/; Secure; SameSite=Strict");
    }
    return reply;
}

RedfishReply SessionServiceResource::logout(const RedfishRequest &request)
{
    const QString id = request.params.at(0);
    if (const RemoteSession *other = otherFaceSession(id)) {
        // Only its own face can end it; an administrator's request is carried out there at once.
        if (!roleHolds(request.role, RedfishPrivilege::ConfigureManager))
            return RedfishReply::error(403, BaseMessages::insufficientPrivilege());
        m_registry->requestEnd(other->id, Actor::redfish(request.user));
        return RedfishReply::noContent();
    }
    const RedfishAuthenticator::Session *session = m_authenticator->session(id);
    if (!session)
        return RedfishReply::notFound(u"Session"_s, id);
    // Anyone may end their own session; ending another's is managing the service.
    if (session->user != request.user && !roleHolds(request.role, RedfishPrivilege::ConfigureManager))
        return RedfishReply::error(403, BaseMessages::insufficientPrivilege());
    m_authenticator->deleteSession(id);
    RedfishReply reply = RedfishReply::noContent();
    if (request.viaCookie && request.sessionId == id) {
        for (QByteArrayView cookie : {RedfishAuthenticator::sessionCookieName, RedfishAuthenticator::csrfCookieName})
            reply.headers.emplaceBack("Set-Cookie", cookie.toByteArray() + "=; Path=/; Secure; Max-Age=0");
    }
    return reply;
}
