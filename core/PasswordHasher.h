#pragma once

#include <QByteArray>

// A salted, deliberately slow password hash from a well-kept library (platform provides one on
// libcrypt). Core stores only what hash() returns.
class PasswordHasher
{
public:
    virtual ~PasswordHasher() = default;

    // An empty result means the library failed; callers treat it as an error.
    virtual QByteArray hash(const QByteArray &password) const = 0;
    virtual bool verify(const QByteArray &password, const QByteArray &hash) const = 0;
};
