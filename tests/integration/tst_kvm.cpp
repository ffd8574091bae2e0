#include "DaemonProcess.h"
#include "RedfishClients.h"
#include "ScriptedClient.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
const QString adminPassword = u"Kvm-admin-1"_s;
const QString viewerPassword = u"Viewer-pass-1"_s;
const QString adminBasic = u"admin:"_s + adminPassword;
// The simulated display (SimulatedDisplay): the splash's logo, and the setup utility's title bar
// over the same spot once F2 has opened it.
constexpr int logoX = 210;
constexpr int logoY = 70;
const QString logoColour = u"1f5fbf"_s;
const QString setupColour = u"00e0e0"_s;
// X keysym and XT scan code of F2 and Escape.
constexpr int keysymF2 = 0xffbf;
constexpr int scanCodeF2 = 0x3c;
constexpr int keysymEscape = 0xff1b;
constexpr int scanCodeEscape = 0x01;

QJsonArray step(std::initializer_list<QJsonValue> values)
{
    return QJsonArray(values);
}

// TCP ports the process listens on, from its socket descriptors and /proc/net/tcp{,6}.
QSet<int> listeningPorts(qint64 pid)
{
    QSet<QString> inodes;
    const QDir descriptors(u"/proc/%1/fd"_s.arg(pid));
    for (const QString &name : descriptors.entryList(QDir::System)) {
        const QString target = QFile::symLinkTarget(descriptors.filePath(name));
        if (target.contains(u"socket:["_s))
            inodes.insert(target.section(u'[', 1).chopped(1));
    }
    QSet<int> ports;
    for (const QString &table : {u"/proc/net/tcp"_s, u"/proc/net/tcp6"_s}) {
        QFile file(table);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &line : file.readAll().split('\n').mid(1)) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            if (fields.size() > 9 && fields.at(3) == "0A" && inodes.contains(QString::fromLatin1(fields.at(9))))
                ports.insert(fields.at(1).split(':').value(1).toInt(nullptr, 16));
        }
    }
    return ports;
}
} // namespace

// The KVM (wss://…/kvm/0) of the real daemon over real TLS: the simulated host's display and
// keyboard behind libvncserver, with an RFB viewer of the tests' own over python3-websockets
// (kvm_viewer.py) that reads raw pixels, so what it sees is compared pixel by pixel.
class tst_Kvm : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void noListenerOfItsOwn();
    void refusedWithoutCredentials();
    void readOnlyAccountIsForbidden();
    void splashAfterPowerOnAndF2OpensSetup_data();
    void splashAfterPowerOnAndF2OpensSetup();
    void viewerFollowsTheHostBetweenModes();
    void onlyOneViewerDrives();
    void vncsnapshotThroughABridge();
    void viewersAreLimited();
    void listedAndEndedAsASession();
    void garbageClosesOnlyThatViewer();
    void viewerThatNeverReadsIsDropped();
    void graphicalConsoleInRedfish();
    void screenshotForAutomation();
    void switchedOffAndOnThroughRedfish();
    void daemonKeepsServing();
    void partsThatCannotBeHadLeaveTheRestServing();

private:
    QJsonObject runViewer(const QJsonObject &script);
    std::unique_ptr<QProcess> startViewer(const QJsonObject &script);
    RedfishClients::Reply redfish(const QString &method, const QString &path, const QByteArray &body = {});
    std::pair<QString, QString> login(const QString &user, const QString &password);
    // Power-cycles the host and waits for its splash on a viewer's screen.
    void restartToSplash();
    // KVM viewers among the sessions SessionService lists.
    int kvmSessions();

    std::unique_ptr<DaemonProcess> m_daemon;
};

void tst_Kvm::initTestCase()
{
    m_daemon = std::make_unique<DaemonProcess>();
    m_daemon->setEnvironmentValue(u"QBMC_ADMIN_PASSWORD"_s, adminPassword);
    // The setup prompt waits long enough for a viewer to press F2 on a loaded machine.
    m_daemon->writeConfig("host:\n  sim:\n    power_on_delay: 0.2\n    setup_wait: 60\n");
    QVERIFY2(m_daemon->start(), m_daemon->standardError().constData());
    const RedfishClients::Reply created =
        redfish(u"POST"_s, u"/redfish/v1/AccountService/Accounts"_s,
                R"({"UserName":"viewer","Password":")" + viewerPassword.toUtf8() + R"(","RoleId":"ReadOnly"})");
    QCOMPARE(created.status, 201);
    QCOMPARE(redfish(u"POST"_s, u"/redfish/v1/Systems/system/Actions/ComputerSystem.Reset"_s, R"({"ResetType":"On"})")
                 .status,
             202);
}

void tst_Kvm::cleanupTestCase()
{
    if (m_daemon && m_daemon->process().state() == QProcess::Running)
        QVERIFY(m_daemon->stop() >= 0ms);
    m_daemon.reset();
}

std::unique_ptr<QProcess> tst_Kvm::startViewer(const QJsonObject &script)
{
    return ScriptedClient::start(QStringLiteral(QBMC_SOURCE_DIR "/tests/integration/kvm_viewer.py"),
                                 m_daemon->redfishPort(), script);
}

QJsonObject tst_Kvm::runViewer(const QJsonObject &script)
{
    const std::unique_ptr<QProcess> viewer = startViewer(script);
    return ScriptedClient::finish(viewer.get(), 120s);
}

RedfishClients::Reply tst_Kvm::redfish(const QString &method, const QString &path, const QByteArray &body)
{
    return RedfishClients::curl(m_daemon->redfishPort(), method, path, {u"-u"_s, adminBasic}, body);
}

std::pair<QString, QString> tst_Kvm::login(const QString &user, const QString &password)
{
    const RedfishClients::Reply reply =
        RedfishClients::curl(m_daemon->redfishPort(), u"POST"_s, u"/redfish/v1/SessionService/Sessions"_s, {},
                             QJsonDocument(QJsonObject{{u"UserName"_s, user}, {u"Password"_s, password}}).toJson());
    return {QString::fromLatin1(reply.header("x-auth-token")), QString::fromLatin1(reply.header("location"))};
}

void tst_Kvm::restartToSplash()
{
    const RedfishClients::Reply reset = redfish(u"POST"_s, u"/redfish/v1/Systems/system/Actions/ComputerSystem.Reset"_s,
                                                R"({"ResetType":"ForceRestart"})");
    QVERIFY2(reset.status == 202 || reset.status == 204 || reset.status == 200, reset.body.constData());
    const QJsonObject seen = runViewer(
        {{u"basic"_s, adminBasic}, {u"steps"_s, QJsonArray{step({u"expect_pixel"_s, logoX, logoY, logoColour, 60})}}});
    QVERIFY2(seen.value(u"error"_s).isNull(), qPrintable(seen.value(u"error"_s).toString()));
}

int tst_Kvm::kvmSessions()
{
    int count = 0;
    for (const QJsonValue &member :
         redfish(u"GET"_s, u"/redfish/v1/SessionService/Sessions?$expand=."_s).json().value(u"Members"_s).toArray())
        count += member.toObject().value(u"SessionType"_s).toString() == u"KVMIP"_s ? 1 : 0;
    return count;
}

void tst_Kvm::noListenerOfItsOwn()
{
    // RFB has no port: only the daemon's configured listeners are there (decisions.md#122).
    const QSet<int> ports = listeningPorts(m_daemon->process().processId());
    QVERIFY(ports.contains(m_daemon->redfishPort()));
    QVERIFY2((ports - QSet<int>{m_daemon->redfishPort(), m_daemon->sshPort()}).isEmpty(),
             qPrintable(u"unexpected listening ports"_s));
}

void tst_Kvm::refusedWithoutCredentials()
{
    QCOMPARE(runViewer({}).value(u"status"_s).toInt(), 401);
    QCOMPARE(runViewer({{u"basic"_s, u"admin:wrong-password"_s}}).value(u"status"_s).toInt(), 401);
    QCOMPARE(runViewer({{u"token"_s, u"0123456789abcdef0123456789abcdef"_s}}).value(u"status"_s).toInt(), 401);
}

void tst_Kvm::readOnlyAccountIsForbidden()
{
    QCOMPARE(runViewer({{u"basic"_s, u"viewer:"_s + viewerPassword}}).value(u"status"_s).toInt(), 403);
}

void tst_Kvm::splashAfterPowerOnAndF2OpensSetup_data()
{
    QTest::addColumn<QJsonArray>("pressF2");
    QTest::newRow("QEMU extended key event") << step({u"qemu_key"_s, keysymF2, scanCodeF2});
    QTest::newRow("RFB key event") << step({u"key"_s, keysymF2});
}

void tst_Kvm::splashAfterPowerOnAndF2OpensSetup()
{
    QFETCH(QJsonArray, pressF2);
    restartToSplash();
    const auto [token, session] = login(u"admin"_s, adminPassword);
    const QJsonObject seen = runViewer(
        {{u"token"_s, token},
         {u"steps"_s,
          QJsonArray{step({u"expect_size"_s, 640, 480, 30}), step({u"expect_pixel"_s, logoX, logoY, logoColour, 30}),
                     pressF2, step({u"expect_pixel"_s, logoX, logoY, setupColour, 30})}}});
    QVERIFY2(seen.value(u"error"_s).isNull(), qPrintable(seen.value(u"error"_s).toString()));
    QCOMPARE(seen.value(u"name"_s).toString(), u"qbmc"_s);
    QVERIFY(seen.value(u"qemu_keys"_s).toBool());
    redfish(u"DELETE"_s, session);
}

void tst_Kvm::viewerFollowsTheHostBetweenModes()
{
    restartToSplash();
    // Escape boots the system (1024x768); a reset brings the firmware back at 640x480, in its own
    // colours, on the screen of a viewer that watched all along.
    const std::unique_ptr<QProcess> viewer = startViewer(
        {{u"basic"_s, adminBasic},
         {u"steps"_s,
          QJsonArray{step({u"expect_pixel"_s, logoX, logoY, logoColour, 30}),
                     step({u"qemu_key"_s, keysymEscape, scanCodeEscape}), step({u"expect_size"_s, 1024, 768, 60}),
                     step({u"say"_s, u"system"_s}), step({u"wait_stdin"_s}), step({u"expect_size"_s, 640, 480, 60}),
                     step({u"expect_pixel"_s, logoX, logoY, logoColour, 30})}}});
    QVERIFY(ScriptedClient::waitForLine(viewer.get(), "system", 120s));
    const RedfishClients::Reply reset = redfish(u"POST"_s, u"/redfish/v1/Systems/system/Actions/ComputerSystem.Reset"_s,
                                                R"({"ResetType":"ForceRestart"})");
    QVERIFY2(reset.status == 202 || reset.status == 204 || reset.status == 200, reset.body.constData());
    viewer->write("\n");
    const QJsonObject seen = ScriptedClient::finish(viewer.get(), 120s);
    QVERIFY2(seen.value(u"error"_s).isNull(), qPrintable(seen.value(u"error"_s).toString()));
}

void tst_Kvm::onlyOneViewerDrives()
{
    restartToSplash();
    // The first viewer drives; a second one's F2 changes nothing until the first has gone.
    const std::unique_ptr<QProcess> first = startViewer(
        {{u"basic"_s, adminBasic}, {u"steps"_s, QJsonArray{step({u"say"_s, u"watching"_s}), step({u"wait_stdin"_s})}}});
    QVERIFY(ScriptedClient::waitForLine(first.get(), "watching", 60s));
    const QJsonObject second =
        runViewer({{u"basic"_s, adminBasic},
                   {u"steps"_s,
                    QJsonArray{step({u"qemu_key"_s, keysymF2, scanCodeF2}), step({u"sleep"_s, 1.5}),
                               step({u"expect_pixel"_s, logoX, logoY, logoColour, 10})}}});
    QVERIFY2(second.value(u"error"_s).isNull(), qPrintable(second.value(u"error"_s).toString()));
    first->write("\n");
    QVERIFY(ScriptedClient::finish(first.get(), 60s).value(u"error"_s).isNull());
    // Its close has reached qbmc once its session is gone; the next viewer then drives.
    QTRY_COMPARE_WITH_TIMEOUT(kvmSessions(), 0, 30000);
    const QJsonObject third = runViewer({{u"basic"_s, adminBasic},
                                         {u"steps"_s,
                                          QJsonArray{step({u"qemu_key"_s, keysymF2, scanCodeF2}),
                                                     step({u"expect_pixel"_s, logoX, logoY, setupColour, 30})}}});
    QVERIFY2(third.value(u"error"_s).isNull(), qPrintable(third.value(u"error"_s).toString()));
}

void tst_Kvm::vncsnapshotThroughABridge()
{
    // A plain RFB client, Debian's vncsnapshot, through a bridge to the authenticated WebSocket
    // as a TigerVNC user would set one up: it gets the splash that the simulated display shows.
    if (QStandardPaths::findExecutable(u"vncsnapshot"_s).isEmpty())
        QSKIP("vncsnapshot is not installed (tools/install-deps installs it)");
    restartToSplash();
    // The bridge qbmc ships for desktop viewers, as a user runs it, on a port of its choosing.
    QProcess bridge;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QBMC_PASSWORD"_s, adminPassword);
    bridge.setProcessEnvironment(environment);
    bridge.start(u"/usr/bin/python3"_s,
                 {QStringLiteral(QBMC_SOURCE_DIR "/tools/qbmc-vnc-bridge"),
                  u"https://127.0.0.1:%1"_s.arg(m_daemon->redfishPort()), u"--user"_s, u"admin"_s, u"--insecure"_s,
                  u"--listen"_s, u"127.0.0.1:0"_s, u"--once"_s});
    int bridgePort = 0;
    while (bridgePort == 0 && bridge.waitForReadyRead(30000)) {
        while (bridge.canReadLine()) {
            if (const QByteArray line = bridge.readLine().trimmed(); line.startsWith("listening on 127.0.0.1:"))
                bridgePort = line.mid(line.lastIndexOf(':') + 1).toInt();
        }
    }
    // vncsnapshot takes a display number, port 5900 + N; the bridge's port is an ephemeral one.
    QVERIFY2(bridgePort > 5900, bridge.readAllStandardError().constData());
    const QTemporaryDir directory;
    const QString snapshot = directory.filePath(u"screen.jpeg"_s);
    QProcess vncsnapshot;
    vncsnapshot.start(
        u"vncsnapshot"_s,
        {u"-quiet"_s, u"-allowblank"_s, u"-quality"_s, u"100"_s, u"127.0.0.1:%1"_s.arg(bridgePort - 5900), snapshot});
    QVERIFY(vncsnapshot.waitForFinished(60000));
    QVERIFY2(vncsnapshot.exitCode() == 0, vncsnapshot.readAllStandardError().constData());
    // Once its viewer has gone it exits, and logs its Redfish session out.
    QVERIFY(bridge.waitForFinished(60000));
    QVERIFY2(bridge.exitCode() == 0, bridge.readAllStandardError().constData());
    QTRY_COMPARE_WITH_TIMEOUT(
        redfish(u"GET"_s, u"/redfish/v1/SessionService/Sessions"_s).json().value(u"Members@odata.count"_s).toInt(), 0,
        30000);

    const QImage image(snapshot);
    QCOMPARE(image.size(), QSize(640, 480));
    // JPEG moves colours a little; the logo's blue stays far from the splash's black.
    const QColor seen = image.pixelColor(logoX, logoY);
    const QColor logo(u"#"_s + logoColour);
    QVERIFY2(qAbs(seen.red() - logo.red()) < 24 && qAbs(seen.green() - logo.green()) < 24
                 && qAbs(seen.blue() - logo.blue()) < 24,
             qPrintable(seen.name()));
}

void tst_Kvm::viewersAreLimited()
{
    std::vector<std::unique_ptr<QProcess>> viewers;
    for (int i = 0; i < 4; ++i) {
        viewers.push_back(
            startViewer({{u"basic"_s, adminBasic},
                         {u"steps"_s, QJsonArray{step({u"say"_s, u"watching"_s}), step({u"wait_stdin"_s})}}}));
        QVERIFY(ScriptedClient::waitForLine(viewers.back().get(), "watching", 60s));
    }
    // kvm.max_sessions is 4 by default.
    QCOMPARE(runViewer({{u"basic"_s, adminBasic}}).value(u"status"_s).toInt(), 503);
    for (const auto &viewer : viewers) {
        viewer->write("\n");
        QVERIFY(ScriptedClient::finish(viewer.get(), 60s).value(u"error"_s).isNull());
    }
    QTRY_COMPARE_WITH_TIMEOUT(runViewer({{u"basic"_s, adminBasic}}).value(u"status"_s).toInt(), 101, 30000);
}

void tst_Kvm::listedAndEndedAsASession()
{
    const auto [token, session] = login(u"admin"_s, adminPassword);
    const std::unique_ptr<QProcess> viewer = startViewer(
        {{u"token"_s, token}, {u"steps"_s, QJsonArray{step({u"say"_s, u"watching"_s}), step({u"wait_close"_s, 60})}}});
    QVERIFY(ScriptedClient::waitForLine(viewer.get(), "watching", 60s));
    QVERIFY2(kvmSessions() == 1, "no KVMIP session while a viewer watches");
    // The viewer's Redfish session ends: so does the viewer.
    QCOMPARE(redfish(u"DELETE"_s, session).status, 204);
    const QJsonObject result = ScriptedClient::finish(viewer.get(), 60s);
    QVERIFY2(result.value(u"error"_s).isNull(), qPrintable(result.value(u"error"_s).toString()));
    QCOMPARE(result.value(u"close_code"_s).toInt(), 1008);
}

void tst_Kvm::garbageClosesOnlyThatViewer()
{
    const std::unique_ptr<QProcess> bystander =
        startViewer({{u"basic"_s, adminBasic},
                     {u"steps"_s,
                      QJsonArray{step({u"say"_s, u"watching"_s}), step({u"wait_stdin"_s}),
                                 step({u"expect_size"_s, 640, 480, 30})}}});
    QVERIFY(ScriptedClient::waitForLine(bystander.get(), "watching", 60s));
    // An unknown message type, and a QEMU message of a kind whose length RFB cannot know.
    for (const QString &garbage : {u"c8000000"_s, u"ff0100000000"_s}) {
        const QJsonObject result =
            runViewer({{u"basic"_s, adminBasic},
                       {u"steps"_s, QJsonArray{step({u"send_hex"_s, garbage}), step({u"wait_close"_s, 30})}}});
        QVERIFY2(result.value(u"error"_s).isNull(), qPrintable(result.value(u"error"_s).toString()));
    }
    bystander->write("\n");
    const QJsonObject seen = ScriptedClient::finish(bystander.get(), 60s);
    QVERIFY2(seen.value(u"error"_s).isNull(), qPrintable(seen.value(u"error"_s).toString()));
}

void tst_Kvm::viewerThatNeverReadsIsDropped()
{
    // It asks for full frames and reads none: qbmc drops it once 16 MiB wait for it.
    const QJsonObject result = runViewer(
        {{u"basic"_s, adminBasic}, {u"steps"_s, QJsonArray{step({u"stall"_s, 20}), step({u"wait_close"_s, 30})}}});
    QVERIFY2(result.value(u"error"_s).isNull(), qPrintable(result.value(u"error"_s).toString()));
    QStringList kvmEvents;
    for (const QJsonValue &entry :
         redfish(u"GET"_s, u"/redfish/v1/Managers/bmc/LogServices/EventLog/Entries?$top=1000"_s)
             .json()
             .value(u"Members"_s)
             .toArray()) {
        if (const QString message = entry.toObject().value(u"Message"_s).toString(); message.startsWith(u"KVM"_s))
            kvmEvents.append(message);
    }
    QVERIFY2(kvmEvents.contains(
                 u"KVM WebSocket from 127.0.0.1 closed: the viewer does not read its updates (redfish:admin)"_s),
             qPrintable(kvmEvents.join(u'\n')));
}

void tst_Kvm::graphicalConsoleInRedfish()
{
    for (const QString &path : {u"/redfish/v1/Managers/bmc"_s, u"/redfish/v1/Systems/system"_s}) {
        const QJsonObject console = redfish(u"GET"_s, path).json().value(u"GraphicalConsole"_s).toObject();
        QCOMPARE(console.value(u"ServiceEnabled"_s).toBool(), true);
        QCOMPARE(console.value(u"MaxConcurrentSessions"_s).toInt(), 4);
        QCOMPARE(console.value(u"ConnectTypesSupported"_s).toArray(), QJsonArray{u"KVMIP"_s});
    }
    const RedfishClients::Reply wrongType =
        redfish(u"PATCH"_s, u"/redfish/v1/Managers/bmc"_s, R"({"GraphicalConsole":{"ServiceEnabled":"no"}})");
    QCOMPARE(wrongType.status, 400);
    QCOMPARE(wrongType.messageKey(), u"PropertyValueTypeError"_s);
    const RedfishClients::Reply readOnly =
        redfish(u"PATCH"_s, u"/redfish/v1/Systems/system"_s, R"({"GraphicalConsole":{"MaxConcurrentSessions":8}})");
    QCOMPARE(readOnly.status, 400);
    const RedfishClients::Reply notAllowed = RedfishClients::curl(
        m_daemon->redfishPort(), u"PATCH"_s, u"/redfish/v1/Managers/bmc"_s, {u"-u"_s, u"viewer:"_s + viewerPassword},
        R"({"GraphicalConsole":{"ServiceEnabled":false}})");
    QCOMPARE(notAllowed.status, 403);
}

void tst_Kvm::screenshotForAutomation()
{
    const QString screenshot = u"/redfish/v1/Systems/system/Oem/Qbmc/Screenshot"_s;
    restartToSplash();
    QTRY_COMPARE_WITH_TIMEOUT(kvmSessions(), 0, 30000);
    // Nobody watches: the screenshot starts the capture itself and has the splash.
    const RedfishClients::Reply taken = redfish(u"GET"_s, screenshot);
    QCOMPARE(taken.status, 200);
    QCOMPARE(taken.header("content-type"), "image/png");
    const QImage image = QImage::fromData(taken.body, "PNG");
    QCOMPARE(image.size(), QSize(640, 480));
    QCOMPARE(QString::number(image.pixel(logoX, logoY) & 0xffffff, 16), logoColour);

    // While a viewer watches, the frame it sees.
    const std::unique_ptr<QProcess> viewer = startViewer(
        {{u"basic"_s, adminBasic}, {u"steps"_s, QJsonArray{step({u"say"_s, u"watching"_s}), step({u"wait_stdin"_s})}}});
    QVERIFY(ScriptedClient::waitForLine(viewer.get(), "watching", 60s));
    QCOMPARE(QImage::fromData(redfish(u"GET"_s, screenshot).body, "PNG").size(), QSize(640, 480));
    viewer->write("\n");
    QVERIFY(ScriptedClient::finish(viewer.get(), 60s).value(u"error"_s).isNull());

    // Only for those the KVM admits.
    QCOMPARE(RedfishClients::curl(m_daemon->redfishPort(), u"GET"_s, screenshot, {}).status, 401);
    const RedfishClients::Reply readOnly =
        RedfishClients::curl(m_daemon->redfishPort(), u"GET"_s, screenshot, {u"-u"_s, u"viewer:"_s + viewerPassword});
    QCOMPARE(readOnly.status, 403);
    QCOMPARE(readOnly.messageKey(), u"InsufficientPrivilege"_s);

    // A host that is off has no picture to take.
    QCOMPARE(
        redfish(u"POST"_s, u"/redfish/v1/Systems/system/Actions/ComputerSystem.Reset"_s, R"({"ResetType":"ForceOff"})")
            .status,
        202);
    QTRY_COMPARE_WITH_TIMEOUT(redfish(u"GET"_s, screenshot).status, 409, 30000);
    QCOMPARE(redfish(u"GET"_s, screenshot).messageKey(), u"ResourceInStandby"_s);
    QCOMPARE(redfish(u"POST"_s, u"/redfish/v1/Systems/system/Actions/ComputerSystem.Reset"_s, R"({"ResetType":"On"})")
                 .status,
             202);
    QTRY_COMPARE_WITH_TIMEOUT(redfish(u"GET"_s, screenshot).status, 200, 30000);
}

void tst_Kvm::switchedOffAndOnThroughRedfish()
{
    const std::unique_ptr<QProcess> viewer =
        startViewer({{u"basic"_s, adminBasic},
                     {u"steps"_s, QJsonArray{step({u"say"_s, u"watching"_s}), step({u"wait_close"_s, 60})}}});
    QVERIFY(ScriptedClient::waitForLine(viewer.get(), "watching", 60s));
    // Switched off on the system: its viewers close, new ones are refused, the manager agrees.
    QCOMPARE(
        redfish(u"PATCH"_s, u"/redfish/v1/Systems/system"_s, R"({"GraphicalConsole":{"ServiceEnabled":false}})").status,
        200);
    const QJsonObject closed = ScriptedClient::finish(viewer.get(), 60s);
    QVERIFY2(closed.value(u"error"_s).isNull(), qPrintable(closed.value(u"error"_s).toString()));
    QCOMPARE(closed.value(u"close_code"_s).toInt(), 1008);
    QCOMPARE(runViewer({{u"basic"_s, adminBasic}}).value(u"status"_s).toInt(), 503);
    const RedfishClients::Reply screenshot = redfish(u"GET"_s, u"/redfish/v1/Systems/system/Oem/Qbmc/Screenshot"_s);
    QCOMPARE(screenshot.status, 503);
    QCOMPARE(screenshot.messageKey(), u"ServiceDisabled"_s);
    QCOMPARE(redfish(u"GET"_s, u"/redfish/v1/Managers/bmc"_s)
                 .json()
                 .value(u"GraphicalConsole"_s)
                 .toObject()
                 .value(u"ServiceEnabled"_s)
                 .toBool(),
             false);
    // On again through the manager.
    QCOMPARE(
        redfish(u"PATCH"_s, u"/redfish/v1/Managers/bmc"_s, R"({"GraphicalConsole":{"ServiceEnabled":true}})").status,
        200);
    const QJsonObject seen = runViewer({{u"basic"_s, adminBasic}});
    QCOMPARE(seen.value(u"status"_s).toInt(), 101);
    QVERIFY2(seen.value(u"error"_s).isNull(), qPrintable(seen.value(u"error"_s).toString()));
    QVERIFY(seen.value(u"width"_s).toInt() > 0);
}

void tst_Kvm::daemonKeepsServing()
{
    QCOMPARE(redfish(u"GET"_s, u"/redfish/v1/Systems/system"_s).status, 200);
    const QJsonObject seen = runViewer({{u"basic"_s, adminBasic}});
    QVERIFY2(seen.value(u"error"_s).isNull(), qPrintable(seen.value(u"error"_s).toString()));
    QVERIFY(seen.value(u"width"_s).toInt() > 0);
    QCOMPARE(m_daemon->process().state(), QProcess::Running);
}

void tst_Kvm::partsThatCannotBeHadLeaveTheRestServing()
{
    // A capture device that is not there and a USB gadget on a controller that is not there: the
    // KVM shows "no device", has no keyboard, and the BMC serves everything else.
    DaemonProcess daemon;
    daemon.setEnvironmentValue(u"QBMC_ADMIN_PASSWORD"_s, adminPassword);
    daemon.writeConfig("kvm:\n  video:\n    device: /nonexistent/video9\n  hid: otg\n  otg:\n    udc: no-such.usb\n");
    QVERIFY2(daemon.start(), daemon.standardError().constData());
    const auto get = [&](const QString &path) {
        return RedfishClients::curl(daemon.redfishPort(), u"GET"_s, path, {u"-u"_s, adminBasic});
    };
    const RedfishClients::Reply screenshot = get(u"/redfish/v1/Systems/system/Oem/Qbmc/Screenshot"_s);
    QCOMPARE(screenshot.status, 503);
    QCOMPARE(screenshot.messageKey(), u"ServiceTemporarilyUnavailable"_s);
    QCOMPARE(get(u"/redfish/v1/Systems/system"_s).status, 200);
    bool logged = false;
    for (const QJsonValue &entry :
         get(u"/redfish/v1/Managers/bmc/LogServices/EventLog/Entries?$top=1000"_s).json().value(u"Members"_s).toArray())
        logged =
            logged || entry.toObject().value(u"Message"_s).toString().startsWith(u"KVM without keyboard and mouse"_s);
    QVERIFY(logged);
    const QJsonObject seen =
        ScriptedClient::finish(ScriptedClient::start(QStringLiteral(QBMC_SOURCE_DIR "/tests/integration/kvm_viewer.py"),
                                                     daemon.redfishPort(), {{u"basic"_s, adminBasic}})
                                   .get(),
                               60s);
    QCOMPARE(seen.value(u"status"_s).toInt(), 101);
    QVERIFY2(seen.value(u"error"_s).isNull(), qPrintable(seen.value(u"error"_s).toString()));
    QCOMPARE(daemon.process().state(), QProcess::Running);
}

QTEST_GUILESS_MAIN(tst_Kvm)
#include "tst_kvm.moc"
