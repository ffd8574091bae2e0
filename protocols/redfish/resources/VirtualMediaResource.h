#pragma once

#include "MediaDownload.h"
#include "RedfishMessage.h"
#include "RedfishResource.h"
#include "VirtualMedia.h"

#include <array>
#include <memory>
#include <optional>

class EventLog;
class TaskRegistry;

// The virtual media slots as Redfish VirtualMedia: /redfish/v1/Managers/bmc/VirtualMedia/CD and
// /USBStick, linked from the manager and the system. InsertMedia takes the name of an image in
// the media store, inserted at once, or an http:// or https:// URL, which is copied into the
// store as a task (202 with its monitor, PercentComplete, cancellable) and inserted when whole;
// EjectMedia ejects, or stops a copy under way. Both have ActionInfo with their allowable values
// (docs/decisions.md#130).
class VirtualMediaResource : public RedfishResource
{
    Q_OBJECT
public:
    static const QString collectionPath;

    VirtualMediaResource(VirtualMedia *media, TaskRegistry *tasks, EventLog *eventLog, QObject *parent = nullptr);
    ~VirtualMediaResource() override;
    void registerIn(ServiceDirectory &directory) override;

private:
    using Slot = VirtualMedia::Slot;

    // A URL being copied into the store for a slot, and what is inserted once it is whole.
    struct Transfer
    {
        std::unique_ptr<MediaDownload> download;
        int taskId = 0;
        VirtualMedia::Medium medium;
        Actor actor;
    };

    RedfishReply collection() const;
    RedfishReply member(const RedfishRequest &request) const;
    // What the slot holds for everyone who asks: the medium being copied for it, not yet
    // inserted, so that no one else takes the slot or the image's name; else the core's.
    VirtualMedia::Medium heldMedium(Slot slot) const;
    RedfishReply memberJson(Slot slot) const;
    RedfishReply patch(const RedfishRequest &request);
    RedfishReply insert(const RedfishRequest &request);
    RedfishReply eject(const RedfishRequest &request);
    RedfishReply insertActionInfo(const RedfishRequest &request) const;
    RedfishReply ejectActionInfo(const RedfishRequest &request) const;

    // Starts copying `url` for `slot`; the 202 answer with its task.
    RedfishReply startTransfer(Slot slot, VirtualMedia::Medium medium, MediaDownload::Source source,
                               const RedfishRequest &request, const QJsonObject &body);
    void transferEnded(Slot slot, const MediaDownload::Result &result);
    // The status and message for what the core model turned down; `image` as the client gave it.
    static std::pair<int, RedfishMessage> refusal(const Failure &failure, const QString &action, const QString &image);
    static RedfishReply refusalReply(const Failure &failure, const QString &action, const QString &image);
    static std::optional<Slot> slotOf(const RedfishRequest &request);
    static QString memberPath(Slot slot);

    VirtualMedia *m_media;
    TaskRegistry *m_tasks;
    EventLog *m_eventLog;
    std::array<std::optional<Transfer>, VirtualMedia::allSlots.size()> m_transfers;
};
