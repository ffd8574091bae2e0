#pragma once

#include "Actor.h"
#include "Failure.h"
#include "StateFile.h"

#include <QObject>
#include <QString>

#include <array>
#include <optional>

class EventLog;
class MediaStore;

// The two drives the BMC offers the host, a CD and a USB stick, and what is inserted in each:
// the one model behind Redfish's VirtualMedia, the web UI and the screen. What is inserted stays
// inserted across restarts of qbmc (virtual-media.json); every insert and eject is an event-log
// entry naming who did it. An image the host reads is an image of the media store (an image
// inserted from a URL is copied there first), so an image that is inserted cannot be deleted
// (docs/decisions.md#129).
class VirtualMedia : public QObject
{
    Q_OBJECT
public:
    enum class Slot { Cd, UsbStick };
    Q_ENUM(Slot)
    static constexpr std::array allSlots{Slot::Cd, Slot::UsbStick};

    // As Redfish names them.
    enum class TransferMethod { Stream, Upload };
    Q_ENUM(TransferMethod)

    // What a slot holds; nothing when `image` is empty.
    struct Medium
    {
        QString image;     // as the inserter gave it: a URL, or the name of an image in the store
        QString imageName; // the image's file name
        QString storeName; // the store's image the host reads
        TransferMethod transferMethod = TransferMethod::Upload;
        QString transferProtocolType; // "HTTPS" or "HTTP" for a URL; empty for an image of the store
        QString userName;             // the URL's user; its password is never kept
        bool writeProtected = true;

        bool isInserted() const { return !image.isEmpty(); }
        friend bool operator==(const Medium &, const Medium &) = default;
    };

    VirtualMedia(const QString &stateDirectory, MediaStore *store, EventLog *eventLog, QObject *parent = nullptr);

    MediaStore *store() const { return m_store; }

    // Empty when the host can be given media; otherwise why not (no store, no USB gadget).
    QString unavailableReason() const { return m_unavailableReason; }
    void setUnavailable(const QString &reason) { m_unavailableReason = reason; }

    Medium medium(Slot slot) const { return m_media.at(index(slot)); }
    // The file the host reads from the slot; empty when nothing is inserted.
    QString imagePath(Slot slot) const;

    // Whether the slot's downloads check the image server's TLS certificate against the system's
    // certificate authorities: on unless an administrator turned it off for a server of their own
    // (docs/decisions.md#130).
    bool verifiesCertificate(Slot slot) const { return m_verifyCertificate.at(index(slot)); }
    void setVerifyCertificate(Slot slot, bool verify, const Actor &actor);

    // Inserts `medium`, whose storeName must name an image of the store. A slot that holds media
    // refuses (SlotOccupied): eject first, as with a real drive. A CD is always write protected.
    std::optional<Failure> insert(Slot slot, Medium medium, const Actor &actor);
    std::optional<Failure> eject(Slot slot, const Actor &actor);
    // Deletes an image of the store unless a slot holds it (ImageInUse).
    std::optional<Failure> deleteImage(const QString &name, const Actor &actor);

    // "CD", "USBStick": the ids of Redfish's VirtualMedia resources and the names in logs.
    static QString slotName(Slot slot);
    static std::optional<Slot> slotFromName(const QString &name);
    static QString transferMethodName(TransferMethod method);
    static std::optional<TransferMethod> transferMethodFromName(const QString &name);

signals:
    // What the slot holds changed: the host must be given the new medium.
    void changed(VirtualMedia::Slot slot);
    // Only the slot's certificate setting changed: what the host sees stays as it is.
    void verifyCertificateChanged(VirtualMedia::Slot slot);

private:
    static qsizetype index(Slot slot) { return qsizetype(slot); }
    void load();
    void save();

    StateFile m_file;
    MediaStore *m_store;
    EventLog *m_eventLog;
    QString m_unavailableReason;
    std::array<Medium, allSlots.size()> m_media;
    std::array<bool, allSlots.size()> m_verifyCertificate{true, true};
};
