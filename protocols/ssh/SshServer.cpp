#include "SshServer.h"

#include "AccountStore.h"
#include "Bmc.h"
#include "EventLog.h"
#include "NetworkAddresses.h"
#include "RemoteSessionRegistry.h"
#include "ServiceSettings.h"
#include "SshAlgorithms.h"
#include "SshConnection.h"
#include "SshLibraryLog.h"
#include "SshListener.h"
#include "SshLogging.h"
#include "SshPublicKeyCheck.h"

#include <libssh/libssh.h>
#include <libssh/server.h>

#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

QString peerAddressOf(qintptr descriptor)
{
    sockaddr_storage storage{};
    socklen_t length = sizeof(storage);
    if (getpeername(int(descriptor), reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return {};
    return NetworkAddresses::peerAddressText(QHostAddress(reinterpret_cast<const sockaddr *>(&storage)));
}

bool setOption(ssh_bind bind, enum ssh_bind_options_e option, const void *value)
{
    return ssh_bind_options_set(bind, option, value) == SSH_OK;
}

} // namespace

SshServer::SshServer(Bmc *bmc, Settings settings, QObject *parent)
    : QObject(parent)
    , m_bmc(bmc)
    , m_settings(std::move(settings))
{
    connect(bmc->services(), &ServiceSettings::sshChanged, this, &SshServer::follow);
    connect(bmc->remoteSessions(), &RemoteSessionRegistry::endRequested, this,
            [this](const RemoteSession &ending, const Actor &actor) {
                if (ending.protocol != RemoteSession::Protocol::Ssh)
                    return;
                for (SshConnection *connection : std::as_const(m_connections)) {
                    if (connection->registryId() == ending.id) {
                        connection->close(u"ended by %1"_s.arg(actor.toString()),
                                          u"This session was ended by an administrator."_s);
                        return;
                    }
                }
            });
}

SshServer::~SshServer()
{
    stopListening();
    qDeleteAll(m_connections);
    m_connections.clear();
    if (m_bind)
        ssh_bind_free(m_bind);
}

std::optional<Failure> SshServer::start()
{
    static const bool initialised = [] {
        ssh_init();
        SshLibraryLog::install();
        return true;
    }();
    Q_UNUSED(initialised)

    if (auto failure = m_hostKeys.loadOrCreate(m_settings.stateDirectory))
        return Failure{failure->code, u"SSH: "_s + failure->message};
    for (const QString &story : m_hostKeys.setAside())
        m_bmc->eventLog()->critical(Actor::bmc(), story);
    for (const SshHostKeys::HostKey &key : m_hostKeys.keys())
        qCInfo(lcSsh, "SSH host key %s %s", qPrintable(key.type), qPrintable(key.fingerprint));
    m_bmc->services()->setSshHostKeyFingerprints(m_hostKeys.fingerprints());

    m_bind = ssh_bind_new();
    const int minRsaBits = SshAlgorithms::minRsaBits;
    const bool noConfig = false;
    const bool configured = m_bind && setOption(m_bind, SSH_BIND_OPTIONS_PROCESS_CONFIG, &noConfig)
        && m_hostKeys.applyTo(m_bind) && setOption(m_bind, SSH_BIND_OPTIONS_KEY_EXCHANGE, SshAlgorithms::keyExchange)
        && setOption(m_bind, SSH_BIND_OPTIONS_CIPHERS_C_S, SshAlgorithms::ciphers)
        && setOption(m_bind, SSH_BIND_OPTIONS_CIPHERS_S_C, SshAlgorithms::ciphers)
        && setOption(m_bind, SSH_BIND_OPTIONS_HMAC_C_S, SshAlgorithms::macs)
        && setOption(m_bind, SSH_BIND_OPTIONS_HMAC_S_C, SshAlgorithms::macs)
        && setOption(m_bind, SSH_BIND_OPTIONS_HOSTKEY_ALGORITHMS, SshAlgorithms::hostKeys)
        && setOption(m_bind, SSH_BIND_OPTIONS_PUBKEY_ACCEPTED_KEY_TYPES, SshAlgorithms::publicKeys)
        && setOption(m_bind, SSH_BIND_OPTIONS_RSA_MIN_SIZE, &minRsaBits);
    if (!configured)
        return Failure{Failure::Code::Internal,
                       u"SSH: libssh refuses the settings: %1"_s.arg(
                           QString::fromUtf8(m_bind ? ssh_get_error(m_bind) : "out of memory"))};

    if (!m_bmc->services()->isSshEnabled()) {
        qCInfo(lcSsh, "SSH console off (ssh.enabled)");
        return std::nullopt;
    }
    return listen(m_bmc->services()->sshPort());
}

quint16 SshServer::port() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

std::optional<Failure> SshServer::listen(int port)
{
    auto listener = std::make_unique<SshListener>();
    // Excess connections are closed at once instead (accept), so the kernel's queue stays short.
    listener->setMaxPendingConnections(m_settings.maxPending);
    if (!listener->listen(m_settings.listen, quint16(port)))
        return Failure{
            Failure::Code::Unavailable,
            u"SSH: cannot listen on TCP [%1]:%2: %3"_s.arg(NetworkAddresses::listenAddressText(m_settings.listen),
                                                           QString::number(port), listener->errorString())};
    connect(listener.get(), &SshListener::connectionAccepted, this, &SshServer::accept);
    m_listener = std::move(listener);
    qCInfo(lcSsh, "SSH console listening on TCP [%s]:%u",
           qPrintable(NetworkAddresses::listenAddressText(m_settings.listen)), m_listener->serverPort());
    return std::nullopt;
}

void SshServer::stopListening()
{
    if (!m_listener)
        return;
    m_listener->close();
    m_listener.reset();
}

void SshServer::follow()
{
    if (!m_bind)
        return;
    const ServiceSettings *services = m_bmc->services();
    if (!services->isSshEnabled()) {
        if (!m_listener)
            return;
        stopListening();
        qCInfo(lcSsh, "SSH console switched off: the port is closed");
        closeAll(u"the SSH console was switched off"_s);
        return;
    }
    const int port = services->sshPort();
    if (m_listener && m_listener->serverPort() == port)
        return;
    // Sessions already open stay; new ones come to the new port.
    stopListening();
    if (const auto failure = listen(port)) {
        qCCritical(lcSsh, "%s", qPrintable(failure->message));
        m_bmc->eventLog()->critical(Actor::bmc(), failure->message);
    }
}

void SshServer::accept(qintptr descriptor)
{
    const QString address = peerAddressOf(descriptor);
    qsizetype pending = 0;
    qsizetype pendingHere = 0;
    for (const SshConnection *connection : std::as_const(m_connections)) {
        if (!connection->isLoggedIn()) {
            ++pending;
            if (connection->address() == address)
                ++pendingHere;
        }
    }
    if (address.isEmpty() || pending >= m_settings.maxPending || pendingHere >= m_settings.maxPendingPerAddress) {
        qCInfo(lcSsh, "connection from %s refused: too many connections are logging in", qPrintable(address));
        ::close(int(descriptor));
        return;
    }
    SshConnection::Context context;
    context.accounts = m_bmc->accounts();
    context.console = m_bmc->console();
    context.sessions = m_bmc->remoteSessions();
    context.eventLog = m_bmc->eventLog();
    context.minimumRole = m_bmc->services()->consolePrivilege();
    context.maxAuthAttempts = m_settings.maxAuthAttempts;
    context.loginTimeout = m_settings.loginTimeout;
    context.admit = [this](const QString &user, Role role) { return admit(user, role); };
    auto *connection = new SshConnection(m_bind, int(descriptor), address, std::move(context), this);
    m_connections.append(connection);
    connect(connection, &SshConnection::finished, this, [this, connection] {
        m_connections.removeOne(connection);
        connection->deleteLater();
    });
}

bool SshServer::admit(const QString &user, Role role)
{
    const SessionLimits limits{m_settings.maxSessions, m_settings.maxSessions};
    const RemoteSessionRegistry::Admission admission =
        m_bmc->remoteSessions()->admission(RemoteSession::Protocol::Ssh, user, role, limits);
    if (!admission.admitted)
        return false;
    if (admission.evict != 0) {
        for (SshConnection *connection : std::as_const(m_connections)) {
            if (connection->registryId() == admission.evict)
                connection->close(u"the user opened more sessions than allowed"_s,
                                  u"This session ends: %1 opened more SSH sessions than allowed."_s.arg(user));
        }
    }
    return true;
}

void SshServer::closeAll(const QString &reason)
{
    const QList<SshConnection *> connections = m_connections;
    for (SshConnection *connection : connections)
        connection->close(reason, u"The SSH console was switched off."_s);
}
