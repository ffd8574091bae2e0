#include "KvmWebSocketEndpoint.h"

#include "BaseMessages.h"
#include "KvmWebSocket.h"
#include "ServiceSettings.h"

using namespace Qt::StringLiterals;

KvmWebSocketEndpoint::KvmWebSocketEndpoint(Parts parts, RfbServer *rfb, const ServiceSettings *services,
                                           HttpHeaderList answerHeaders, Limits limits, QObject *parent)
    : WebSocketEndpoint(parts, std::move(answerHeaders), limits, RemoteSession::Protocol::KvmWebSocket,
                        u"KVM WebSocket"_s, parent)
    , m_rfb(rfb)
    , m_services(services)
{
    // Switched off: the viewers go too, not only new ones.
    connect(services, &ServiceSettings::kvmEnabledChanged, this, [this](bool enabled) {
        if (!enabled)
            endWhere([](const WebSocketSession *) { return true; }, u"the KVM was switched off"_s);
    });
}

bool KvmWebSocketEndpoint::servesPath(QByteArrayView target) const
{
    return target == path;
}

Role KvmWebSocketEndpoint::requiredRole() const
{
    return m_services->kvmPrivilege();
}

std::optional<RedfishMessage> KvmWebSocketEndpoint::unavailable() const
{
    if (m_services->isKvmEnabled())
        return std::nullopt;
    return BaseMessages::make("ServiceDisabled", {QString::fromLatin1(path)});
}

WebSocketSession *KvmWebSocketEndpoint::createSession(QTcpSocket *socket, QByteArrayView,
                                                      const RedfishAuthenticator::Identity &identity,
                                                      WebSocketSession::Settings settings)
{
    // Those the KVM admits may drive it; kvm.privilege below Operator lets a User watch only.
    const bool mayDriveInput = identity.role >= Role::Operator;
    return new KvmWebSocket(socket, parts().eventLog, m_rfb, std::move(settings), mayDriveInput);
}
