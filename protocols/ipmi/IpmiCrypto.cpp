#include "IpmiCrypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <memory>

namespace IpmiCrypto {

namespace {
constexpr int aesBlock = 16;

struct CipherContextDeleter
{
    void operator()(EVP_CIPHER_CTX *context) const { EVP_CIPHER_CTX_free(context); }
};
using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, CipherContextDeleter>;

// Raw AES-128-CBC over whole blocks: IPMI does its own padding, so OpenSSL's is off.
std::optional<QByteArray> aesCbc(QByteArrayView key, QByteArrayView iv, QByteArrayView input, bool encrypt)
{
    if (key.size() < aesBlock || iv.size() != aesBlock || input.size() % aesBlock != 0)
        return std::nullopt;
    CipherContext context(EVP_CIPHER_CTX_new());
    if (!context
        || EVP_CipherInit_ex(context.get(), EVP_aes_128_cbc(), nullptr,
                             reinterpret_cast<const unsigned char *>(key.data()),
                             reinterpret_cast<const unsigned char *>(iv.data()), encrypt ? 1 : 0)
            != 1)
        return std::nullopt;
    EVP_CIPHER_CTX_set_padding(context.get(), 0);
    QByteArray output(input.size(), Qt::Uninitialized);
    int length = 0;
    if (EVP_CipherUpdate(context.get(), reinterpret_cast<unsigned char *>(output.data()), &length,
                         reinterpret_cast<const unsigned char *>(input.data()), int(input.size()))
        != 1)
        return std::nullopt;
    int tail = 0;
    if (EVP_CipherFinal_ex(context.get(), reinterpret_cast<unsigned char *>(output.data()) + length, &tail) != 1)
        return std::nullopt;
    output.resize(length + tail);
    return output;
}
} // namespace

QByteArray hmac(CipherSuite::Hash hash, QByteArrayView key, QByteArrayView data)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    const EVP_MD *md = hash == CipherSuite::Hash::Sha1 ? EVP_sha1() : EVP_sha256();
    if (!HMAC(md, key.data(), int(key.size()), reinterpret_cast<const unsigned char *>(data.data()),
              size_t(data.size()), digest, &length))
        return {};
    return QByteArray(reinterpret_cast<const char *>(digest), int(length));
}

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), count) != 1)
        qFatal("RAND_bytes failed: no cryptographic randomness available");
    return bytes;
}

bool equalInConstantTime(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

QByteArray encryptPayload(QByteArrayView key, QByteArrayView plain)
{
    QByteArray padded(plain.toByteArray());
    const int padLength = int((aesBlock - (plain.size() + 1) % aesBlock) % aesBlock);
    for (int i = 1; i <= padLength; ++i)
        padded.append(char(i));
    padded.append(char(padLength));
    const QByteArray iv = randomBytes(aesBlock);
    return iv + aesCbc(key, iv, padded, true).value_or(QByteArray());
}

std::optional<QByteArray> decryptPayload(QByteArrayView key, QByteArrayView framed)
{
    if (framed.size() < 2 * aesBlock)
        return std::nullopt;
    std::optional<QByteArray> plain = aesCbc(key, framed.first(aesBlock), framed.sliced(aesBlock), false);
    if (!plain || plain->isEmpty())
        return std::nullopt;
    const int padLength = quint8(plain->back());
    // The pad bytes themselves are not checked: the packet's AuthCode already covers them, and
    // clients differ in what they put there.
    if (padLength >= aesBlock || padLength + 1 > plain->size())
        return std::nullopt;
    plain->chop(padLength + 1);
    return plain;
}

} // namespace IpmiCrypto
