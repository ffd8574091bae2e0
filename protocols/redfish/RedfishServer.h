#pragma once

#include "ConnectionGuard.h"
#include "Failure.h"
#include "RedfishAuthenticator.h"
#include "RedfishResource.h"
#include "RepresentationCache.h"
#include "ServiceDirectory.h"
#include "TaskRegistry.h"
#include "WebAssets.h"

#include <QHostAddress>
#include <QObject>
#include <QStringList>

#include <memory>
#include <vector>

class Bmc;
class ConsoleWebSocketEndpoint;
class KvmWebSocketEndpoint;
class NetworkFacts;
class PowerTasks;
class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QTcpServer;
class RfbServer;

// Redfish over HTTPS: QHttpServer behind the connection guard, one catch-all route feeding the
// route table (so 404, 405 with Allow, HEAD and trailing slashes behave), authentication and
// privileges per route, and the OData headers and ETags every answer carries. The host console's
// WebSocket (/console0) and the KVM's (/kvm/0) share the listener and the guard
// (ConsoleWebSocketEndpoint, KvmWebSocketEndpoint).
class RedfishServer : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        QHostAddress listen = QHostAddress::Any;
        quint16 port = 443;
        bool tls = true;
        QString certificatePath; // empty: self-signed in the state directory
        QString keyPath;
        QString stateDirectory;
        QString hostName;
        QStringList addresses;  // for the self-signed certificate's alternative names
        quint16 ipmiPort = 623; // for NetworkProtocol
        const NetworkFacts *networkFacts = nullptr;
        ConnectionGuard::Limits limits;
        RedfishAuthenticator::Settings authentication;
        RfbServer *kvm = nullptr; // the KVM's viewers go there; none: no /kvm/0
        int kvmMaxSessions = 4;
    };

    RedfishServer(Bmc *bmc, Settings settings, QObject *parent = nullptr);
    ~RedfishServer() override;

    // Listens; refuses when the port or the certificate cannot be had.
    std::optional<Failure> start();
    quint16 port() const;

    const ServiceDirectory &directory() const { return m_directory; }
    RedfishAuthenticator *authenticator() { return &m_authenticator; }
    const ConnectionGuard &guard() const { return m_guard; }

signals:
    // Manager.Reset: qbmc is to restart in place.
    void restartRequested(const QString &reason);

private:
    void addResources(Bmc *bmc);
    void handle(const QHttpServerRequest &request, QHttpServerResponder &responder);
    RedfishReply dispatch(RedfishRequest &request, const RouteTable::Match &match);
    // Writes `reply` with the headers every answer carries, its ETag and Content-Length.
    void send(QHttpServerResponder &responder, const RedfishRequest &request, const RouteTable::Match &match,
              RedfishReply reply);
    // Everything outside /redfish: the web UI's files.
    void answerWeb(const QHttpServerRequest &httpRequest, QHttpServerResponder &responder);
    // From X-Auth-Token or Basic, else the web UI's session cookie; marks a cookie's request.
    Expected<RedfishAuthenticator::Identity, RedfishAuthenticator::Refusal> authenticate(RedfishRequest &request);
    static bool isCacheable(const RedfishRequest &request, const RouteTable::Match &match);

    Bmc *m_bmc;
    Settings m_settings;
    ConnectionGuard m_guard;
    RedfishAuthenticator m_authenticator;
    HttpHeaderList m_answerHeaders; // on every answer (HttpHeaders)
    WebAssets m_webAssets;
    ServiceDirectory m_directory;
    RepresentationCache m_cache;
    TaskRegistry m_tasks;
    std::unique_ptr<PowerTasks> m_powerTasks;
    std::vector<std::unique_ptr<RedfishResource>> m_resources;
    std::unique_ptr<QHttpServer> m_http;
    QTcpServer *m_listener = nullptr; // owned by m_http once bound
    // wss://<host>/console0 and /kvm/0, in front of QHttpServer; after it here, so its WebSockets close
    // while their sockets are still there.
    std::unique_ptr<ConsoleWebSocketEndpoint> m_consoleWebSockets;
    std::unique_ptr<KvmWebSocketEndpoint> m_kvmWebSockets;
};
