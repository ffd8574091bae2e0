#include "AccountKeysResource.h"

#include "AccountServiceResource.h"
#include "AccountStore.h"
#include "BaseMessages.h"
#include "RedfishJson.h"

using namespace Qt::StringLiterals;

namespace {
const RedfishSchema keySchema{"Key", "v1_3_0"};
const RedfishSchema keyCollectionSchema{"KeyCollection"};
const QString accountsPath = u"/redfish/v1/AccountService/Accounts"_s;

QString keysPath(int accountId)
{
    return accountsPath + u'/' + QString::number(accountId) + u"/Keys"_s;
}

QJsonObject keyJson(int accountId, const SshPublicKey &key)
{
    const QString id = QString::number(key.id);
    return QJsonObject{
        {u"@odata.id"_s, keysPath(accountId) + u'/' + id},
        {u"@odata.type"_s, keySchema.odataType()},
        {u"Id"_s, id},
        {u"Name"_s, u"SSH public key"_s},
        {u"KeyType"_s, u"SSH"_s},
        {u"KeyString"_s, key.toOpenSsh()},
        {u"SSH"_s, QJsonObject{{u"Fingerprint"_s, key.fingerprint()}, {u"Comment"_s, key.comment}}},
    };
}
} // namespace

AccountKeysResource::AccountKeysResource(AccountStore *accounts, QObject *parent)
    : RedfishResource(parent)
    , m_accounts(accounts)
{
}

void AccountKeysResource::registerIn(ServiceDirectory &directory)
{
    directory.addSchemas({keySchema, keyCollectionSchema});
    RouteTable &routes = directory.routes();
    const QString collection = accountsPath + u"/{id}/Keys"_s;
    using enum HttpMethod;
    using enum RedfishPrivilege;
    // Own keys with ConfigureSelf; managedAccount checks ConfigureUsers for anyone else's.
    routes.add(Get, collection, Login, this, &AccountKeysResource::keys);
    routes.add(Post, collection, ConfigureSelf, this, &AccountKeysResource::addKey);
    routes.add(Get, collection + u"/{id}"_s, Login, this, &AccountKeysResource::key);
    routes.add(Delete, collection + u"/{id}"_s, ConfigureSelf, this, &AccountKeysResource::removeKey);
}

Expected<QString, RedfishReply> AccountKeysResource::managedAccount(const RedfishRequest &request) const
{
    const Expected<Account, RedfishReply> account = AccountServiceResource::accountInReach(m_accounts, request);
    if (!account)
        return account.failure();
    return account->name;
}

RedfishReply AccountKeysResource::keys(const RedfishRequest &request) const
{
    const Expected<QString, RedfishReply> name = managedAccount(request);
    if (!name)
        return name.failure();
    const Account account = *m_accounts->account(*name);
    QStringList members;
    for (const SshPublicKey &key : account.sshKeys)
        members.append(keysPath(account.id) + u'/' + QString::number(key.id));
    return RedfishReply::ok(
        RedfishJson::collection(keysPath(account.id), keyCollectionSchema, u"Key Collection"_s, members));
}

RedfishReply AccountKeysResource::addKey(const RedfishRequest &request)
{
    const Expected<QString, RedfishReply> name = managedAccount(request);
    if (!name)
        return name.failure();
    const Expected<QJsonObject, RedfishReply> body = RedfishJson::body(request);
    if (!body)
        return body.failure();
    QList<RedfishMessage> problems;
    for (auto it = body->begin(); it != body->end(); ++it) {
        if (it.key() != u"KeyString"_s && it.key() != u"KeyType"_s)
            problems.append(BaseMessages::propertyUnknown(it.key()));
    }
    if (!body->contains(u"KeyString"_s))
        problems.append(BaseMessages::make("CreateFailedMissingReqProperties", {u"KeyString"_s}, u"#/KeyString"_s));
    else if (!body->value(u"KeyString"_s).isString())
        problems.append(
            BaseMessages::propertyValueTypeError(RedfishJson::valueText(body->value(u"KeyString"_s)), u"KeyString"_s));
    if (body->contains(u"KeyType"_s) && body->value(u"KeyType"_s) != QJsonValue(u"SSH"_s))
        problems.append(
            BaseMessages::propertyValueNotInList(RedfishJson::valueText(body->value(u"KeyType"_s)), u"KeyType"_s));
    if (!problems.isEmpty())
        return RedfishReply::error(400, problems);
    const QString keyString = body->value(u"KeyString"_s).toString();
    const Expected<SshPublicKey> added = m_accounts->addSshKey(*name, keyString, Actor::redfish(request.user));
    if (!added) {
        const Failure &failure = added.failure();
        RedfishMessage message;
        int status = 400;
        if (failure.code == Failure::Code::SshKeyExists) {
            message = BaseMessages::make("ResourceAlreadyExists", {u"Key"_s, u"KeyString"_s, u"(the same key)"_s},
                                         u"#/KeyString"_s);
            status = 409;
        } else if (failure.code == Failure::Code::TooManySshKeys) {
            message = BaseMessages::make("CreateLimitReachedForResource");
            status = 409;
        } else {
            // The value is not quoted back: it may be long, and is not ours to echo.
            message =
                BaseMessages::make("PropertyValueFormatError", {u"(the key)"_s, u"KeyString"_s}, u"#/KeyString"_s);
        }
        QString reason = failure.message;
        if (!reason.isEmpty())
            reason[0] = reason[0].toUpper();
        message.resolution = reason + u'.';
        return RedfishReply::error(status, message);
    }
    const int accountId = m_accounts->account(*name)->id;
    RedfishReply reply = RedfishReply::ok(keyJson(accountId, *added), 201);
    reply.headers.emplaceBack("Location", (keysPath(accountId) + u'/' + QString::number(added->id)).toUtf8());
    return reply;
}

RedfishReply AccountKeysResource::key(const RedfishRequest &request) const
{
    const Expected<QString, RedfishReply> name = managedAccount(request);
    if (!name)
        return name.failure();
    const Account account = *m_accounts->account(*name);
    for (const SshPublicKey &key : account.sshKeys) {
        if (QString::number(key.id) == request.params.at(1))
            return RedfishReply::ok(keyJson(account.id, key));
    }
    return RedfishReply::notFound(u"Key"_s, request.params.at(1));
}

RedfishReply AccountKeysResource::removeKey(const RedfishRequest &request)
{
    const Expected<QString, RedfishReply> name = managedAccount(request);
    if (!name)
        return name.failure();
    bool ok = false;
    const int keyId = request.params.at(1).toInt(&ok);
    const std::optional<Failure> failure = ok ? m_accounts->removeSshKey(*name, keyId, Actor::redfish(request.user))
                                              : std::optional<Failure>(Failure{Failure::Code::NoSuchSshKey, {}});
    if (failure == Failure::Code::NoSuchSshKey)
        return RedfishReply::notFound(u"Key"_s, request.params.at(1));
    if (failure) {
        RedfishMessage message = BaseMessages::make("ResourceCannotBeDeleted");
        message.resolution = failure->message;
        return RedfishReply::error(409, message);
    }
    return RedfishReply::noContent();
}
