#include "UserCommands.h"

#include "AccountRules.h"
#include "AccountStore.h"
#include "ByteWriter.h"
#include "IpmiCrypto.h"
#include "LanChannel.h"
#include "NetFn.h"

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;
using IpmiAccess = AccountStore::IpmiAccess;

namespace {
constexpr int nullUser = 1;
constexpr quint8 noAccess = 0x0F;
// Set User Password, test: the password is wrong, or its size is.
constexpr auto passwordTestFailed = CompletionCode(0x80);
constexpr auto passwordWrongSize = CompletionCode(0x81);

bool isUserId(int id)
{
    return id >= nullUser && id <= AccountRules::lastId;
}

// IPMI's fixed-width text: the bytes up to the first NUL.
// A NUL-padded field's text: the bytes before the first NUL, when only NULs follow it. A NUL with
// anything after it is not padding ("secret\0junk" is not "secret", decisions.md#96).
std::optional<QByteArray> untilNul(QByteArrayView bytes)
{
    const qsizetype end = bytes.indexOf('\0');
    if (end < 0)
        return bytes.toByteArray();
    const QByteArrayView padding = bytes.sliced(end);
    if (std::any_of(padding.begin(), padding.end(), [](char c) { return c != '\0'; }))
        return std::nullopt;
    return bytes.first(end).toByteArray();
}

CompletionCode accountError(const std::optional<Failure> &failure)
{
    if (!failure)
        return CompletionCode::Success;
    switch (failure->code) {
    case Failure::Code::ManagedByPasswordFile:
    case Failure::Code::LastAdministrator:
    case Failure::Code::IpmiNeedsPassword: return CompletionCode::NotSupportedInPresentState;
    case Failure::Code::TooManyAccounts: return CompletionCode::OutOfSpace;
    default: return CompletionCode::InvalidDataField;
    }
}
} // namespace

struct UserCommands::GetAccessRequest
{
    quint8 channel = 0;
    quint8 userId = 0; // bits 5:0
    void fields(auto &visit) { visit(channel, userId); }
};

struct UserCommands::UserRequest
{
    quint8 userId = 0; // bits 5:0
    void fields(auto &visit) { visit(userId); }
};

struct UserCommands::SetNameRequest
{
    quint8 userId = 0;             // bits 5:0
    RequestFields::Bytes<16> name; // NUL-padded
    void fields(auto &visit) { visit(userId, name); }
};

struct UserCommands::SetPasswordRequest
{
    quint8 userId = 0;                   // bits 5:0; bit 7: a 20-byte password field rather than 16
    quint8 operation = 0;                // bits 1:0: disable, enable, set password, test password
    RequestFields::Tail<0, 20> password; // NUL-padded; enable and disable need none
    void fields(auto &visit) { visit(userId, operation, password); }
};

struct UserCommands::SetAccessRequest
{
    quint8 flags = 0;  // bit 7: change bits 6:4 (bit 4: IPMI messaging); bits 3:0: the channel
    quint8 userId = 0; // bits 5:0
    quint8 limit = 0;  // bits 3:0: the privilege limit, Fh: no access
    std::optional<quint8> sessionLimit;
    void fields(auto &visit) { visit(flags, userId, limit, sessionLimit); }
};

UserCommands::UserCommands(AccountStore *accounts, QObject *parent)
    : CommandGroup(parent)
    , m_accounts(accounts)
{
}

void UserCommands::registerIn(CommandTable &table)
{
    table.add({NetFn::app, 0x44, "Get User Access", Privilege::Operator}, this, &UserCommands::getUserAccess);
    table.add({NetFn::app, 0x46, "Get User Name", Privilege::Operator}, this, &UserCommands::getUserName);
    table.add({NetFn::app, 0x45, "Set User Name", Privilege::Administrator}, this, &UserCommands::setUserName);
    table.add({NetFn::app, 0x47, "Set User Password", Privilege::Administrator}, this, &UserCommands::setUserPassword);
    table.add({NetFn::app, 0x43, "Set User Access", Privilege::Administrator}, this, &UserCommands::setUserAccess);
}

IpmiResponse UserCommands::getUserAccess(const GetAccessRequest &request) const
{
    const int id = request.userId & 0x3F;
    if (!LanChannel::matches(request.channel) || !isUserId(id))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);

    const QList<Account> accounts = m_accounts->accounts();
    const int enabledCount =
        int(std::count_if(accounts.cbegin(), accounts.cend(), [](const Account &a) { return a.enabled; }));
    const std::optional<Account> account = m_accounts->accountById(id);
    // Enable status: 01b enabled, 10b disabled; the null user and empty slots read as disabled.
    const quint8 status = account && account->enabled ? 0x40 : 0x80;
    quint8 access = noAccess;
    if (account && account->ipmiEnabled)
        access = quint8(0x10 | quint8(Privileges::fromRole(account->role))); // IPMI messaging on
    else if (account)
        access = quint8(Privileges::fromRole(account->role));

    QByteArray data;
    ByteWriter(&data)
        .u8(quint8(AccountRules::lastId))
        .u8(quint8(status | (enabledCount & 0x3F)))
        .u8(0x01) // one fixed name: the null user's
        .u8(access);
    return IpmiResponse::success(data);
}

IpmiResponse UserCommands::getUserName(const UserRequest &request) const
{
    const int id = request.userId & 0x3F;
    if (!isUserId(id))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    QString name;
    if (const std::optional<Account> account = m_accounts->accountById(id))
        name = account->name;
    else
        name = m_pendingNames.value(id);
    QByteArray data;
    ByteWriter(&data).padded(name.toLatin1(), 16);
    return IpmiResponse::success(data);
}

IpmiResponse UserCommands::setUserName(const SetNameRequest &request, const IpmiCaller &caller)
{
    const int id = request.userId & 0x3F;
    const std::optional<QByteArray> field = untilNul(request.name.value);
    const QString name = QString::fromLatin1(field.value_or(QByteArray()));
    if (!isUserId(id) || id == nullUser || name.isEmpty())
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    AccountStore *accounts = m_accounts;
    if (const std::optional<Account> account = accounts->accountById(id))
        return IpmiResponse::failure(
            accountError(accounts->renameAccount(account->name, name, Actor::ipmi(caller.user))));
    // Checked now, so that the password step cannot fail on the name.
    if (accounts->account(name) || !AccountRules::isValidName(name))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    m_pendingNames.insert(id, name);
    return IpmiResponse::success();
}

IpmiResponse UserCommands::setUserPassword(const SetPasswordRequest &request, const IpmiCaller &caller)
{
    const int id = request.userId & 0x3F;
    const bool twentyBytes = request.userId & 0x80;
    const quint8 operation = request.operation & 0x03;
    if (!isUserId(id) || id == nullUser)
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    const int fieldLength = twentyBytes ? 20 : 16;
    const bool carriesPassword = operation >= 0x02;
    // Enable and disable need no password field, but ipmitool sends an empty one: take both.
    const qsizetype given = request.password.value.size();
    if (given != fieldLength && (carriesPassword || given != 0))
        return IpmiResponse::failure(CompletionCode::RequestDataLengthInvalid);
    const std::optional<QByteArray> passwordField = untilNul(request.password.value);
    if (!passwordField && operation == 0x02)
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    const QByteArray password = passwordField.value_or(QByteArray());

    AccountStore *accounts = m_accounts;
    const Actor actor = Actor::ipmi(caller.user);
    const std::optional<Account> account = accounts->accountById(id);
    switch (operation) {
    case 0x00: // disable user
    case 0x01: // enable user
        if (!account)
            return IpmiResponse::failure(CompletionCode::InvalidDataField);
        return IpmiResponse::failure(accountError(accounts->setEnabled(account->name, operation == 0x01, actor)));
    case 0x02: // set password
        if (!account) {
            if (!m_pendingNames.contains(id))
                return IpmiResponse::failure(CompletionCode::InvalidDataField);
            const std::optional<Failure> failure = accounts->createAccount(
                m_pendingNames.value(id), password, Role::ReadOnly, IpmiAccess::Enabled, actor, id);
            if (!failure)
                m_pendingNames.remove(id);
            return IpmiResponse::failure(accountError(failure));
        }
        // A password set through IPMI is one to use with IPMI: it also turns IPMI access on.
        return IpmiResponse::failure(
            accountError(accounts->setIpmiAccess(account->name, IpmiAccess::Enabled, password, actor)));
    default: { // test password
        if (!account)
            return IpmiResponse::failure(CompletionCode::InvalidDataField);
        const std::optional<QByteArray> stored = accounts->ipmiPassword(account->name);
        if (stored && stored->size() > fieldLength)
            return IpmiResponse::failure(passwordWrongSize);
        const bool matches = stored && passwordField && IpmiCrypto::equalInConstantTime(*stored, password);
        return matches ? IpmiResponse::success() : IpmiResponse::failure(passwordTestFailed);
    }
    }
}

IpmiResponse UserCommands::setUserAccess(const SetAccessRequest &request, const IpmiCaller &caller)
{
    const quint8 flags = request.flags;
    const int id = request.userId & 0x3F;
    const quint8 limit = request.limit & 0x0F;
    if (!LanChannel::matches(flags) || !isUserId(id))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    if (id == nullUser)
        return limit == noAccess ? IpmiResponse::success() : IpmiResponse::failure(CompletionCode::InvalidDataField);
    AccountStore *accounts = m_accounts;
    const std::optional<Account> account = accounts->accountById(id);
    if (!account)
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    const Actor actor = Actor::ipmi(caller.user);

    if (limit == noAccess)
        return IpmiResponse::failure(
            accountError(accounts->setIpmiAccess(account->name, IpmiAccess::Disabled, {}, actor)));
    const std::optional<Privilege> privilege = Privileges::fromByte(limit);
    if (!privilege || *privilege == Privilege::Callback || *privilege == Privilege::Oem)
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    // Bit 7 makes bits 6:4 count: IPMI messaging on or off.
    if (flags & 0x80) {
        const bool messaging = flags & 0x10;
        if (!messaging) {
            if (const auto failure = accounts->setIpmiAccess(account->name, IpmiAccess::Disabled, {}, actor))
                return IpmiResponse::failure(accountError(failure));
        } else if (!account->ipmiEnabled) {
            // Only Set User Password can give IPMI the password it needs.
            return IpmiResponse::failure(CompletionCode::NotSupportedInPresentState);
        }
    }
    return IpmiResponse::failure(accountError(accounts->setRole(account->name, Privileges::toRole(*privilege), actor)));
}
