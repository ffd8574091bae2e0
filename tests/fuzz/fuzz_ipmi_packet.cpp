// Whole datagrams into the IPMI packet handler: RMCP, ASF, IPMI v1.5 and RMCP+ framing, session
// setup (Open Session, RAKP), session lookup, AuthCode and replay checks, message checksums.
#include "FuzzFixture.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzFixture &fixture = FuzzFixture::instance();
    fixture.ipmi->packetHandler()->handle(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)),
                                          fixture.peer);
    return 0;
}
