#pragma once

#include "Role.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSocketNotifier>
#include <QTimer>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <libssh/server.h>

#include <functional>
#include <memory>

class AccountStore;
class ConsoleAttachment;
class ConsoleHub;
class EventLog;
class RemoteSessionRegistry;

// One SSH client, from the accepted socket to the end: key exchange, login with a qbmc account
// (password or public key), then one session channel carrying the host console's bytes both ways
// through a ConsoleAttachment. libssh runs non-blocking; the socket's notifiers call it when
// there is something to read or to write, so no call waits on the event loop
// (docs/decisions.md#110).
class SshConnection : public QObject
{
    Q_OBJECT
public:
    struct Context
    {
        AccountStore *accounts = nullptr;
        ConsoleHub *console = nullptr;
        RemoteSessionRegistry *sessions = nullptr;
        EventLog *eventLog = nullptr;
        Role minimumRole = Role::Operator; // console.privilege
        int maxAuthAttempts = 6;
        std::chrono::milliseconds loginTimeout{20000};
        // Whether one more session of `user` may open now (ends the user's oldest when needed).
        std::function<bool(const QString &user, Role role)> admit;
    };

    // Takes the descriptor: libssh closes it when the connection ends.
    SshConnection(ssh_bind bind, int descriptor, QString address, Context context, QObject *parent = nullptr);
    ~SshConnection() override;

    const QString &address() const { return m_address; }
    bool isLoggedIn() const { return m_registryId != 0; }
    quint64 registryId() const { return m_registryId; }
    // Ends the connection; a logged-in client reads `notice` on a line of its own first.
    void close(const QString &reason, const QString &notice = {});

signals:
    void loggedIn();
    // Over: the server deletes the connection later.
    void finished();

private:
    enum class State { Handshake, Authenticating, LoggedIn, Closing, Closed };

    void onActivity();
    void pumpOutput();
    void sendNow(const QByteArray &bytes);
    void watchWrites();
    void finish(const QString &reason);
    bool countAttempt();
    int loginSucceeded(const QString &user, Role role);
    void openConsole();

    // libssh's callbacks, userdata being the connection.
    static int onPassword(ssh_session session, const char *user, const char *password, void *userdata);
    static int onPublicKey(ssh_session session, const char *user, ssh_key key, char state, void *userdata);
    static ssh_channel onSessionChannel(ssh_session session, void *userdata);
    static int onMessage(ssh_session session, ssh_message message, void *userdata);
    static int onChannelData(ssh_session, ssh_channel, void *data, uint32_t length, int isStderr, void *userdata);
    static void onChannelClose(ssh_session session, ssh_channel channel, void *userdata);
    static int onPty(ssh_session, ssh_channel, const char *, int, int, int, int, void *);
    static int onShell(ssh_session session, ssh_channel channel, void *userdata);
    static int onExec(ssh_session session, ssh_channel channel, const char *command, void *userdata);
    static int onSubsystem(ssh_session session, ssh_channel channel, const char *subsystem, void *userdata);
    static int onEnv(ssh_session, ssh_channel, const char *, const char *, void *);
    static int onWindowChange(ssh_session, ssh_channel, int, int, int, int, void *);
    static int onWindowGrew(ssh_session session, ssh_channel channel, uint32_t bytes, void *userdata);

    QString m_address;
    Context m_context;
    ssh_session m_session = nullptr;
    ssh_event m_event = nullptr;
    ssh_channel m_channel = nullptr;
    ssh_server_callbacks_struct m_serverCallbacks{};
    ssh_channel_callbacks_struct m_channelCallbacks{};
    std::unique_ptr<QSocketNotifier> m_readable;
    std::unique_ptr<QSocketNotifier> m_writable;
    std::unique_ptr<ConsoleAttachment> m_attachment;
    QTimer m_loginTimer;
    QTimer m_lingerTimer;
    State m_state = State::Handshake;
    QString m_user;
    quint64 m_registryId = 0;
    int m_attempts = 0;
    bool m_keyFailureCounted = false;
    bool m_channelClosed = false; // by this side, when closing
    QByteArray m_unsent;          // taken from the console or a notice, not yet accepted by libssh
    QString m_endReason;
};
