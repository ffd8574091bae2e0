#pragma once

#include "RedfishReply.h"
#include "RedfishResource.h"

#include <QList>
#include <QTimer>

class ServiceSettings;
class VideoSource;
struct RedfishRequest;
struct VideoFrame;

// The host's screen as a PNG, for scripts that wait for a prompt or keep a picture of a crash:
// GET /redfish/v1/Systems/system/Oem/Qbmc/Screenshot. Whoever may use the KVM (kvm.privilege)
// may take one, while the KVM is on (docs/decisions.md#124). Capture runs only while someone
// watches, so a screenshot with nobody watching starts it and answers with the first frame.
class ScreenshotResource : public RedfishResource
{
    Q_OBJECT
public:
    static const QString path;

    ScreenshotResource(VideoSource *video, const ServiceSettings *services, QObject *parent = nullptr);
    ~ScreenshotResource() override;
    void registerIn(ServiceDirectory &directory) override;

private:
    RedfishReply take(const RedfishRequest &request);
    // Answers everyone waiting: with the frame when there is one, else with why not.
    void answerWaiting(bool frameArrived);
    RedfishReply answer() const;
    static RedfishReply picture(const VideoFrame &frame);

    VideoSource *m_video;
    const ServiceSettings *m_services;
    QList<RedfishReply::Answer> m_waiting;
    QTimer m_patience; // for the first frame after capture starts
};
