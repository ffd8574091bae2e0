#include "DaemonProcess.h"
#include "PtyProcess.h"
#include "RedfishClients.h"
#include "SetupMenuWalk.h"
#include "StoredEventLog.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
const QString admin = u"admin"_s;
const QString adminPassword = u"Ssh-test-1"_s;
const QString alice = u"alice"_s; // an Operator who logs in with her password
const QString alicePassword = u"Alice-pass-1"_s;
const QString reader = u"reader"_s; // ReadOnly: below console.privilege
const QString readerPassword = u"Reader-pass-1"_s;
constexpr int loginTimeoutMs = 1500;
} // namespace

// The SSH console end to end: the real daemon on the simulated host, OpenSSH's ssh (with sshpass
// for passwords) on terminals of their own, keys added with curl through Redfish.
class tst_Ssh : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void keysThroughRedfish();
    void keyLoginTypesIntoTheHost();
    void passwordLoginAndBreak();
    void wrongKeyAndPasswordCountAndLock();
    void roleBelowConsolePrivilegeIsRefused();
    void commandsAndForwardingAreRefused();
    void setupMenuWalk();
    void secondClientReadsWithANotice();
    void garbageAndTruncatedPacketsLeaveTheServerServing();
    void silentClientIsCutOff();
    void tooManyPendingConnectionsFromOneAddress();
    void clientThatNeverReadsCostsBoundedMemory();
    void endedThroughRedfishSessions();
    void switchingOffClosesSessionsAndThePort();

private:
    QStringList sshOptions(quint16 port = 0) const;
    std::unique_ptr<PtyProcess> withKey(const QString &user, const QString &keyFile, const QStringList &extra = {});
    std::unique_ptr<PtyProcess> withPassword(const QString &user, const QString &password,
                                             const QStringList &extra = {}, quint16 port = 0);
    // Presses Enter until the host's login prompt or shell prompt shows.
    bool reachesHost(PtyProcess *client);
    // Reads until the client has had nothing new for two seconds (or three minutes pass): the
    // host has worked through what it was sent and the client holds no backlog.
    static void waitUntilQuiet(PtyProcess *client);
    QProcess *runSsh(const QStringList &arguments, const QString &password = {});
    RedfishClients::Reply redfish(const QString &method, const QString &path, const QByteArray &body = {},
                                  const QString &user = admin, const QString &password = adminPassword);
    bool eventLogHas(const QString &origin, const QString &text) const;
    qint64 residentKilobytes() const;

    std::unique_ptr<DaemonProcess> m_daemon;
    QTemporaryDir m_dir;
    QString m_key;      // registered for admin through Redfish
    QString m_otherKey; // registered nowhere
    quint16 m_port = 0;
};

void tst_Ssh::initTestCase()
{
    for (const char *tool : {"ssh", "sshpass", "ssh-keygen", "curl"}) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
            QSKIP(qPrintable(u"%1 is not installed"_s.arg(QString::fromLatin1(tool))));
    }
    m_key = m_dir.filePath(u"id_admin"_s);
    m_otherKey = m_dir.filePath(u"id_other"_s);
    for (const QString &key : {m_key, m_otherKey})
        QCOMPARE(QProcess::execute(
                     u"ssh-keygen"_s,
                     {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(), u"-C"_s, u"test@qbmc"_s, u"-f"_s, key}),
                 0);

    m_daemon = std::make_unique<DaemonProcess>();
    m_daemon->setEnvironmentValue(u"QBMC_ADMIN_PASSWORD"_s, adminPassword);
    // ASan keeps freed memory for a while; a small quarantine lets the memory test see what is live.
    m_daemon->setEnvironmentValue(u"ASAN_OPTIONS"_s, u"detect_leaks=1:abort_on_error=1:quarantine_size_mb=8"_s);
    m_daemon->writeConfig(
        "host:\n  sim:\n    power_on_delay: 0.1\n    setup_wait: 10\naccounts:\n  lockout_threshold: 3\n"
        "ssh:\n  login_timeout: "
        + QByteArray::number(loginTimeoutMs / 1000.0) + "\n");
    QVERIFY2(m_daemon->start(), m_daemon->standardError().constData());
    m_port = m_daemon->sshPort();
    QVERIFY(m_daemon->waitForOutput("SSH host key ssh-ed25519 SHA256:", 10s));
    QVERIFY(m_daemon->waitForOutput("SSH host key ecdsa-sha2-nistp256 SHA256:", 10s));
    QVERIFY(QFile::exists(m_daemon->stateDir() + u"/ssh_host_ed25519_key"_s));
    const QFile::Permissions others =
        QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    QCOMPARE(QFile::permissions(m_daemon->stateDir() + u"/ssh_host_ecdsa_key"_s) & others, QFile::Permissions());

    const QByteArray operatorAccount =
        QJsonDocument(QJsonObject{{u"UserName"_s, alice}, {u"Password"_s, alicePassword}, {u"RoleId"_s, u"Operator"_s}})
            .toJson();
    QCOMPARE(redfish(u"POST"_s, u"/redfish/v1/AccountService/Accounts"_s, operatorAccount).status, 201);
    const QByteArray readOnlyAccount =
        QJsonDocument(
            QJsonObject{{u"UserName"_s, reader}, {u"Password"_s, readerPassword}, {u"RoleId"_s, u"ReadOnly"_s}})
            .toJson();
    QCOMPARE(redfish(u"POST"_s, u"/redfish/v1/AccountService/Accounts"_s, readOnlyAccount).status, 201);
    QCOMPARE(redfish(u"POST"_s, u"/redfish/v1/Systems/system/Actions/ComputerSystem.Reset"_s, R"({"ResetType": "On"})")
                     .status
                 / 100,
             2);
}

QStringList tst_Ssh::sshOptions(quint16 port) const
{
    return {u"-F"_s, u"/dev/null"_s,
            u"-o"_s, u"UserKnownHostsFile="_s + m_dir.filePath(u"known_hosts"_s),
            u"-o"_s, u"StrictHostKeyChecking=no"_s,
            u"-o"_s, u"ConnectTimeout=20"_s,
            u"-p"_s, QString::number(port ? port : m_port)};
}

std::unique_ptr<PtyProcess> tst_Ssh::withKey(const QString &user, const QString &keyFile, const QStringList &extra)
{
    auto client = std::make_unique<PtyProcess>();
    const QStringList arguments = sshOptions() + QStringList{u"-i"_s, keyFile,
                                                             u"-o"_s, u"IdentitiesOnly=yes"_s,
                                                             u"-o"_s, u"PasswordAuthentication=no"_s,
                                                             u"-o"_s, u"KbdInteractiveAuthentication=no"_s}
        + extra + QStringList{user + u"@127.0.0.1"_s};
    if (!client->start(u"ssh"_s, arguments))
        return nullptr;
    return client;
}

std::unique_ptr<PtyProcess> tst_Ssh::withPassword(const QString &user, const QString &password,
                                                  const QStringList &extra, quint16 port)
{
    auto client = std::make_unique<PtyProcess>();
    const QStringList arguments = QStringList{u"-p"_s, password, u"ssh"_s} + sshOptions(port)
        + QStringList{u"-o"_s, u"PubkeyAuthentication=no"_s, u"-o"_s, u"PreferredAuthentications=password"_s} + extra
        + QStringList{user + u"@127.0.0.1"_s};
    if (!client->start(u"sshpass"_s, arguments))
        return nullptr;
    return client;
}

bool tst_Ssh::reachesHost(PtyProcess *client)
{
    for (int i = 0; i < 40; ++i) {
        const qsizetype mark = client->output().size();
        client->type("\r");
        if (client->waitForOutput("login: ", 500ms, mark) || client->output().indexOf("@simhost:~$ ", mark) >= 0)
            return true;
        if (!client->isRunning())
            return false;
    }
    return false;
}

void tst_Ssh::waitUntilQuiet(PtyProcess *client)
{
    QElapsedTimer clock;
    clock.start();
    QElapsedTimer quiet;
    quiet.start();
    qsizetype seen = -1;
    while (clock.elapsed() < 180000 && (client->output().size() != seen || quiet.elapsed() < 2000)) {
        if (client->output().size() != seen)
            quiet.restart();
        seen = client->output().size();
        client->readAvailable();
        QTest::qWait(100);
    }
}

QProcess *tst_Ssh::runSsh(const QStringList &arguments, const QString &password)
{
    auto *process = new QProcess(this);
    if (password.isEmpty())
        process->start(u"ssh"_s, sshOptions() + QStringList{u"-o"_s, u"BatchMode=yes"_s} + arguments);
    else
        process->start(u"sshpass"_s,
                       QStringList{u"-p"_s, password, u"ssh"_s} + sshOptions()
                           + QStringList{u"-o"_s, u"PubkeyAuthentication=no"_s} + arguments);
    process->closeWriteChannel();
    return process;
}

RedfishClients::Reply tst_Ssh::redfish(const QString &method, const QString &path, const QByteArray &body,
                                       const QString &user, const QString &password)
{
    return RedfishClients::curl(m_daemon->redfishPort(), method, path, {u"-u"_s, user + u':' + password}, body);
}

bool tst_Ssh::eventLogHas(const QString &origin, const QString &text) const
{
    for (const QJsonValue &entry : storedEventLog(m_daemon->stateDir())) {
        const QJsonObject object = entry.toObject();
        if (object.value(u"origin"_s).toString().startsWith(origin)
            && object.value(u"message"_s).toString().contains(text))
            return true;
    }
    return false;
}

qint64 tst_Ssh::residentKilobytes() const
{
    QFile status(u"/proc/%1/status"_s.arg(m_daemon->processId()));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

void tst_Ssh::keysThroughRedfish()
{
    QFile publicKey(m_key + u".pub"_s);
    QVERIFY(publicKey.open(QIODevice::ReadOnly));
    const QString keyLine = QString::fromLatin1(publicKey.readAll()).trimmed();
    const QString keys = u"/redfish/v1/AccountService/Accounts/2/Keys"_s;
    QCOMPARE(redfish(u"GET"_s, u"/redfish/v1/AccountService/Accounts/2"_s)
                 .json()
                 .value(u"Keys"_s)
                 .toObject()
                 .value(u"@odata.id"_s)
                 .toString(),
             keys);

    // Malformed keys: 400 with the Base registry's message, nothing stored.
    for (const QString &bad : {u"ssh-ed25519 AAAA"_s, u"ssh-dss AAAAB3NzaC1kc3MAAACBAP"_s, u"not a key"_s}) {
        const RedfishClients::Reply refused =
            redfish(u"POST"_s, keys, QJsonDocument(QJsonObject{{u"KeyString"_s, bad}}).toJson());
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.messageKey(), u"PropertyValueFormatError"_s);
    }
    // Another user's keys need ConfigureUsers; a ReadOnly user manages their own.
    QCOMPARE(
        redfish(u"POST"_s, keys, QJsonDocument(QJsonObject{{u"KeyString"_s, keyLine}}).toJson(), reader, readerPassword)
            .status,
        403);

    const RedfishClients::Reply added =
        redfish(u"POST"_s, keys, QJsonDocument(QJsonObject{{u"KeyString"_s, keyLine}}).toJson());
    QCOMPARE(added.status, 201);
    QCOMPARE(added.json().value(u"KeyType"_s).toString(), u"SSH"_s);
    QProcess keygen;
    keygen.start(u"ssh-keygen"_s, {u"-l"_s, u"-f"_s, m_key + u".pub"_s});
    QVERIFY(keygen.waitForFinished());
    const QString fingerprint = QString::fromLatin1(keygen.readAllStandardOutput()).section(u' ', 1, 1);
    QCOMPARE(added.json().value(u"SSH"_s).toObject().value(u"Fingerprint"_s).toString(), fingerprint);
    QCOMPARE(added.json().value(u"SSH"_s).toObject().value(u"Comment"_s).toString(), u"test@qbmc"_s);
    const QString keyPath = added.json().value(u"@odata.id"_s).toString();
    QCOMPARE(QString::fromLatin1(added.header("location")), keyPath);
    QCOMPARE(redfish(u"GET"_s, keys).json().value(u"Members@odata.count"_s).toInt(), 1);
    QCOMPARE(redfish(u"GET"_s, keyPath).json().value(u"KeyString"_s).toString(), keyLine);
    QCOMPARE(redfish(u"POST"_s, keys, QJsonDocument(QJsonObject{{u"KeyString"_s, keyLine}}).toJson()).status, 409);
    QVERIFY(eventLogHas(u"redfish"_s, u"SSH key 1 (ssh-ed25519 "_s + fingerprint + u") added to account \"admin\""_s));

    // Added and removed again by the reader, on the reader's own account.
    const QString readerKeys = u"/redfish/v1/AccountService/Accounts/4/Keys"_s;
    QFile otherKey(m_otherKey + u".pub"_s);
    QVERIFY(otherKey.open(QIODevice::ReadOnly));
    const RedfishClients::Reply own = redfish(
        u"POST"_s, readerKeys,
        QJsonDocument(QJsonObject{{u"KeyString"_s, QString::fromLatin1(otherKey.readAll()).trimmed()}}).toJson(),
        reader, readerPassword);
    QCOMPARE(own.status, 201);
    QCOMPARE(redfish(u"DELETE"_s, own.json().value(u"@odata.id"_s).toString(), {}, reader, readerPassword).status, 204);
    QCOMPARE(redfish(u"GET"_s, own.json().value(u"@odata.id"_s).toString()).status, 404);
}

void tst_Ssh::keyLoginTypesIntoTheHost()
{
    std::unique_ptr<PtyProcess> client = withKey(admin, m_key);
    QVERIFY(client);
    QVERIFY2(reachesHost(client.get()), client->output().constData());
    if (client->output().contains("login: ")) {
        client->type("root\r");
        QVERIFY(client->waitForOutput("Password: ", 10s));
        client->type("secret\r");
    }
    QVERIFY2(client->waitForOutput("@simhost:~$ ", 10s), client->output().constData());
    const qsizetype mark = client->output().size();
    client->type("echo ssh-says-hello\r");
    QVERIFY2(client->waitForOutput("\r\nssh-says-hello\r\n", 10s, mark), client->output().constData());
    QTRY_VERIFY_WITH_TIMEOUT(eventLogHas(u"ssh"_s, u"SSH console session opened from 127.0.0.1"_s), 10000);
    client->type("\r~.");
    QVERIFY(client->waitForExit(10s) >= 0);
    QTRY_VERIFY_WITH_TIMEOUT(eventLogHas(u"ssh"_s, u"SSH console session from 127.0.0.1 closed"_s), 10000);
}

void tst_Ssh::passwordLoginAndBreak()
{
    std::unique_ptr<PtyProcess> client = withPassword(admin, adminPassword);
    QVERIFY(client);
    QVERIFY2(reachesHost(client.get()), client->output().constData());
    // OpenSSH's ~B sends RFC 4335's break; the simulated host answers a break like sysrq.
    const qsizetype mark = client->output().size();
    client->type("\r~B");
    QVERIFY2(client->waitForOutput("sysrq: HELP", 10s, mark), client->output().constData());
    QVERIFY(m_daemon->waitForOutput("serial break from ssh:admin", 10s));
    client->type("\r~.");
    QVERIFY(client->waitForExit(10s) >= 0);
}

void tst_Ssh::wrongKeyAndPasswordCountAndLock()
{
    // A key alice does not have, then wrong passwords: three failures lock her out from here.
    std::unique_ptr<PtyProcess> wrongKey = withKey(alice, m_otherKey);
    QCOMPARE(wrongKey->waitForExit(20s), 255);
    QVERIFY(wrongKey->output().contains("Permission denied"));
    for (int i = 0; i < 2; ++i) {
        QProcess *wrong =
            runSsh({u"-o"_s, u"NumberOfPasswordPrompts=1"_s, alice + u"@127.0.0.1"_s, u"true"_s}, u"Wrong-pass-9"_s);
        QVERIFY(wrong->waitForFinished(20000));
        QVERIFY(wrong->exitCode() != 0);
    }
    QTRY_VERIFY_WITH_TIMEOUT(eventLogHas(u"ssh"_s, u"Login failed from 127.0.0.1"_s), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(eventLogHas(u"ssh"_s, u"Account \"alice\" locked for logins from 127.0.0.1"_s), 10000);
    QVERIFY(redfish(u"GET"_s, u"/redfish/v1/AccountService/Accounts/3"_s).json().value(u"Locked"_s).toBool());

    // The right password from here is refused while locked; from another address it works.
    std::unique_ptr<PtyProcess> locked = withPassword(alice, alicePassword);
    QVERIFY(locked->waitForExit(20s) != 0);
    std::unique_ptr<PtyProcess> elsewhere = withPassword(alice, alicePassword, {u"-b"_s, u"127.0.0.2"_s});
    QVERIFY2(reachesHost(elsewhere.get()), elsewhere->output().constData());
    elsewhere->type("\r~.");
    QVERIFY(elsewhere->waitForExit(10s) >= 0);
    QCOMPARE(redfish(u"PATCH"_s, u"/redfish/v1/AccountService/Accounts/3"_s, R"({"Locked": false})").status, 200);
}

void tst_Ssh::roleBelowConsolePrivilegeIsRefused()
{
    std::unique_ptr<PtyProcess> client = withPassword(reader, readerPassword);
    QVERIFY(client->waitForExit(20s) != 0);
    QVERIFY(m_daemon->waitForOutput("login of reader from 127.0.0.1 refused: the role ReadOnly", 10s));
}

void tst_Ssh::commandsAndForwardingAreRefused()
{
    const QString target = admin + u"@127.0.0.1"_s;
    const QString keyOptions = u"IdentitiesOnly=yes"_s;
    const auto run = [&](const QStringList &arguments) {
        QProcess *process = runSsh(QStringList{u"-i"_s, m_key, u"-o"_s, keyOptions} + arguments);
        process->waitForFinished(30000);
        return std::pair{process->exitCode(), QString::fromUtf8(process->readAllStandardError())};
    };
    const auto [execStatus, execErrors] = run({target, u"ls"_s});
    QVERIFY(execStatus != 0);
    QVERIFY2(execErrors.contains(u"exec request failed"_s), qPrintable(execErrors));
    const auto [sftpStatus, sftpErrors] = run({u"-s"_s, target, u"sftp"_s});
    QVERIFY(sftpStatus != 0);
    QVERIFY2(sftpErrors.contains(u"subsystem request failed"_s), qPrintable(sftpErrors));
    // -L's channels are direct-tcpip, as -W's: refused.
    const auto [localStatus, localErrors] = run({u"-W"_s, u"127.0.0.1:%1"_s.arg(m_daemon->redfishPort()), target});
    QVERIFY(localStatus != 0);
    QVERIFY2(localErrors.contains(u"administratively prohibited"_s), qPrintable(localErrors));
    const auto [remoteStatus, remoteErrors] = run({u"-N"_s, u"-o"_s, u"ExitOnForwardFailure=yes"_s, u"-R"_s,
                                                   u"0:127.0.0.1:%1"_s.arg(m_daemon->redfishPort()), target});
    QVERIFY(remoteStatus != 0);
    QVERIFY2(remoteErrors.contains(u"remote port forwarding failed"_s), qPrintable(remoteErrors));
}

void tst_Ssh::secondClientReadsWithANotice()
{
    std::unique_ptr<PtyProcess> writer = withKey(admin, m_key);
    QVERIFY2(reachesHost(writer.get()), writer->output().constData());
    std::unique_ptr<PtyProcess> watcher = withPassword(admin, adminPassword);
    QVERIFY(watcher);
    const QByteArray notice = "[qbmc] console input is held by ssh:admin; this connection reads only";
    QTRY_VERIFY_WITH_TIMEOUT((watcher->pollpty(50), watcher->output().contains(notice)) || (watcher->type("x"), false),
                             20000);
    const qsizetype mark = watcher->output().size();
    writer->type("echo both-read-this\r");
    QVERIFY2(watcher->waitForOutput("both-read-this", 10s, mark), watcher->output().constData());
    writer->type("\r~.");
    watcher->type("\r~.");
    QVERIFY(writer->waitForExit(10s) >= 0);
    QVERIFY(watcher->waitForExit(10s) >= 0);
}

void tst_Ssh::garbageAndTruncatedPacketsLeaveTheServerServing()
{
    QTcpSocket garbage;
    garbage.connectToHost(u"127.0.0.1"_s, m_port);
    QVERIFY(garbage.waitForConnected(5000));
    QByteArray noise(4096, Qt::Uninitialized);
    QRandomGenerator(7).fillRange(reinterpret_cast<quint32 *>(noise.data()), noise.size() / 4);
    garbage.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n" + noise);
    QTRY_COMPARE_WITH_TIMEOUT(garbage.state(), QAbstractSocket::UnconnectedState, 10000);

    // A version line, then the start of a packet that never ends: the login time-out ends it.
    QTcpSocket truncated;
    truncated.connectToHost(u"127.0.0.1"_s, m_port);
    QVERIFY(truncated.waitForConnected(5000));
    truncated.write("SSH-2.0-OpenSSH_9.2\r\n");
    truncated.write(QByteArray("\x00\x00\x04\x00\x05\x14", 6) + QByteArray(100, 'k'));
    QTRY_COMPARE_WITH_TIMEOUT(truncated.state(), QAbstractSocket::UnconnectedState, 10000);
    QVERIFY(truncated.readAll().startsWith("SSH-2.0-"));

    std::unique_ptr<PtyProcess> client = withKey(admin, m_key);
    QVERIFY2(reachesHost(client.get()), client->output().constData());
    client->type("\r~.");
    QVERIFY(client->waitForExit(10s) >= 0);
}

void tst_Ssh::silentClientIsCutOff()
{
    QTcpSocket silent;
    silent.connectToHost(u"127.0.0.1"_s, m_port);
    QVERIFY(silent.waitForConnected(5000));
    QElapsedTimer clock;
    clock.start();
    QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QAbstractSocket::UnconnectedState, 15000);
    QVERIFY(clock.elapsed() >= loginTimeoutMs - 200);
    QVERIFY(m_daemon->waitForOutput("not logged in within the time allowed", 10s));
}

void tst_Ssh::tooManyPendingConnectionsFromOneAddress()
{
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < 9; ++i) {
        sockets.push_back(std::make_unique<QTcpSocket>());
        sockets.back()->connectToHost(u"127.0.0.1"_s, m_port);
        QVERIFY(sockets.back()->waitForConnected(5000));
        QTest::qWait(50);
    }
    // The ninth is closed at once; the eight before it wait for their time-out.
    QTRY_COMPARE_WITH_TIMEOUT(sockets.back()->state(), QAbstractSocket::UnconnectedState, 1000);
    QCOMPARE(sockets.front()->state(), QAbstractSocket::ConnectedState);
    QVERIFY(m_daemon->waitForOutput("too many connections are logging in", 10s));
    for (auto &socket : sockets)
        QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::UnconnectedState, 10000);
}

void tst_Ssh::clientThatNeverReadsCostsBoundedMemory()
{
    // The sleeper holds the input and never reads what the host prints; a second client types.
    std::unique_ptr<PtyProcess> sleeper = withKey(admin, m_key);
    QVERIFY2(reachesHost(sleeper.get()), sleeper->output().constData());
    std::unique_ptr<PtyProcess> typist = withPassword(admin, adminPassword);
    QVERIFY(typist);
    QTest::qWait(1000);
    const qint64 before = residentKilobytes();
    // The sleeper's terminal is not read from now on; what it types still goes out.
    const QByteArray line = "echo " + QByteArray(1000, 'z') + "\r";
    qint64 typed = 0;
    QElapsedTimer clock;
    clock.start();
    while (typed < 8 * 1024 * 1024 && clock.elapsed() < 60000) {
        const ssize_t written = ::write(sleeper->masterFd(), line.constData(), size_t(line.size()));
        if (written > 0)
            typed += written;
        else
            QTest::qWait(5);
        typist->readAvailable();
    }
    const qint64 after = residentKilobytes();
    qInfo("typed %lld bytes (about twice that printed) in %lld ms; resident %lld kB before, %lld kB after", typed,
          clock.elapsed(), before, after);
    QVERIFY(typed > 1024 * 1024);
    QVERIFY2(after - before < 48 * 1024, qPrintable(u"grew by %1 kB"_s.arg(after - before)));
    // The other client still reads the host.
    QVERIFY(typist->output().contains("zzzzzzzzzz"));
    // The host works through what was typed before the next test uses the console.
    sleeper.reset();
    waitUntilQuiet(typist.get());
}

// The firmware's setup through OpenSSH: the keys reach the host, and what comes back draws the
// same screen in the client's terminal.
void tst_Ssh::setupMenuWalk()
{
    std::unique_ptr<PtyProcess> client = withKey(admin, m_key);
    QVERIFY2(reachesHost(client.get()), client->output().constData());
    const qsizetype mark = client->output().size();
    QCOMPARE(redfish(u"POST"_s, u"/redfish/v1/Systems/system/Actions/ComputerSystem.Reset"_s,
                     R"({"ResetType": "ForceRestart"})")
                     .status
                 / 100,
             2);
    QVERIFY2(client->waitForOutput(SetupMenuWalk::prompt.toByteArray(), 30s, mark), client->output().constData());
    for (const SetupMenuWalk::Step &step : SetupMenuWalk::steps()) {
        client->type(step.keys);
        QVERIFY2(client->waitForOutput(step.shows, 20s, mark), step.shows.constData());
    }
    const QString fault = SetupMenuWalk::screenFaultIn(client->output().mid(mark));
    QVERIFY2(fault.isEmpty(), qPrintable(fault));
    client->type("\r~.");
    QVERIFY(client->waitForExit(10s) >= 0);
}

void tst_Ssh::endedThroughRedfishSessions()
{
    std::unique_ptr<PtyProcess> client = withPassword(alice, alicePassword);
    QVERIFY2(reachesHost(client.get()), client->output().constData());
    waitUntilQuiet(client.get());
    QString path;
    for (const QJsonValue &member :
         redfish(u"GET"_s, u"/redfish/v1/SessionService/Sessions"_s).json().value(u"Members"_s).toArray()) {
        const QString id = member.toObject().value(u"@odata.id"_s).toString();
        if (id.contains(u"/ssh-"_s))
            path = id;
    }
    QVERIFY(!path.isEmpty());
    const QJsonObject session = redfish(u"GET"_s, path).json();
    QCOMPARE(session.value(u"SessionType"_s).toString(), u"HostConsole"_s);
    QCOMPARE(session.value(u"UserName"_s).toString(), alice);
    QCOMPARE(session.value(u"ClientOriginIPAddress"_s).toString(), u"127.0.0.1"_s);
    // An Operator may not end even her own: ending another face's session is managing the BMC.
    QCOMPARE(redfish(u"DELETE"_s, path, {}, alice, alicePassword).status, 403);
    QCOMPARE(redfish(u"DELETE"_s, path).status, 204);
    QVERIFY2(client->waitForOutput("[qbmc] This session was ended by an administrator.", 30s),
             client->output().right(600).toPercentEncoding(" []:=@~$").constData());
    QVERIFY(client->waitForExit(10s) >= 0);
    QCOMPARE(redfish(u"GET"_s, path).status, 404);
    QVERIFY(eventLogHas(u"redfish"_s, u"SSH session of alice from 127.0.0.1 ended"_s));
}

void tst_Ssh::switchingOffClosesSessionsAndThePort()
{
    std::unique_ptr<PtyProcess> client = withKey(admin, m_key);
    QVERIFY2(reachesHost(client.get()), client->output().constData());
    const QString protocol = u"/redfish/v1/Managers/bmc/NetworkProtocol"_s;
    QCOMPARE(redfish(u"GET"_s, protocol).json().value(u"SSH"_s).toObject().value(u"Port"_s).toInt(), m_port);
    const QJsonObject console =
        redfish(u"GET"_s, u"/redfish/v1/Systems/system"_s).json().value(u"SerialConsole"_s).toObject();
    QCOMPARE(console.value(u"SSH"_s).toObject().value(u"ServiceEnabled"_s).toBool(), true);
    QCOMPARE(console.value(u"SSH"_s).toObject().value(u"Port"_s).toInt(), m_port);
    QCOMPARE(console.value(u"SSH"_s).toObject().value(u"SharedWithManagerCLI"_s).toBool(true), false);
    QVERIFY(console.value(u"IPMI"_s).isObject());
    // The notice must not wait behind output the client has yet to take.
    waitUntilQuiet(client.get());

    QCOMPARE(redfish(u"PATCH"_s, protocol, R"({"SSH": {"ProtocolEnabled": false}})").status, 200);
    if (!client->waitForOutput("[qbmc] The SSH console was switched off.", 30s)) {
        qWarning("client: %s\ndaemon:\n%s", client->output().right(300).toPercentEncoding(" []:=@~$").constData(),
                 m_daemon->standardErrorSoFar().right(4000).constData());
        QFAIL("the client did not read that the SSH console was switched off");
    }
    QVERIFY(client->waitForExit(10s) >= 0);
    QTcpSocket refused;
    refused.connectToHost(u"127.0.0.1"_s, m_port);
    QVERIFY(!refused.waitForConnected(3000));
    QCOMPARE(redfish(u"GET"_s, u"/redfish/v1/Systems/system"_s)
                 .json()
                 .value(u"SerialConsole"_s)
                 .toObject()
                 .value(u"SSH"_s)
                 .toObject()
                 .value(u"ServiceEnabled"_s)
                 .toBool(),
             false);
    QVERIFY(eventLogHas(u"redfish"_s, u"Setting ssh.enabled changed from true to false"_s));

    // On again, on another port: logins work there.
    const quint16 newPort = DaemonProcess::freeTcpPort();
    QCOMPARE(
        redfish(u"PATCH"_s, protocol, u"{\"SSH\": {\"ProtocolEnabled\": true, \"Port\": %1}}"_s.arg(newPort).toUtf8())
            .status,
        200);
    m_port = newPort;
    std::unique_ptr<PtyProcess> again = withKey(admin, m_key);
    QVERIFY2(reachesHost(again.get()), again->output().constData());
    again->type("\r~.");
    QVERIFY(again->waitForExit(10s) >= 0);
    const RedfishClients::Reply badPort = redfish(u"PATCH"_s, protocol, R"({"SSH": {"Port": 70000}})");
    QCOMPARE(badPort.status, 400);
}

QTEST_GUILESS_MAIN(tst_Ssh)
#include "tst_ssh.moc"
