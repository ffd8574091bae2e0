#pragma once

#include "CipherSuite.h"
#include "IpmiPeer.h"
#include "IpmiSession.h"
#include "LoginThrottle.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <map>
#include <memory>

class Bmc;

// RMCP+ sessions: Open Session and RAKP 1-4 (IPMI v2.0 section 13.20-13.31) with keys derived per
// the spec, the session limit with the longest-idle session making room, time-outs, and the
// failed-login containment (per-address throttle, per-account lockout, event log). Every reply
// echoes the client's message tag, errors included.
class SessionManager : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        QList<int> cipherSuites{17, 3};
        int maxSessions = 16;
        std::chrono::milliseconds idleTimeout = std::chrono::seconds(60);
        std::chrono::milliseconds setupTimeout = std::chrono::seconds(3);
        int throttleFailures = 5;
        std::chrono::milliseconds throttlePeriod = std::chrono::seconds(60);
    };

    // RMCP+ status codes (IPMI v2.0 table 13-15).
    enum class Status : quint8 {
        Success = 0x00,
        InsufficientResources = 0x01,
        InvalidSessionId = 0x02,
        InvalidAuthenticationAlgorithm = 0x04,
        InvalidIntegrityAlgorithm = 0x05,
        InvalidRole = 0x09,
        UnauthorizedRole = 0x0A,
        InvalidNameLength = 0x0C,
        UnauthorizedName = 0x0D,
        InvalidIntegrityCheckValue = 0x0F,
        InvalidConfidentialityAlgorithm = 0x10,
        NoCipherSuiteMatch = 0x11,
        IllegalParameter = 0x12,
    };

    SessionManager(Bmc *bmc, Settings settings, QObject *parent = nullptr);
    ~SessionManager() override;

    // Each takes a request payload and returns the response payload; empty means no reply.
    QByteArray openSession(QByteArrayView request, const IpmiPeer &peer);
    QByteArray rakp1(QByteArrayView request, const IpmiPeer &peer);
    QByteArray rakp3(QByteArrayView request, const IpmiPeer &peer);

    // An active session for a packet from `peer`, or nullptr.
    IpmiSession *activeSession(quint32 id, const IpmiPeer &peer);
    IpmiSession *sessionByHandle(quint8 handle);
    const std::map<quint32, std::unique_ptr<IpmiSession>> &sessions() const { return m_sessions; }
    int activeCount() const;
    int maxSessions() const { return m_settings.maxSessions; }
    QList<int> cipherSuites() const { return m_settings.cipherSuites; }

    bool setPrivilege(IpmiSession *session, Privilege privilege);
    void close(quint32 id, const QString &reason);
    void closeAll(const QString &reason);

signals:
    void sessionClosed(quint32 id);

private:
    std::optional<CipherSuite> offeredSuite(quint8 authentication, quint8 integrity, quint8 confidentiality,
                                            Status *refusal) const;
    bool makeRoom();
    quint8 freeHandle() const;
    void expireSessions();
    void activate(IpmiSession *session);
    // Ends a setup that got as far as RAKP 2: a failed login, whatever the client did.
    void failSetup(quint32 id, const QString &reason);
    QByteArray systemGuid() const;

    Bmc *m_bmc;
    Settings m_settings;
    LoginThrottle m_throttle;
    std::map<quint32, std::unique_ptr<IpmiSession>> m_sessions;
    QTimer m_expiryTimer;
};
