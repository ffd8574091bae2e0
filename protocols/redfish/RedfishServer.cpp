#include "RedfishServer.h"

#include "AccountKeysResource.h"
#include "AccountServiceResource.h"
#include "BaseMessages.h"
#include "Bmc.h"
#include "ChassisResource.h"
#include "ConsoleWebSocketEndpoint.h"
#include "EventServiceResource.h"
#include "GuardedSslServer.h"
#include "GuardedTcpServer.h"
#include "KvmWebSocketEndpoint.h"
#include "LogServiceResource.h"
#include "ManagerResource.h"
#include "MediaStoreResource.h"
#include "NetworkAddresses.h"
#include "PowerTasks.h"
#include "QueryOptions.h"
#include "RedfishLogging.h"
#include "RegistryResource.h"
#include "RfbServer.h"
#include "ScreenshotResource.h"
#include "ServiceRootResource.h"
#include "SessionServiceResource.h"
#include "SystemResource.h"
#include "TaskServiceResource.h"
#include "TlsCiphers.h"
#include "TlsIdentity.h"
#include "UpdateServiceResource.h"
#include "VirtualMediaResource.h"

#include <QCryptographicHash>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QPointer>
#include <QSslConfiguration>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace {
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
    , m_answerHeaders(HttpHeaders::everyAnswer(m_settings.tls))
    , m_webAssets(u":/web"_s)
{
    m_guard.setAnswerHeaders(m_answerHeaders);
    const WebSocketEndpoint::Parts parts{bmc->eventLog(), &m_authenticator, bmc->remoteSessions(), bmc->accounts()};
    m_consoleWebSockets = std::make_unique<ConsoleWebSocketEndpoint>(parts, bmc->console(), bmc->services(),
                                                                     m_answerHeaders, WebSocketEndpoint::Limits{});
    if (m_settings.kvm) {
        // RFB updates are large and come in bursts: a frame of 1920x1080 in raw encoding is 8 MiB.
        WebSocketEndpoint::Limits limits;
        limits.maxConnections = m_settings.kvmMaxSessions;
        limits.maxQueuedBytes = 16 * 1024 * 1024;
        m_kvmWebSockets =
            std::make_unique<KvmWebSocketEndpoint>(parts, m_settings.kvm, bmc->services(), m_answerHeaders, limits);
    }
    m_guard.setUpgradeHandler([this](QTcpSocket *socket, const HttpRequestHead &head) {
        return m_consoleWebSockets->offer(socket, head) || (m_kvmWebSockets && m_kvmWebSockets->offer(socket, head));
    });
    addResources(bmc);
    for (const std::unique_ptr<RedfishResource> &resource : m_resources) {
        resource->registerIn(m_directory);
        m_cache.watch(resource.get());
    }
}

// Every resource the service has, each built with the parts of the model it shows. The service
// root and $metadata list what these register, in this order.
void RedfishServer::addResources(Bmc *bmc)
{
    const InstallationIdentity *installation = bmc->installationIdentity();
    m_resources.push_back(std::make_unique<ServiceRootResource>(&m_directory, installation));
    m_powerTasks = std::make_unique<PowerTasks>(bmc->power(), &m_tasks);
    const HostInventory inventory = HostInventory::fromConfiguration(*bmc->configuration());
    const int kvmSessions = m_settings.kvm ? m_settings.kvmMaxSessions : 0;
    m_resources.push_back(std::make_unique<SystemResource>(bmc->power(), m_powerTasks.get(), bmc->bootOverride(),
                                                           bmc->powerRestorePolicy(), installation, inventory,
                                                           bmc->services(), m_settings.ipmiPort, kvmSessions));
    m_resources.push_back(
        std::make_unique<SessionServiceResource>(&m_authenticator, bmc->remoteSessions(), bmc->services()));
    m_resources.push_back(
        std::make_unique<AccountServiceResource>(bmc->accounts(), bmc->configuration(), bmc->services()));
    m_resources.push_back(std::make_unique<AccountKeysResource>(bmc->accounts()));
    m_resources.push_back(
        std::make_unique<ChassisResource>(bmc->power(), bmc->chassisIdentify(), bmc->sensors(), inventory));
    auto manager = std::make_unique<ManagerResource>(
        bmc->services(), installation, m_settings.networkFacts,
        ManagerResource::Ports{m_settings.port, m_settings.tls, m_settings.ipmiPort}, kvmSessions);
    connect(manager.get(), &ManagerResource::restartRequested, this, &RedfishServer::restartRequested);
    m_resources.push_back(std::move(manager));
    m_resources.push_back(std::make_unique<LogServiceResource>(bmc->eventLog(), bmc->console()));
    m_resources.push_back(
        std::make_unique<EventServiceResource>(bmc->power(), bmc->eventLog(), &m_guard, &m_authenticator));
    m_resources.push_back(std::make_unique<TaskServiceResource>(&m_tasks));
    m_resources.push_back(std::make_unique<VirtualMediaResource>(bmc->virtualMedia(), &m_tasks, bmc->eventLog()));
    m_resources.push_back(std::make_unique<MediaStoreResource>(bmc->virtualMedia()));
    m_resources.push_back(std::make_unique<UpdateServiceResource>(inventory));
    m_resources.push_back(std::make_unique<RegistryResource>(&m_directory));
    if (m_settings.kvm)
        m_resources.push_back(std::make_unique<ScreenshotResource>(m_settings.kvm->video(), bmc->services()));
}

RedfishServer::~RedfishServer() = default;

quint16 RedfishServer::port() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

std::optional<Failure> RedfishServer::start()
{
    m_http = std::make_unique<QHttpServer>();
    m_http->setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) { handle(request, responder); });

    if (m_settings.tls) {
        const Expected<TlsIdentity> identity = m_settings.certificatePath.isEmpty()
            ? TlsIdentity::selfSigned(m_settings.stateDirectory, m_settings.hostName, m_settings.addresses)
            : TlsIdentity::load(m_settings.certificatePath, m_settings.keyPath);
        if (!identity)
            return Failure{identity.failure().code, u"Redfish: "_s + identity.failure().message};
        auto *server = new GuardedSslServer(&m_guard);
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(identity->certificate);
        configuration.setPrivateKey(identity->key);
        configuration.setProtocol(QSsl::TlsV1_2OrLater);
        configuration.setCiphers(TlsCiphers::offered());
        server->setSslConfiguration(configuration);
        m_listener = server;
    } else {
        m_listener = new GuardedTcpServer(&m_guard);
    }
    if (!m_listener->listen(m_settings.listen, m_settings.port)) {
        const QString reason = m_listener->errorString();
        delete m_listener;
        m_listener = nullptr;
        return Failure{Failure::Code::Unavailable,
                       u"Redfish: cannot listen on TCP port %1: %2"_s.arg(m_settings.port).arg(reason)};
    }
    m_http->bind(m_listener);
    qCInfo(lcRedfish, "Redfish listening on %s port %u", m_settings.tls ? "HTTPS" : "HTTP", m_listener->serverPort());
    return std::nullopt;
}

void RedfishServer::handle(const QHttpServerRequest &httpRequest, QHttpServerResponder &responder)
{
    if (!WebAssets::isRedfishPath(httpRequest.url().path()))
        return answerWeb(httpRequest, responder);
    RedfishRequest request;
    request.method = HttpMethods::fromRequest(httpRequest.method());
    request.path = httpRequest.url().path();
    while (request.path.size() > 1 && request.path.endsWith(u'/'))
        request.path.chop(1);
    request.query = QUrlQuery(httpRequest.url());
    for (const auto &[name, value] : httpRequest.headers())
        request.headers.insert(name.toLower(), value);
    request.body = httpRequest.body();
    request.address = NetworkAddresses::peerAddressText(httpRequest.remoteAddress());

    const RouteTable::Match match = request.path.split(u'/').contains(u".."_s)
        ? RouteTable::Match{}
        : m_directory.routes().find(request.path, request.method);
    RedfishReply reply = dispatch(request, match);
    if (reply.stream) {
        reply.stream(std::move(responder), m_answerHeaders);
        return;
    }
    if (reply.deferred) {
        auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
        // The client may leave while the answer is pending; its socket goes with it.
        const QPointer<QTcpSocket> socket = held->socket();
        reply.deferred([this, held, socket, request, match](RedfishReply later) {
            if (socket && socket->state() == QAbstractSocket::ConnectedState)
                send(*held, request, match, std::move(later));
        });
        return;
    }
    send(responder, request, match, std::move(reply));
}

void RedfishServer::send(QHttpServerResponder &responder, const RedfishRequest &request, const RouteTable::Match &match,
                         RedfishReply reply)
{
    QByteArray body;
    if (!reply.serialized.isEmpty())
        body = reply.serialized;
    else if (!reply.raw.isEmpty())
        body = reply.raw;
    else if (reply.hasBody())
        body = QJsonDocument(reply.json).toJson(QJsonDocument::Compact);
    HttpHeaderList headers = reply.headers;
    headers.append(m_answerHeaders);
    headers.emplaceBack("OData-Version", "4.0");
    headers.emplaceBack("Cache-Control", "no-store");
    if (!body.isEmpty())
        headers.emplaceBack("Content-Type",
                            reply.raw.isEmpty() ? "application/json; charset=utf-8" : reply.contentType);
    const bool isRead = HttpMethods::isRead(request.method);
    if (isRead && reply.status == 200 && reply.raw.isEmpty() && !body.isEmpty()) {
        const QByteArray etag = reply.etag.isEmpty() ? etagOf(body) : reply.etag;
        if (reply.serialized.isEmpty() && isCacheable(request, match))
            m_cache.store(request.path, match.route->cacheOwner, body, etag);
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
    const bool sendsBody = request.method != HttpMethod::Head && reply.status != 304 && reply.status != 204;
    responder.writeHeader("Content-Length",
                          QByteArray::number(reply.status == 204 || reply.status == 304 ? 0 : body.size()));
    responder.writeBody(sendsBody ? body : QByteArray());
}

Expected<RedfishAuthenticator::Identity, RedfishAuthenticator::Refusal>
RedfishServer::authenticate(RedfishRequest &request)
{
    const QByteArray authorization = request.header("authorization");
    const QByteArray token = request.header("x-auth-token");
    // A header a client set on purpose wins over a cookie the browser sends by itself.
    if (!authorization.isEmpty() || !token.isEmpty())
        return m_authenticator.authenticate(authorization, token, request.address);
    const QByteArray cookie =
        RedfishAuthenticator::cookieValue(request.header("cookie"), RedfishAuthenticator::sessionCookieName);
    if (cookie.isEmpty())
        return RedfishAuthenticator::Refusal::NoCredentials;
    request.viaCookie = true;
    return m_authenticator.authenticateCookie(cookie, request.header("x-xsrf-token"),
                                              !HttpMethods::isRead(request.method), request.address);
}

void RedfishServer::answerWeb(const QHttpServerRequest &httpRequest, QHttpServerResponder &responder)
{
    const HttpMethod method = HttpMethods::fromRequest(httpRequest.method());
    const WebAssets::Answer answer = m_webAssets.answer(method, httpRequest.url().path(QUrl::FullyEncoded).toUtf8(),
                                                        httpRequest.value("Accept-Encoding"));
    responder.writeStatusLine(QHttpServerResponder::StatusCode(answer.status));
    for (const auto &[name, value] : answer.headers + m_answerHeaders)
        responder.writeHeader(name, value);
    if (httpRequest.value("Connection").toLower().contains("close"))
        responder.writeHeader("Connection", "close");
    responder.writeHeader("Content-Length", QByteArray::number(answer.body.size()));
    responder.writeBody(method == HttpMethod::Head ? QByteArray() : answer.body);
}

bool RedfishServer::isCacheable(const RedfishRequest &request, const RouteTable::Match &match)
{
    // Query options shape the answer; the cache keeps the plain one.
    return match.route && match.route->cacheOwner && HttpMethods::isRead(request.method) && request.query.isEmpty();
}

RedfishReply RedfishServer::dispatch(RedfishRequest &request, const RouteTable::Match &match)
{
    if (!match.pathKnown)
        return RedfishReply::notFound(u"Resource"_s, request.path);
    if (!match.route) {
        RedfishReply reply = RedfishReply::error(405, BaseMessages::operationNotAllowed());
        QStringList allowed;
        for (HttpMethod method : match.allowedMethods)
            allowed.append(HttpMethods::name(method));
        reply.headers.emplaceBack("Allow", allowed.join(u", "_s).toLatin1());
        return reply;
    }
    request.params = match.params;
    if (match.route->privilege != RedfishPrivilege::None) {
        const auto identity = authenticate(request);
        if (!identity && identity.failure() == RedfishAuthenticator::Refusal::MissingCsrfToken) {
            qCInfo(lcRedfish, "%s %s from %s refused: a session cookie without its CSRF token",
                   qPrintable(HttpMethods::name(request.method)), qPrintable(request.path),
                   qPrintable(request.address));
            return RedfishReply::error(403, BaseMessages::make("AccessDenied", {request.path}));
        }
        if (!identity) {
            RedfishReply reply = RedfishReply::error(401, BaseMessages::noValidSession());
            // A page's own requests get no challenge: the browser would show its password dialog
            // instead of the page's login (decisions.md#114). Nor does an expired cookie, which only
            // a browser sends, as its EventSource does without the page's header.
            if (!request.isFromPage() && !request.viaCookie)
                reply.headers.emplaceBack("WWW-Authenticate", "Basic realm=\"qbmc\", charset=\"UTF-8\"");
            return reply;
        }
        request.user = identity->user;
        request.role = identity->role;
        request.sessionId = identity->sessionId;
        if (!roleHolds(identity->role, match.route->privilege))
            return RedfishReply::error(403, BaseMessages::insufficientPrivilege());
    }
    if (request.method == HttpMethod::Patch && !request.header("if-match").isEmpty()) {
        // The ETag the resource has now, from its GET.
        const RouteTable::Match get = m_directory.routes().find(request.path, HttpMethod::Get);
        if (get.route) {
            RedfishRequest read = request;
            read.method = HttpMethod::Get;
            read.params = get.params;
            const RedfishReply current = get.route->handler(read);
            if (!etagListMatches(request.header("if-match"),
                                 etagOf(QJsonDocument(current.json).toJson(QJsonDocument::Compact))))
                return RedfishReply::error(412, RedfishMessage{u"PreconditionFailed"_s, {}, {}, {}});
        }
    }
    if (isCacheable(request, match)) {
        if (const RepresentationCache::Entry *cached = m_cache.find(request.path)) {
            RedfishReply reply;
            reply.serialized = cached->body;
            reply.etag = cached->etag;
            return reply;
        }
    }
    const bool isRead = HttpMethods::isRead(request.method);
    std::optional<QueryOptions> options;
    if (isRead) {
        Expected<QueryOptions, RedfishReply> parsed = QueryOptions::parse(request.query);
        if (!parsed)
            return parsed.failure();
        options = std::move(parsed).value();
    }
    RedfishReply reply = match.route->handler(request);
    if (options && !options->isEmpty() && reply.status == 200 && reply.raw.isEmpty()) {
        // $expand reads what the caller may read, as the caller.
        const auto fetch = [this, &request](const QString &path) -> std::optional<QJsonObject> {
            const RouteTable::Match found = m_directory.routes().find(path, HttpMethod::Get);
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
