// Requests straight into the command table, as they arrive once a session's AuthCode and
// decryption are past (which the packet target cannot forge): byte 0 network function, byte 1
// command, byte 2 the session's privilege and whether there is a session, then the data.
#include "FuzzFixture.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    FuzzFixture &fixture = FuzzFixture::instance();
    IpmiRequest request;
    request.netFn = quint8(data[0] & 0x3E);
    request.command = data[1];
    request.caller.privilege = Privilege(1 + (data[2] & 0x0F) % 5);
    request.caller.sessionId = (data[2] & 0x80) ? 0 : 1;
    request.caller.user = QStringLiteral("admin");
    request.caller.peer = fixture.peer;
    request.data = QByteArray(reinterpret_cast<const char *>(data + 3), qsizetype(size - 3));
    fixture.ipmi->commands().dispatch(request);
    return 0;
}
