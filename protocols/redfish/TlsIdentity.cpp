#include "TlsIdentity.h"

#include "RedfishLogging.h"
#include "StateFile.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <functional>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
template <typename T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *pointer) const { Free(pointer); }
};
using KeyPointer = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using CertificatePointer = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPointer = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

constexpr long tenYears = 10L * 365 * 24 * 3600;

Failure unavailable(const QString &message)
{
    return {Failure::Code::Unavailable, message};
}

Expected<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return unavailable(u"%1: %2"_s.arg(path, file.errorString()));
    return file.readAll();
}

QByteArray pem(const std::function<int(BIO *)> &write)
{
    BioPointer bio(BIO_new(BIO_s_mem()));
    if (!bio || write(bio.get()) != 1)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, qsizetype(size));
}

bool addExtension(X509 *certificate, int nid, const QByteArray &value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value.constData());
    if (!extension)
        return false;
    const bool added = X509_add_ext(certificate, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}

// The certificate and key as PEM, or empty on failure.
std::pair<QByteArray, QByteArray> makeSelfSigned(const QString &hostName, const QStringList &addresses)
{
    KeyPointer key(EVP_EC_gen("P-256"));
    CertificatePointer certificate(X509_new());
    if (!key || !certificate)
        return {};
    X509_set_version(certificate.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7F; // positive
    BIGNUM *serialNumber = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(serialNumber, X509_get_serialNumber(certificate.get()));
    BN_free(serialNumber);
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), tenYears);
    X509_set_pubkey(certificate.get(), key.get());
    X509_NAME *name = X509_get_subject_name(certificate.get());
    const QByteArray commonName = hostName.toUtf8().left(64);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("qbmc"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(commonName.constData()), -1, -1, 0);
    X509_set_issuer_name(certificate.get(), name);

    QStringList names{u"DNS:"_s + hostName, u"DNS:localhost"_s};
    for (const QString &address : addresses)
        names.append(u"IP:"_s + address);
    names.removeDuplicates();
    if (!addExtension(certificate.get(), NID_subject_alt_name, names.join(u',').toUtf8())
        || !addExtension(certificate.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(certificate.get(), NID_key_usage, "critical,digitalSignature")
        || !addExtension(certificate.get(), NID_ext_key_usage, "serverAuth")
        || !X509_sign(certificate.get(), key.get(), EVP_sha256()))
        return {};
    const QByteArray certificatePem = pem([&](BIO *bio) { return PEM_write_bio_X509(bio, certificate.get()); });
    const QByteArray keyPem =
        pem([&](BIO *bio) { return PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr); });
    return {certificatePem, keyPem};
}

Expected<TlsIdentity> fromPem(const QByteArray &certificatePem, const QByteArray &keyPem,
                              const QString &certificatePath, const QString &keyPath)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(certificatePem, QSsl::Pem);
    if (certificates.isEmpty())
        return unavailable(u"%1: not a PEM certificate"_s.arg(certificatePath));
    // An EC key read as RSA is silently null, and every handshake would fail: try each kind.
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa}) {
        QSslKey key(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return TlsIdentity{certificates.first(), key};
    }
    return unavailable(u"%1: not a PEM EC or RSA private key"_s.arg(keyPath));
}

bool writePrivate(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    file.write(data);
    return file.commit();
}
} // namespace

Expected<TlsIdentity> TlsIdentity::load(const QString &certificatePath, const QString &keyPath)
{
    const Expected<QByteArray> certificatePem = readFile(certificatePath);
    if (!certificatePem)
        return certificatePem.failure();
    const Expected<QByteArray> keyPem = readFile(keyPath);
    if (!keyPem)
        return keyPem.failure();
    return fromPem(*certificatePem, *keyPem, certificatePath, keyPath);
}

Expected<TlsIdentity> TlsIdentity::selfSigned(const QString &stateDirectory, const QString &hostName,
                                              const QStringList &addresses)
{
    const QString certificatePath = QDir(stateDirectory).filePath(u"redfish-certificate.pem"_s);
    const QString keyPath = QDir(stateDirectory).filePath(u"redfish-key.pem"_s);
    if (QFile::exists(certificatePath) && QFile::exists(keyPath)) {
        Expected<TlsIdentity> stored = load(certificatePath, keyPath);
        if (stored)
            return stored;
        // Kept for whoever wants to know what happened to it, never overwritten.
        for (const QString &path : {certificatePath, keyPath}) {
            const QString aside = StateFile::moveAside(path);
            if (aside.isEmpty())
                return unavailable(u"%1 cannot be moved aside to make a new certificate"_s.arg(path));
            qCWarning(lcRedfish, "%s; kept it as %s and made a new self-signed certificate",
                      qPrintable(stored.failure().message), qPrintable(aside));
        }
    }
    const auto [certificatePem, keyPem] = makeSelfSigned(hostName, addresses);
    if (certificatePem.isEmpty() || keyPem.isEmpty())
        return Failure{Failure::Code::Internal, u"cannot make a self-signed certificate (OpenSSL)"_s};
    if (!writePrivate(keyPath, keyPem) || !writePrivate(certificatePath, certificatePem))
        return unavailable(u"cannot write the self-signed certificate into %1"_s.arg(stateDirectory));
    qCInfo(lcRedfish, "made a self-signed certificate for %s in %s", qPrintable(hostName), qPrintable(certificatePath));
    return fromPem(certificatePem, keyPem, certificatePath, keyPath);
}
