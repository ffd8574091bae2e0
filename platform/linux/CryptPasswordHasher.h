#pragma once

#include "PasswordHasher.h"

// Passwords hashed with libcrypt's yescrypt ("$y$"), the method Debian uses for /etc/shadow.
class CryptPasswordHasher : public PasswordHasher
{
public:
    QByteArray hash(const QByteArray &password) const override;
    bool verify(const QByteArray &password, const QByteArray &hash) const override;
};
