#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

// ASF messages in RMCP class 6. qbmc answers the Presence Ping (discovery tools and
// `ipmiping`/`rmcpping` send it) with a Presence Pong saying that IPMI is supported.
struct AsfMessage
{
    static constexpr quint32 asfIana = 4542;
    static constexpr quint8 presencePing = 0x80;
    static constexpr quint8 presencePong = 0x40;

    quint8 type = 0;
    quint8 tag = 0;

    static std::optional<AsfMessage> parse(QByteArrayView body);
    // The whole datagram, RMCP header included.
    static QByteArray pong(quint8 rmcpSequence, quint8 tag);
};
