#include "UserCommands.h"

#include "AccountRules.h"
#include "AccountStore.h"
#include "Bmc.h"
#include "ByteReader.h"
#include "ByteWriter.h"
#include "IpmiCrypto.h"
#include "LanChannel.h"
#include "NetFn.h"

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
    return id >= nullUser && id <= AccountStore::lastId;
}

// IPMI's fixed-width text: the bytes up to the first NUL.
QByteArray untilNul(QByteArrayView bytes)
{
    const qsizetype end = bytes.indexOf('\0');
    return (end < 0 ? bytes : bytes.first(end)).toByteArray();
}

CompletionCode accountError(AccountStore::Error error)
{
    switch (error) {
    case AccountStore::Error::None: return CompletionCode::Success;
    case AccountStore::Error::ManagedByPasswordFile:
    case AccountStore::Error::LastAdministrator:
    case AccountStore::Error::IpmiNeedsPassword: return CompletionCode::NotSupportedInPresentState;
    case AccountStore::Error::TooManyAccounts: return CompletionCode::OutOfSpace;
    default: return CompletionCode::InvalidDataField;
    }
}
} // namespace

UserCommands::UserCommands(Bmc *bmc)
    : m_bmc(bmc)
{
}

void UserCommands::registerIn(CommandTable &table)
{
    table.add({NetFn::app, 0x44, "Get User Access", Privilege::Operator, 2, 2,
               [this](const IpmiRequest &request) { return getUserAccess(request); }});
    table.add({NetFn::app, 0x46, "Get User Name", Privilege::Operator, 1, 1,
               [this](const IpmiRequest &request) { return getUserName(request); }});
    table.add({NetFn::app, 0x45, "Set User Name", Privilege::Administrator, 17, 17,
               [this](const IpmiRequest &request) { return setUserName(request); }});
    table.add({NetFn::app, 0x47, "Set User Password", Privilege::Administrator, 2, 22,
               [this](const IpmiRequest &request) { return setUserPassword(request); }});
    table.add({NetFn::app, 0x43, "Set User Access", Privilege::Administrator, 3, 4,
               [this](const IpmiRequest &request) { return setUserAccess(request); }});
}

IpmiResponse UserCommands::getUserAccess(const IpmiRequest &request) const
{
    ByteReader reader(request.data);
    const quint8 channel = reader.u8();
    const int id = reader.u8() & 0x3F;
    if (!LanChannel::matches(channel) || !isUserId(id))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);

    const QList<Account> accounts = m_bmc->accounts()->accounts();
    const int enabledCount =
        int(std::count_if(accounts.cbegin(), accounts.cend(), [](const Account &a) { return a.enabled; }));
    const std::optional<Account> account = m_bmc->accounts()->accountById(id);
    // Enable status: 01b enabled, 10b disabled; the null user and empty slots read as disabled.
    const quint8 status = account && account->enabled ? 0x40 : 0x80;
    quint8 access = noAccess;
    if (account && account->ipmiEnabled)
        access = quint8(0x10 | quint8(Privileges::fromRole(account->role))); // IPMI messaging on
    else if (account)
        access = quint8(Privileges::fromRole(account->role));

    QByteArray data;
    ByteWriter(&data)
        .u8(quint8(AccountStore::lastId))
        .u8(quint8(status | (enabledCount & 0x3F)))
        .u8(0x01) // one fixed name: the null user's
        .u8(access);
    return IpmiResponse::success(data);
}

IpmiResponse UserCommands::getUserName(const IpmiRequest &request) const
{
    const int id = quint8(request.data[0]) & 0x3F;
    if (!isUserId(id))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    QString name;
    if (const std::optional<Account> account = m_bmc->accounts()->accountById(id))
        name = account->name;
    else
        name = m_pendingNames.value(id);
    QByteArray data;
    ByteWriter(&data).padded(name.toLatin1(), 16);
    return IpmiResponse::success(data);
}

IpmiResponse UserCommands::setUserName(const IpmiRequest &request)
{
    const int id = quint8(request.data[0]) & 0x3F;
    const QString name = QString::fromLatin1(untilNul(QByteArrayView(request.data).sliced(1)));
    if (!isUserId(id) || id == nullUser || name.isEmpty())
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    AccountStore *accounts = m_bmc->accounts();
    if (const std::optional<Account> account = accounts->accountById(id))
        return IpmiResponse::failure(
            accountError(accounts->renameAccount(account->name, name, Actor::ipmi(request.user))));
    // Checked now, so that the password step cannot fail on the name.
    if (accounts->account(name) || !AccountRules::isValidName(name))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    m_pendingNames.insert(id, name);
    return IpmiResponse::success();
}

IpmiResponse UserCommands::setUserPassword(const IpmiRequest &request)
{
    ByteReader reader(request.data);
    const quint8 first = reader.u8();
    const int id = first & 0x3F;
    const bool twentyBytes = first & 0x80;
    const quint8 operation = reader.u8() & 0x03;
    if (!isUserId(id) || id == nullUser)
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    const int fieldLength = twentyBytes ? 20 : 16;
    const bool carriesPassword = operation >= 0x02;
    // Enable and disable need no password field, but ipmitool sends an empty one: take both.
    const bool lengthFits = request.data.size() == 2 + fieldLength || (!carriesPassword && request.data.size() == 2);
    if (!lengthFits)
        return IpmiResponse::failure(CompletionCode::RequestDataLengthInvalid);
    const QByteArray password = untilNul(reader.bytes(fieldLength));

    AccountStore *accounts = m_bmc->accounts();
    const Actor actor = Actor::ipmi(request.user);
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
            const AccountStore::Error error = accounts->createAccount(m_pendingNames.value(id), password,
                                                                      Role::ReadOnly, IpmiAccess::Enabled, actor, id);
            if (error == AccountStore::Error::None)
                m_pendingNames.remove(id);
            return IpmiResponse::failure(accountError(error));
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
        const bool matches = stored && IpmiCrypto::equalInConstantTime(*stored, password);
        return matches ? IpmiResponse::success() : IpmiResponse::failure(passwordTestFailed);
    }
    }
}

IpmiResponse UserCommands::setUserAccess(const IpmiRequest &request)
{
    ByteReader reader(request.data);
    const quint8 flags = reader.u8();
    const int id = reader.u8() & 0x3F;
    const quint8 limit = reader.u8() & 0x0F;
    if (!LanChannel::matches(flags) || !isUserId(id))
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    if (id == nullUser)
        return limit == noAccess ? IpmiResponse::success() : IpmiResponse::failure(CompletionCode::InvalidDataField);
    AccountStore *accounts = m_bmc->accounts();
    const std::optional<Account> account = accounts->accountById(id);
    if (!account)
        return IpmiResponse::failure(CompletionCode::InvalidDataField);
    const Actor actor = Actor::ipmi(request.user);

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
            if (const auto error = accounts->setIpmiAccess(account->name, IpmiAccess::Disabled, {}, actor);
                error != AccountStore::Error::None)
                return IpmiResponse::failure(accountError(error));
        } else if (!account->ipmiEnabled) {
            // Only Set User Password can give IPMI the password it needs.
            return IpmiResponse::failure(CompletionCode::NotSupportedInPresentState);
        }
    }
    return IpmiResponse::failure(accountError(accounts->setRole(account->name, Privileges::toRole(*privilege), actor)));
}
