#include "SshConnection.h"

#include "AccountStore.h"
#include "ConsoleAttachment.h"
#include "EventLog.h"
#include "RemoteSessionRegistry.h"
#include "SshLibraryLog.h"
#include "SshLogging.h"
#include "SshPublicKeyCheck.h"

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
// At most this much console output is handed to libssh at once, and only while libssh has
// nothing left unsent: what one connection holds stays this small whatever its client's window.
constexpr qsizetype chunkSize = 64 * 1024;
// A connection that is closing gets this long to send its last words and for the client to hang
// up after reading them; it bounds what a client that stopped reading can hold.
constexpr auto lingerTime = 10s;

SshConnection *connectionOf(void *userdata)
{
    return static_cast<SshConnection *>(userdata);
}
} // namespace

SshConnection::SshConnection(ssh_bind bind, int descriptor, QString address, Context context, QObject *parent)
    : QObject(parent)
    , m_address(std::move(address))
    , m_context(std::move(context))
{
    m_loginTimer.setSingleShot(true);
    m_loginTimer.callOnTimeout(this, [this] { finish(u"not logged in within the time allowed"_s); });
    m_loginTimer.start(m_context.loginTimeout);
    m_lingerTimer.setSingleShot(true);
    m_lingerTimer.callOnTimeout(this, [this] { finish(m_endReason); });

    m_session = ssh_new();
    if (!m_session || ssh_bind_accept_fd(bind, m_session, descriptor) != SSH_OK) {
        qCWarning(lcSsh, "connection from %s: libssh cannot take it: %s", qPrintable(m_address),
                  m_session ? ssh_get_error(m_session) : "out of memory");
        if (!m_session)
            ::close(descriptor);
        m_state = State::Closed;
        QTimer::singleShot(0, this, &SshConnection::finished);
        return;
    }
    ssh_set_blocking(m_session, 0);
    // No compression: console text is small, and zlib would only add code an attacker reaches and
    // memory per connection (docs/decisions.md#110).
    ssh_options_set(m_session, SSH_OPTIONS_COMPRESSION_C_S, "none");
    ssh_options_set(m_session, SSH_OPTIONS_COMPRESSION_S_C, "none");

    m_serverCallbacks.userdata = this;
    m_serverCallbacks.auth_password_function = &SshConnection::onPassword;
    m_serverCallbacks.auth_pubkey_function = &SshConnection::onPublicKey;
    m_serverCallbacks.channel_open_request_session_function = &SshConnection::onSessionChannel;
    ssh_callbacks_init(&m_serverCallbacks);
    ssh_set_server_callbacks(m_session, &m_serverCallbacks);
    ssh_set_auth_methods(m_session, SSH_AUTH_METHOD_PASSWORD | SSH_AUTH_METHOD_PUBLICKEY);
    ssh_set_message_callback(m_session, &SshConnection::onMessage, this);

    m_readable = std::make_unique<QSocketNotifier>(descriptor, QSocketNotifier::Read);
    m_writable = std::make_unique<QSocketNotifier>(descriptor, QSocketNotifier::Write);
    m_writable->setEnabled(false);
    connect(m_readable.get(), &QSocketNotifier::activated, this, &SshConnection::onActivity);
    connect(m_writable.get(), &QSocketNotifier::activated, this, &SshConnection::onActivity);
    // Sends the version line, which the client waits for.
    QTimer::singleShot(0, this, &SshConnection::onActivity);
}

SshConnection::~SshConnection()
{
    // The notifiers go before libssh closes their descriptor.
    m_readable.reset();
    m_writable.reset();
    m_attachment.reset();
    if (m_registryId != 0)
        m_context.sessions->remove(m_registryId);
    m_state = State::Closed;
    if (m_event) {
        ssh_event_remove_session(m_event, m_session);
        ssh_event_free(m_event);
    }
    if (m_session) {
        ssh_disconnect(m_session);
        ssh_free(m_session);
    }
}

void SshConnection::onActivity()
{
    if (m_state == State::Closed)
        return;
    if (m_state == State::Handshake) {
        const int result = ssh_handle_key_exchange(m_session);
        if (result == SSH_AGAIN) {
            watchWrites();
            return;
        }
        if (result != SSH_OK)
            return finish(u"key exchange failed: %1"_s.arg(QString::fromUtf8(ssh_get_error(m_session))));
        m_state = State::Authenticating;
        m_event = ssh_event_new();
        if (!m_event || ssh_event_add_session(m_event, m_session) != SSH_OK)
            return finish(u"libssh cannot watch the connection"_s);
        qCDebug(lcSsh, "connection from %s: keys exchanged", qPrintable(m_address));
    }
    const int result = ssh_event_dopoll(m_event, 0);
    if (m_state == State::Closed)
        return;
    if (result == SSH_ERROR || (ssh_get_status(m_session) & (SSH_CLOSED | SSH_CLOSED_ERROR))) {
        if (m_state == State::Closing)
            return finish(m_endReason);
        return finish(isLoggedIn() ? u"the client disconnected"_s : u"the client left"_s);
    }
    pumpOutput();
    watchWrites();
}

void SshConnection::watchWrites()
{
    if (m_state == State::Closed)
        return;
    if (m_state == State::Closing && m_unsent.isEmpty() && !m_channelClosed) {
        // The last words are with libssh: the channel can close behind them.
        m_channelClosed = true;
        ssh_channel_send_eof(m_channel);
        ssh_channel_close(m_channel);
    }
    // A closing connection then waits for the client to hang up (onActivity) or for the linger
    // time: OpenSSH leaves at once on a disconnect message, dropping channel data it has read but
    // not yet shown, so the notice would be lost if the disconnect came with it.
    m_writable->setEnabled(ssh_get_poll_flags(m_session) & SSH_WRITE_PENDING);
}

void SshConnection::pumpOutput()
{
    while (m_channel && !m_channelClosed && (m_state == State::LoggedIn || m_state == State::Closing)) {
        if (ssh_get_poll_flags(m_session) & SSH_WRITE_PENDING)
            return; // the client reads slower than the host prints: wait for the socket
        const qsizetype window = ssh_channel_window_size(m_channel);
        if (window == 0)
            return; // the client's window is full: wait for it to grow (onWindowGrew)
        if (m_unsent.isEmpty()) {
            if (!m_attachment || m_state == State::Closing)
                return;
            m_unsent = m_attachment->takeOutput(std::min(window, chunkSize));
            if (m_unsent.isEmpty())
                return;
        }
        const int written = ssh_channel_write(m_channel, m_unsent.constData(),
                                              uint32_t(std::min({window, chunkSize, m_unsent.size()})));
        if (written == SSH_ERROR)
            return finish(u"writing to the client failed"_s);
        if (written <= 0)
            return;
        m_unsent.remove(0, written);
    }
}

void SshConnection::sendNow(const QByteArray &bytes)
{
    m_unsent.append(bytes);
    pumpOutput();
    watchWrites();
}

void SshConnection::close(const QString &reason, const QString &notice)
{
    if (m_state == State::Closed || m_state == State::Closing)
        return;
    if (!m_channel || m_state != State::LoggedIn)
        return finish(reason);
    m_endReason = reason;
    m_state = State::Closing;
    if (m_attachment)
        m_attachment.release()->deleteLater();
    // Console output not yet sent is dropped: the notice is what the client should read now.
    m_unsent = notice.isEmpty() ? QByteArray() : ConsoleAttachment::noticeLine(notice);
    m_lingerTimer.start(lingerTime);
    pumpOutput();
    watchWrites();
}

void SshConnection::finish(const QString &reason)
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_loginTimer.stop();
    m_lingerTimer.stop();
    if (m_readable) {
        m_readable->setEnabled(false);
        m_writable->setEnabled(false);
    }
    if (m_attachment)
        m_attachment.release()->deleteLater(); // it may be the sender of what ended the connection
    if (m_registryId != 0) {
        m_context.eventLog->info(Actor::ssh(m_user),
                                 u"SSH console session from %1 closed: %2"_s.arg(m_address, reason));
        m_context.sessions->remove(std::exchange(m_registryId, 0));
    }
    qCInfo(lcSsh, "connection from %s%s ends: %s", qPrintable(m_address),
           m_user.isEmpty() ? "" : qPrintable(u" ("_s + m_user + u')'), qPrintable(reason));
    emit finished();
}

bool SshConnection::countAttempt()
{
    if (++m_attempts <= m_context.maxAuthAttempts)
        return true;
    finish(u"more than %1 login attempts"_s.arg(m_context.maxAuthAttempts));
    return false;
}

int SshConnection::loginSucceeded(const QString &user, Role role)
{
    if (int(role) < int(m_context.minimumRole)) {
        qCInfo(lcSsh, "login of %s from %s refused: the role %s is below console.privilege", qPrintable(user),
               qPrintable(m_address), qPrintable(RoleNames::toString(role)));
        return SSH_AUTH_DENIED;
    }
    if (m_context.admit && !m_context.admit(user, role)) {
        finish(u"no SSH session is free for %1"_s.arg(user));
        return SSH_AUTH_DENIED;
    }
    m_user = user;
    m_state = State::LoggedIn;
    m_loginTimer.stop();
    m_registryId = m_context.sessions->add(RemoteSession::Protocol::Ssh, user, m_address, role);
    m_context.eventLog->info(Actor::ssh(user), u"SSH console session opened from %1"_s.arg(m_address));
    qCInfo(lcSsh, "%s logged in from %s", qPrintable(user), qPrintable(m_address));
    emit loggedIn();
    return SSH_AUTH_SUCCESS;
}

void SshConnection::openConsole()
{
    if (m_state != State::LoggedIn || m_attachment)
        return;
    m_attachment = std::make_unique<ConsoleAttachment>(m_context.console, Actor::ssh(m_user));
    connect(m_attachment.get(), &ConsoleAttachment::outputAvailable, this, [this] {
        pumpOutput();
        watchWrites();
    });
    connect(m_attachment.get(), &ConsoleAttachment::notice, this,
            [this](const QString &text) { sendNow(ConsoleAttachment::noticeLine(text)); });
    connect(m_attachment.get(), &ConsoleAttachment::ended, this,
            [this](const QString &reason) { close(reason, reason); });
    m_attachment->start();
    pumpOutput();
    watchWrites();
}

int SshConnection::onPassword(ssh_session, const char *user, const char *password, void *userdata)
{
    SshConnection *self = connectionOf(userdata);
    if (self->m_state != State::Authenticating || !self->countAttempt())
        return SSH_AUTH_DENIED;
    const QString name = QString::fromUtf8(user);
    const auto result =
        self->m_context.accounts->authenticate(name, QByteArray(password), Actor::Origin::Ssh, self->m_address);
    if (result != AccountStore::LoginResult::Success) {
        qCInfo(lcSsh, "password login of %s from %s refused", qPrintable(name), qPrintable(self->m_address));
        return SSH_AUTH_DENIED;
    }
    return self->loginSucceeded(name, self->m_context.accounts->account(name)->role);
}

int SshConnection::onPublicKey(ssh_session, const char *user, ssh_key key, char state, void *userdata)
{
    SshConnection *self = connectionOf(userdata);
    if (self->m_state != State::Authenticating || !self->countAttempt())
        return SSH_AUTH_DENIED;
    AccountStore *accounts = self->m_context.accounts;
    const QString name = QString::fromUtf8(user);
    const QByteArray blob = SshPublicKeyCheck::blobOf(key);
    const std::optional<Account> account = accounts->account(name);
    const bool known = account && account->enabled && !blob.isEmpty()
        && std::any_of(account->sshKeys.cbegin(), account->sshKeys.cend(),
                       [&](const SshPublicKey &candidate) { return candidate.blob == blob; });
    const bool locked = accounts->isLockedOut(name, self->m_address);
    if (known && !locked && state == SSH_PUBLICKEY_STATE_NONE)
        return SSH_AUTH_SUCCESS; // the client may prove it holds the key
    if (known && !locked && state == SSH_PUBLICKEY_STATE_VALID) {
        accounts->recordLoginSuccess(name, self->m_address);
        return self->loginSucceeded(name, account->role);
    }
    // A client offers the keys it holds one after another: the offers of one connection count as
    // one failed login; a wrong signature always counts.
    if (locked)
        qCInfo(lcSsh, "key login of %s from %s refused: the account is locked", qPrintable(name),
               qPrintable(self->m_address));
    else if (state == SSH_PUBLICKEY_STATE_WRONG || !std::exchange(self->m_keyFailureCounted, true))
        accounts->recordLoginFailure(name, Actor::Origin::Ssh, self->m_address);
    return SSH_AUTH_DENIED;
}

ssh_channel SshConnection::onSessionChannel(ssh_session session, void *userdata)
{
    SshConnection *self = connectionOf(userdata);
    // One console per connection.
    if (self->m_state != State::LoggedIn || self->m_channel)
        return nullptr;
    self->m_channel = ssh_channel_new(session);
    if (!self->m_channel)
        return nullptr;
    ssh_channel_callbacks_struct &callbacks = self->m_channelCallbacks;
    callbacks.userdata = self;
    callbacks.channel_data_function = &SshConnection::onChannelData;
    callbacks.channel_close_function = &SshConnection::onChannelClose;
    callbacks.channel_pty_request_function = &SshConnection::onPty;
    callbacks.channel_shell_request_function = &SshConnection::onShell;
    callbacks.channel_exec_request_function = &SshConnection::onExec;
    callbacks.channel_subsystem_request_function = &SshConnection::onSubsystem;
    callbacks.channel_env_request_function = &SshConnection::onEnv;
    callbacks.channel_pty_window_change_function = &SshConnection::onWindowChange;
    callbacks.channel_write_wontblock_function = &SshConnection::onWindowGrew;
    ssh_callbacks_init(&callbacks);
    ssh_set_channel_callbacks(self->m_channel, &callbacks);
    return self->m_channel;
}

int SshConnection::onMessage(ssh_session, ssh_message message, void *userdata)
{
    SshConnection *self = connectionOf(userdata);
    const int type = ssh_message_type(message);
    const int subtype = ssh_message_subtype(message);
    if (type == SSH_REQUEST_CHANNEL && subtype == SSH_CHANNEL_REQUEST_UNKNOWN) {
        const QByteArray request = SshLibraryLog::takeLastChannelRequest();
        // RFC 4335: OpenSSH's ~B, PuTTY's Special Command "Break".
        if (request == "break" && self->m_attachment
            && ssh_message_channel_request_channel(message) == self->m_channel) {
            self->m_attachment->sendBreak();
            ssh_message_channel_request_reply_success(message);
            return 0;
        }
        qCDebug(lcSsh, "connection from %s: channel request \"%s\" refused", qPrintable(self->m_address),
                request.constData());
    } else if (type == SSH_REQUEST_CHANNEL_OPEN) {
        qCInfo(lcSsh, "connection from %s: a forwarding or agent channel was refused", qPrintable(self->m_address));
    } else if (type == SSH_REQUEST_GLOBAL) {
        qCInfo(lcSsh, "connection from %s: port forwarding was refused", qPrintable(self->m_address));
    } else if (type == SSH_REQUEST_CHANNEL) {
        qCInfo(lcSsh, "connection from %s: agent or X11 forwarding was refused", qPrintable(self->m_address));
    }
    return 1; // libssh sends the refusal
}

int SshConnection::onChannelData(ssh_session, ssh_channel, void *data, uint32_t length, int, void *userdata)
{
    SshConnection *self = connectionOf(userdata);
    if (self->m_attachment)
        self->m_attachment->write(QByteArray(static_cast<const char *>(data), qsizetype(length)));
    return int(length);
}

void SshConnection::onChannelClose(ssh_session, ssh_channel, void *userdata)
{
    connectionOf(userdata)->finish(u"the client closed the console"_s);
}

int SshConnection::onPty(ssh_session, ssh_channel, const char *, int, int, int, int, void *)
{
    return 0; // the host's terminal has the size it has; the client's is not passed on
}

int SshConnection::onShell(ssh_session, ssh_channel channel, void *userdata)
{
    SshConnection *self = connectionOf(userdata);
    if (channel != self->m_channel || self->m_attachment)
        return 1;
    // After libssh has answered the request, so that the first notice follows the answer.
    QTimer::singleShot(0, self, &SshConnection::openConsole);
    return 0;
}

int SshConnection::onExec(ssh_session, ssh_channel, const char *, void *userdata)
{
    qCInfo(lcSsh, "connection from %s: a command was refused; this SSH server is the host console only",
           qPrintable(connectionOf(userdata)->m_address));
    return 1;
}

int SshConnection::onSubsystem(ssh_session, ssh_channel, const char *subsystem, void *userdata)
{
    qCInfo(lcSsh, "connection from %s: subsystem %s refused", qPrintable(connectionOf(userdata)->m_address),
           qPrintable(QString::fromUtf8(subsystem).left(64)));
    return 1;
}

int SshConnection::onEnv(ssh_session, ssh_channel, const char *, const char *, void *)
{
    return 1; // nothing runs here that would read them
}

int SshConnection::onWindowChange(ssh_session, ssh_channel, int, int, int, int, void *)
{
    return 0;
}

int SshConnection::onWindowGrew(ssh_session, ssh_channel, uint32_t, void *userdata)
{
    // onActivity, which runs libssh's poll that calls this, watches the writes afterwards.
    connectionOf(userdata)->pumpOutput();
    return 0;
}
