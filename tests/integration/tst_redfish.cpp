#include "DaemonProcess.h"
#include "IpmiClients.h"
#include "RedfishClients.h"
#include "StoredEventLog.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryFile>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using RedfishClients::Reply;

namespace {
// Calls `attempt` until it gives `wanted` or 20 s have passed; the last result. (QTRY_* would
// call a request with effects once more.)
int retry(const std::function<int()> &attempt, int wanted)
{
    QElapsedTimer clock;
    clock.start();
    int result = attempt();
    while (result != wanted && clock.elapsed() < 20000) {
        QTest::qWait(100);
        result = attempt();
    }
    return result;
}

const QString adminPassword = u"Redfish-test-1"_s;
const QString viewerPassword = u"Viewer-pass-1"_s;
const QByteArray fastHost = "host:\n  bios_version: 2.19.1\n  sim:\n    power_on_delay: 0.2\n    setup_wait: 0.1\n    "
                            "shutdown_delay: 0.3\n    force_off_hold: 0.3\n"
                            "power:\n  long_press: 0.5\n  cycle_delay: 0.2\n";
const QByteArray inventory = "fru:\n  board:\n    manufacturer: Raspberry Pi Ltd\n    product: Pi 4 Model B\n"
                             "    serial: 10000000abcd\n    part_number: PI4B-4GB\n"
                             "  product:\n    manufacturer: Example Systems\n    name: Rack Server 1U\n"
                             "    part_number: RS1U-01\n    serial: SN123456\n    asset_tag: RACK7-03\n";
} // namespace

// The Redfish service of the real daemon over real TLS, driven by curl, redfishtool and sushy;
// every JSON body seen is validated against DMTF's schemas at the end.
class tst_Redfish : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void openDocuments();
    void credentialsAreRequired();
    void unknownPathsAndMethods();
    void headAndTrailingSlash();
    void etags();
    void systemReadsThePowerModel();
    void resetActions();
    void patchBoot();
    void patchErrors();
    void sessions();
    void readOnlyUserCannotChangeThings();
    void readOnlyUserCannotTakeEverySession();
    void aStrangerCannotLockTheAdministratorOut();
    void aFloodOfFailedLoginsLeavesTheHistory();
    void accounts();
    void accountServiceRules();
    void redfishtool();
    void sushy();
    void chassis();
    void manager();
    void queryParameters();
    void eventStream();
    void logs();
    void firmwareInventory();
    void crawl();
    void managerReset();
    void bodiesFollowTheSchemas();

private:
    Reply get(const QString &path, const QStringList &options = {});
    Reply send(const QString &method, const QString &path, const QByteArray &body, const QStringList &options = {});
    QStringList admin() const { return {u"-u"_s, u"admin:"_s + adminPassword}; }
    void record(const QString &where, const Reply &reply);
    QString powerState();
    // Waits until no Redfish task is pending or running.
    bool tasksSettle();

    std::unique_ptr<DaemonProcess> m_daemon;
    QJsonArray m_bodies;
};

void tst_Redfish::initTestCase()
{
    m_daemon = std::make_unique<DaemonProcess>();
    m_daemon->setEnvironmentValue(u"QBMC_ADMIN_PASSWORD"_s, adminPassword);
    m_daemon->writeConfig(fastHost + inventory);
    QVERIFY2(m_daemon->start(), m_daemon->standardError().constData());
    QVERIFY(m_daemon->standardError().contains("qbmc.redfish: Redfish listening on HTTPS port"));
}

void tst_Redfish::cleanupTestCase()
{
    m_daemon.reset();
}

void tst_Redfish::record(const QString &where, const Reply &reply)
{
    // /redfish and the OData service document are not resources: no schema describes them.
    const QJsonObject json = reply.json();
    const bool described =
        json.contains(u"@odata.type"_s) || json.contains(u"error"_s) || json.contains(u"@Message.ExtendedInfo"_s);
    // $select leaves out what the schema calls required, as DSP0266 allows.
    if (where.contains(u"$select"_s))
        return;
    if (reply.header("content-type").startsWith("application/json") && described)
        m_bodies.append(QJsonObject{{u"where"_s, where}, {u"body"_s, reply.json()}});
}

Reply tst_Redfish::get(const QString &path, const QStringList &options)
{
    const Reply reply = RedfishClients::curl(m_daemon->redfishPort(), u"GET"_s, path, options);
    record(u"GET "_s + path, reply);
    return reply;
}

Reply tst_Redfish::send(const QString &method, const QString &path, const QByteArray &body, const QStringList &options)
{
    const Reply reply = RedfishClients::curl(m_daemon->redfishPort(), method, path, options, body);
    record(method + u' ' + path, reply);
    return reply;
}

QString tst_Redfish::powerState()
{
    return get(u"/redfish/v1/Systems/system"_s, admin()).json().value(u"PowerState"_s).toString();
}

bool tst_Redfish::tasksSettle()
{
    const auto busyTasks = [this] {
        int busy = 0;
        const QJsonArray members =
            get(u"/redfish/v1/TaskService/Tasks"_s, admin()).json().value(u"Members"_s).toArray();
        for (const QJsonValue &member : members) {
            const QString state = get(member.toObject().value(u"@odata.id"_s).toString(), admin())
                                      .json()
                                      .value(u"TaskState"_s)
                                      .toString();
            busy += state == u"Pending"_s || state == u"Running"_s;
        }
        return busy;
    };
    return retry(busyTasks, 0) == 0;
}

void tst_Redfish::openDocuments()
{
    Reply reply = get(u"/redfish"_s);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"v1"_s).toString(), u"/redfish/v1/"_s);

    reply = get(u"/redfish/v1"_s);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("odata-version"), QByteArray("4.0"));
    const QJsonObject root = reply.json();
    QCOMPARE(root.value(u"@odata.id"_s).toString(), u"/redfish/v1"_s);
    QVERIFY(!root.value(u"UUID"_s).toString().isEmpty());
    QCOMPARE(root.value(u"Links"_s).toObject().value(u"Sessions"_s).toObject().value(u"@odata.id"_s).toString(),
             u"/redfish/v1/SessionService/Sessions"_s);
    // The same UUID after every request: it belongs to the installation.
    QCOMPARE(get(u"/redfish/v1/"_s).json().value(u"UUID"_s), root.value(u"UUID"_s));

    reply = get(u"/redfish/v1/odata"_s);
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.json().value(u"value"_s).toArray().size() >= 2);

    reply = get(u"/redfish/v1/$metadata"_s);
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.header("content-type").startsWith("application/xml"));
    QVERIFY(reply.body.contains("<edmx:Reference Uri=\"http://redfish.dmtf.org/schemas/v1/ServiceRoot_v1.xml\">"));
    QVERIFY(
        reply.body.contains("<EntityContainer Name=\"Service\" Extends=\"ServiceRoot.v1_20_0.ServiceContainer\"/>"));
}

void tst_Redfish::credentialsAreRequired()
{
    Reply reply = get(u"/redfish/v1/Systems"_s);
    QCOMPARE(reply.status, 401);
    QVERIFY(reply.header("www-authenticate").startsWith("Basic"));
    QCOMPARE(reply.messageKey(), u"NoValidSession"_s);

    reply = get(u"/redfish/v1/Systems"_s, {u"-u"_s, u"admin:wrong"_s});
    QCOMPARE(reply.status, 401);
    reply = get(u"/redfish/v1/Systems"_s, {u"-H"_s, u"X-Auth-Token: 0123456789abcdef"_s});
    QCOMPARE(reply.status, 401);
    QTRY_VERIFY_WITH_TIMEOUT(m_daemon->logCount("Login failed") + m_daemon->logCount("login failed") > 0, 10000);

    reply = get(u"/redfish/v1/Systems"_s, admin());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"Members@odata.count"_s).toInt(), 1);
}

void tst_Redfish::unknownPathsAndMethods()
{
    Reply reply = get(u"/redfish/v1/Nothing/Here"_s, admin());
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.messageKey(), u"ResourceNotFound"_s);
    reply = get(u"/redfish/v1/Systems/other"_s, admin());
    QCOMPARE(reply.status, 404);
    reply = get(u"/redfish/v1/Systems/../Systems"_s, admin());
    QVERIFY(reply.status == 404 || reply.status == 200); // curl may squash the dots itself

    reply = send(u"DELETE"_s, u"/redfish/v1/Systems/system"_s, {}, admin());
    QCOMPARE(reply.status, 405);
    QCOMPARE(reply.header("allow"), QByteArray("GET, HEAD, PATCH"));
    QCOMPARE(reply.messageKey(), u"OperationNotAllowed"_s);
    reply = send(u"PUT"_s, u"/redfish/v1"_s, "{}", admin());
    QCOMPARE(reply.status, 405);
    QCOMPARE(reply.header("allow"), QByteArray("GET, HEAD"));
}

void tst_Redfish::headAndTrailingSlash()
{
    const Reply full = get(u"/redfish/v1/Systems/system"_s, admin());
    const Reply head =
        RedfishClients::curl(m_daemon->redfishPort(), u"HEAD"_s, u"/redfish/v1/Systems/system"_s, admin());
    QCOMPARE(head.status, 200);
    QCOMPARE(head.header("content-length"), QByteArray::number(full.body.size()));
    QCOMPARE(head.header("etag"), full.header("etag"));

    const Reply slash = get(u"/redfish/v1/Systems/system/"_s, admin());
    QCOMPARE(slash.status, 200);
    QCOMPARE(slash.body, full.body);
}

void tst_Redfish::etags()
{
    const Reply first = get(u"/redfish/v1/Systems/system"_s, admin());
    const QByteArray etag = first.header("etag");
    QVERIFY(etag.startsWith("W/\""));
    Reply reply = get(u"/redfish/v1/Systems/system"_s,
                      admin() + QStringList{u"-H"_s, u"If-None-Match: "_s + QString::fromLatin1(etag)});
    QCOMPARE(reply.status, 304);
    QVERIFY(reply.body.isEmpty());

    reply = send(u"PATCH"_s, u"/redfish/v1/Systems/system"_s, R"({"PowerRestorePolicy":"AlwaysOff"})",
                 admin() + QStringList{u"-H"_s, u"If-Match: W/\"0000000000000000\""_s});
    QCOMPARE(reply.status, 412);
    QCOMPARE(reply.messageKey(), u"PreconditionFailed"_s);
    reply = send(u"PATCH"_s, u"/redfish/v1/Systems/system"_s, R"({"PowerRestorePolicy":"AlwaysOff"})",
                 admin() + QStringList{u"-H"_s, u"If-Match: "_s + QString::fromLatin1(etag)});
    QCOMPARE(reply.status, 200);

    // Served from the cached representation while nothing changes; a change through another face
    // shows at once, with a new ETag (decisions.md#107).
    const QString path = u"/redfish/v1/Systems/system"_s;
    const Reply before = get(path, admin());
    QCOMPARE(get(path, admin()).header("etag"), before.header("etag"));
    QCOMPARE(get(path, admin()).body, before.body);
    QCOMPARE(
        IpmiClients::ipmitool(m_daemon->ipmiPort(), u"admin"_s, adminPassword, {u"chassis"_s, u"bootdev"_s, u"bios"_s})
            .exitCode,
        0);
    const Reply after = get(path, admin());
    QVERIFY(after.header("etag") != before.header("etag"));
    QCOMPARE(after.json().value(u"Boot"_s).toObject().value(u"BootSourceOverrideTarget"_s).toString(), u"BiosSetup"_s);
    QCOMPARE(send(u"PATCH"_s, path, R"({"Boot":{"BootSourceOverrideEnabled":"Disabled"}})", admin()).status, 200);
    QCOMPARE(get(path, admin()).json().value(u"Boot"_s).toObject().value(u"BootSourceOverrideEnabled"_s).toString(),
             u"Disabled"_s);
    // A query asks for another shape: not the cached one.
    QVERIFY(!get(path + u"?$select=PowerState"_s, admin()).json().contains(u"Boot"_s));
}

void tst_Redfish::systemReadsThePowerModel()
{
    const QJsonObject system = get(u"/redfish/v1/Systems/system"_s, admin()).json();
    QCOMPARE(system.value(u"PowerState"_s).toString(), u"Off"_s);
    // The FRU's product area, as IPMI's fru print shows it.
    QCOMPARE(system.value(u"Manufacturer"_s).toString(), u"Example Systems"_s);
    QCOMPARE(system.value(u"Model"_s).toString(), u"Rack Server 1U"_s);
    QCOMPARE(system.value(u"PartNumber"_s).toString(), u"RS1U-01"_s);
    QCOMPARE(system.value(u"SerialNumber"_s).toString(), u"SN123456"_s);
    QCOMPARE(system.value(u"AssetTag"_s).toString(), u"RACK7-03"_s);
    const ClientResult fru = IpmiClients::ipmitool(m_daemon->ipmiPort(), u"admin"_s, adminPassword, {u"fru"_s});
    QVERIFY2(fru.output.contains(u"Product Serial        : SN123456"_s), qPrintable(fru.all()));
    const QJsonArray allowed = get(u"/redfish/v1/Systems/system/ResetActionInfo"_s, admin())
                                   .json()
                                   .value(u"Parameters"_s)
                                   .toArray()
                                   .at(0)
                                   .toObject()
                                   .value(u"AllowableValues"_s)
                                   .toArray();
    QVERIFY(allowed.contains(u"ForceOff"_s));
    QVERIFY(allowed.contains(u"PowerCycle"_s));
    QVERIFY(!allowed.contains(u"Nmi"_s)); // the simulated host has no NMI unless configured
}

void tst_Redfish::resetActions()
{
    const QString reset = u"/redfish/v1/Systems/system/Actions/ComputerSystem.Reset"_s;
    Reply reply = send(u"POST"_s, reset, R"({"ResetType":"ForceRestart"})", admin());
    QCOMPARE(reply.status, 409); // the host is off
    QCOMPARE(reply.messageKey(), u"PropertyValueResourceConflict"_s);

    // The parameter is known, its value is not: one message, the accurate one.
    reply = send(u"POST"_s, reset, R"({"ResetType":"Sideways"})", admin());
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.messageKey(), u"ActionParameterValueNotInList"_s);
    QCOMPARE(reply.json().value(u"error"_s).toObject().value(u"@Message.ExtendedInfo"_s).toArray().size(), 1);
    reply = send(u"POST"_s, reset, R"({})", admin());
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.messageKey(), u"ActionParameterMissing"_s);
    reply = send(u"POST"_s, reset, R"({"ResetType":"On","Delay":5})", admin());
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.messageKey(), u"ActionParameterNotSupported"_s);

    // An accepted reset is a task (docs/decisions.md#105): 202, the task, and its monitor.
    reply = send(u"POST"_s, reset, R"({"ResetType":"On"})", admin());
    QCOMPARE(reply.status, 202);
    const QString onMonitor = QString::fromLatin1(reply.header("location"));
    QVERIFY2(onMonitor.startsWith(u"/redfish/v1/TaskService/TaskMonitors/"_s), qPrintable(onMonitor));
    QCOMPARE(reply.json().value(u"TaskState"_s).toString(), u"Running"_s);
    QCOMPARE(reply.json().value(u"TaskMonitor"_s).toString(), onMonitor);
    QCOMPARE(reply.json().value(u"Payload"_s).toObject().value(u"TargetUri"_s).toString(), reset);
    const QString onTask = reply.json().value(u"@odata.id"_s).toString();

    // The same user's next request queues behind it: no sleep, no 409. One that makes no sense
    // after the queue (a reset of the host it will have switched off) is refused at once.
    reply = send(u"POST"_s, reset, R"({"ResetType":"ForceOff"})", admin());
    QCOMPARE(reply.status, 202);
    QCOMPARE(reply.json().value(u"TaskState"_s).toString(), u"Pending"_s);
    const QString offMonitor = QString::fromLatin1(reply.header("location"));
    const QString offTask = reply.json().value(u"@odata.id"_s).toString();
    reply = send(u"POST"_s, reset, R"({"ResetType":"ForceRestart"})", admin());
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.messageKey(), u"PropertyValueResourceConflict"_s);

    // The monitor answers 202 while its task waits or runs, then what the reset would have
    // answered had it waited.
    // DELETE is offered while the task waits; once it runs (the On before it may have ended
    // already on a busy machine) it can no longer be cancelled.
    reply = get(offMonitor, admin());
    if (reply.status == 202)
        QCOMPARE(reply.header("allow"),
                 reply.json().value(u"TaskState"_s).toString() == u"Pending"_s ? QByteArray("GET, DELETE")
                                                                               : QByteArray("GET"));
    QCOMPARE(retry([&] { return get(onMonitor, admin()).status; }, 200), 200);
    QCOMPARE(retry([&] { return get(offMonitor, admin()).status; }, 200), 200);
    reply = get(offMonitor, admin());
    QCOMPARE(reply.json().value(u"@Message.ExtendedInfo"_s).toArray().at(0).toObject().value(u"MessageId"_s).toString(),
             u"Base.1.22.Success"_s);
    QCOMPARE(powerState(), u"Off"_s);
    for (const QString &task : {onTask, offTask}) {
        reply = get(task, admin());
        QCOMPARE(reply.json().value(u"TaskState"_s).toString(), u"Completed"_s);
        QCOMPARE(reply.json().value(u"TaskStatus"_s).toString(), u"OK"_s);
        QVERIFY(reply.json().contains(u"EndTime"_s));
    }
    QVERIFY(get(u"/redfish/v1/TaskService/Tasks"_s, admin()).json().value(u"Members@odata.count"_s).toInt() >= 2);

    // A task that has not started is cancelled by DELETE on its monitor.
    QCOMPARE(send(u"POST"_s, reset, R"({"ResetType":"On"})", admin()).status, 202);
    reply = send(u"POST"_s, reset, R"({"ResetType":"GracefulShutdown"})", admin());
    QCOMPARE(reply.status, 202);
    const QString cancelled = QString::fromLatin1(reply.header("location"));
    QCOMPARE(send(u"DELETE"_s, cancelled, {}, admin()).status, 204);
    reply = get(cancelled, admin());
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.messageKey(), u"OperationFailed"_s);
    QTRY_COMPARE_WITH_TIMEOUT(powerState(), u"On"_s, 20000);

    // On while on is done already.
    QCOMPARE(retry([&] { return send(u"POST"_s, reset, R"({"ResetType":"On"})", admin()).status; }, 204), 204);
    reply = send(u"POST"_s, reset, R"({"ResetType":"ForceOff"})", admin());
    QCOMPARE(reply.status, 202);
    const QString last = QString::fromLatin1(reply.header("location"));
    QCOMPARE(retry([&] { return get(last, admin()).status; }, 200), 200);
    QCOMPARE(powerState(), u"Off"_s);
}

void tst_Redfish::patchBoot()
{
    Reply reply = send(u"PATCH"_s, u"/redfish/v1/Systems/system"_s,
                       R"({"Boot":{"BootSourceOverrideTarget":"Pxe","BootSourceOverrideEnabled":"Once"}})", admin());
    QCOMPARE(reply.status, 200);
    const QJsonObject boot = reply.json().value(u"Boot"_s).toObject();
    QCOMPARE(boot.value(u"BootSourceOverrideTarget"_s).toString(), u"Pxe"_s);
    QCOMPARE(boot.value(u"BootSourceOverrideEnabled"_s).toString(), u"Once"_s);
    // IPMI sees the same override.
    const ClientResult ipmi = IpmiClients::ipmitool(m_daemon->ipmiPort(), u"admin"_s, adminPassword,
                                                    {u"chassis"_s, u"bootparam"_s, u"get"_s, u"5"_s});
    QVERIFY2(ipmi.output.contains(u"Force PXE"_s), qPrintable(ipmi.output));
    reply = send(u"PATCH"_s, u"/redfish/v1/Systems/system"_s, R"({"Boot":{"BootSourceOverrideEnabled":"Disabled"}})",
                 admin());
    QCOMPARE(reply.status, 200);
}

void tst_Redfish::patchErrors()
{
    const QString path = u"/redfish/v1/Systems/system"_s;
    Reply reply = send(u"PATCH"_s, path, "{not json", admin());
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.messageKey(), u"MalformedJSON"_s);

    // Valid properties apply; the others are answered one by one.
    reply = send(u"PATCH"_s, path, R"({"PowerRestorePolicy":"AlwaysOn","Colour":"blue","PowerState":"On"})", admin());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"PowerRestorePolicy"_s).toString(), u"AlwaysOn"_s);
    const QJsonArray messages = reply.json().value(u"@Message.ExtendedInfo"_s).toArray();
    QCOMPARE(messages.size(), 2);
    QStringList ids;
    for (const QJsonValue &message : messages)
        ids.append(message.toObject().value(u"MessageId"_s).toString());
    ids.sort();
    QCOMPARE(ids, (QStringList{u"Base.1.22.PropertyNotWritable"_s, u"Base.1.22.PropertyUnknown"_s}));

    reply = send(u"PATCH"_s, path, R"({"Boot":{"BootSourceOverrideTarget":"Floppy"}})", admin());
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.messageKey(), u"PropertyValueNotInList"_s);
    reply = send(u"PATCH"_s, path, R"({"PowerRestorePolicy":7})", admin());
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.messageKey(), u"PropertyValueTypeError"_s);
    QCOMPARE(get(path, admin()).json().value(u"PowerRestorePolicy"_s).toString(), u"AlwaysOn"_s); // nothing lost
    send(u"PATCH"_s, path, R"({"PowerRestorePolicy":"AlwaysOff"})", admin());
}

void tst_Redfish::sessions()
{
    Reply reply =
        send(u"POST"_s, u"/redfish/v1/SessionService/Sessions"_s,
             QJsonDocument(QJsonObject{{u"UserName"_s, u"admin"_s}, {u"Password"_s, adminPassword}}).toJson());
    QCOMPARE(reply.status, 201);
    const QByteArray token = reply.header("x-auth-token");
    const QString location = QString::fromLatin1(reply.header("location"));
    QVERIFY(token.size() >= 32);
    QVERIFY(location.startsWith(u"/redfish/v1/SessionService/Sessions/"_s));
    const QStringList withToken{u"-H"_s, u"X-Auth-Token: "_s + QString::fromLatin1(token)};

    QCOMPARE(get(u"/redfish/v1/Systems/system"_s, withToken).status, 200);
    reply = get(location, withToken);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"UserName"_s).toString(), u"admin"_s);
    QVERIFY(get(u"/redfish/v1/SessionService/Sessions"_s, withToken)
                .json()
                .value(u"Members"_s)
                .toArray()
                .contains(QJsonObject{{u"@odata.id"_s, location}}));
    QCOMPARE(get(u"/redfish/v1/SessionService"_s, withToken).json().value(u"SessionTimeout"_s).toInt(), 1800);
    Reply patched = send(u"PATCH"_s, u"/redfish/v1/SessionService"_s, R"({"SessionTimeout":600})", withToken);
    QCOMPARE(patched.status, 200);
    QCOMPARE(patched.json().value(u"SessionTimeout"_s).toInt(), 600);
    QCOMPARE(send(u"PATCH"_s, u"/redfish/v1/SessionService"_s, R"({"SessionTimeout":5})", withToken).messageKey(),
             u"PropertyValueOutOfRange"_s);
    QFile settings(m_daemon->stateDir() + u"/settings.json"_s);
    QVERIFY(settings.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(settings.readAll())
                 .object()
                 .value(u"settings"_s)
                 .toObject()
                 .value(u"redfish.session_timeout"_s)
                 .toInt(),
             600);

    QCOMPARE(send(u"DELETE"_s, location, {}, withToken).status, 204);
    QCOMPARE(get(u"/redfish/v1/Systems/system"_s, withToken).status, 401);

    // A wrong password in the body: 401 without a Basic challenge, which would make HTTP
    // libraries send it again as Basic and count it twice toward lockout.
    reply = send(u"POST"_s, u"/redfish/v1/SessionService/Sessions"_s,
                 R"({"UserName":"admin","Password":"not-the-password"})");
    QCOMPARE(reply.status, 401);
    QVERIFY(reply.header("www-authenticate").isEmpty());

    reply = send(u"POST"_s, u"/redfish/v1/SessionService/Sessions"_s, R"({"UserName":"admin"})");
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.messageKey(), u"CreateFailedMissingReqProperties"_s);
    reply = send(u"POST"_s, u"/redfish/v1/SessionService/Sessions"_s, R"({"UserName":"admin","Password":"nope"})");
    QCOMPARE(reply.status, 401);
}

void tst_Redfish::readOnlyUserCannotChangeThings()
{
    // A ReadOnly account, made through IPMI (user 5, privilege USER).
    for (const QStringList &command :
         {QStringList{u"user"_s, u"set"_s, u"name"_s, u"5"_s, u"viewer"_s},
          QStringList{u"user"_s, u"set"_s, u"password"_s, u"5"_s, viewerPassword},
          QStringList{u"user"_s, u"priv"_s, u"5"_s, u"2"_s, u"1"_s}, QStringList{u"user"_s, u"enable"_s, u"5"_s}}) {
        const ClientResult result = IpmiClients::ipmitool(m_daemon->ipmiPort(), u"admin"_s, adminPassword, command);
        QVERIFY2(result.exitCode == 0, qPrintable(command.join(u' ') + u'\n' + result.errors));
    }
    const QStringList viewer{u"-u"_s, u"viewer:"_s + viewerPassword};
    QCOMPARE(get(u"/redfish/v1/Systems/system"_s, viewer).status, 200);
    Reply reply =
        send(u"POST"_s, u"/redfish/v1/Systems/system/Actions/ComputerSystem.Reset"_s, R"({"ResetType":"On"})", viewer);
    QCOMPARE(reply.status, 403);
    QCOMPARE(reply.messageKey(), u"InsufficientPrivilege"_s);
    QCOMPARE(send(u"PATCH"_s, u"/redfish/v1/SessionService"_s, R"({"SessionTimeout":600})", viewer).status, 403);
}

// 64 logins of the ReadOnly user of the slot before (redfish.max_sessions is 64): the user keeps
// at most 16 sessions, each login past them ends the user's oldest, and the administrator still
// logs in.
void tst_Redfish::readOnlyUserCannotTakeEverySession()
{
    const auto login = [this](const QString &user, const QString &password) {
        return send(u"POST"_s, u"/redfish/v1/SessionService/Sessions"_s,
                    QJsonDocument(QJsonObject{{u"UserName"_s, user}, {u"Password"_s, password}}).toJson());
    };
    QList<std::pair<QString, QByteArray>> viewerSessions; // location, token
    for (int i = 0; i < 64; ++i) {
        const Reply reply = login(u"viewer"_s, viewerPassword);
        QCOMPARE(reply.status, 201);
        viewerSessions.append({QString::fromLatin1(reply.header("location")), reply.header("x-auth-token")});
    }
    const Reply administrator = login(u"admin"_s, adminPassword);
    QCOMPARE(administrator.status, 201);

    const auto withToken = [](const QByteArray &token) {
        return QStringList{u"-H"_s, u"X-Auth-Token: "_s + QString::fromLatin1(token)};
    };
    QCOMPARE(get(u"/redfish/v1/Systems/system"_s, withToken(viewerSessions.first().second)).status, 401);
    QCOMPARE(get(u"/redfish/v1/Systems/system"_s, withToken(viewerSessions.last().second)).status, 200);
    const QJsonArray members =
        get(u"/redfish/v1/SessionService/Sessions"_s, admin()).json().value(u"Members"_s).toArray();
    int open = 0;
    for (const auto &[location, token] : std::as_const(viewerSessions)) {
        if (members.contains(QJsonObject{{u"@odata.id"_s, location}})) {
            ++open;
            QCOMPARE(send(u"DELETE"_s, location, {}, admin()).status, 204);
        }
    }
    QCOMPARE(open, 16);
    QCOMPARE(send(u"DELETE"_s, QString::fromLatin1(administrator.header("location")), {}, admin()).status, 204);
}

// Five wrong passwords for admin from 127.0.0.2 lock admin for that address only: the right
// password from 127.0.0.1 still works on Redfish and IPMI, and an administrator lifts the lock.
void tst_Redfish::aStrangerCannotLockTheAdministratorOut()
{
    const QStringList stranger{u"--interface"_s, u"127.0.0.2"_s};
    for (int i = 0; i < 5; ++i)
        QCOMPARE(get(u"/redfish/v1/Systems"_s, stranger + QStringList{u"-u"_s, u"admin:wrong-guess"_s}).status, 401);
    const QStringList adminThere = stranger + admin();
    QCOMPARE(get(u"/redfish/v1/Systems"_s, adminThere).status, 401);

    QCOMPARE(get(u"/redfish/v1/Systems"_s, admin()).status, 200);
    QCOMPARE(IpmiClients::ipmitool(m_daemon->ipmiPort(), u"admin"_s, adminPassword, {u"power"_s, u"status"_s}).exitCode,
             0);
    const QString account = u"/redfish/v1/AccountService/Accounts/2"_s;
    QCOMPARE(get(account, admin()).json().value(u"UserName"_s).toString(), u"admin"_s);
    QCOMPARE(get(account, admin()).json().value(u"Locked"_s).toBool(), true);

    Reply reply = send(u"PATCH"_s, account, R"({"Locked":true})", admin());
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.messageKey(), u"PropertyValueNotInList"_s);
    reply = send(u"PATCH"_s, account, R"({"Locked":false})", admin());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"Locked"_s).toBool(), false);
    QCOMPARE(get(u"/redfish/v1/Systems"_s, adminThere).status, 200);
}

// 2,000 failed logins for made-up user names from one curl, as fast as it can send them: a
// handful of event-log entries, the earlier history intact, and the file only appended to by
// about the size of what was added.
void tst_Redfish::aFloodOfFailedLoginsLeavesTheHistory()
{
    constexpr int flood = 2000;
    const QString logFile = QDir(m_daemon->stateDir()).filePath(u"eventlog.jsonl"_s);
    auto fileContent = [&logFile] {
        QFile file(logFile);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    const QByteArray before = fileContent();
    const QJsonArray entriesBefore = storedEventLog(m_daemon->stateDir());
    QVERIFY(!entriesBefore.isEmpty());

    // One curl from an address of its own, one kept-alive connection, a new user name for every
    // request ("next" starts each request's options afresh, so each carries its own).
    QTemporaryFile requests;
    QVERIFY(requests.open());
    for (int i = 0; i < flood; ++i) {
        if (i > 0)
            requests.write("next\n");
        requests.write(
            u"url = \"https://127.0.0.1:%1/redfish/v1/Systems\"\nuser = \"guess%2:wrong\"\n"
            "interface = \"127.0.0.3\"\ninsecure\nsilent\noutput = \"/dev/null\"\nwrite-out = \"%{http_code}\\n\"\n"_s
                .arg(m_daemon->redfishPort())
                .arg(i)
                .toUtf8());
    }
    requests.flush();
    QElapsedTimer clock;
    clock.start();
    const ClientResult result = IpmiClients::run(u"curl"_s, {u"-K"_s, requests.fileName()}, 600'000);
    const QStringList codes = result.output.trimmed().split(u'\n');
    QCOMPARE(codes.size(), flood);
    QVERIFY2(codes.count(u"401"_s) == flood, qPrintable(codes.mid(0, 20).join(u' ') + result.errors));
    qInfo("%d failed logins took %lld ms", flood, qlonglong(clock.elapsed()));

    const QByteArray after = fileContent();
    QVERIFY2(after.startsWith(before), "the event log was rewritten, not appended to");
    const QJsonArray entriesAfter = storedEventLog(m_daemon->stateDir());
    const qsizetype added = entriesAfter.size() - entriesBefore.size();
    qInfo("event-log entries added: %lld, bytes appended: %lld", qlonglong(added),
          qlonglong(after.size() - before.size()));
    // In each minute-long interval the first three are logged one by one and the rest become one
    // summary when it ends: a handful per interval, however many requests (a slow machine takes
    // more intervals for the same flood, so the bound follows the time it took).
    const qint64 intervals = clock.elapsed() / 60'000 + 1;
    QVERIFY(added > 0);
    QVERIFY2(added <= 4 * intervals, qPrintable(u"%1 entries in %2 intervals"_s.arg(added).arg(intervals)));
    for (qsizetype i = 0; i < entriesBefore.size(); ++i)
        QCOMPARE(entriesAfter.at(i), entriesBefore.at(i));
    qsizetype entryBytes = 0;
    for (qsizetype i = entriesBefore.size(); i < entriesAfter.size(); ++i)
        entryBytes += QJsonDocument(entriesAfter.at(i).toObject()).toJson(QJsonDocument::Compact).size();
    QVERIFY2(after.size() - before.size() <= 2 * entryBytes,
             qPrintable(u"%1 bytes for %2 bytes of entries"_s.arg(after.size() - before.size()).arg(entryBytes)));
    QCOMPARE(get(u"/redfish/v1/Systems"_s, admin()).status, 200);
}

void tst_Redfish::accounts()
{
    const QString accounts = u"/redfish/v1/AccountService/Accounts"_s;
    Reply reply = get(u"/redfish/v1/AccountService"_s, admin());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"MinPasswordLength"_s).toInt(), 8);
    QCOMPARE(
        get(u"/redfish/v1/AccountService/Roles/Operator"_s, admin()).json().value(u"AssignedPrivileges"_s).toArray(),
        (QJsonArray{u"Login"_s, u"ConfigureSelf"_s, u"ConfigureComponents"_s}));
    QCOMPARE(get(u"/redfish/v1/AccountService/Roles"_s, admin()).json().value(u"Members@odata.count"_s).toInt(), 3);

    reply = send(u"POST"_s, accounts,
                 R"({"UserName":"ops","Password":"Ops-pass-12","RoleId":"Operator","AccountTypes":["Redfish","IPMI"]})",
                 admin());
    QCOMPARE(reply.status, 201);
    const QString location = QString::fromLatin1(reply.header("location"));
    QVERIFY(location.startsWith(accounts + u'/'));
    QCOMPARE(reply.json().value(u"RoleId"_s).toString(), u"Operator"_s);
    QVERIFY(reply.json().value(u"AccountTypes"_s).toArray().contains(u"IPMI"_s));
    // The same account for IPMI.
    QCOMPARE(IpmiClients::ipmitool(m_daemon->ipmiPort(), u"ops"_s, u"Ops-pass-12"_s,
                                   {u"chassis"_s, u"power"_s, u"status"_s}, {u"-L"_s, u"OPERATOR"_s})
                 .exitCode,
             0);

    QCOMPARE(
        send(u"POST"_s, accounts, R"({"UserName":"ops","Password":"Ops-pass-12","RoleId":"Operator"})", admin()).status,
        409);
    reply = send(u"POST"_s, accounts, R"({"UserName":"x1","Password":"Xx-pass-123","RoleId":"Emperor"})", admin());
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.messageKey(), u"PropertyValueNotInList"_s);
    reply = send(u"POST"_s, accounts, R"({"UserName":"x2","RoleId":"ReadOnly"})", admin());
    QCOMPARE(reply.messageKey(), u"CreateFailedMissingReqProperties"_s);
    reply = send(u"POST"_s, accounts, R"({"UserName":"x3","Password":"short","RoleId":"ReadOnly"})", admin());
    QCOMPARE(reply.status, 400);
    QVERIFY(!reply.body.contains("'short'")); // passwords are never echoed

    const QStringList ops{u"-u"_s, u"ops:Ops-pass-12"_s};
    // An operator sees only their own account and may change only their own password.
    QCOMPARE(get(accounts, ops).json().value(u"Members"_s).toArray(),
             (QJsonArray{QJsonObject{{u"@odata.id"_s, location}}}));
    QCOMPARE(send(u"PATCH"_s, location, R"({"RoleId":"Administrator"})", ops).status, 403);
    QCOMPARE(send(u"POST"_s, accounts, R"({"UserName":"y","Password":"Yy-pass-123","RoleId":"ReadOnly"})", ops).status,
             403);
    QCOMPARE(get(accounts + u"/2"_s, ops).status, 403);
    QCOMPARE(send(u"PATCH"_s, location, R"({"Password":"Ops-pass-34"})", ops).status, 200);
    QCOMPARE(get(location, ops).status, 401); // the old password is gone
    const QStringList newOps{u"-u"_s, u"ops:Ops-pass-34"_s};
    QCOMPARE(get(location, newOps).status, 200);
    QCOMPARE(IpmiClients::ipmitool(m_daemon->ipmiPort(), u"ops"_s, u"Ops-pass-34"_s,
                                   {u"chassis"_s, u"power"_s, u"status"_s}, {u"-L"_s, u"OPERATOR"_s})
                 .exitCode,
             0);

    reply = send(u"PATCH"_s, location, R"({"RoleId":"ReadOnly","Enabled":false,"Shoe":1})", admin());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"RoleId"_s).toString(), u"ReadOnly"_s);
    QCOMPARE(reply.json().value(u"Enabled"_s).toBool(), false);
    QCOMPARE(get(location, newOps).status, 401);

    QCOMPARE(send(u"DELETE"_s, location, {}, admin()).status, 204);
    QCOMPARE(get(location, admin()).status, 404);
    reply = send(u"DELETE"_s, accounts + u"/2"_s, {}, admin()); // the last administrator
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.messageKey(), u"ResourceCannotBeDeleted"_s);
    // What Ansible's AddUser sends: no AccountTypes (IPMI too, by accounts.ipmi_by_default) and
    // the slot it wants as Id, honoured when free.
    reply = send(u"POST"_s, accounts, R"({"UserName":"fleet","Password":"Fleet-pass-1","RoleId":"Operator","Id":"9"})",
                 admin());
    QCOMPARE(reply.status, 201);
    QCOMPARE(QString::fromLatin1(reply.header("location")), accounts + u"/9"_s);
    QVERIFY(reply.json().value(u"AccountTypes"_s).toArray().contains(u"IPMI"_s));
    QCOMPARE(IpmiClients::ipmitool(m_daemon->ipmiPort(), u"fleet"_s, u"Fleet-pass-1"_s,
                                   {u"chassis"_s, u"power"_s, u"status"_s}, {u"-L"_s, u"OPERATOR"_s})
                 .exitCode,
             0);
    reply = send(u"POST"_s, accounts, R"({"UserName":"fleet2","Password":"Fleet-pass-2","RoleId":"Operator","Id":"9"})",
                 admin());
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.messageKey(), u"ResourceAlreadyExists"_s);
    reply = send(u"POST"_s, accounts,
                 R"({"UserName":"fleet2","Password":"Fleet-pass-2","RoleId":"Operator","Id":"99"})", admin());
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.messageKey(), u"PropertyValueNotInList"_s);
    // A password IPMI cannot carry (over 20 bytes) makes a Redfish-only account.
    reply = send(u"POST"_s, accounts,
                 R"({"UserName":"longpw","Password":"A-very-long-password-for-redfish","RoleId":"ReadOnly"})", admin());
    QCOMPARE(reply.status, 201);
    QVERIFY(!reply.json().value(u"AccountTypes"_s).toArray().contains(u"IPMI"_s));
    QCOMPARE(send(u"DELETE"_s, QString::fromLatin1(reply.header("location")), {}, admin()).status, 204);
    QCOMPARE(send(u"DELETE"_s, accounts + u"/9"_s, {}, admin()).status, 204);
}

// The password and lockout rules are runtime settings an administrator changes and qbmc keeps.
void tst_Redfish::accountServiceRules()
{
    const QString service = u"/redfish/v1/AccountService"_s;
    Reply reply = send(u"PATCH"_s, service, R"({"AccountLockoutThreshold":7,"MinPasswordLength":10})", admin());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"AccountLockoutThreshold"_s).toInt(), 7);
    QCOMPARE(reply.json().value(u"MinPasswordLength"_s).toInt(), 10);
    reply = send(u"POST"_s, u"/redfish/v1/AccountService/Accounts"_s,
                 R"({"UserName":"shorty","Password":"Short-p-1","RoleId":"ReadOnly"})", admin());
    QCOMPARE(reply.status, 400);
    QFile settings(m_daemon->stateDir() + u"/settings.json"_s);
    QVERIFY(settings.open(QIODevice::ReadOnly));
    const QJsonObject stored = QJsonDocument::fromJson(settings.readAll()).object().value(u"settings"_s).toObject();
    QCOMPARE(stored.value(u"accounts.lockout_threshold"_s).toInt(), 7);
    QCOMPARE(stored.value(u"accounts.min_password_length"_s).toInt(), 10);

    reply = send(u"PATCH"_s, service, R"({"AccountLockoutDuration":1000000})", admin());
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.messageKey(), u"PropertyValueOutOfRange"_s);
    reply = send(u"PATCH"_s, service, R"({"MinPasswordLength":"ten"})", admin());
    QCOMPARE(reply.messageKey(), u"PropertyValueTypeError"_s);
    reply = send(u"PATCH"_s, service, R"({"AccountLockoutCounterResetAfter":60})", admin());
    QCOMPARE(reply.messageKey(), u"PropertyNotWritable"_s);
    QCOMPARE(send(u"PATCH"_s, service, R"({"MinPasswordLength":8})", {u"-u"_s, u"viewer:"_s + viewerPassword}).status,
             403);
    QCOMPARE(send(u"PATCH"_s, service, R"({"AccountLockoutThreshold":5,"MinPasswordLength":8})", admin()).status, 200);
}

void tst_Redfish::redfishtool()
{
    const QStringList common{u"-r"_s, u"127.0.0.1:%1"_s.arg(m_daemon->redfishPort()),
                             u"-S"_s, u"Always"_s,
                             u"-u"_s, u"admin"_s,
                             u"-p"_s, adminPassword};
    ClientResult result = IpmiClients::run(u"redfishtool"_s, common + QStringList{u"Systems"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.errors));
    QVERIFY(result.output.contains(u"/redfish/v1/Systems/system"_s));
    result = IpmiClients::run(u"redfishtool"_s, common + QStringList{u"SessionService"_s, u"login"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.errors));
    QVERIFY2(result.output.contains(u"SessionId"_s) || result.output.contains(u"Token"_s), qPrintable(result.output));
    result = IpmiClients::run(u"redfishtool"_s, common + QStringList{u"Systems"_s, u"reset"_s, u"On"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.errors + result.output));
    // The next reset follows at once: it queues behind the first (docs/decisions.md#105).
    result = IpmiClients::run(u"redfishtool"_s, common + QStringList{u"Systems"_s, u"reset"_s, u"ForceOff"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.errors + result.output));
    QVERIFY(tasksSettle());
    QCOMPARE(powerState(), u"Off"_s);
}

void tst_Redfish::sushy()
{
    const QString script = uR"(
import sushy, time, urllib3
urllib3.disable_warnings()
root = sushy.Sushy('https://127.0.0.1:%1/redfish/v1', username='admin', password='%2', verify=False)
print('members', list(root.get_system_collection().members_identities))
system = root.get_system('/redfish/v1/Systems/system')
print('power', system.power_state)
system.reset_system(sushy.RESET_ON)
system.reset_system(sushy.RESET_FORCE_RESTART)
system.reset_system(sushy.RESET_FORCE_OFF)
tasks = root._conn.get('/redfish/v1/TaskService/Tasks').json()['Members']
last = tasks[-1]['@odata.id']
for _ in range(300):
    state = root._conn.get(last).json()['TaskState']
    if state not in ('Pending', 'Running'):
        break
    time.sleep(0.1)
print('last task', state)
system.refresh()
print('after off', system.power_state)
system.set_system_boot_options(target=sushy.BOOT_SOURCE_TARGET_PXE, enabled=sushy.BOOT_SOURCE_ENABLED_ONCE)
system.refresh()
print('boot', system.boot.target, system.boot.enabled)
)"_s.arg(m_daemon->redfishPort())
                               .arg(adminPassword);
    const ClientResult result = IpmiClients::run(u"/usr/bin/python3"_s, {u"-c"_s, script});
    QVERIFY2(result.exitCode == 0, qPrintable(result.errors + result.output));
    QVERIFY2(result.output.contains(u"members {'/redfish/v1/Systems/system'}"_s)
                 || result.output.contains(u"members ['/redfish/v1/Systems/system']"_s),
             qPrintable(result.output));
    QVERIFY2(result.output.contains(u"last task Completed"_s), qPrintable(result.output));
    QVERIFY2(result.output.contains(u"after off PowerState.OFF"_s), qPrintable(result.output));
    QVERIFY2(result.output.contains(u"boot BootSource.PXE BootSourceOverrideEnabled.ONCE"_s),
             qPrintable(result.output));
    const ClientResult ipmi = IpmiClients::ipmitool(m_daemon->ipmiPort(), u"admin"_s, adminPassword,
                                                    {u"chassis"_s, u"bootparam"_s, u"get"_s, u"5"_s});
    QVERIFY2(ipmi.output.contains(u"Force PXE"_s), qPrintable(ipmi.output));
}

void tst_Redfish::chassis()
{
    const QString path = u"/redfish/v1/Chassis/chassis"_s;
    QCOMPARE(get(u"/redfish/v1/Chassis"_s, admin()).json().value(u"Members@odata.count"_s).toInt(), 1);
    const QJsonObject chassis = get(path, admin()).json();
    QCOMPARE(chassis.value(u"IndicatorLED"_s).toString(), u"Off"_s);
    // The FRU's board area, and the product's asset tag.
    QCOMPARE(chassis.value(u"Manufacturer"_s).toString(), u"Raspberry Pi Ltd"_s);
    QCOMPARE(chassis.value(u"Model"_s).toString(), u"Pi 4 Model B"_s);
    QCOMPARE(chassis.value(u"SerialNumber"_s).toString(), u"10000000abcd"_s);
    QCOMPARE(chassis.value(u"PartNumber"_s).toString(), u"PI4B-4GB"_s);
    QCOMPARE(chassis.value(u"AssetTag"_s).toString(), u"RACK7-03"_s);
    Reply reply = send(u"PATCH"_s, path, R"({"LocationIndicatorActive":true})", admin());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"IndicatorLED"_s).toString(), u"Lit"_s);
    // IPMI's identify is the same indicator.
    QCOMPARE(
        IpmiClients::ipmitool(m_daemon->ipmiPort(), u"admin"_s, adminPassword, {u"chassis"_s, u"identify"_s, u"0"_s})
            .exitCode,
        0);
    QCOMPARE(get(path, admin()).json().value(u"LocationIndicatorActive"_s).toBool(), false);
    reply = send(u"PATCH"_s, path, R"({"IndicatorLED":"Disco"})", admin());
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.messageKey(), u"PropertyValueNotInList"_s);

    const QJsonArray sensors = get(path + u"/Sensors"_s, admin()).json().value(u"Members"_s).toArray();
    for (const QJsonValue &sensor : sensors)
        QCOMPARE(get(sensor.toObject().value(u"@odata.id"_s).toString(), admin()).status, 200);
    QCOMPARE(get(path + u"/Sensors/nonsense"_s, admin()).status, 404);
}

void tst_Redfish::manager()
{
    const QString path = u"/redfish/v1/Managers/bmc"_s;
    const QJsonObject manager = get(path, admin()).json();
    QCOMPARE(manager.value(u"FirmwareVersion"_s).toString(), QStringLiteral(QBMC_VERSION));
    QVERIFY(QDateTime::fromString(manager.value(u"DateTime"_s).toString(), Qt::ISODate).isValid());
    QCOMPARE(manager.value(u"SerialConsole"_s).toObject().value(u"ServiceEnabled"_s).toBool(), true);

    const QJsonArray interfaces = get(path + u"/EthernetInterfaces"_s, admin()).json().value(u"Members"_s).toArray();
    for (const QJsonValue &interface : interfaces)
        QCOMPARE(get(interface.toObject().value(u"@odata.id"_s).toString(), admin()).status, 200);

    QCOMPARE(get(path + u"/NetworkProtocol"_s, admin()).json().value(u"IPMI"_s).toObject().value(u"Port"_s).toInt(),
             m_daemon->ipmiPort());
    Reply reply = send(u"PATCH"_s, path + u"/NetworkProtocol"_s, R"({"IPMI":{"ProtocolEnabled":false}})", admin());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"IPMI"_s).toObject().value(u"ProtocolEnabled"_s).toBool(), false);
    QVERIFY(
        IpmiClients::ipmitool(m_daemon->ipmiPort(), u"admin"_s, adminPassword, {u"chassis"_s, u"power"_s, u"status"_s})
            .exitCode
        != 0);
    QVERIFY(m_daemon->logCount("IPMI over LAN stopped") > 0);
    QCOMPARE(send(u"PATCH"_s, path + u"/NetworkProtocol"_s, R"({"IPMI":{"ProtocolEnabled":true}})", admin()).status,
             200);
    QCOMPARE(
        IpmiClients::ipmitool(m_daemon->ipmiPort(), u"admin"_s, adminPassword, {u"chassis"_s, u"power"_s, u"status"_s})
            .exitCode,
        0);
    reply = send(u"PATCH"_s, path + u"/NetworkProtocol"_s, R"({"HTTPS":{"Port":80}})", admin());
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.messageKey(), u"PropertyNotWritable"_s);
    QCOMPARE(send(u"PATCH"_s, path + u"/NetworkProtocol"_s, R"({"IPMI":{"ProtocolEnabled":true}})",
                  {u"-u"_s, u"viewer:"_s + viewerPassword})
                 .status,
             403);
}

void tst_Redfish::queryParameters()
{
    const QString entries = u"/redfish/v1/Managers/bmc/LogServices/EventLog/Entries"_s;
    const int total = get(entries, admin()).json().value(u"Members@odata.count"_s).toInt();
    QVERIFY(total > 4);
    QJsonObject page = get(entries + u"?$top=2&$skip=1"_s, admin()).json();
    QCOMPARE(page.value(u"Members"_s).toArray().size(), 2);
    QCOMPARE(page.value(u"Members@odata.count"_s).toInt(), total);
    QCOMPARE(page.value(u"Members@odata.nextLink"_s).toString(), entries + u"?$skip=3&$top=2"_s);
    page = get(entries + u"?$skip=%1"_s.arg(total - 1), admin()).json();
    QCOMPARE(page.value(u"Members"_s).toArray().size(), 1);
    QVERIFY(!page.contains(u"Members@odata.nextLink"_s));

    QJsonObject system =
        get(u"/redfish/v1/Systems/system?$select=PowerState,Boot/BootSourceOverrideTarget"_s, admin()).json();
    QCOMPARE(system.value(u"PowerState"_s).toString(), u"Off"_s);
    QCOMPARE(system.value(u"Boot"_s).toObject().keys(), QStringList{u"BootSourceOverrideTarget"_s});
    QVERIFY(!system.contains(u"Actions"_s));
    QCOMPARE(system.value(u"@odata.id"_s).toString(), u"/redfish/v1/Systems/system"_s);

    for (const QString &expand : {u"."_s, u".($levels=1)"_s, u"*"_s}) {
        const QJsonObject systems = get(u"/redfish/v1/Systems?$expand="_s + expand, admin()).json();
        QVERIFY2(systems.value(u"Members"_s).toArray().at(0).toObject().contains(u"PowerState"_s), qPrintable(expand));
    }
    // "." leaves Links alone; "~" expands only them.
    QVERIFY(!get(u"/redfish/v1/Chassis/chassis?$expand=."_s, admin())
                 .json()
                 .value(u"Links"_s)
                 .toObject()
                 .value(u"ComputerSystems"_s)
                 .toArray()
                 .at(0)
                 .toObject()
                 .contains(u"PowerState"_s));
    QVERIFY(get(u"/redfish/v1/Chassis/chassis?$expand=~"_s, admin())
                .json()
                .value(u"Links"_s)
                .toObject()
                .value(u"ComputerSystems"_s)
                .toArray()
                .at(0)
                .toObject()
                .contains(u"PowerState"_s));

    Reply reply = get(u"/redfish/v1/Systems?$expand=sideways"_s, admin());
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.messageKey(), u"QueryParameterValueTypeError"_s);
    QCOMPARE(get(u"/redfish/v1/Systems?$top=-1"_s, admin()).status, 400);
    reply = get(u"/redfish/v1/Systems?$filter=Id%20eq%20'x'"_s, admin());
    QCOMPARE(reply.status, 501);
    QCOMPARE(reply.messageKey(), u"QueryParameterUnsupported"_s);
    QCOMPARE(get(u"/redfish/v1/Systems?colour=blue"_s, admin()).status, 200);
}

void tst_Redfish::eventStream()
{
    const QString uri = get(u"/redfish/v1/EventService"_s, admin()).json().value(u"ServerSentEventUri"_s).toString();
    QCOMPARE(uri, u"/redfish/v1/EventService/SSE"_s);
    const auto openStream = [&](QProcess *curl) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"CURL_CA_BUNDLE"_s);
        curl->setProcessEnvironment(environment);
        curl->start(u"curl"_s,
                    {u"-sk"_s, u"-N"_s, u"-i"_s, u"-u"_s, u"admin:"_s + adminPassword,
                     u"https://127.0.0.1:%1%2"_s.arg(m_daemon->redfishPort()).arg(uri)});
    };
    QProcess stream;
    openStream(&stream);
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += stream.readAllStandardOutput()).contains(": qbmc events"), 10000);
    QVERIFY(received.contains("Content-Type: text/event-stream"));

    QElapsedTimer clock;
    clock.start();
    QCOMPARE(
        send(u"POST"_s, u"/redfish/v1/Systems/system/Actions/ComputerSystem.Reset"_s, R"({"ResetType":"On"})", admin())
            .status,
        202);
    QTRY_VERIFY_WITH_TIMEOUT((received += stream.readAllStandardOutput()).contains("On requested by redfish:admin"),
                             10000);
    qInfo("the power event arrived %lld ms after the request was sent", qlonglong(clock.elapsed()));
    QTRY_VERIFY_WITH_TIMEOUT((received += stream.readAllStandardOutput()).contains("power state is now On"), 20000);
    QVERIFY(received.contains("ResourceEvent.1.3.ResourceCreated")); // the event log's entries too

    // Every event is a Redfish Event.
    for (const QByteArray &line : received.split('\n')) {
        if (line.startsWith("data: "))
            m_bodies.append(
                QJsonObject{{u"where"_s, u"SSE"_s}, {u"body"_s, QJsonDocument::fromJson(line.mid(6)).object()}});
    }

    // The stream limit, and a client that goes away does no harm.
    std::vector<std::unique_ptr<QProcess>> more;
    for (int i = 1; i < 8; ++i) {
        more.push_back(std::make_unique<QProcess>());
        openStream(more.back().get());
    }
    QByteArray last;
    QTRY_VERIFY_WITH_TIMEOUT((last += more.back()->readAllStandardOutput()).contains(": qbmc events"), 10000);
    const Reply refused = get(uri, admin());
    QCOMPARE(refused.status, 503);
    QCOMPARE(refused.messageKey(), u"EventSubscriptionLimitExceeded"_s);
    stream.kill();
    stream.waitForFinished();
    for (const auto &curl : more) {
        curl->kill();
        curl->waitForFinished();
    }
    more.clear();
    QCOMPARE(send(u"POST"_s, u"/redfish/v1/Systems/system/Actions/ComputerSystem.Reset"_s,
                  R"({"ResetType":"ForceOff"})", admin())
                 .status,
             202);
    QTRY_COMPARE_WITH_TIMEOUT(powerState(), u"Off"_s, 20000);
}

// Read-only: qbmc's own version and the configured host firmware version.
void tst_Redfish::firmwareInventory()
{
    const QJsonObject service = get(u"/redfish/v1/UpdateService"_s, admin()).json();
    QCOMPARE(service.value(u"ServiceEnabled"_s).toBool(), false);
    const QString inventory = service.value(u"FirmwareInventory"_s).toObject().value(u"@odata.id"_s).toString();
    QCOMPARE(get(inventory, admin()).json().value(u"Members@odata.count"_s).toInt(), 2);
    const QJsonObject bmc = get(inventory + u"/bmc"_s, admin()).json();
    QCOMPARE(bmc.value(u"Version"_s).toString(), QStringLiteral(QBMC_VERSION));
    QCOMPARE(bmc.value(u"Updateable"_s).toBool(), false);
    QCOMPARE(get(inventory + u"/bios"_s, admin()).json().value(u"Version"_s).toString(), u"2.19.1"_s);
    QCOMPARE(get(u"/redfish/v1/Systems/system"_s, admin()).json().value(u"BiosVersion"_s).toString(), u"2.19.1"_s);
    QCOMPARE(get(inventory + u"/cpld"_s, admin()).status, 404);
}

void tst_Redfish::logs()
{
    const QString eventLog = u"/redfish/v1/Managers/bmc/LogServices/EventLog"_s;
    QCOMPARE(get(u"/redfish/v1/Managers/bmc/LogServices"_s, admin()).json().value(u"Members@odata.count"_s).toInt(), 2);
    QJsonArray entries = get(eventLog + u"/Entries"_s, admin()).json().value(u"Members"_s).toArray();
    QVERIFY(entries.size() > 5);
    // The collection's schema expands its members: each is the whole entry, as its own URI has it.
    const QJsonObject last = get(entries.last().toObject().value(u"@odata.id"_s).toString(), admin()).json();
    QVERIFY(!last.value(u"Message"_s).toString().isEmpty());
    QCOMPARE(entries.last().toObject(), last);
    QCOMPARE(
        send(u"POST"_s, eventLog + u"/Actions/LogService.ClearLog"_s, "{}", {u"-u"_s, u"viewer:"_s + viewerPassword})
            .status,
        403);
    QCOMPARE(send(u"POST"_s, eventLog + u"/Actions/LogService.ClearLog"_s, "{}", admin()).status, 204);
    entries = get(eventLog + u"/Entries"_s, admin()).json().value(u"Members"_s).toArray();
    QCOMPARE(entries.size(), 1); // "log cleared", by whom
    QVERIFY(get(entries.first().toObject().value(u"@odata.id"_s).toString(), admin())
                .json()
                .value(u"Message"_s)
                .toString()
                .contains(u"redfish:admin"_s));

    // The simulated host booted earlier in this test: its console log has the boot messages.
    const QString console = u"/redfish/v1/Managers/bmc/LogServices/HostConsole/Entries"_s;
    const QJsonArray files = get(console, admin()).json().value(u"Members"_s).toArray();
    QCOMPARE(files.size(), 1);
    const QJsonObject entry = get(console + u"/0"_s, admin()).json();
    QCOMPARE(files.first().toObject(), entry);
    QCOMPARE(entry.value(u"Name"_s).toString(), u"console.log"_s);
    const Reply attachment = get(entry.value(u"AdditionalDataURI"_s).toString(), admin());
    QCOMPARE(attachment.status, 200);
    QVERIFY(attachment.body.contains("Linux version"));
    QCOMPARE(qint64(attachment.body.size()), qint64(entry.value(u"AdditionalDataSizeBytes"_s).toDouble()));
    QCOMPARE(get(entry.value(u"AdditionalDataURI"_s).toString(), {u"-u"_s, u"viewer:"_s + viewerPassword}).status, 403);
}

void tst_Redfish::crawl()
{
    // Every resource reachable from the service root answers 200 (and goes to schema validation).
    QStringList queue{u"/redfish/v1"_s};
    QSet<QString> seen;
    while (!queue.isEmpty()) {
        const QString path = queue.takeFirst();
        if (seen.contains(path) || path.contains(u"/attachment"_s) || path.endsWith(u"/SSE"_s))
            continue;
        seen.insert(path);
        const Reply reply = get(path, admin());
        QVERIFY2(reply.status == 200, qPrintable(path + u": "_s + QString::number(reply.status)));
        const std::function<void(const QJsonValue &)> collect = [&](const QJsonValue &value) {
            if (value.isObject()) {
                const QJsonObject object = value.toObject();
                for (auto it = object.begin(); it != object.end(); ++it) {
                    if (it.key() == u"@odata.id"_s && it->toString() != path && !it->toString().contains(u'#'))
                        queue.append(it->toString());
                    else
                        collect(*it);
                }
            } else if (value.isArray()) {
                for (const QJsonValue &item : value.toArray())
                    collect(item);
            }
        };
        collect(reply.json());
    }
    qInfo("%lld resources reached from the service root", qlonglong(seen.size()));
    QVERIFY(seen.size() > 30);
}

void tst_Redfish::managerReset()
{
    const Reply reply = send(u"POST"_s, u"/redfish/v1/Managers/bmc/Actions/Manager.Reset"_s,
                             R"({"ResetType":"GracefulRestart"})", admin());
    QCOMPARE(reply.status, 204);
    QTRY_COMPARE_WITH_TIMEOUT(m_daemon->logCount("qbmc.app: ready"), 2, 30000);
    QCOMPARE(get(u"/redfish/v1/Systems/system"_s, admin()).status, 200);
    QVERIFY(m_daemon->standardError().contains("restarting in place: Redfish Manager.Reset by admin"));
}

void tst_Redfish::bodiesFollowTheSchemas()
{
    QVERIFY(m_bodies.size() > 30);
    // DMTF's schemas are not part of the repository; without them there is nothing to check against.
    const QString schemas = QStringLiteral(QBMC_DMTF_SCHEMAS "/json-schema");
    if (!QFileInfo(schemas).isDir())
        QSKIP("DMTF's JSON schemas are not in QBMC_DMTF_SCHEMAS (" QBMC_DMTF_SCHEMAS "); bodies not validated");
    QProcess validator;
    validator.start(u"/usr/bin/python3"_s,
                    {QStringLiteral(QBMC_SOURCE_DIR "/tests/integration/redfish_validate.py"), schemas});
    validator.write(QJsonDocument(m_bodies).toJson(QJsonDocument::Compact));
    validator.closeWriteChannel();
    QVERIFY(validator.waitForFinished(120000));
    const QByteArray skipped = validator.readAllStandardError();
    if (!skipped.isEmpty())
        qInfo("%s", skipped.constData());
    QVERIFY2(validator.exitCode() == 0, validator.readAllStandardOutput().constData());
}

QTEST_GUILESS_MAIN(tst_Redfish)
#include "tst_redfish.moc"
