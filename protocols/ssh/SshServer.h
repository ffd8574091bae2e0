#pragma once

#include "Failure.h"
#include "Role.h"
#include "SshHostKeys.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>

#include <chrono>
#include <memory>
#include <optional>

class Bmc;
class SshConnection;
class SshListener;
struct ssh_bind_struct;

// The SSH console (docs/decisions.md#110): listens on ssh.port while ssh.enabled, follows both
// live (off closes the port and every session, with a notice), and keeps the number of
// connections still logging in small per address and in all.
class SshServer : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        QHostAddress listen = QHostAddress::Any;
        QString stateDirectory;
        int maxSessions = 16;
        int maxPendingPerAddress = 8;
        int maxPending = 32;
        int maxAuthAttempts = 6;
        std::chrono::milliseconds loginTimeout{20000};
    };

    SshServer(Bmc *bmc, Settings settings, QObject *parent = nullptr);
    ~SshServer() override;

    // Host keys, then the port when SSH is enabled.
    std::optional<Failure> start();
    // 0 while not listening.
    quint16 port() const;
    const SshHostKeys &hostKeys() const { return m_hostKeys; }

private:
    void follow();
    std::optional<Failure> listen(int port);
    void stopListening();
    void accept(qintptr descriptor);
    bool admit(const QString &user, Role role);
    void closeAll(const QString &reason);

    Bmc *m_bmc;
    Settings m_settings;
    SshHostKeys m_hostKeys;
    ssh_bind_struct *m_bind = nullptr;
    std::unique_ptr<SshListener> m_listener;
    QList<SshConnection *> m_connections; // children; deleted later once finished
};
