#pragma once

#include "CipherSuite.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

// The layouts of RMCP+ session setup (IPMI v2.0 section 13.17-13.24): Open Session and RAKP
// messages 1 to 4, read with bounds checks and written field by field. What the fields mean, and
// what to answer, is RakpHandshake's business; this class only knows where they are.
class RakpCodec
{
public:
    // RMCP+ status codes (IPMI v2.0 table 13-15).
    enum class Status : quint8 {
        Success = 0x00,
        InsufficientResources = 0x01,
        InvalidSessionId = 0x02,
        InvalidAuthenticationAlgorithm = 0x04,
        InvalidIntegrityAlgorithm = 0x05,
        InvalidRole = 0x09,
        UnauthorizedRole = 0x0A,
        InvalidNameLength = 0x0C,
        UnauthorizedName = 0x0D,
        InvalidIntegrityCheckValue = 0x0F,
        InvalidConfidentialityAlgorithm = 0x10,
        NoCipherSuiteMatch = 0x11,
        IllegalParameter = 0x12,
    };

    struct OpenSessionRequest
    {
        quint8 tag = 0;
        quint8 privilege = 0; // low nibble; 0 asks for the highest the user may have
        quint32 consoleId = 0;
        // Each algorithm payload, when it is well formed (type, length 8).
        std::optional<quint8> authentication;
        std::optional<quint8> integrity;
        std::optional<quint8> confidentiality;
        bool complete = false; // every field was there
    };

    struct Rakp1
    {
        quint8 tag = 0;
        quint32 sessionId = 0;
        QByteArray consoleRandom; // Rm
        quint8 role = 0;          // ROLEm: privilege and the name-only lookup bit
        quint8 nameLength = 0;
        QByteArray name;             // UNAMEm
        bool headerComplete = false; // everything up to the name length was there
        bool nameComplete = false;   // and the name had nameLength bytes
    };

    struct Rakp3
    {
        quint8 tag = 0;
        quint8 status = 0;
        quint32 sessionId = 0;
        QByteArray authCode;
        bool complete = false;
    };

    // Nothing for an empty message: it has no tag to answer with.
    static std::optional<OpenSessionRequest> parseOpenSessionRequest(QByteArrayView bytes);
    static std::optional<Rakp1> parseRakp1(QByteArrayView bytes);
    static std::optional<Rakp3> parseRakp3(QByteArrayView bytes);

    // The answer that carries only a status, as every refusal does: the client's tag, the status,
    // and the remote console's session id.
    static QByteArray statusReply(quint8 tag, Status status, quint32 consoleId);
    static QByteArray openSessionResponse(quint8 tag, quint8 privilege, quint32 consoleId, quint32 sessionId,
                                          const CipherSuite &suite);
    static QByteArray rakp2(quint8 tag, quint32 consoleId, QByteArrayView bmcRandom, QByteArrayView systemGuid,
                            QByteArrayView authCode);
    static QByteArray rakp4(quint8 tag, quint32 consoleId, QByteArrayView integrityCheckValue);
};
