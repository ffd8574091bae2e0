#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

// An IPMI message as it travels on a LAN channel (IPMI v2.0 table 13-4): addresses, network
// function and LUNs, sequence, command and data, with the header and data checksums.
struct IpmiMessage
{
    static constexpr quint8 bmcAddress = 0x20;

    quint8 responderAddress = bmcAddress;
    quint8 netFn = 0;
    quint8 responderLun = 0;
    quint8 requesterAddress = 0;
    quint8 requesterSequence = 0;
    quint8 requesterLun = 0;
    quint8 command = 0;
    QByteArray data;

    // A request; nothing when it is too short or a checksum is wrong.
    static std::optional<IpmiMessage> parseRequest(QByteArrayView bytes);
    // The response to this request: network function + 1, the completion code, then data.
    QByteArray response(quint8 completionCode, QByteArrayView responseData) const;

    static quint8 checksum(QByteArrayView bytes);
};
