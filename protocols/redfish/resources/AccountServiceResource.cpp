#include "AccountServiceResource.h"

#include "AccountRules.h"
#include "AccountStore.h"
#include "BaseMessages.h"
#include "ConfigKeys.h"
#include "ConfigSchema.h"
#include "Configuration.h"
#include "RedfishJson.h"
#include "ServiceSettings.h"

#include <chrono>

using namespace Qt::StringLiterals;
using RedfishJson::link;

namespace {
const RedfishSchema serviceSchema{"AccountService", "v1_18_1"};
const RedfishSchema accountSchema{"ManagerAccount", "v1_14_1"};
const RedfishSchema accountCollectionSchema{"ManagerAccountCollection"};
const RedfishSchema roleSchema{"Role", "v1_3_3"};
const RedfishSchema roleCollectionSchema{"RoleCollection"};
const QString servicePath = u"/redfish/v1/AccountService"_s;
const QString accountsPath = u"/redfish/v1/AccountService/Accounts"_s;
const QString rolesPath = u"/redfish/v1/AccountService/Roles"_s;
const QList<Role> allRoles{Role::Administrator, Role::Operator, Role::ReadOnly};

QStringList privilegesOf(Role role)
{
    QStringList privileges{u"Login"_s, u"ConfigureSelf"_s};
    if (role != Role::ReadOnly)
        privileges.append(u"ConfigureComponents"_s);
    if (role == Role::Administrator)
        privileges += QStringList{u"ConfigureManager"_s, u"ConfigureUsers"_s};
    return privileges;
}

// An AccountStore refusal as the Redfish answer to the property that caused it.
RedfishReply refusal(const Failure &failure, const QString &property, const QString &value)
{
    RedfishMessage message;
    int status = 400;
    switch (failure.code) {
    case Failure::Code::NoSuchAccount: return RedfishReply::notFound(u"ManagerAccount"_s, value);
    case Failure::Code::AccountExists:
        message =
            BaseMessages::make("ResourceAlreadyExists", {u"ManagerAccount"_s, u"UserName"_s, value}, u"#/UserName"_s);
        status = 409;
        break;
    case Failure::Code::TooManyAccounts:
        message = BaseMessages::make("CreateLimitReachedForResource");
        status = 409;
        break;
    case Failure::Code::LastAdministrator:
    case Failure::Code::ManagedByPasswordFile:
        message = BaseMessages::make("PropertyValueIncorrect", {property, value}, u"#/"_s + property);
        status = 409;
        break;
    case Failure::Code::IpmiNeedsPassword:
        message = BaseMessages::make("PropertyValueConflict", {u"AccountTypes"_s, u"Password"_s}, u"#/AccountTypes"_s);
        break;
    default:
        // Passwords are never quoted back.
        message = BaseMessages::make("PropertyValueIncorrect",
                                     {property, property == u"Password"_s ? u"(hidden)"_s : value}, u"#/"_s + property);
        break;
    }
    QString reason = failure.message;
    if (!reason.isEmpty())
        reason[0] = reason[0].toUpper();
    message.resolution = reason + u'.';
    return RedfishReply::error(status, message);
}
} // namespace

AccountServiceResource::AccountServiceResource(AccountStore *accounts, const Configuration *configuration,
                                               ServiceSettings *services, QObject *parent)
    : RedfishResource(parent)
    , m_accounts(accounts)
    , m_configuration(configuration)
    , m_services(services)
{
}

void AccountServiceResource::registerIn(ServiceDirectory &directory)
{
    directory.addRootLink(u"AccountService"_s, servicePath);
    directory.addSchemas({serviceSchema, accountSchema, accountCollectionSchema, roleSchema, roleCollectionSchema});
    RouteTable &routes = directory.routes();
    const QString accountPath = accountsPath + u"/{id}"_s;
    using enum HttpMethod;
    using enum RedfishPrivilege;
    routes.add(Get, servicePath, Login, this, &AccountServiceResource::service);
    routes.add(Patch, servicePath, ConfigureUsers, this, &AccountServiceResource::patchService);
    routes.add(Get, accountsPath, Login, this, &AccountServiceResource::accounts);
    routes.add(Post, accountsPath, ConfigureUsers, this, &AccountServiceResource::createAccount);
    routes.add(Get, accountPath, Login, this, &AccountServiceResource::account);
    // Own password with ConfigureSelf; the handler checks the rest.
    routes.add(Patch, accountPath, ConfigureSelf, this, &AccountServiceResource::patchAccount);
    routes.add(Delete, accountPath, ConfigureUsers, this, &AccountServiceResource::deleteAccount);
    routes.add(Get, rolesPath, Login, this, &AccountServiceResource::roles);
    routes.add(Get, rolesPath + u"/{id}"_s, Login, this, &AccountServiceResource::role);
}

RedfishReply AccountServiceResource::service() const
{
    const AccountStore::Policy &policy = m_accounts->policy();
    const qint64 lockoutSeconds = std::chrono::duration_cast<std::chrono::seconds>(policy.lockoutDuration).count();
    return RedfishReply::ok(QJsonObject{
        {u"@odata.id"_s, servicePath},
        {u"@odata.type"_s, serviceSchema.odataType()},
        {u"Id"_s, u"AccountService"_s},
        {u"Name"_s, u"Account Service"_s},
        {u"ServiceEnabled"_s, true},
        {u"MinPasswordLength"_s, policy.minPasswordLength},
        {u"MaxPasswordLength"_s, AccountRules::maxPasswordLength},
        {u"AccountLockoutThreshold"_s, policy.lockoutThreshold},
        {u"AccountLockoutDuration"_s, lockoutSeconds},
        {u"AccountLockoutCounterResetAfter"_s, lockoutSeconds},
        {u"Accounts"_s, link(accountsPath)},
        {u"Roles"_s, link(rolesPath)},
        {u"Status"_s, QJsonObject{{u"State"_s, u"Enabled"_s}, {u"Health"_s, u"OK"_s}}},
    });
}

// The password and lockout rules, each a runtime setting with its own range (the schema's).
RedfishReply AccountServiceResource::patchService(const RedfishRequest &request)
{
    const Expected<QJsonObject, RedfishReply> body = RedfishJson::body(request);
    if (!body)
        return body.failure();
    struct Rule
    {
        QString property;
        const ConfigKey *key;
    };
    const ConfigSchema &schema = ConfigSchema::instance();
    const Rule rules[] = {
        {u"AccountLockoutThreshold"_s, schema.key(QString(ConfigKeys::accountsLockoutThreshold.path))},
        {u"AccountLockoutDuration"_s, schema.key(QString(ConfigKeys::accountsLockoutDuration.path))},
        {u"MinPasswordLength"_s, schema.key(QString(ConfigKeys::accountsMinPasswordLength.path))},
    };
    const QJsonObject current = service().json;
    QList<RedfishMessage> problems;
    bool changed = false;
    for (auto it = body->begin(); it != body->end(); ++it) {
        const auto rule = std::find_if(std::begin(rules), std::end(rules),
                                       [&](const Rule &candidate) { return candidate.property == it.key(); });
        if (rule == std::end(rules)) {
            problems.append(BaseMessages::refusedProperty(current, it.key()));
            continue;
        }
        const Expected<qint64, RedfishMessage> number =
            RedfishJson::wholeNumber(*it, it.key(), rule->key->minimum, rule->key->maximum);
        if (!number) {
            problems.append(number.failure());
            continue;
        }
        if (const auto failure =
                m_services->setRuntimeSetting(*rule->key, QVariant(*number), Actor::redfish(request.user))) {
            RedfishMessage message =
                BaseMessages::make("PropertyValueIncorrect", {it.key(), RedfishJson::valueText(*it)});
            message.resolution = failure->message;
            return RedfishReply::error(500, message);
        }
        changed = true;
    }
    return RedfishReply::patched(service(), changed, problems);
}

QJsonObject AccountServiceResource::accountJson(int id) const
{
    const Account account = *m_accounts->accountById(id);
    QJsonArray types{u"Redfish"_s, u"WebUI"_s};
    if (account.ipmiEnabled)
        types.append(u"IPMI"_s);
    const QString roleId = RoleNames::toString(account.role);
    return QJsonObject{
        {u"@odata.id"_s, accountsPath + u'/' + QString::number(id)},
        {u"@odata.type"_s, accountSchema.odataType()},
        {u"Id"_s, QString::number(id)},
        {u"Name"_s, u"User Account"_s},
        {u"UserName"_s, account.name},
        {u"RoleId"_s, roleId},
        {u"Enabled"_s, account.enabled},
        {u"Locked"_s, m_accounts->isLockedAnywhere(account.name)},
        {u"Password"_s, QJsonValue::Null},
        {u"PasswordChangeRequired"_s, false},
        {u"AccountTypes"_s, types},
        {u"Keys"_s, link(accountsPath + u'/' + QString::number(id) + u"/Keys"_s)},
        {u"Links"_s, QJsonObject{{u"Role"_s, link(rolesPath + u'/' + roleId)}}},
    };
}

RedfishReply AccountServiceResource::accounts(const RedfishRequest &request) const
{
    // Without ConfigureUsers a user sees only their own account.
    QStringList members;
    for (const Account &account : m_accounts->accounts()) {
        if (roleHolds(request.role, RedfishPrivilege::ConfigureUsers) || account.name == request.user)
            members.append(accountsPath + u'/' + QString::number(account.id));
    }
    return RedfishReply::ok(
        RedfishJson::collection(accountsPath, accountCollectionSchema, u"Accounts Collection"_s, members));
}

Expected<Account, RedfishReply> AccountServiceResource::accountInReach(const AccountStore *accounts,
                                                                       const RedfishRequest &request)
{
    bool ok = false;
    const int id = request.params.at(0).toInt(&ok);
    const std::optional<Account> account = ok ? accounts->accountById(id) : std::nullopt;
    if (!account)
        return RedfishReply::notFound(u"ManagerAccount"_s, request.params.at(0));
    if (account->name != request.user && !roleHolds(request.role, RedfishPrivilege::ConfigureUsers))
        return RedfishReply::error(403, BaseMessages::insufficientPrivilege());
    return *account;
}

Expected<int, RedfishReply> AccountServiceResource::visibleAccount(const RedfishRequest &request) const
{
    const Expected<Account, RedfishReply> account = accountInReach(m_accounts, request);
    if (!account)
        return account.failure();
    return account->id;
}

RedfishReply AccountServiceResource::account(const RedfishRequest &request) const
{
    const Expected<int, RedfishReply> id = visibleAccount(request);
    return id ? RedfishReply::ok(accountJson(*id)) : id.failure();
}

RedfishReply AccountServiceResource::createAccount(const RedfishRequest &request)
{
    const Expected<QJsonObject, RedfishReply> body = RedfishJson::body(request);
    if (!body)
        return body.failure();
    QList<RedfishMessage> problems;
    for (const QString &required : {u"UserName"_s, u"Password"_s, u"RoleId"_s}) {
        if (!body->contains(required))
            problems.append(BaseMessages::make("CreateFailedMissingReqProperties", {required}, u"#/"_s + required));
        else if (!body->value(required).isString())
            problems.append(
                BaseMessages::propertyValueTypeError(RedfishJson::valueText(body->value(required)), required));
    }
    static const QStringList known{u"UserName"_s, u"Password"_s, u"RoleId"_s, u"Enabled"_s, u"AccountTypes"_s, u"Id"_s};
    for (auto it = body->begin(); it != body->end(); ++it) {
        if (!known.contains(it.key()))
            problems.append(BaseMessages::propertyUnknown(it.key()));
    }
    const std::optional<Role> role = RoleNames::fromString(body->value(u"RoleId"_s).toString());
    if (problems.isEmpty() && !role)
        problems.append(BaseMessages::propertyValueNotInList(body->value(u"RoleId"_s).toString(), u"RoleId"_s));
    if (body->contains(u"Enabled"_s) && !body->value(u"Enabled"_s).isBool())
        problems.append(
            BaseMessages::propertyValueTypeError(RedfishJson::valueText(body->value(u"Enabled"_s)), u"Enabled"_s));
    // A client may ask for the slot (Ansible's account_id, IPMI's user id): honoured when it is
    // free, refused otherwise, never silently replaced by another.
    int id = 0;
    if (body->contains(u"Id"_s)) {
        bool number = false;
        id = body->value(u"Id"_s).toString().toInt(&number);
        if (!body->value(u"Id"_s).isString() || !number || id <= 0)
            problems.append(
                BaseMessages::propertyValueTypeError(RedfishJson::valueText(body->value(u"Id"_s)), u"Id"_s));
    }
    const QJsonArray types = body->value(u"AccountTypes"_s).toArray();
    if (!problems.isEmpty())
        return RedfishReply::error(400, problems);

    const QString name = body->value(u"UserName"_s).toString();
    const QByteArray password = body->value(u"Password"_s).toString().toUtf8();
    // Without AccountTypes, accounts.ipmi_by_default decides (clients such as Ansible's AddUser
    // cannot name them); a password IPMI cannot carry then makes a Redfish-only account.
    const bool typesGiven = body->contains(u"AccountTypes"_s);
    AccountStore::IpmiAccess ipmi = AccountStore::IpmiAccess::Disabled;
    if (typesGiven ? types.contains(u"IPMI"_s)
                   : m_configuration->value(ConfigKeys::accountsIpmiByDefault)
                && password.size() <= AccountRules::maxIpmiPasswordLength)
        ipmi = AccountStore::IpmiAccess::Enabled;
    const Actor actor = Actor::redfish(request.user);
    if (const auto failure = m_accounts->createAccount(name, password, *role, ipmi, actor, id)) {
        if (failure->code == Failure::Code::InvalidId) {
            const QString wanted = body->value(u"Id"_s).toString();
            if (id < AccountRules::firstId || id > AccountRules::lastId)
                return RedfishReply::error(400, BaseMessages::propertyValueNotInList(wanted, u"Id"_s));
            return RedfishReply::error(
                409, BaseMessages::make("ResourceAlreadyExists", {u"ManagerAccount"_s, u"Id"_s, wanted}, u"#/Id"_s));
        }
        const bool aboutTheName =
            failure->code == Failure::Code::InvalidName || failure->code == Failure::Code::AccountExists;
        return aboutTheName ? refusal(*failure, u"UserName"_s, name) : refusal(*failure, u"Password"_s, {});
    }
    if (!body->value(u"Enabled"_s).toBool(true))
        m_accounts->setEnabled(name, false, actor);
    id = m_accounts->account(name)->id;
    RedfishReply reply = RedfishReply::ok(accountJson(id), 201);
    reply.headers.emplaceBack("Location", (accountsPath + u'/' + QString::number(id)).toUtf8());
    return reply;
}

RedfishReply AccountServiceResource::patchAccount(const RedfishRequest &request)
{
    const Expected<int, RedfishReply> id = visibleAccount(request);
    if (!id)
        return id.failure();
    const Expected<QJsonObject, RedfishReply> body = RedfishJson::body(request);
    if (!body)
        return body.failure();
    const bool mayManage = roleHolds(request.role, RedfishPrivilege::ConfigureUsers);
    QString name = m_accounts->accountById(*id)->name;
    const Actor actor = Actor::redfish(request.user);
    const QJsonObject current = accountJson(*id);
    QList<RedfishMessage> problems;
    bool changed = false;

    // The password first: enabling IPMI in the same request needs it.
    const QByteArray password = body->value(u"Password"_s).toString().toUtf8();
    if (body->contains(u"Password"_s)) {
        if (!body->value(u"Password"_s).isString()) {
            problems.append(BaseMessages::propertyValueTypeError(u"(hidden)"_s, u"Password"_s));
        } else if (const auto failure = m_accounts->setPassword(name, password, actor)) {
            return refusal(*failure, u"Password"_s, {});
        } else {
            changed = true;
        }
    }
    for (auto it = body->begin(); it != body->end(); ++it) {
        const QString &key = it.key();
        if (key == u"Password"_s)
            continue;
        static const QStringList managed{u"UserName"_s, u"RoleId"_s, u"Enabled"_s, u"AccountTypes"_s, u"Locked"_s};
        if (!managed.contains(key)) {
            problems.append(BaseMessages::refusedProperty(current, key));
            continue;
        }
        if (!mayManage) {
            problems.append(BaseMessages::insufficientPrivilege());
            continue;
        }
        std::optional<Failure> failure;
        if (key == u"UserName"_s) {
            if (!it->isString()) {
                problems.append(BaseMessages::propertyValueTypeError(RedfishJson::valueText(*it), key));
                continue;
            }
            if (it->toString() != name) {
                failure = m_accounts->renameAccount(name, it->toString(), actor);
                if (!failure)
                    name = it->toString();
            }
        } else if (key == u"RoleId"_s) {
            const std::optional<Role> role = RoleNames::fromString(it->toString());
            if (!role) {
                problems.append(BaseMessages::propertyValueNotInList(RedfishJson::valueText(*it), key));
                continue;
            }
            failure = m_accounts->setRole(name, *role, actor);
        } else if (key == u"Enabled"_s) {
            if (!it->isBool()) {
                problems.append(BaseMessages::propertyValueTypeError(RedfishJson::valueText(*it), key));
                continue;
            }
            failure = m_accounts->setEnabled(name, it->toBool(), actor);
        } else if (key == u"Locked"_s) {
            // Only false may be written: it lifts every lockout of the account (decisions.md#99).
            if (!it->isBool()) {
                problems.append(BaseMessages::propertyValueTypeError(RedfishJson::valueText(*it), key));
                continue;
            }
            if (it->toBool()) {
                problems.append(BaseMessages::propertyValueNotInList(RedfishJson::valueText(*it), key));
                continue;
            }
            failure = m_accounts->unlock(name, actor);
        } else if (key == u"AccountTypes"_s) {
            if (!it->isArray()) {
                problems.append(BaseMessages::propertyValueTypeError(RedfishJson::valueText(*it), key));
                continue;
            }
            const bool ipmi = it->toArray().contains(u"IPMI"_s);
            if (ipmi != m_accounts->accountById(*id)->ipmiEnabled)
                failure = m_accounts->setIpmiAccess(
                    name, ipmi ? AccountStore::IpmiAccess::Enabled : AccountStore::IpmiAccess::Disabled, password,
                    actor);
        }
        if (failure)
            return refusal(*failure, key, RedfishJson::valueText(*it));
        changed = true;
    }
    if (!changed && problems.contains(BaseMessages::insufficientPrivilege()))
        return RedfishReply::error(403, problems);
    return RedfishReply::patched(RedfishReply::ok(accountJson(*id)), changed, problems);
}

RedfishReply AccountServiceResource::deleteAccount(const RedfishRequest &request)
{
    const Expected<int, RedfishReply> id = visibleAccount(request);
    if (!id)
        return id.failure();
    const QString name = m_accounts->accountById(*id)->name;
    const std::optional<Failure> failure = m_accounts->removeAccount(name, Actor::redfish(request.user));
    if (failure == Failure::Code::LastAdministrator || failure == Failure::Code::ManagedByPasswordFile) {
        RedfishMessage message = BaseMessages::make("ResourceCannotBeDeleted");
        message.resolution = failure->message;
        return RedfishReply::error(409, message);
    }
    if (failure)
        return refusal(*failure, u"UserName"_s, name);
    return RedfishReply::noContent();
}

RedfishReply AccountServiceResource::roles() const
{
    QStringList members;
    for (Role role : allRoles)
        members.append(rolesPath + u'/' + RoleNames::toString(role));
    return RedfishReply::ok(RedfishJson::collection(rolesPath, roleCollectionSchema, u"Roles Collection"_s, members));
}

RedfishReply AccountServiceResource::role(const RedfishRequest &request) const
{
    const std::optional<Role> role = RoleNames::fromString(request.params.at(0));
    if (!role)
        return RedfishReply::notFound(u"Role"_s, request.params.at(0));
    const QString id = RoleNames::toString(*role);
    return RedfishReply::ok(QJsonObject{
        {u"@odata.id"_s, rolesPath + u'/' + id},
        {u"@odata.type"_s, roleSchema.odataType()},
        {u"Id"_s, id},
        {u"Name"_s, id + u" Role"_s},
        {u"RoleId"_s, id},
        {u"IsPredefined"_s, true},
        {u"AssignedPrivileges"_s, QJsonArray::fromStringList(privilegesOf(*role))},
    });
}
