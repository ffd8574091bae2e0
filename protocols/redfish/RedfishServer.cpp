#include "RedfishServer.h"

#include "AccountServiceResource.h"
#include "BaseMessages.h"
#include "Bmc.h"
#include "ChassisResource.h"
#include "EventServiceResource.h"
#include "GuardedSslServer.h"
#include "GuardedTcpServer.h"
#include "LogServiceResource.h"
#include "ManagerResource.h"
#include "NetworkAddresses.h"
#include "QueryOptions.h"
#include "RedfishLogging.h"
#include "RegistryResource.h"
#include "ServiceRootResource.h"
#include "SessionServiceResource.h"
#include "SystemResource.h"
#include "TlsIdentity.h"

#include <QCryptographicHash>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QMetaEnum>
#include <QSslConfiguration>

using namespace Qt::StringLiterals;

namespace {
QString methodName(QHttpServerRequest::Method method)
{
    const char *key = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(method));
    return key ? QString::fromLatin1(key).toUpper() : u"UNKNOWN"_s;
}

// The ETag of a representation: a hash of exactly the bytes sent.
QByteArray etagOf(const QByteArray &body)
{
    return "W/\"" + QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex().left(16) + '"';
}

bool etagListMatches(const QByteArray &list, const QByteArray &etag)
{
    if (list.trimmed() == "*")
        return true;
    for (const QByteArray &candidate : list.split(',')) {
        if (candidate.trimmed() == etag)
            return true;
    }
    return false;
}
} // namespace

RedfishServer::RedfishServer(Bmc *bmc, Settings settings, QObject *parent)
    : QObject(parent)
    , m_bmc(bmc)
    , m_settings(std::move(settings))
    , m_guard(m_settings.limits)
    , m_authenticator(bmc->accounts(), bmc->remoteSessions(), m_settings.authentication)
{
    m_resources.push_back(std::make_unique<ServiceRootResource>(bmc, m_routes));
    m_resources.push_back(std::make_unique<SystemResource>(bmc, m_routes));
    m_resources.push_back(std::make_unique<SessionServiceResource>(bmc, &m_authenticator, m_routes));
    m_resources.push_back(std::make_unique<AccountServiceResource>(bmc->accounts(), m_routes));
    m_resources.push_back(std::make_unique<ChassisResource>(bmc, m_routes));
    auto manager = std::make_unique<ManagerResource>(
        bmc, m_settings.networkFacts, ManagerResource::Ports{m_settings.port, m_settings.tls, m_settings.ipmiPort},
        m_routes);
    connect(manager.get(), &ManagerResource::restartRequested, this, &RedfishServer::restartRequested);
    m_resources.push_back(std::move(manager));
    m_resources.push_back(std::make_unique<LogServiceResource>(bmc, m_routes));
    m_resources.push_back(std::make_unique<EventServiceResource>(bmc, &m_guard, m_routes));
    m_resources.push_back(std::make_unique<RegistryResource>(m_routes));
}

RedfishServer::~RedfishServer() = default;

quint16 RedfishServer::port() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

bool RedfishServer::start(QString *error)
{
    m_http = std::make_unique<QHttpServer>();
    m_http->setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) { handle(request, responder); });

    if (m_settings.tls) {
        std::optional<TlsIdentity> identity = m_settings.certificatePath.isEmpty()
            ? TlsIdentity::selfSigned(m_settings.stateDirectory, m_settings.hostName, m_settings.addresses, error)
            : TlsIdentity::load(m_settings.certificatePath, m_settings.keyPath, error);
        if (!identity) {
            *error = u"Redfish: "_s + *error;
            return false;
        }
        auto *server = new GuardedSslServer(&m_guard);
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(identity->certificate);
        configuration.setPrivateKey(identity->key);
        configuration.setProtocol(QSsl::TlsV1_2OrLater);
        server->setSslConfiguration(configuration);
        m_listener = server;
    } else {
        m_listener = new GuardedTcpServer(&m_guard);
    }
    if (!m_listener->listen(m_settings.listen, m_settings.port)) {
        *error = u"Redfish: cannot listen on TCP port %1: %2"_s.arg(m_settings.port).arg(m_listener->errorString());
        delete m_listener;
        m_listener = nullptr;
        return false;
    }
    m_http->bind(m_listener);
    qCInfo(lcRedfish, "Redfish listening on %s port %u", m_settings.tls ? "HTTPS" : "HTTP", m_listener->serverPort());
    return true;
}

void RedfishServer::handle(const QHttpServerRequest &httpRequest, QHttpServerResponder &responder)
{
    RedfishRequest request;
    request.method = methodName(httpRequest.method());
    request.path = httpRequest.url().path();
    while (request.path.size() > 1 && request.path.endsWith(u'/'))
        request.path.chop(1);
    request.query = QUrlQuery(httpRequest.url());
    for (const auto &[name, value] : httpRequest.headers())
        request.headers.insert(name.toLower(), value);
    request.body = httpRequest.body();
    request.address = NetworkAddresses::peerAddressText(httpRequest.remoteAddress());

    const RouteTable::Match match =
        request.path.split(u'/').contains(u".."_s) ? RouteTable::Match{} : m_routes.find(request.path, request.method);
    RedfishReply reply = dispatch(request, match);
    if (reply.stream) {
        reply.stream(std::move(responder));
        return;
    }

    QByteArray body;
    if (!reply.raw.isEmpty())
        body = reply.raw;
    else if (reply.hasBody())
        body = QJsonDocument(reply.json).toJson(QJsonDocument::Compact);
    QList<std::pair<QByteArray, QByteArray>> headers = reply.headers;
    headers.emplaceBack("OData-Version", "4.0");
    headers.emplaceBack("Cache-Control", "no-store");
    if (!body.isEmpty())
        headers.emplaceBack("Content-Type",
                            reply.raw.isEmpty() ? "application/json; charset=utf-8" : reply.contentType);
    const bool isRead = request.method == u"GET"_s || request.method == u"HEAD"_s;
    if (isRead && reply.status == 200 && reply.raw.isEmpty() && !body.isEmpty()) {
        const QByteArray etag = etagOf(body);
        headers.emplaceBack("ETag", etag);
        if (etagListMatches(request.header("if-none-match"), etag)) {
            reply.status = 304;
            body.clear();
        }
    }
    if (request.header("connection").toLower().contains("close"))
        headers.emplaceBack("Connection", "close");

    responder.writeStatusLine(QHttpServerResponder::StatusCode(reply.status));
    for (const auto &[name, value] : std::as_const(headers))
        responder.writeHeader(name, value);
    const bool sendsBody = request.method != u"HEAD"_s && reply.status != 304 && reply.status != 204;
    responder.writeHeader("Content-Length",
                          QByteArray::number(reply.status == 204 || reply.status == 304 ? 0 : body.size()));
    responder.writeBody(sendsBody ? body : QByteArray());
}

RedfishReply RedfishServer::dispatch(RedfishRequest &request, const RouteTable::Match &match)
{
    if (!match.pathKnown)
        return RedfishReply::error(404, BaseMessages::resourceNotFound(u"Resource"_s, request.path));
    if (!match.route) {
        RedfishReply reply = RedfishReply::error(405, BaseMessages::operationNotAllowed());
        reply.headers.emplaceBack("Allow", match.allowedMethods.join(u", "_s).toLatin1());
        return reply;
    }
    request.params = match.params;
    if (match.route->privilege != RedfishPrivilege::None) {
        RedfishAuthenticator::Failure failure = RedfishAuthenticator::Failure::NoCredentials;
        const std::optional<RedfishAuthenticator::Identity> identity = m_authenticator.authenticate(
            request.header("authorization"), request.header("x-auth-token"), request.address, &failure);
        if (!identity) {
            RedfishReply reply = RedfishReply::error(401, BaseMessages::noValidSession());
            reply.headers.emplaceBack("WWW-Authenticate", "Basic realm=\"qbmc\", charset=\"UTF-8\"");
            return reply;
        }
        request.user = identity->user;
        request.role = identity->role;
        request.sessionId = identity->sessionId;
        if (!roleHolds(identity->role, match.route->privilege))
            return RedfishReply::error(403, BaseMessages::insufficientPrivilege());
    }
    if (request.method == u"PATCH"_s && !request.header("if-match").isEmpty()) {
        // The ETag the resource has now, from its GET.
        const RouteTable::Match get = m_routes.find(request.path, u"GET"_s);
        if (get.route) {
            RedfishRequest read = request;
            read.method = u"GET"_s;
            read.params = get.params;
            const RedfishReply current = get.route->handler(read);
            if (!etagListMatches(request.header("if-match"),
                                 etagOf(QJsonDocument(current.json).toJson(QJsonDocument::Compact))))
                return RedfishReply::error(412, RedfishMessage{u"PreconditionFailed"_s, {}, {}, {}});
        }
    }
    const bool isRead = request.method == u"GET"_s || request.method == u"HEAD"_s;
    std::optional<QueryOptions> options;
    if (isRead) {
        RedfishReply error;
        options = QueryOptions::parse(request.query, &error);
        if (!options)
            return error;
    }
    RedfishReply reply = match.route->handler(request);
    if (options && !options->isEmpty() && reply.status == 200 && reply.raw.isEmpty()) {
        // $expand reads what the caller may read, as the caller.
        const auto fetch = [this, &request](const QString &path) -> std::optional<QJsonObject> {
            const RouteTable::Match found = m_routes.find(path, u"GET"_s);
            if (!found.route || !roleHolds(request.role, found.route->privilege))
                return std::nullopt;
            RedfishRequest inner = request;
            inner.path = path;
            inner.params = found.params;
            inner.query.clear();
            const RedfishReply answer = found.route->handler(inner);
            return answer.status == 200 && answer.raw.isEmpty() ? std::optional(answer.json) : std::nullopt;
        };
        options->apply(&reply.json, request.path, fetch);
    }
    return reply;
}
