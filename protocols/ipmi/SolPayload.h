#pragma once

#include "CompletionCode.h"
#include "Privilege.h"
#include "ServiceSettings.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <optional>

class ConsoleHub;
class EventLog;

// The one Serial-over-LAN payload instance (IPMI v2.0 chapter 15) between a session and the
// console hub. Host output goes out in packets of up to maximumData characters, one awaiting its
// acknowledgement at a time; whatever arrives meanwhile waits in the hub's ring and leaves in the
// next packet, so the serial port is read all along and nothing stutters. Unacknowledged packets
// are sent again after the retry interval, retry-count times, then once a second until the client
// answers or its session ends: a slow client loses nothing. Console input owns the hub's input.
class SolPayload : public QObject
{
    Q_OBJECT
public:
    // Sends a SoL payload in the given session; false when it cannot (no socket, no session).
    using Sender = std::function<bool(quint32 sessionId, const QByteArray &payload)>;

    // Characters per packet: the payload sizes announced at activation (255) less the header.
    static constexpr qsizetype maximumData = 255 - 4;
    static constexpr quint16 payloadSize = 255;

    struct Counters
    {
        quint64 packetsSent = 0;
        quint64 retransmissions = 0;
        quint64 bytesAcknowledged = 0;
    };

    SolPayload(ConsoleHub *console, ServiceSettings *settings, EventLog *eventLog, Sender sender,
               QObject *parent = nullptr);
    ~SolPayload() override;

    // Completion code of Activate Payload: 0x80 already active, 0x81 SoL disabled, 0x85 refused
    // without encryption (every qbmc session is encrypted), 0xD4 below the SoL privilege.
    CompletionCode activate(quint32 sessionId, const QString &user, Privilege privilege, bool encrypted);
    // By the owner, or by an administrator's session, which ends another's (0xD4 otherwise);
    // 0x80 when nothing is active.
    CompletionCode deactivate(quint32 sessionId, const QString &user, Privilege privilege);

    bool isActive() const { return m_owner.has_value(); }
    quint32 ownerSession() const { return m_owner ? m_owner->sessionId : 0; }

    // An inbound SoL payload of `sessionId`: returns the acknowledgement to send back, or nothing.
    QByteArray receive(quint32 sessionId, QByteArrayView payload);
    void sessionClosed(quint32 sessionId);
    // Ends the payload and tells its client so (qbmc stopping, IPMI switched off).
    void close(const QString &reason) { end(reason, true); }

    const Counters &counters() const { return m_counters; }

signals:
    // The payload was ended by someone other than its client, whose session is to close too:
    // ipmitool ignores the "deactivating" status bit and only notices a session that is gone.
    void endedUnderClient(quint32 sessionId, const QString &reason);

private:
    struct Owner
    {
        quint32 sessionId = 0;
        QString user;
    };

    void end(const QString &reason, bool tellClient);
    void onOutput();
    void sendNext();
    void transmit();
    void onRetryTimeout();
    void startRetryTimer();
    void applyOperation(quint8 operation);
    quint8 status() const;
    void readSettings();

    ConsoleHub *m_console;
    ServiceSettings *m_settings;
    EventLog *m_eventLog;
    Sender m_sender;
    ServiceSettings::SolParameters m_parameters;
    std::optional<Owner> m_owner;
    Counters m_counters;

    // Host to client.
    qint64 m_offset = 0; // the hub's offset of the first character not yet acknowledged
    quint8 m_sequence = 0;
    QByteArray m_inFlight;
    bool m_awaitingAck = false;
    bool m_overrun = false;
    int m_retries = 0;
    QTimer m_retry;
    QTimer m_accumulate;

    // Client to host.
    quint8 m_lastInboundSequence = 0;
    quint8 m_lastAccepted = 0;
};
