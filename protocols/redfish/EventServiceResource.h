#pragma once

#include "RouteTable.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <vector>

class Bmc;
class ConnectionGuard;
class QHttpServerResponder;
class QTcpSocket;

// EventService with a server-sent event stream (ServerSentEventUri): power state changes, power
// actions and new event-log entries reach every open stream as Redfish events at once. A client
// that goes away is dropped at the next write; at most maxStreams streams are open.
class EventServiceResource : public QObject
{
    Q_OBJECT
public:
    static constexpr int maxStreams = 8;

    EventServiceResource(Bmc *bmc, ConnectionGuard *guard, RouteTable &routes, QObject *parent = nullptr);
    ~EventServiceResource() override;

    int streamCount() const { return int(m_streams.size()); }

private:
    struct Stream
    {
        std::unique_ptr<QHttpServerResponder> responder;
        QPointer<QTcpSocket> socket;
    };

    RedfishReply service() const;
    RedfishReply subscriptions() const;
    RedfishReply openStream(const RedfishRequest &request);
    void publish(const QString &messageId, const QString &message, const QString &severity, const QString &origin);
    void write(const QByteArray &data);

    Bmc *m_bmc;
    ConnectionGuard *m_guard;
    std::vector<Stream> m_streams;
    quint64 m_nextEventId = 1;
    QTimer m_keepAlive;
};
