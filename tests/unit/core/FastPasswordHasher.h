#pragma once

#include "PasswordHasher.h"

#include <QCryptographicHash>

// A quick stand-in for yescrypt in tests whose subject is not the hash: accounts are created and
// checked in microseconds, even under the sanitizers. Never for stored passwords.
class FastPasswordHasher final : public PasswordHasher
{
public:
    QByteArray hash(const QByteArray &password) const override
    {
        return "fast$" + QCryptographicHash::hash(password, QCryptographicHash::Sha256).toHex();
    }
    bool verify(const QByteArray &password, const QByteArray &hash) const override
    {
        return this->hash(password) == hash;
    }
};
