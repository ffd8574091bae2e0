#pragma once

#include <QObject>
#include <QString>

#include <optional>

// Why a call did not do what it was asked: a code that each face maps onto its own protocol's
// answer (an IPMI completion code, a Redfish message, an exit status) and one sentence a person can
// read. Every call in qbmc that can refuse reports it this one way (docs/decisions.md#91): a
// call that only acts returns std::optional<Failure>, empty when it was done; a call that makes
// something returns Expected<T>.
struct Failure
{
    Q_GADGET
public:
    enum class Code {
        InvalidValue,           // a value outside what is allowed
        NotChangeable,          // a setting that cannot change at run time
        NoSuchAccount,          // no account of that name or id
        AccountExists,          // the name is taken
        InvalidName,            // not a name an account may have
        InvalidId,              // an account id outside 2-16, or taken
        TooManyAccounts,        // every account id is taken
        PasswordTooShort,       // shorter than accounts.min_password_length
        PasswordTooLong,        // longer than 64 bytes
        PasswordTooLongForIpmi, // an IPMI account's password is at most 20 bytes
        InvalidPassword,        // control characters
        IpmiNeedsPassword,      // IPMI access needs the password it will use
        ManagedByPasswordFile,  // change it in ipmi.auth.file instead
        LastAdministrator,      // the last enabled administrator stays
        InvalidSshKey,          // not an SSH public key qbmc accepts
        SshKeyExists,           // the account has this key already
        TooManySshKeys,         // the account has as many keys as it may
        NoSuchSshKey,           // no key of that id
        Unavailable,            // a device, port, chip or file that cannot be had
        NoSuchImage,            // no image of that name in the media store
        ImageExists,            // the media store has an image of that name
        StoreFull,              // the image does not fit within media.max_bytes or on the disk
        ImageInUse,             // the image is inserted; eject it first
        SlotOccupied,           // the virtual media slot holds media; eject it first
        Internal,               // something that should not fail did (hashing, writing)
    };
    Q_ENUM(Code)

    Code code = Code::Internal;
    QString message;

    // "NoSuchAccount": the code as logs and tests spell it.
    static QString codeName(Code code);

    // Lets a caller or a test ask `failure == Failure::Code::LastAdministrator` of a
    // std::optional<Failure>, which is false when there was no failure.
    friend bool operator==(const Failure &failure, Code code) { return failure.code == code; }
};
