#include "VirtualMedia.h"

#include "EventLog.h"
#include "MediaStore.h"
#include "StateFormats.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QMetaEnum>

using namespace Qt::StringLiterals;

namespace {
QJsonObject toJson(const VirtualMedia::Medium &medium)
{
    return {
        {u"image"_s, medium.image},
        {u"imageName"_s, medium.imageName},
        {u"storeName"_s, medium.storeName},
        {u"transferMethod"_s, VirtualMedia::transferMethodName(medium.transferMethod)},
        {u"transferProtocolType"_s, medium.transferProtocolType},
        {u"userName"_s, medium.userName},
        {u"writeProtected"_s, medium.writeProtected},
    };
}

std::optional<VirtualMedia::Medium> fromJson(const QJsonObject &object)
{
    const auto method = VirtualMedia::transferMethodFromName(object.value(u"transferMethod"_s).toString());
    const QString image = object.value(u"image"_s).toString();
    const QString storeName = object.value(u"storeName"_s).toString();
    if (!method || image.isEmpty() || !MediaStore::isValidName(storeName)
        || !object.value(u"writeProtected"_s).isBool())
        return std::nullopt;
    VirtualMedia::Medium medium;
    medium.image = image;
    medium.imageName = object.value(u"imageName"_s).toString();
    medium.storeName = storeName;
    medium.transferMethod = *method;
    medium.transferProtocolType = object.value(u"transferProtocolType"_s).toString();
    medium.userName = object.value(u"userName"_s).toString();
    medium.writeProtected = object.value(u"writeProtected"_s).toBool();
    return medium;
}
} // namespace

VirtualMedia::VirtualMedia(const QString &stateDirectory, MediaStore *store, EventLog *eventLog, QObject *parent)
    : QObject(parent)
    , m_file(QDir(stateDirectory).filePath(StateFormats::virtualMedia.fileName))
    , m_store(store)
    , m_eventLog(eventLog)
{
    load();
}

void VirtualMedia::load()
{
    const StateFile::Result loaded =
        m_file.load(StateFormats::virtualMedia.version, [](const QJsonObject &object) -> QString {
            const QJsonObject media = object.value(u"slots"_s).toObject();
            for (auto it = media.constBegin(); it != media.constEnd(); ++it) {
                if (!slotFromName(it.key()) || !fromJson(it.value().toObject()))
                    return u"the slot %1 is unknown or its medium incomplete"_s.arg(it.key());
            }
            const QJsonObject verify = object.value(u"verifyCertificate"_s).toObject();
            for (auto it = verify.constBegin(); it != verify.constEnd(); ++it) {
                if (!slotFromName(it.key()) || !it.value().isBool())
                    return u"verifyCertificate of %1 is not a slot's true or false"_s.arg(it.key());
            }
            return {};
        });
    if (const QString story = loaded.story(u"virtual media"_s, u"no virtual media is inserted"_s); !story.isEmpty())
        m_eventLog->critical(Actor::bmc(), story);
    if (!loaded.usable())
        return;
    const QJsonObject media = loaded.object.value(u"slots"_s).toObject();
    const QJsonObject verify = loaded.object.value(u"verifyCertificate"_s).toObject();
    for (Slot slot : allSlots)
        m_verifyCertificate[index(slot)] = verify.value(slotName(slot)).toBool(true);
    bool lost = false;
    const bool storeIsThere = QFileInfo(m_store->directory()).isDir();
    for (Slot slot : allSlots) {
        const auto medium = fromJson(media.value(slotName(slot)).toObject());
        if (!medium)
            continue;
        // An image deleted by hand while qbmc was stopped cannot stay inserted; a store that is
        // missing as a whole (an unmounted partition) empties nothing.
        if (storeIsThere && !m_store->image(medium->storeName)) {
            m_eventLog->warning(Actor::bmc(),
                                u"Virtual media %1: the image %2 is gone from the media store; the "
                                "slot is now empty"_s.arg(slotName(slot), medium->storeName));
            lost = true;
            continue;
        }
        m_media[index(slot)] = *medium;
    }
    if (lost)
        save();
}

void VirtualMedia::save()
{
    QJsonObject media;
    QJsonObject verify;
    for (Slot slot : allSlots) {
        if (medium(slot).isInserted())
            media.insert(slotName(slot), toJson(medium(slot)));
        verify.insert(slotName(slot), verifiesCertificate(slot));
    }
    m_file.save(StateFormats::virtualMedia.version, {{u"slots"_s, media}, {u"verifyCertificate"_s, verify}});
}

void VirtualMedia::setVerifyCertificate(Slot slot, bool verify, const Actor &actor)
{
    if (verifiesCertificate(slot) == verify)
        return;
    m_verifyCertificate[index(slot)] = verify;
    save();
    m_eventLog->info(
        actor,
        verify ? u"Virtual media %1: image servers' certificates are verified"_s.arg(slotName(slot))
               : u"Virtual media %1: image servers' certificates are no longer verified"_s.arg(slotName(slot)));
    emit verifyCertificateChanged(slot);
}

QString VirtualMedia::imagePath(Slot slot) const
{
    const Medium &inserted = m_media.at(index(slot));
    return inserted.isInserted() ? m_store->pathOf(inserted.storeName) : QString();
}

std::optional<Failure> VirtualMedia::insert(Slot slot, Medium medium, const Actor &actor)
{
    if (!m_unavailableReason.isEmpty())
        return Failure{Failure::Code::Unavailable, m_unavailableReason};
    if (m_media.at(index(slot)).isInserted())
        return Failure{
            Failure::Code::SlotOccupied,
            u"the %1 slot holds %2; eject it first"_s.arg(slotName(slot), m_media.at(index(slot)).imageName)};
    if (slot == Slot::Cd && !medium.writeProtected)
        return Failure{Failure::Code::InvalidValue, u"a CD is always write protected"_s};
    if (!m_store->image(medium.storeName))
        return Failure{Failure::Code::NoSuchImage, u"the media store has no image called %1"_s.arg(medium.storeName)};
    if (medium.image.isEmpty())
        medium.image = medium.storeName;
    if (medium.imageName.isEmpty())
        medium.imageName = medium.storeName;
    m_media[index(slot)] = medium;
    save();
    m_eventLog->info(
        actor,
        u"Virtual media %1: %2 inserted%3"_s.arg(slotName(slot), medium.imageName,
                                                 medium.writeProtected ? QString() : u" with writing allowed"_s));
    emit changed(slot);
    return std::nullopt;
}

std::optional<Failure> VirtualMedia::eject(Slot slot, const Actor &actor)
{
    const Medium ejected = m_media.at(index(slot));
    if (!ejected.isInserted())
        return std::nullopt; // as with a real drive, ejecting an empty one does nothing
    m_media[index(slot)] = {};
    save();
    m_eventLog->info(actor, u"Virtual media %1: %2 ejected"_s.arg(slotName(slot), ejected.imageName));
    emit changed(slot);
    return std::nullopt;
}

std::optional<Failure> VirtualMedia::deleteImage(const QString &name, const Actor &actor)
{
    for (Slot slot : allSlots) {
        if (m_media.at(index(slot)).storeName == name)
            return Failure{Failure::Code::ImageInUse,
                           u"the image %1 is inserted in the %2 slot; eject it first"_s.arg(name, slotName(slot))};
    }
    if (auto failure = m_store->remove(name))
        return failure;
    m_eventLog->info(actor, u"Image %1 deleted from the media store"_s.arg(name));
    return std::nullopt;
}

QString VirtualMedia::slotName(Slot slot)
{
    return slot == Slot::Cd ? u"CD"_s : u"USBStick"_s;
}

std::optional<VirtualMedia::Slot> VirtualMedia::slotFromName(const QString &name)
{
    for (Slot slot : allSlots) {
        if (slotName(slot) == name)
            return slot;
    }
    return std::nullopt;
}

QString VirtualMedia::transferMethodName(TransferMethod method)
{
    return QString::fromLatin1(QMetaEnum::fromType<TransferMethod>().valueToKey(int(method)));
}

std::optional<VirtualMedia::TransferMethod> VirtualMedia::transferMethodFromName(const QString &name)
{
    bool ok = false;
    const int value = QMetaEnum::fromType<TransferMethod>().keyToValue(name.toLatin1().constData(), &ok);
    return ok ? std::optional<TransferMethod>(TransferMethod(value)) : std::nullopt;
}
