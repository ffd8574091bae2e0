#pragma once

#include "RedfishResource.h"

#include <QJsonObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <vector>

class ConnectionGuard;
class EventLog;
class PowerController;
class QHttpServerResponder;
class QTcpSocket;
class RedfishAuthenticator;

// EventService with a server-sent event stream (ServerSentEventUri): power state changes, power
// actions and new event-log entries reach every open stream as Redfish events at once. A client
// that goes away is dropped at the next write; at most maxStreams streams are open. A stream
// opened in a Redfish session (the web UI's cookie) ends with that session.
class EventServiceResource : public RedfishResource
{
    Q_OBJECT
public:
    static constexpr int maxStreams = 8;

    EventServiceResource(const PowerController *power, const EventLog *eventLog, ConnectionGuard *guard,
                         const RedfishAuthenticator *authenticator, QObject *parent = nullptr);
    ~EventServiceResource() override;
    void registerIn(ServiceDirectory &directory) override;

    int streamCount() const { return int(m_streams.size()); }

private:
    struct Stream
    {
        std::unique_ptr<QHttpServerResponder> responder;
        QPointer<QTcpSocket> socket;
        QString sessionId; // empty under Basic
    };

    RedfishReply service() const;
    RedfishReply subscriptions() const;
    RedfishReply openStream(const RedfishRequest &request);
    void publish(const QString &messageId, const QString &message, const QString &severity, const QString &origin);
    void write(const QByteArray &data);
    void dropClosedStreams();
    void endStreamsOf(const QString &sessionId);

    ConnectionGuard *m_guard;
    std::vector<Stream> m_streams;
    quint64 m_nextEventId = 1;
    QTimer m_keepAlive;
};
