#include "EventServiceResource.h"

#include "BaseMessages.h"
#include "ConnectionGuard.h"
#include "EventLog.h"
#include "PowerController.h"
#include "RedfishAuthenticator.h"
#include "RedfishJson.h"
#include "RedfishLogging.h"

#include <QDateTime>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QTcpSocket>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using RedfishJson::link;

namespace {
const RedfishSchema serviceSchema{"EventService", "v1_12_0"};
const RedfishSchema subscriptionsSchema{"EventDestinationCollection"};
const RedfishSchema eventSchema{"Event", "v1_11_1"};
const QString servicePath = u"/redfish/v1/EventService"_s;
const QString streamPath = servicePath + u"/SSE"_s;
const QString systemPath = u"/redfish/v1/Systems/system"_s;
// ResourceEvent is DMTF's registry for changes of a resource.
const QString resourceChanged = u"ResourceEvent.1.3.ResourceChanged"_s;
const QString resourceCreated = u"ResourceEvent.1.3.ResourceCreated"_s;

QString severityOf(EventLogEntry::Severity severity)
{
    switch (severity) {
    case EventLogEntry::Severity::Info: return u"OK"_s;
    case EventLogEntry::Severity::Warning: return u"Warning"_s;
    case EventLogEntry::Severity::Critical: return u"Critical"_s;
    }
    return u"OK"_s;
}
} // namespace

EventServiceResource::EventServiceResource(const PowerController *power, const EventLog *eventLog,
                                           ConnectionGuard *guard, const RedfishAuthenticator *authenticator,
                                           QObject *parent)
    : RedfishResource(parent)
    , m_guard(guard)
{
    connect(authenticator, &RedfishAuthenticator::sessionEnded, this, &EventServiceResource::endStreamsOf);
    connect(power, &PowerController::stateChanged, this, [this](PowerController::State state) {
        publish(resourceChanged, u"The host's power state is now %1."_s.arg(PowerController::stateName(state)), u"OK"_s,
                systemPath);
    });
    connect(power, &PowerController::actionStarted, this, [this](PowerController::Action action, const Actor &actor) {
        publish(resourceChanged, u"%1 requested by %2."_s.arg(PowerController::actionName(action), actor.toString()),
                u"OK"_s, systemPath);
    });
    connect(eventLog, &EventLog::entryAdded, this, [this](const EventLogEntry &entry) {
        publish(resourceCreated, entry.message, severityOf(entry.severity),
                u"/redfish/v1/Managers/bmc/LogServices/EventLog/Entries/"_s + QString::number(entry.id));
    });
    // A comment line now and then: idle streams stay open through proxies and show up as alive.
    m_keepAlive.setInterval(15s);
    connect(&m_keepAlive, &QTimer::timeout, this, [this] { write(": keep-alive\n\n"); });
    m_keepAlive.start();
}

EventServiceResource::~EventServiceResource() = default;

void EventServiceResource::registerIn(ServiceDirectory &directory)
{
    directory.addRootLink(u"EventService"_s, servicePath);
    directory.addSchemas({serviceSchema, subscriptionsSchema, eventSchema});
    RouteTable &routes = directory.routes();
    routes.add(HttpMethod::Get, servicePath, RedfishPrivilege::Login, this, &EventServiceResource::service);
    routes.add(HttpMethod::Get, servicePath + u"/Subscriptions"_s, RedfishPrivilege::Login, this,
               &EventServiceResource::subscriptions);
    routes.add(HttpMethod::Get, streamPath, RedfishPrivilege::Login, this, &EventServiceResource::openStream);
}

RedfishReply EventServiceResource::service() const
{
    return RedfishReply::ok(QJsonObject{
        {u"@odata.id"_s, servicePath},
        {u"@odata.type"_s, serviceSchema.odataType()},
        {u"Id"_s, u"EventService"_s},
        {u"Name"_s, u"Event Service"_s},
        {u"ServiceEnabled"_s, true},
        {u"ServerSentEventUri"_s, streamPath},
        {u"EventFormatTypes"_s, QJsonArray{u"Event"_s}},
        {u"DeliveryRetryAttempts"_s, 0},
        {u"Subscriptions"_s, link(servicePath + u"/Subscriptions"_s)},
        {u"Status"_s, QJsonObject{{u"State"_s, u"Enabled"_s}, {u"Health"_s, u"OK"_s}}},
    });
}

RedfishReply EventServiceResource::subscriptions() const
{
    // Events go out on the SSE stream only; there are no push subscriptions to list.
    return RedfishReply::ok(
        RedfishJson::collection(servicePath + u"/Subscriptions"_s, subscriptionsSchema, u"Event Subscriptions"_s, {}));
}

RedfishReply EventServiceResource::openStream(const RedfishRequest &request)
{
    if (request.method == HttpMethod::Head)
        return RedfishReply::ok({});
    // A browser that reloaded its page left a stream behind; it must not count against the new one.
    dropClosedStreams();
    if (int(m_streams.size()) >= maxStreams)
        return RedfishReply::error(503, BaseMessages::make("EventSubscriptionLimitExceeded"));
    RedfishReply reply;
    const QString user = request.user;
    const QString sessionId = request.sessionId;
    reply.stream = [this, user, sessionId](QHttpServerResponder &&responder, const HttpHeaderList &everyAnswer) {
        Stream stream;
        stream.sessionId = sessionId;
        stream.responder = std::make_unique<QHttpServerResponder>(std::move(responder));
        stream.socket = stream.responder->socket();
        m_guard->markStreaming(stream.socket);
        stream.responder->writeStatusLine(QHttpServerResponder::StatusCode::Ok);
        stream.responder->writeHeader("Content-Type", "text/event-stream");
        stream.responder->writeHeader("Cache-Control", "no-store");
        stream.responder->writeHeader("OData-Version", "4.0");
        for (const auto &[name, value] : everyAnswer)
            stream.responder->writeHeader(name, value);
        stream.responder->writeBody(": qbmc events\n\n");
        qCInfo(lcRedfish, "event stream of %s opened (%zu open)", qPrintable(user), m_streams.size() + 1);
        m_streams.push_back(std::move(stream));
    };
    return reply;
}

void EventServiceResource::publish(const QString &messageId, const QString &message, const QString &severity,
                                   const QString &origin)
{
    if (m_streams.empty())
        return;
    const QString id = QString::number(m_nextEventId++);
    const QJsonObject event{
        {u"@odata.type"_s, eventSchema.odataType()},
        {u"Id"_s, id},
        {u"Name"_s, u"qbmc event"_s},
        {u"Events"_s,
         QJsonArray{QJsonObject{
             {u"EventType"_s, u"Other"_s},
             {u"EventId"_s, id},
             {u"MemberId"_s, u"0"_s},
             {u"MessageId"_s, messageId},
             {u"Message"_s, message},
             {u"MessageSeverity"_s, severity},
             {u"EventTimestamp"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
             {u"OriginOfCondition"_s, link(origin)},
         }}},
    };
    write("id: " + id.toUtf8() + "\ndata: " + QJsonDocument(event).toJson(QJsonDocument::Compact) + "\n\n");
}

void EventServiceResource::dropClosedStreams()
{
    // A stream whose client went away has lost its socket; it goes now, harmlessly.
    std::erase_if(m_streams, [](const Stream &stream) {
        return !stream.socket || stream.socket->state() != QAbstractSocket::ConnectedState;
    });
}

void EventServiceResource::endStreamsOf(const QString &sessionId)
{
    for (auto it = m_streams.begin(); it != m_streams.end();) {
        if (it->sessionId != sessionId) {
            ++it;
            continue;
        }
        qCInfo(lcRedfish, "event stream of session %s ends with the session", qPrintable(sessionId));
        // Closed once the events already written are flushed: a TLS socket closed under its
        // own queued flush crashes Qt 6.4 (decisions.md#118).
        QMetaObject::invokeMethod(
            this,
            [socket = it->socket] {
                if (socket)
                    socket->disconnectFromHost();
            },
            Qt::QueuedConnection);
        it = m_streams.erase(it);
    }
}

void EventServiceResource::write(const QByteArray &data)
{
    dropClosedStreams();
    for (Stream &stream : m_streams)
        stream.responder->writeBody(data);
}
