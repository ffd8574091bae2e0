// A public key line as an account's user gives it (Redfish's Keys, KeyString): OpenSSH's one-line
// format, parsed with QtCore alone before libssh sees it. What parses must print back to a line
// that parses to the same key.
#include "SshPublicKey.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString line = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const Expected<SshPublicKey> key = SshPublicKey::parse(line);
    if (!key)
        return 0;
    (void)key->fingerprint();
    const Expected<SshPublicKey> again = SshPublicKey::parse(key->toOpenSsh());
    if (!again || again->blob != key->blob || again->type != key->type)
        std::abort();
    return 0;
}
