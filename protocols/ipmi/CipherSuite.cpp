#include "CipherSuite.h"

const QList<CipherSuite> &CipherSuite::all()
{
    static const QList<CipherSuite> suites = {
        {17, authenticationHmacSha256, integrityHmacSha256_128, confidentialityAesCbc128, Hash::Sha256},
        {3, authenticationHmacSha1, integrityHmacSha1_96, confidentialityAesCbc128, Hash::Sha1},
    };
    return suites;
}

std::optional<CipherSuite> CipherSuite::byId(quint8 id)
{
    for (const CipherSuite &suite : all()) {
        if (suite.id == id)
            return suite;
    }
    return std::nullopt;
}

std::optional<CipherSuite> CipherSuite::byAlgorithms(quint8 authentication, quint8 integrity, quint8 confidentiality)
{
    for (const CipherSuite &suite : all()) {
        if (suite.authentication == authentication && suite.integrity == integrity
            && suite.confidentiality == confidentiality)
            return suite;
    }
    return std::nullopt;
}
