#include "MediaStoreResource.h"

#include "BaseMessages.h"
#include "MediaStore.h"
#include "VirtualMedia.h"

#include <QJsonArray>
#include <QUrl>

using namespace Qt::StringLiterals;

const QString MediaStoreResource::path = u"/redfish/v1/Managers/bmc/Oem/Qbmc/MediaStore"_s;

namespace {
// qbmc's own schema name: no DMTF schema describes an image store.
const QString storeType = u"#QbmcMediaStore.v1_0_0.QbmcMediaStore"_s;
} // namespace

MediaStoreResource::MediaStoreResource(VirtualMedia *media, QObject *parent)
    : RedfishResource(parent)
    , m_media(media)
{
}

void MediaStoreResource::registerIn(ServiceDirectory &directory)
{
    RouteTable &routes = directory.routes();
    using enum HttpMethod;
    using enum RedfishPrivilege;
    routes.add(Get, path, Login, this, &MediaStoreResource::get);
    routes.add(Delete, path + u"/Images/{name}"_s, ConfigureManager, this, &MediaStoreResource::deleteImage);
}

RedfishReply MediaStoreResource::get() const
{
    const MediaStore *store = m_media->store();
    QJsonArray images;
    for (const MediaImage &image : store->images()) {
        QJsonArray insertedIn;
        for (VirtualMedia::Slot slot : VirtualMedia::allSlots) {
            if (m_media->medium(slot).storeName == image.name)
                insertedIn.append(VirtualMedia::slotName(slot));
        }
        images.append(QJsonObject{
            {u"Name"_s, image.name},
            {u"@odata.id"_s, path + u"/Images/"_s + QString::fromLatin1(QUrl::toPercentEncoding(image.name))},
            {u"SizeBytes"_s, image.bytes},
            {u"SHA256"_s, image.sha256.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(image.sha256)},
            {u"Modified"_s, image.modified.toUTC().toString(Qt::ISODate)},
            {u"InsertedIn"_s, insertedIn},
        });
    }
    QJsonObject json{
        {u"@odata.id"_s, path},
        {u"@odata.type"_s, storeType},
        {u"Id"_s, u"MediaStore"_s},
        {u"Name"_s, u"Virtual media image store"_s},
        {u"CapacityBytes"_s, store->maxBytes()},
        {u"UsedBytes"_s, store->usedBytes()},
        {u"Images"_s, images},
    };
    if (!m_media->unavailableReason().isEmpty())
        json.insert(u"Description"_s, m_media->unavailableReason());
    return RedfishReply::ok(json);
}

RedfishReply MediaStoreResource::deleteImage(const RedfishRequest &request)
{
    const QString name = request.params.value(0);
    const std::optional<Failure> failure = m_media->deleteImage(name, Actor::redfish(request.user));
    if (!failure)
        return RedfishReply::noContent();
    if (failure->code == Failure::Code::NoSuchImage)
        return RedfishReply::notFound(u"MediaImage"_s, name);
    RedfishMessage message =
        BaseMessages::make(failure->code == Failure::Code::ImageInUse ? "ResourceInUse" : "ResourceCannotBeDeleted");
    message.resolution = BaseMessages::resolutionFrom(failure->message);
    return RedfishReply::error(409, message);
}
