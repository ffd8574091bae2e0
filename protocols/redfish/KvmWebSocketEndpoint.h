#pragma once

#include "WebSocketEndpoint.h"

class RfbServer;
class ServiceSettings;

// wss://<host>/kvm/0, bmcweb's path for the KVM: the host's screen, keyboard and mouse in RFB,
// carried in binary WebSocket messages as noVNC and websockify do. Each accepted connection is a
// KvmWebSocket, a viewer of the RfbServer; kvm.privilege says who may connect, kvm.enabled whether
// anyone may, and kvm.max_sessions how many at once.
class KvmWebSocketEndpoint : public WebSocketEndpoint
{
    Q_OBJECT
public:
    static constexpr QByteArrayView path = "/kvm/0";

    KvmWebSocketEndpoint(Parts parts, RfbServer *rfb, const ServiceSettings *services, HttpHeaderList answerHeaders,
                         Limits limits, QObject *parent = nullptr);

protected:
    bool servesPath(QByteArrayView path) const override;
    Role requiredRole() const override;
    std::optional<RedfishMessage> unavailable() const override;
    WebSocketSession *createSession(QTcpSocket *socket, QByteArrayView path,
                                    const RedfishAuthenticator::Identity &identity,
                                    WebSocketSession::Settings settings) override;

private:
    RfbServer *m_rfb;
    const ServiceSettings *m_services;
};
