#include "VirtualMediaResource.h"

#include "BaseMessages.h"
#include "EventLog.h"
#include "MediaStore.h"
#include "RedfishJson.h"
#include "TaskRegistry.h"
#include "TaskServiceResource.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

const QString VirtualMediaResource::collectionPath = u"/redfish/v1/Managers/bmc/VirtualMedia"_s;

namespace {
const RedfishSchema mediaSchema{"VirtualMedia", "v1_6_0"};
const RedfishSchema collectionSchema{"VirtualMediaCollection"};
const RedfishSchema actionInfoSchema{"ActionInfo", "v1_5_0"};
const QString insertAction = u"VirtualMedia.InsertMedia"_s;
const QString ejectAction = u"VirtualMedia.EjectMedia"_s;
// Only copying is offered: the host reads images from the BMC's own store (docs/decisions.md#129).
const QStringList transferMethods{u"Upload"_s};
const QStringList protocolTypes{u"HTTP"_s, u"HTTPS"_s};

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

RedfishReply badParameter(const char *key, QStringList args, const QString &resolution = {})
{
    RedfishMessage message = BaseMessages::make(key, std::move(args));
    message.resolution = resolution;
    return RedfishReply::error(400, message);
}

// The URL as it may be shown, kept and logged: never its password.
QString shownUrl(const QUrl &url)
{
    return url.toString(QUrl::RemovePassword);
}
} // namespace

VirtualMediaResource::VirtualMediaResource(VirtualMedia *media, TaskRegistry *tasks, EventLog *eventLog,
                                           QObject *parent)
    : RedfishResource(parent)
    , m_media(media)
    , m_tasks(tasks)
    , m_eventLog(eventLog)
{
    connect(media, &VirtualMedia::changed, this, &RedfishResource::representationChanged);
    connect(media, &VirtualMedia::verifyCertificateChanged, this, &RedfishResource::representationChanged);
}

VirtualMediaResource::~VirtualMediaResource() = default;

void VirtualMediaResource::registerIn(ServiceDirectory &directory)
{
    RouteTable &routes = directory.routes();
    using enum HttpMethod;
    using enum RedfishPrivilege;
    const QString member = collectionPath + u"/{id}"_s;
    routes.addCached(collectionPath, Login, this, &VirtualMediaResource::collection);
    routes.addCached(member, Login, this, &VirtualMediaResource::member);
    routes.add(Patch, member, ConfigureManager, this, &VirtualMediaResource::patch);
    routes.add(Post, member + u"/Actions/"_s + insertAction, ConfigureManager, this, &VirtualMediaResource::insert);
    routes.add(Post, member + u"/Actions/"_s + ejectAction, ConfigureManager, this, &VirtualMediaResource::eject);
    routes.addCached(member + u"/InsertMediaActionInfo"_s, Login, this, &VirtualMediaResource::insertActionInfo);
    routes.addCached(member + u"/EjectMediaActionInfo"_s, Login, this, &VirtualMediaResource::ejectActionInfo);
    directory.addSchemas({mediaSchema, collectionSchema, actionInfoSchema});
}

QString VirtualMediaResource::memberPath(Slot slot)
{
    return collectionPath + u'/' + VirtualMedia::slotName(slot);
}

std::optional<VirtualMedia::Slot> VirtualMediaResource::slotOf(const RedfishRequest &request)
{
    return VirtualMedia::slotFromName(request.params.value(0));
}

RedfishReply VirtualMediaResource::collection() const
{
    QStringList members;
    for (Slot slot : VirtualMedia::allSlots)
        members.append(memberPath(slot));
    return RedfishReply::ok(
        RedfishJson::collection(collectionPath, collectionSchema, u"Virtual Media Collection"_s, members));
}

RedfishReply VirtualMediaResource::member(const RedfishRequest &request) const
{
    const std::optional<Slot> slot = slotOf(request);
    if (!slot)
        return RedfishReply::notFound(u"VirtualMedia"_s, request.params.value(0));
    return memberJson(*slot);
}

VirtualMedia::Medium VirtualMediaResource::heldMedium(Slot slot) const
{
    const std::optional<Transfer> &transfer = m_transfers.at(qsizetype(slot));
    return transfer ? transfer->medium : m_media->medium(slot);
}

RedfishReply VirtualMediaResource::memberJson(Slot slot) const
{
    const QString path = memberPath(slot);
    const bool copying = m_transfers.at(qsizetype(slot)).has_value();
    const VirtualMedia::Medium medium = heldMedium(slot);
    const bool inserted = !copying && medium.isInserted();
    const bool available = m_media->unavailableReason().isEmpty();
    QJsonObject json{
        {u"@odata.id"_s, path},
        {u"@odata.type"_s, mediaSchema.odataType()},
        {u"Id"_s, VirtualMedia::slotName(slot)},
        {u"Name"_s, slot == Slot::Cd ? u"Virtual CD/DVD drive"_s : u"Virtual USB stick"_s},
        {u"MediaTypes"_s, slot == Slot::Cd ? QJsonArray{u"CD"_s, u"DVD"_s} : QJsonArray{u"USBStick"_s}},
        {u"Image"_s, orNull(medium.image)},
        {u"ImageName"_s, orNull(medium.imageName)},
        {u"Inserted"_s, inserted},
        {u"WriteProtected"_s, medium.isInserted() ? medium.writeProtected : true},
        {u"ConnectedVia"_s, inserted ? u"URI"_s : u"NotConnected"_s},
        {u"TransferMethod"_s, VirtualMedia::transferMethodName(medium.transferMethod)},
        {u"TransferProtocolType"_s, orNull(medium.transferProtocolType)},
        {u"UserName"_s, orNull(medium.userName)},
        {u"Password"_s, QJsonValue::Null}, // write-only: Redfish shows it as null
        {u"VerifyCertificate"_s, m_media->verifiesCertificate(slot)},
        {u"Status"_s,
         QJsonObject{{u"State"_s, available ? (copying ? u"Starting"_s : u"Enabled"_s) : u"Disabled"_s},
                     {u"Health"_s, u"OK"_s}}},
        {u"Actions"_s,
         QJsonObject{
             {u"#"_s + insertAction,
              QJsonObject{{u"target"_s, path + u"/Actions/"_s + insertAction},
                          {u"@Redfish.ActionInfo"_s, path + u"/InsertMediaActionInfo"_s}}},
             {u"#"_s + ejectAction,
              QJsonObject{{u"target"_s, path + u"/Actions/"_s + ejectAction},
                          {u"@Redfish.ActionInfo"_s, path + u"/EjectMediaActionInfo"_s}}},
         }},
    };
    if (!available)
        json.insert(u"Description"_s, m_media->unavailableReason());
    return RedfishReply::ok(json);
}

RedfishReply VirtualMediaResource::patch(const RedfishRequest &request)
{
    const std::optional<Slot> slot = slotOf(request);
    const Expected<QJsonObject, RedfishReply> body = RedfishJson::body(request);
    if (!slot || !body)
        return !slot ? RedfishReply::notFound(u"VirtualMedia"_s, request.params.value(0)) : body.failure();
    const QJsonObject current = memberJson(*slot).json;
    QList<RedfishMessage> problems;
    bool changed = false;
    for (auto it = body->begin(); it != body->end(); ++it) {
        if (it.key() != u"VerifyCertificate"_s) {
            // Media go in and out through the actions, which say what went wrong.
            problems.append(BaseMessages::refusedProperty(current, it.key()));
        } else if (!it->isBool()) {
            problems.append(BaseMessages::propertyValueTypeError(RedfishJson::valueText(*it), it.key()));
        } else {
            m_media->setVerifyCertificate(*slot, it->toBool(), Actor::redfish(request.user));
            changed = true;
        }
    }
    return RedfishReply::patched(memberJson(*slot), changed, problems);
}

RedfishReply VirtualMediaResource::insertActionInfo(const RedfishRequest &request) const
{
    const std::optional<Slot> slot = slotOf(request);
    if (!slot)
        return RedfishReply::notFound(u"ActionInfo"_s, request.params.value(0));
    const auto parameter = [](const QString &name, const QString &type, bool required = false) {
        return QJsonObject{{u"Name"_s, name}, {u"Required"_s, required}, {u"DataType"_s, type}};
    };
    QJsonObject method = parameter(u"TransferMethod"_s, u"String"_s);
    method.insert(u"AllowableValues"_s, QJsonArray::fromStringList(transferMethods));
    QJsonObject protocol = parameter(u"TransferProtocolType"_s, u"String"_s);
    protocol.insert(u"AllowableValues"_s, QJsonArray::fromStringList(protocolTypes));
    // AllowableValues are strings: none for the booleans, which clients compare as booleans (a
    // CD's WriteProtected must be true, Inserted always; the refusal says so).
    const QJsonObject writeProtected = parameter(u"WriteProtected"_s, u"Boolean"_s);
    const QJsonObject inserted = parameter(u"Inserted"_s, u"Boolean"_s);
    const QString path = memberPath(*slot) + u"/InsertMediaActionInfo"_s;
    return RedfishReply::ok(QJsonObject{
        {u"@odata.id"_s, path},
        {u"@odata.type"_s, actionInfoSchema.odataType()},
        {u"Id"_s, u"InsertMediaActionInfo"_s},
        {u"Name"_s, u"Insert Media Action Info"_s},
        {u"Parameters"_s,
         QJsonArray{parameter(u"Image"_s, u"String"_s, true), inserted, writeProtected, method, protocol,
                    parameter(u"UserName"_s, u"String"_s), parameter(u"Password"_s, u"String"_s)}},
    });
}

RedfishReply VirtualMediaResource::ejectActionInfo(const RedfishRequest &request) const
{
    const std::optional<Slot> slot = slotOf(request);
    if (!slot)
        return RedfishReply::notFound(u"ActionInfo"_s, request.params.value(0));
    return RedfishReply::ok(QJsonObject{
        {u"@odata.id"_s, memberPath(*slot) + u"/EjectMediaActionInfo"_s},
        {u"@odata.type"_s, actionInfoSchema.odataType()},
        {u"Id"_s, u"EjectMediaActionInfo"_s},
        {u"Name"_s, u"Eject Media Action Info"_s},
        {u"Parameters"_s, QJsonArray{}},
    });
}

RedfishReply VirtualMediaResource::insert(const RedfishRequest &request)
{
    const std::optional<Slot> slot = slotOf(request);
    const Expected<QJsonObject, RedfishReply> body = RedfishJson::body(request);
    if (!slot || !body)
        return !slot ? RedfishReply::notFound(u"VirtualMedia"_s, request.params.value(0)) : body.failure();
    const QString action = insertAction;
    static const QStringList known{
        u"Image"_s,    u"Inserted"_s, u"WriteProtected"_s, u"TransferMethod"_s, u"TransferProtocolType"_s,
        u"UserName"_s, u"Password"_s};
    for (auto it = body->begin(); it != body->end(); ++it) {
        if (!known.contains(it.key()))
            return badParameter("ActionParameterNotSupported", {it.key(), action});
        const bool isBool = it.key() == u"Inserted"_s || it.key() == u"WriteProtected"_s;
        if (isBool ? !it->isBool() : !it->isString())
            return badParameter("ActionParameterValueTypeError", {RedfishJson::valueText(*it), it.key(), action});
    }
    if (!body->contains(u"Image"_s))
        return badParameter("ActionParameterMissing", {action, u"Image"_s});
    if (!body->value(u"Inserted"_s).toBool(true))
        return badParameter("ActionParameterValueNotInList", {u"false"_s, u"Inserted"_s, action},
                            u"This service inserts what InsertMedia names; leave Inserted out or true."_s);
    const QString method = body->value(u"TransferMethod"_s).toString(u"Upload"_s);
    if (!transferMethods.contains(method)) {
        return badParameter("ActionParameterValueNotInList", {method, u"TransferMethod"_s, action},
                            method == u"Stream"_s
                                ? u"This BMC cannot let the host read an image from its server as it goes; use "
                                  "Upload, which copies the image into the BMC's media store and inserts it."_s
                                : QString());
    }
    const QString protocolType = body->value(u"TransferProtocolType"_s).toString();
    if (!protocolType.isEmpty() && !protocolTypes.contains(protocolType))
        return badParameter("ActionParameterValueNotInList", {protocolType, u"TransferProtocolType"_s, action},
                            u"Images are fetched over HTTP or HTTPS."_s);

    VirtualMedia::Medium medium;
    medium.writeProtected = body->value(u"WriteProtected"_s).toBool(true);
    if (*slot == Slot::Cd && !medium.writeProtected)
        return badParameter("ActionParameterValueConflict", {u"WriteProtected"_s, u"false"_s},
                            u"A CD is always write protected; insert a writable image as a USB stick."_s);
    if (!m_media->unavailableReason().isEmpty()) {
        RedfishMessage message = BaseMessages::make("ActionNotSupported", {action});
        message.resolution = u"Virtual media is not available: %1."_s.arg(m_media->unavailableReason());
        return RedfishReply::error(400, message);
    }
    if (const VirtualMedia::Medium held = heldMedium(*slot); held.isInserted()) {
        RedfishMessage message = BaseMessages::make("ResourceInUse");
        message.resolution =
            u"The %1 slot holds %2; eject it first."_s.arg(VirtualMedia::slotName(*slot), held.imageName);
        return RedfishReply::error(409, message);
    }

    const QString image = body->value(u"Image"_s).toString();
    const Actor actor = Actor::redfish(request.user);
    if (!image.contains(u':')) {
        // The name of an image in the media store.
        if (!protocolType.isEmpty())
            return badParameter("ActionParameterValueConflict", {u"TransferProtocolType"_s, protocolType},
                                u"%1 names an image in the BMC's media store, which is not fetched."_s.arg(image));
        medium.image = image;
        medium.imageName = image;
        medium.storeName = image;
        if (const auto failure = m_media->insert(*slot, medium, actor))
            return refusalReply(*failure, action, image);
        return RedfishReply::success();
    }

    QUrl url(image, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"http"_s && scheme != u"https"_s) || url.host().isEmpty())
        return badParameter("ActionParameterValueFormatError", {shownUrl(url), u"Image"_s, action},
                            u"Give an http:// or https:// URL, or the name of an image in the BMC's media store."_s);
    if (!protocolType.isEmpty() && protocolType.toLower() != scheme)
        return badParameter(
            "ActionParameterValueConflict", {u"TransferProtocolType"_s, protocolType},
            u"The Image URL is %1; TransferProtocolType must match it or be left out."_s.arg(scheme.toUpper()));
    const QString name = url.fileName();
    if (!MediaStore::isValidName(name))
        return badParameter("ActionParameterValueFormatError", {shownUrl(url), u"Image"_s, action},
                            u"The URL's path must end in the image's file name, which names it in the media "
                            "store."_s);
    for (Slot other : VirtualMedia::allSlots) {
        if (heldMedium(other).storeName == name) {
            RedfishMessage message = BaseMessages::make("ResourceInUse");
            message.resolution = u"The media store's image %1 is in the %2 slot; eject it first."_s.arg(
                name, VirtualMedia::slotName(other));
            return RedfishReply::error(409, message);
        }
    }
    MediaDownload::Source source;
    source.userName = body->value(u"UserName"_s).toString(url.userName());
    source.password = body->value(u"Password"_s).toString(url.password());
    source.verifyCertificate = m_media->verifiesCertificate(*slot);
    url.setUserInfo({});
    source.url = url;
    medium.image = url.toString();
    medium.imageName = name;
    medium.storeName = name;
    medium.transferMethod = VirtualMedia::TransferMethod::Upload;
    medium.transferProtocolType = scheme.toUpper();
    medium.userName = source.userName;
    // The task's payload is shown to whoever reads tasks: never the password.
    QJsonObject shownBody = *body;
    if (shownBody.contains(u"Password"_s))
        shownBody.insert(u"Password"_s, QJsonValue::Null);
    if (url.toString() != image)
        shownBody.insert(u"Image"_s, shownUrl(QUrl(image)));
    return startTransfer(*slot, medium, source, request, shownBody);
}

RedfishReply VirtualMediaResource::startTransfer(Slot slot, VirtualMedia::Medium medium, MediaDownload::Source source,
                                                 const RedfishRequest &request, const QJsonObject &body)
{
    const int id = m_tasks->create(
        u"Copy %1 into the media store for the %2 slot"_s.arg(medium.imageName, VirtualMedia::slotName(slot)),
        request.user, u"POST"_s, request.path, body, TaskRegistry::State::Running);
    Transfer &transfer = m_transfers[qsizetype(slot)].emplace();
    transfer.taskId = id;
    transfer.medium = medium;
    transfer.actor = Actor::redfish(request.user);
    transfer.download = std::make_unique<MediaDownload>(m_media->store(), source, medium.storeName);
    m_tasks->setCanceller(id, [this, slot](const QString &) {
        if (const std::optional<Transfer> &running = m_transfers.at(qsizetype(slot)))
            running->download->cancel();
        return true;
    });
    m_eventLog->info(
        transfer.actor,
        u"Virtual media %1: copying %2 into the media store"_s.arg(VirtualMedia::slotName(slot), medium.image));
    TaskRegistry *tasks = m_tasks;
    transfer.download->start(
        [tasks, id](qint64 received, qint64 total) {
            if (total > 0)
                tasks->setProgress(id, int(received * 100 / total));
        },
        [this, slot](const MediaDownload::Result &result) { transferEnded(slot, result); });
    emit representationChanged();
    return TaskServiceResource::accepted(*m_tasks->find(id));
}

void VirtualMediaResource::transferEnded(Slot slot, const MediaDownload::Result &result)
{
    std::optional<Transfer> &slotTransfer = m_transfers[qsizetype(slot)];
    if (!slotTransfer)
        return;
    Transfer transfer = std::move(*slotTransfer);
    slotTransfer.reset();
    // The download ends itself once its finished callback has returned.
    transfer.download.release()->deleteLater();
    emit representationChanged();
    const QString url = transfer.medium.image;
    const QString slotName = VirtualMedia::slotName(slot);
    if (result) {
        if (const auto failure = m_media->insert(slot, transfer.medium, transfer.actor)) {
            const auto [status, message] = refusal(*failure, insertAction, url);
            m_tasks->finish(transfer.taskId, TaskRegistry::State::Exception, RedfishReply::error(status, message),
                            {message});
            return;
        }
        m_tasks->finish(transfer.taskId, TaskRegistry::State::Completed, RedfishReply::success(),
                        {BaseMessages::success()});
        return;
    }
    const MediaDownload::Problem &problem = result.failure();
    using enum MediaDownload::Problem::Kind;
    RedfishMessage message;
    int status = 502;
    TaskRegistry::State state = TaskRegistry::State::Exception;
    switch (problem.kind) {
    case Unreachable:
    case TimedOut: message = BaseMessages::make("CouldNotEstablishConnection", {url}); break;
    case TlsFailure:
        message = BaseMessages::make("CouldNotEstablishConnection", {url});
        message.resolution = u"The server's TLS certificate was not accepted (%1). Give the server a certificate "
                             "the BMC trusts, or set VerifyCertificate to false for this slot."_s.arg(problem.detail);
        break;
    case Unauthorized:
        status = 400;
        message = BaseMessages::make("ResourceAtUriUnauthorized", {url, problem.detail});
        message.resolution = u"Check UserName and Password."_s;
        break;
    case NotFound:
        status = 400;
        message = BaseMessages::make("ResourceMissingAtURI", {url});
        break;
    case HttpError: message = BaseMessages::make("OperationFailed"); break;
    case Store:
        status = 507;
        message = BaseMessages::make("InsufficientStorage");
        break;
    case Cancelled:
        status = 409;
        state = TaskRegistry::State::Cancelled;
        message = BaseMessages::make("OperationFailed");
        break;
    }
    if (message.resolution.isEmpty())
        message.resolution = BaseMessages::resolutionFrom(problem.detail);
    m_eventLog->warning(transfer.actor,
                        u"Virtual media %1: %2 was not inserted: %3"_s.arg(slotName, url, problem.detail));
    m_tasks->finish(transfer.taskId, state, RedfishReply::error(status, message), {message});
}

RedfishReply VirtualMediaResource::eject(const RedfishRequest &request)
{
    const std::optional<Slot> slot = slotOf(request);
    if (!slot)
        return RedfishReply::notFound(u"VirtualMedia"_s, request.params.value(0));
    // Clients send nothing, {} or an empty body; parameters there are none.
    if (!request.body.trimmed().isEmpty()) {
        const Expected<QJsonObject, RedfishReply> body = RedfishJson::body(request);
        if (!body)
            return body.failure();
        if (!body->isEmpty())
            return badParameter("ActionParameterNotSupported", {body->begin().key(), ejectAction});
    }
    if (const std::optional<Transfer> &transfer = m_transfers.at(qsizetype(*slot))) {
        // Ejecting what is still being copied stops the copy; its task ends as cancelled.
        transfer->download->cancel();
        return RedfishReply::success();
    }
    if (const auto failure = m_media->eject(*slot, Actor::redfish(request.user)))
        return refusalReply(*failure, ejectAction, {});
    return RedfishReply::success();
}

std::pair<int, RedfishMessage> VirtualMediaResource::refusal(const Failure &failure, const QString &action,
                                                             const QString &image)
{
    using enum Failure::Code;
    RedfishMessage message;
    int status = 400;
    switch (failure.code) {
    case NoSuchImage: message = BaseMessages::make("ResourceMissingAtURI", {image}); break;
    case SlotOccupied:
    case ImageInUse:
        status = 409;
        message = BaseMessages::make("ResourceInUse");
        break;
    case Unavailable: message = BaseMessages::make("ActionNotSupported", {action}); break;
    default: message = BaseMessages::make("ActionParameterValueError", {u"Image"_s, action}); break;
    }
    message.resolution = BaseMessages::resolutionFrom(failure.message);
    return {status, message};
}

RedfishReply VirtualMediaResource::refusalReply(const Failure &failure, const QString &action, const QString &image)
{
    const auto [status, message] = refusal(failure, action, image);
    return RedfishReply::error(status, message);
}
