#pragma once

#include "CipherSuite.h"
#include "IpmiPeer.h"
#include "LoginThrottle.h"
#include "RakpCodec.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QUuid>

#include <optional>

class AccountStore;
class EventLog;
class IpmiSessionTable;

// RMCP+ session setup as qbmc allows it (docs/decisions.md#42): Open Session picks one of the
// offered cipher suites (never one without authentication, integrity or encryption); RAKP 1 names
// a user, who must exist, be enabled, have IPMI access and not be locked out, and asks for at most
// the user's role; RAKP 3 proves the password. Every failed login after RAKP 2 counts towards the
// address's throttle and the account's lockout and lands in the event log, because RAKP 2 hands
// out an HMAC of the password (docs/decisions.md#43). Every reply echoes the client's tag.
class RakpHandshake : public QObject
{
    Q_OBJECT
public:
    struct Policy
    {
        QList<int> cipherSuites{17, 3}; // offered, best first
        int throttleFailures = 5;
        std::chrono::milliseconds throttlePeriod = std::chrono::seconds(60);
    };

    RakpHandshake(IpmiSessionTable *sessions, AccountStore *accounts, EventLog *eventLog, QUuid systemUuid,
                  Policy policy, const Clock &clock = Clock::steady(), QObject *parent = nullptr);

    // Each takes a request payload and returns the response payload; empty means no reply.
    QByteArray openSession(QByteArrayView request, const IpmiPeer &peer);
    QByteArray rakp1(QByteArrayView request, const IpmiPeer &peer);
    QByteArray rakp3(QByteArrayView request, const IpmiPeer &peer);

    const QList<int> &cipherSuites() const { return m_policy.cipherSuites; }

private:
    std::optional<CipherSuite> offeredSuite(const RakpCodec::OpenSessionRequest &request,
                                            RakpCodec::Status *refusal) const;
    // Ends a setup that got as far as RAKP 2: a failed login, whatever the client did.
    void failSetup(quint32 id, const QString &reason);
    // A failed login before RAKP 2, counted against the address and the account.
    void recordFailure(const QString &user, const QString &address);
    // After RAKP 2, which the address was already charged for: the account's count only.
    void recordFailureAfterRakp2(const QString &user, const QString &address);

    IpmiSessionTable *m_sessions;
    AccountStore *m_accounts;
    EventLog *m_eventLog;
    QByteArray m_systemGuid;
    Policy m_policy;
    LoginThrottle m_throttle;
};
