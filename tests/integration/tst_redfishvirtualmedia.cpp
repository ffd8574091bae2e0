#include "DaemonProcess.h"
#include "ImageServer.h"
#include "RedfishClients.h"
#include "StoredEventLog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;
using RedfishClients::Reply;

namespace {
const QString adminPassword = u"Media-test-1"_s;
const QString imageUser = u"mirror"_s;
const QString imagePassword = u"Mirror-secret-9"_s;
// A host that powers on quickly, and a store small enough to fill.
const QByteArray config = "host:\n  sim:\n    power_on_delay: 0.2\n    setup_wait: 0.1\n    shutdown_delay: 0.3\n"
                          "    force_off_hold: 0.3\npower:\n  long_press: 0.5\n  cycle_delay: 0.2\n"
                          "media:\n  max_bytes: 2097152\n";
const QString collection = u"/redfish/v1/Managers/bmc/VirtualMedia"_s;
const QString cd = collection + u"/CD"_s;
const QString usb = collection + u"/USBStick"_s;

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
} // namespace

// Virtual media through Redfish on the real daemon: images copied from HTTPS and HTTP servers on
// loopback (ISOs made with xorriso) into the media store as tasks, inserted, booted by the
// simulated host, ejected; every refusal with its Base message; cancelling; restarts and a kill
// in the middle of a copy; sushy's calls.
class tst_RedfishVirtualMedia : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void theSlotsAreDescribedWithTheirActions();
    void anHttpsImageIsCopiedInsertedAndBooted();
    void refusalsSayWhyAndLeaveTheStoreClean();
    void downloadsThatFailEndTheirTaskWithTheReason();
    void aCopyCanBeCancelledOrEjected();
    void sushyInsertsAndEjects();
    void theStoreListsAndDeletesImages();
    void insertedMediaOutliveARestartAndAKill();

private:
    Reply get(const QString &path) { return RedfishClients::curl(m_daemon->redfishPort(), u"GET"_s, path, admin()); }
    Reply post(const QString &path, const QByteArray &body)
    {
        return RedfishClients::curl(m_daemon->redfishPort(), u"POST"_s, path, admin(), body);
    }
    Reply insert(const QString &slot, const QJsonObject &body)
    {
        return post(slot + u"/Actions/VirtualMedia.InsertMedia"_s, json(body));
    }
    Reply eject(const QString &slot) { return post(slot + u"/Actions/VirtualMedia.EjectMedia"_s, "{}"); }
    QStringList admin() const { return {u"-u"_s, u"admin:"_s + adminPassword}; }
    // Follows an accepted request's task until it ends; the task as it ended.
    QJsonObject waitForTask(const Reply &accepted);
    // What the store's folder holds, hidden files too.
    QStringList storeFiles() const;
    bool consoleShows(const QByteArray &text) const;
    void makeImages();

    QTemporaryDir m_images;
    std::unique_ptr<ImageServer> m_https;
    std::unique_ptr<ImageServer> m_http;
    std::unique_ptr<DaemonProcess> m_daemon;
};

void tst_RedfishVirtualMedia::makeImages()
{
    const QDir root(m_images.path());
    QVERIFY(root.mkpath(u"src/boot"_s));
    QFile bootImage(root.filePath(u"src/boot/boot.img"_s));
    QVERIFY(bootImage.open(QIODevice::WriteOnly));
    bootImage.write(QByteArray(2048, '\0'));
    bootImage.close();
    QFile readme(root.filePath(u"src/README.txt"_s));
    QVERIFY(readme.open(QIODevice::WriteOnly));
    readme.write("qbmc virtual media test image\n");
    readme.close();
    const auto xorriso = [&](const QStringList &arguments) {
        QProcess process;
        process.setWorkingDirectory(root.path());
        process.start(u"xorriso"_s, QStringList{u"-as"_s, u"mkisofs"_s} + arguments);
        return process.waitForFinished(60000) && process.exitCode() == 0;
    };
    QVERIFY(xorriso({u"-V"_s, u"QBMC_INSTALLER"_s, u"-b"_s, u"boot/boot.img"_s, u"-no-emul-boot"_s, u"-o"_s,
                     u"installer.iso"_s, u"src"_s}));
    QVERIFY(xorriso({u"-V"_s, u"QBMC_DATA"_s, u"-o"_s, u"data.iso"_s, u"src"_s}));
    // More than media.max_bytes, and one that takes a while through /slow/.
    for (const auto &[name, bytes] : {std::pair{u"big.img"_s, 3 << 20}, std::pair{u"slow.img"_s, 1 << 20}}) {
        QFile file(root.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write(QByteArray(bytes, 'q')) == bytes);
    }
}

void tst_RedfishVirtualMedia::initTestCase()
{
    if (QStandardPaths::findExecutable(u"xorriso"_s).isEmpty())
        QSKIP("xorriso is not installed (tools/install-deps installs it)");
    makeImages();
    m_https = std::make_unique<ImageServer>(m_images.path(), ImageServer::Options{true, {}, {}});
    m_http = std::make_unique<ImageServer>(m_images.path(), ImageServer::Options{false, imageUser, imagePassword});
    m_daemon = std::make_unique<DaemonProcess>();
    m_daemon->setEnvironmentValue(u"QBMC_ADMIN_PASSWORD"_s, adminPassword);
    m_daemon->writeConfig(config);
    QVERIFY2(m_daemon->start(), m_daemon->standardError().constData());
}

void tst_RedfishVirtualMedia::cleanupTestCase()
{
    m_daemon.reset();
    m_http.reset();
    m_https.reset();
}

QJsonObject tst_RedfishVirtualMedia::waitForTask(const Reply &accepted)
{
    if (accepted.status != 202) {
        qWarning("not accepted: %d %s", accepted.status, accepted.body.constData());
        return {};
    }
    const QString monitor = QString::fromUtf8(accepted.header("location"));
    const QString task = accepted.json().value(u"@odata.id"_s).toString();
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 60000) {
        if (get(monitor).status != 202)
            break;
        QTest::qWait(100);
    }
    return get(task).json();
}

QStringList tst_RedfishVirtualMedia::storeFiles() const
{
    return QDir(QDir(m_daemon->stateDir()).filePath(u"media"_s))
        .entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
}

bool tst_RedfishVirtualMedia::consoleShows(const QByteArray &text) const
{
    QFile log(QDir(m_daemon->stateDir()).filePath(u"console.log"_s));
    return log.open(QIODevice::ReadOnly) && log.readAll().contains(text);
}

void tst_RedfishVirtualMedia::theSlotsAreDescribedWithTheirActions()
{
    const QJsonArray members = get(collection).json().value(u"Members"_s).toArray();
    QCOMPARE(members.size(), 2);
    QCOMPARE(members.at(0).toObject().value(u"@odata.id"_s).toString(), cd);
    QCOMPARE(members.at(1).toObject().value(u"@odata.id"_s).toString(), usb);
    for (const QString &linking : {u"/redfish/v1/Managers/bmc"_s, u"/redfish/v1/Systems/system"_s})
        QCOMPARE(get(linking).json().value(u"VirtualMedia"_s).toObject().value(u"@odata.id"_s).toString(), collection);

    const QJsonObject drive = get(cd).json();
    QCOMPARE(drive.value(u"MediaTypes"_s).toArray(), QJsonArray({u"CD"_s, u"DVD"_s}));
    QCOMPARE(drive.value(u"Inserted"_s).toBool(true), false);
    QVERIFY(drive.value(u"Image"_s).isNull());
    QCOMPARE(drive.value(u"WriteProtected"_s).toBool(), true);
    QCOMPARE(drive.value(u"ConnectedVia"_s).toString(), u"NotConnected"_s);
    QVERIFY(drive.value(u"Password"_s).isNull());
    QCOMPARE(get(usb).json().value(u"MediaTypes"_s).toArray(), QJsonArray({u"USBStick"_s}));

    const QJsonObject action = drive.value(u"Actions"_s).toObject().value(u"#VirtualMedia.InsertMedia"_s).toObject();
    QCOMPARE(action.value(u"target"_s).toString(), cd + u"/Actions/VirtualMedia.InsertMedia"_s);
    const QJsonArray parameters =
        get(action.value(u"@Redfish.ActionInfo"_s).toString()).json().value(u"Parameters"_s).toArray();
    QJsonObject byName;
    for (const QJsonValue &parameter : parameters)
        byName.insert(parameter.toObject().value(u"Name"_s).toString(), parameter);
    QCOMPARE(byName.value(u"Image"_s).toObject().value(u"Required"_s).toBool(), true);
    QCOMPARE(byName.value(u"TransferMethod"_s).toObject().value(u"AllowableValues"_s).toArray(),
             QJsonArray({u"Upload"_s}));
    QCOMPARE(byName.value(u"TransferProtocolType"_s).toObject().value(u"AllowableValues"_s).toArray(),
             QJsonArray({u"HTTP"_s, u"HTTPS"_s}));
    QVERIFY(byName.contains(u"UserName"_s) && byName.contains(u"Password"_s));
    const QString ejectInfo = drive.value(u"Actions"_s)
                                  .toObject()
                                  .value(u"#VirtualMedia.EjectMedia"_s)
                                  .toObject()
                                  .value(u"@Redfish.ActionInfo"_s)
                                  .toString();
    QCOMPARE(get(ejectInfo).status, 200);
    QCOMPARE(get(collection + u"/Floppy"_s).status, 404);
}

void tst_RedfishVirtualMedia::anHttpsImageIsCopiedInsertedAndBooted()
{
    const QString url = m_https->url(u"/installer.iso"_s);
    // The server's certificate is its own: checked by default, refused.
    QJsonObject task = waitForTask(insert(cd, {{u"Image"_s, url}, {u"TransferProtocolType"_s, u"HTTPS"_s}}));
    QCOMPARE(task.value(u"TaskState"_s).toString(), u"Exception"_s);
    QJsonObject message = task.value(u"Messages"_s).toArray().first().toObject();
    QCOMPARE(message.value(u"MessageId"_s).toString().section(u'.', 3), u"CouldNotEstablishConnection"_s);
    QVERIFY2(message.value(u"Resolution"_s).toString().contains(u"VerifyCertificate"_s),
             qPrintable(message.value(u"Resolution"_s).toString()));
    QCOMPARE(storeFiles(), QStringList());

    const Reply patched =
        RedfishClients::curl(m_daemon->redfishPort(), u"PATCH"_s, cd, admin(), R"({"VerifyCertificate": false})");
    QCOMPARE(patched.status, 200);
    QCOMPARE(patched.json().value(u"VerifyCertificate"_s).toBool(true), false);

    const Reply accepted = insert(cd, {{u"Image"_s, url}, {u"TransferProtocolType"_s, u"HTTPS"_s}});
    QCOMPARE(accepted.status, 202);
    task = waitForTask(accepted);
    QCOMPARE(task.value(u"TaskState"_s).toString(), u"Completed"_s);
    QCOMPARE(task.value(u"PercentComplete"_s).toInt(), 100);
    const QJsonObject drive = get(cd).json();
    QCOMPARE(drive.value(u"Inserted"_s).toBool(), true);
    QCOMPARE(drive.value(u"Image"_s).toString(), url);
    QCOMPARE(drive.value(u"ImageName"_s).toString(), u"installer.iso"_s);
    QCOMPARE(drive.value(u"TransferProtocolType"_s).toString(), u"HTTPS"_s);
    QCOMPARE(drive.value(u"TransferMethod"_s).toString(), u"Upload"_s);
    QCOMPARE(drive.value(u"ConnectedVia"_s).toString(), u"URI"_s);
    QCOMPARE(storeFiles(), QStringList({u".installer.iso.sha256"_s, u"installer.iso"_s}));

    // Booted from it: a Once override to the CD, then power on.
    const Reply boot =
        RedfishClients::curl(m_daemon->redfishPort(), u"PATCH"_s, u"/redfish/v1/Systems/system"_s, admin(),
                             R"({"Boot": {"BootSourceOverrideTarget": "Cd", "BootSourceOverrideEnabled": "Once"}})");
    QCOMPARE(boot.status, 200);
    QVERIFY(post(u"/redfish/v1/Systems/system/Actions/ComputerSystem.Reset"_s, R"({"ResetType": "On"})").status < 300);
    QVERIFY2(QTest::qWaitFor([&] { return consoleShows("Booting from CD: QBMC_INSTALLER"); }, 30000),
             m_daemon->standardErrorSoFar().right(3000).constData());

    const auto logged = [&] {
        for (const QJsonValue &entry : storedEventLog(m_daemon->stateDir())) {
            const QJsonObject object = entry.toObject();
            if (object.value(u"message"_s).toString() == u"Virtual media CD: installer.iso inserted"_s
                && object.value(u"origin"_s).toString() == u"redfish"_s
                && object.value(u"user"_s).toString() == u"admin"_s)
                return true;
        }
        return false;
    };
    QVERIFY(QTest::qWaitFor(logged, 10000));

    QCOMPARE(eject(cd).status, 200);
    QCOMPARE(get(cd).json().value(u"Inserted"_s).toBool(true), false);
    QVERIFY(get(cd).json().value(u"ImageName"_s).isNull());
    // The copy stays in the store for the next time.
    QVERIFY(storeFiles().contains(u"installer.iso"_s));
    QVERIFY(post(u"/redfish/v1/Systems/system/Actions/ComputerSystem.Reset"_s, R"({"ResetType": "ForceOff"})").status
            < 300);
}

void tst_RedfishVirtualMedia::refusalsSayWhyAndLeaveTheStoreClean()
{
    const QStringList before = storeFiles();
    const QString url = m_https->url(u"/data.iso"_s);
    struct Case
    {
        const char *name;
        QString slot;
        QByteArray body;
        int status;
        QString message;
    };
    const QList<Case> cases{
        {"scheme against protocol", usb,
         json({{u"Image"_s, m_http->url(u"/data.iso"_s)}, {u"TransferProtocolType"_s, u"HTTPS"_s}}), 400,
         u"ActionParameterValueConflict"_s},
        {"unsupported scheme", usb, json({{u"Image"_s, u"nfs://127.0.0.1/export/data.iso"_s}}), 400,
         u"ActionParameterValueFormatError"_s},
        {"unsupported protocol type", usb, json({{u"Image"_s, url}, {u"TransferProtocolType"_s, u"CIFS"_s}}), 400,
         u"ActionParameterValueNotInList"_s},
        {"streaming", usb, json({{u"Image"_s, url}, {u"TransferMethod"_s, u"Stream"_s}}), 400,
         u"ActionParameterValueNotInList"_s},
        {"writable CD", cd, json({{u"Image"_s, url}, {u"WriteProtected"_s, false}}), 400,
         u"ActionParameterValueConflict"_s},
        {"no image", usb, "{}", 400, u"ActionParameterMissing"_s},
        {"unknown parameter", usb, json({{u"Image"_s, url}, {u"Floppy"_s, true}}), 400,
         u"ActionParameterNotSupported"_s},
        {"wrong type", usb, json({{u"Image"_s, url}, {u"Inserted"_s, u"yes"_s}}), 400,
         u"ActionParameterValueTypeError"_s},
        {"not JSON", usb, "{\"Image\": ", 400, u"MalformedJSON"_s},
        {"no file name", usb, json({{u"Image"_s, m_https->url(u"/"_s)}}), 400, u"ActionParameterValueFormatError"_s},
        {"absent store image", usb, json({{u"Image"_s, u"absent.iso"_s}}), 400, u"ResourceMissingAtURI"_s},
    };
    for (const Case &test : cases) {
        const Reply reply = post(test.slot + u"/Actions/VirtualMedia.InsertMedia"_s, test.body);
        QVERIFY2(reply.status == test.status && reply.messageKey() == test.message,
                 qPrintable(u"%1: %2 %3"_s.arg(QString::fromLatin1(test.name))
                                .arg(reply.status)
                                .arg(QString::fromUtf8(reply.body))));
    }
    const Reply streaming = insert(usb, {{u"Image"_s, url}, {u"TransferMethod"_s, u"Stream"_s}});
    QVERIFY(streaming.firstMessage().value(u"Resolution"_s).toString().contains(u"Upload"_s));

    // A slot that holds an image refuses another until it is ejected.
    QCOMPARE(insert(cd, {{u"Image"_s, u"installer.iso"_s}}).status, 200);
    const Reply occupied = insert(cd, {{u"Image"_s, u"installer.iso"_s}});
    QCOMPARE(occupied.status, 409);
    QCOMPARE(occupied.messageKey(), u"ResourceInUse"_s);
    // An image the host may be reading is not replaced by a new copy.
    const Reply inUse = insert(usb, {{u"Image"_s, m_https->url(u"/installer.iso"_s)}});
    QCOMPARE(inUse.status, 409);
    QCOMPARE(eject(cd).status, 200);
    QCOMPARE(eject(cd).status, 200); // an empty drive ejects without complaint
    QCOMPARE(RedfishClients::curl(m_daemon->redfishPort(), u"POST"_s, cd + u"/Actions/VirtualMedia.EjectMedia"_s,
                                  admin() + QStringList{u"-d"_s, u""_s})
                 .status,
             200);
    QCOMPARE(storeFiles(), before);
    QCOMPARE(get(u"/redfish/v1"_s).status, 200);
}

void tst_RedfishVirtualMedia::downloadsThatFailEndTheirTaskWithTheReason()
{
    const QStringList before = storeFiles();
    QCOMPARE(RedfishClients::curl(m_daemon->redfishPort(), u"PATCH"_s, usb, admin(), R"({"VerifyCertificate": false})")
                 .status,
             200);
    const quint16 closedPort = DaemonProcess::freeTcpPort();
    struct Case
    {
        const char *name;
        QJsonObject body;
        QString message;
    };
    const QList<Case> cases{
        {"unreachable",
         {{u"Image"_s, u"http://127.0.0.1:%1/data.iso"_s.arg(closedPort)}},
         u"CouldNotEstablishConnection"_s},
        {"not found", {{u"Image"_s, m_https->url(u"/missing.iso"_s)}}, u"ResourceMissingAtURI"_s},
        {"no credentials", {{u"Image"_s, m_http->url(u"/private/data.iso"_s)}}, u"ResourceAtUriUnauthorized"_s},
        {"wrong credentials",
         {{u"Image"_s, m_http->url(u"/private/data.iso"_s)}, {u"UserName"_s, imageUser}, {u"Password"_s, u"guess"_s}},
         u"ResourceAtUriUnauthorized"_s},
        {"store full", {{u"Image"_s, m_https->url(u"/big.img"_s)}}, u"InsufficientStorage"_s},
    };
    for (const Case &test : cases) {
        const QJsonObject task = waitForTask(insert(usb, test.body));
        const QJsonObject message = task.value(u"Messages"_s).toArray().first().toObject();
        QVERIFY2(task.value(u"TaskState"_s).toString() == u"Exception"_s
                     && message.value(u"MessageId"_s).toString().section(u'.', 3) == test.message,
                 qPrintable(QString::fromLatin1(test.name) + u": "_s
                            + QString::fromUtf8(QJsonDocument(task).toJson(QJsonDocument::Compact))));
        QVERIFY2(!message.value(u"Resolution"_s).toString().isEmpty(), test.name);
        QCOMPARE(get(usb).json().value(u"Inserted"_s).toBool(true), false);
        QCOMPARE(storeFiles(), before);
    }

    // The right credentials, in the parameters: copied and inserted; the password is kept nowhere.
    const QJsonObject task = waitForTask(insert(usb,
                                                {{u"Image"_s, m_http->url(u"/private/data.iso"_s)},
                                                 {u"UserName"_s, imageUser},
                                                 {u"Password"_s, imagePassword}}));
    QCOMPARE(task.value(u"TaskState"_s).toString(), u"Completed"_s);
    QVERIFY(!QJsonDocument(task).toJson().contains(imagePassword.toUtf8()));
    const QJsonObject stick = get(usb).json();
    QCOMPARE(stick.value(u"UserName"_s).toString(), imageUser);
    QVERIFY(stick.value(u"Password"_s).isNull());
    QCOMPARE(stick.value(u"TransferProtocolType"_s).toString(), u"HTTP"_s);
    for (const QString &file : QDir(m_daemon->stateDir()).entryList(QDir::Files)) {
        QFile state(QDir(m_daemon->stateDir()).filePath(file));
        QVERIFY(state.open(QIODevice::ReadOnly));
        QVERIFY2(!state.readAll().contains(imagePassword.toUtf8()), qPrintable(file));
    }
    QVERIFY(!m_daemon->standardErrorSoFar().contains(imagePassword.toUtf8()));
    QCOMPARE(eject(usb).status, 200);
}

void tst_RedfishVirtualMedia::aCopyCanBeCancelledOrEjected()
{
    const QStringList before = storeFiles();
    const QString url = m_https->url(u"/slow/slow.img"_s);
    Reply accepted = insert(usb, {{u"Image"_s, url}});
    QCOMPARE(accepted.status, 202);
    // While it is copied the slot is taken: it shows the image, not yet inserted.
    QJsonObject stick = get(usb).json();
    QCOMPARE(stick.value(u"Image"_s).toString(), url);
    QCOMPARE(stick.value(u"Inserted"_s).toBool(true), false);
    QCOMPARE(insert(usb, {{u"Image"_s, u"installer.iso"_s}}).status, 409);
    const QString monitor = QString::fromUtf8(accepted.header("location"));
    QVERIFY(QTest::qWaitFor(
        [&] {
            return get(accepted.json().value(u"@odata.id"_s).toString()).json().value(u"PercentComplete"_s).toInt() > 0;
        },
        20000));
    QCOMPARE(get(monitor).header("allow"), "GET, DELETE"_ba);
    QCOMPARE(RedfishClients::curl(m_daemon->redfishPort(), u"DELETE"_s, monitor, admin()).status, 204);
    QJsonObject task = waitForTask(accepted);
    QCOMPARE(task.value(u"TaskState"_s).toString(), u"Cancelled"_s);
    QVERIFY(get(usb).json().value(u"Image"_s).isNull());
    QCOMPARE(storeFiles(), before);

    // Ejecting a drive whose image is still being copied stops the copy.
    accepted = insert(usb, {{u"Image"_s, url}});
    QCOMPARE(accepted.status, 202);
    QCOMPARE(eject(usb).status, 200);
    task = waitForTask(accepted);
    QCOMPARE(task.value(u"TaskState"_s).toString(), u"Cancelled"_s);
    QCOMPARE(storeFiles(), before);
}

void tst_RedfishVirtualMedia::sushyInsertsAndEjects()
{
    const QString script = uR"(
import sushy, sys, time, urllib3
urllib3.disable_warnings()
root = sushy.Sushy('https://127.0.0.1:%1/redfish/v1', username='admin', password='%2', verify=False)
manager = root.get_manager('/redfish/v1/Managers/bmc')
stick = manager.virtual_media.get_member('/redfish/v1/Managers/bmc/VirtualMedia/USBStick')
stick.insert_media('%3', username='%4', password='%5', transfer_method='Upload')
for _ in range(200):
    stick.refresh()
    if stick.inserted:
        break
    time.sleep(0.1)
print('inserted', stick.inserted, stick.image_name, stick.transfer_method, stick.user_name)
stick.eject_media()
stick.refresh()
print('after eject', stick.inserted, stick.image)
)"_s.arg(m_daemon->redfishPort())
                               .arg(adminPassword, m_http->url(u"/private/data.iso"_s), imageUser, imagePassword);
    QProcess python;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"REQUESTS_CA_BUNDLE"_s);
    environment.remove(u"CURL_CA_BUNDLE"_s);
    python.setProcessEnvironment(environment);
    python.start(u"/usr/bin/python3"_s, {u"-c"_s, script});
    QVERIFY(python.waitForFinished(60000));
    const QByteArray output = python.readAllStandardOutput();
    QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
    QVERIFY2(output.contains("inserted True data.iso upload mirror") || output.contains("inserted True data.iso "),
             output.constData());
    QVERIFY2(output.contains("after eject False None"), output.constData());
}

void tst_RedfishVirtualMedia::theStoreListsAndDeletesImages()
{
    const QString storePath = get(u"/redfish/v1/Managers/bmc"_s)
                                  .json()
                                  .value(u"Oem"_s)
                                  .toObject()
                                  .value(u"Qbmc"_s)
                                  .toObject()
                                  .value(u"MediaStore"_s)
                                  .toObject()
                                  .value(u"@odata.id"_s)
                                  .toString();
    QCOMPARE(storePath, u"/redfish/v1/Managers/bmc/Oem/Qbmc/MediaStore"_s);
    QCOMPARE(insert(cd, {{u"Image"_s, u"installer.iso"_s}}).status, 200);
    const QJsonObject store = get(storePath).json();
    QCOMPARE(store.value(u"CapacityBytes"_s).toInteger(), 2097152);
    QJsonObject installer;
    QStringList names;
    for (const QJsonValue &image : store.value(u"Images"_s).toArray()) {
        names.append(image.toObject().value(u"Name"_s).toString());
        if (names.last() == u"installer.iso"_s)
            installer = image.toObject();
    }
    QCOMPARE(names, QStringList({u"data.iso"_s, u"installer.iso"_s}));
    QFile original(QDir(m_images.path()).filePath(u"installer.iso"_s));
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray content = original.readAll();
    QCOMPARE(installer.value(u"SizeBytes"_s).toInteger(), content.size());
    QCOMPARE(installer.value(u"SHA256"_s).toString(),
             QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex()));
    QCOMPARE(installer.value(u"InsertedIn"_s).toArray(), QJsonArray({u"CD"_s}));
    QVERIFY(store.value(u"UsedBytes"_s).toInteger() >= content.size());

    const auto remove = [&](const QString &name) {
        return RedfishClients::curl(m_daemon->redfishPort(), u"DELETE"_s, storePath + u"/Images/"_s + name, admin());
    };
    const Reply inUse = remove(u"installer.iso"_s);
    QCOMPARE(inUse.status, 409);
    QCOMPARE(inUse.messageKey(), u"ResourceInUse"_s);
    QCOMPARE(remove(u"absent.iso"_s).status, 404);
    QCOMPARE(remove(u"data.iso"_s).status, 204);
    QVERIFY(!storeFiles().contains(u"data.iso"_s));
    QVERIFY(!storeFiles().contains(u".data.iso.sha256"_s));
    QCOMPARE(eject(cd).status, 200);
}

void tst_RedfishVirtualMedia::insertedMediaOutliveARestartAndAKill()
{
    QCOMPARE(insert(cd, {{u"Image"_s, u"installer.iso"_s}}).status, 200);
    const QStringList before = storeFiles();
    // A copy under way when qbmc is killed.
    const Reply accepted = insert(usb, {{u"Image"_s, m_https->url(u"/slow/slow.img"_s)}});
    QCOMPARE(accepted.status, 202);
    QVERIFY(QTest::qWaitFor(
        [&] {
            return get(accepted.json().value(u"@odata.id"_s).toString()).json().value(u"PercentComplete"_s).toInt() > 0;
        },
        20000));
    QVERIFY(storeFiles() != before); // the partial file
    QVERIFY(m_daemon->stop(SIGKILL) >= std::chrono::milliseconds(0));

    QVERIFY2(m_daemon->start(), m_daemon->standardError().constData());
    QVERIFY2(storeFiles() == before, qPrintable(storeFiles().join(u' ')));
    const QJsonObject drive = get(cd).json();
    QCOMPARE(drive.value(u"Inserted"_s).toBool(), true);
    QCOMPARE(drive.value(u"ImageName"_s).toString(), u"installer.iso"_s);
    QCOMPARE(get(usb).json().value(u"Inserted"_s).toBool(true), false);
    QVERIFY(get(usb).json().value(u"Image"_s).isNull());
    // A certificate setting outlives it too.
    QCOMPARE(drive.value(u"VerifyCertificate"_s).toBool(true), false);

    QVERIFY(m_daemon->stop() >= std::chrono::milliseconds(0));
    QVERIFY2(m_daemon->start(), m_daemon->standardError().constData());
    QCOMPARE(get(cd).json().value(u"Inserted"_s).toBool(), true);
}

QTEST_GUILESS_MAIN(tst_RedfishVirtualMedia)
#include "tst_redfishvirtualmedia.moc"
