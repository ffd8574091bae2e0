#include "CryptPasswordHasher.h"

#include "PlatformLogging.h"

#include <openssl/crypto.h>

#include <crypt.h>

#include <memory>

namespace {
// crypt_r's scratch area is 32 KiB: keep it off the stack.
struct CryptScratch : crypt_data
{
    CryptScratch()
        : crypt_data{}
    {
    }
};
} // namespace

QByteArray CryptPasswordHasher::hash(const QByteArray &password) const
{
    if (password.contains('\0'))
        return {};
    char salt[CRYPT_GENSALT_OUTPUT_SIZE];
    // Count 0 picks libcrypt's recommended cost for yescrypt; the salt comes from getrandom().
    if (!crypt_gensalt_rn("$y$", 0, nullptr, 0, salt, sizeof salt)) {
        qCCritical(lcLinux, "crypt_gensalt_rn failed: %s", strerror(errno));
        return {};
    }
    const auto scratch = std::make_unique<CryptScratch>();
    const char *hashed = crypt_r(password.constData(), salt, scratch.get());
    if (!hashed || hashed[0] == '*') {
        qCCritical(lcLinux, "crypt_r failed: %s", strerror(errno));
        return {};
    }
    return QByteArray(hashed);
}

bool CryptPasswordHasher::verify(const QByteArray &password, const QByteArray &hash) const
{
    // crypt_r reads a C string: past a NUL, bytes would not count.
    if (password.contains('\0'))
        return false;
    const auto scratch = std::make_unique<CryptScratch>();
    const char *hashed = crypt_r(password.constData(), hash.constData(), scratch.get());
    // crypt_r answers a malformed setting with a string starting with '*'.
    if (!hashed || hashed[0] == '*')
        return false;
    const size_t length = strlen(hashed);
    return length == size_t(hash.size()) && CRYPTO_memcmp(hashed, hash.constData(), length) == 0;
}
