#include "DaemonProcess.h"
#include "RedfishClients.h"
#include "ScriptedClient.h"
#include "SerialPair.h"
#include "SetupMenuWalk.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <poll.h>
#include <unistd.h>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
const QString adminPassword = u"Console-screen-1"_s;
const QString viewerPassword = u"Viewer-pass-1"_s;
const QString adminBasic = u"admin:"_s + adminPassword;

qint64 residentKiB(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

QJsonArray send(const QJsonObject &message)
{
    return QJsonArray{u"send"_s, message};
}

QJsonArray key(const QString &name)
{
    return send({{u"type"_s, u"key"_s}, {u"key"_s, name}});
}

QJsonArray text(const QString &typed)
{
    return send({{u"type"_s, u"text"_s}, {u"text"_s, typed}});
}

QJsonArray expectRow(const QString &shown, int seconds = 20)
{
    return QJsonArray{u"expect_row"_s, shown, seconds};
}

QJsonArray expectMessage(const QJsonObject &message, int seconds = 20)
{
    return QJsonArray{u"expect_message"_s, message, seconds};
}

QString rowText(const QJsonArray &runs)
{
    QString text;
    for (const QJsonValue &run : runs)
        text += run.toObject().value(u"text"_s).toString();
    return text;
}

// The run drawing `column` of a row (the rows the tests check have no wide characters).
QJsonObject runAt(const QJsonArray &runs, int column)
{
    for (const QJsonValue &run : runs) {
        const qsizetype length = run.toObject().value(u"text"_s).toString().size();
        if (column < length)
            return run.toObject();
        column -= int(length);
    }
    return {};
}
} // namespace

// The console as the BMC's terminal model draws it (wss://…/console0/screen), from the real daemon
// over real TLS, with Debian's python3-websockets as the page (console_screen.py keeps the screen
// from the messages as a page would) and the simulated host behind it.
class tst_ConsoleScreen : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void readOnlyAccountIsForbidden();
    void fullScreenThenTypedEcho();
    void malformedMessagesAreAnsweredAndSendNothing();
    void oversizedMessageCloses();
    void floodCloses();
    void cookieWithItsCsrfTokenAsSubprotocol();
    void takeOverLeavesTheLoserReading();
    void eventLogSaysWho();
    void setupMenuWalk(); // reboots the host: after the tests that use its shell
    void modelAnswersQueriesAndNeverReadingClientIsBounded();
    void daemonKeepsServing();

private:
    QJsonObject runClient(quint16 port, const QJsonObject &script);
    std::unique_ptr<QProcess> startClient(quint16 port, const QJsonObject &script);
    static bool waitForLine(QProcess *client, const QByteArray &line, std::chrono::milliseconds timeout = 120s);
    static QJsonObject finishClient(QProcess *client);
    static QString faultsOf(const QJsonObject &result);
    std::pair<QString, QString> login(const QString &user, const QString &password);
    RedfishClients::Reply redfish(const QString &method, const QString &path, const QByteArray &body = {});
    // The shell prompt of the simulated host on the screen, logged in as root.
    void logInToTheHost();

    std::unique_ptr<DaemonProcess> m_daemon;
    QString m_adminToken;
    QString m_viewerToken;
};

void tst_ConsoleScreen::initTestCase()
{
    m_daemon = std::make_unique<DaemonProcess>();
    m_daemon->setEnvironmentValue(u"QBMC_ADMIN_PASSWORD"_s, adminPassword);
    m_daemon->writeConfig({});
    QVERIFY2(m_daemon->start(), m_daemon->standardError().constData());
    const RedfishClients::Reply created =
        redfish(u"POST"_s, u"/redfish/v1/AccountService/Accounts"_s,
                R"({"UserName":"viewer","Password":")" + viewerPassword.toUtf8() + R"(","RoleId":"ReadOnly"})");
    QCOMPARE(created.status, 201);
    m_adminToken = login(u"admin"_s, adminPassword).first;
    m_viewerToken = login(u"viewer"_s, viewerPassword).first;
    QVERIFY(!m_adminToken.isEmpty() && !m_viewerToken.isEmpty());
}

void tst_ConsoleScreen::cleanupTestCase()
{
    if (m_daemon && m_daemon->process().state() == QProcess::Running)
        QVERIFY(m_daemon->stop() >= 0ms);
    m_daemon.reset();
}

std::unique_ptr<QProcess> tst_ConsoleScreen::startClient(quint16 port, const QJsonObject &script)
{
    return ScriptedClient::start(QStringLiteral(QBMC_SOURCE_DIR "/tests/integration/console_screen.py"), port, script);
}

bool tst_ConsoleScreen::waitForLine(QProcess *client, const QByteArray &line, std::chrono::milliseconds timeout)
{
    return ScriptedClient::waitForLine(client, line, timeout);
}

QJsonObject tst_ConsoleScreen::finishClient(QProcess *client)
{
    return ScriptedClient::finish(client, 240s);
}

QJsonObject tst_ConsoleScreen::runClient(quint16 port, const QJsonObject &script)
{
    const std::unique_ptr<QProcess> client = startClient(port, script);
    return finishClient(client.get());
}

// What went wrong, for QVERIFY2: the client's error, or what it found wrong in the screen messages.
QString tst_ConsoleScreen::faultsOf(const QJsonObject &result)
{
    QStringList faults;
    if (!result.value(u"error"_s).isNull())
        faults.append(result.value(u"error"_s).toString());
    for (const QJsonValue &fault : result.value(u"faults"_s).toArray())
        faults.append(fault.toString());
    if (result.isEmpty())
        faults.append(u"no result"_s);
    return faults.join(u"; "_s);
}

std::pair<QString, QString> tst_ConsoleScreen::login(const QString &user, const QString &password)
{
    const RedfishClients::Reply reply =
        RedfishClients::curl(m_daemon->redfishPort(), u"POST"_s, u"/redfish/v1/SessionService/Sessions"_s, {},
                             QJsonDocument(QJsonObject{{u"UserName"_s, user}, {u"Password"_s, password}}).toJson());
    return {QString::fromLatin1(reply.header("x-auth-token")), QString::fromLatin1(reply.header("location"))};
}

RedfishClients::Reply tst_ConsoleScreen::redfish(const QString &method, const QString &path, const QByteArray &body)
{
    return RedfishClients::curl(m_daemon->redfishPort(), method, path, {u"-u"_s, adminBasic}, body);
}

void tst_ConsoleScreen::logInToTheHost()
{
    const QJsonArray steps{
        QJsonArray{u"say"_s, u"open"_s},
        expectRow(u"simhost login:"_s, 120),
        text(u"root"_s),
        key(u"Enter"_s),
        expectRow(u"Password:"_s),
        text(u"secret"_s),
        key(u"Enter"_s),
        expectRow(u"root@simhost:~$"_s),
    };
    const std::unique_ptr<QProcess> client =
        startClient(m_daemon->redfishPort(), {{u"token"_s, m_adminToken}, {u"steps"_s, steps}});
    QVERIFY(waitForLine(client.get(), "open"));
    QCOMPARE(redfish(u"POST"_s, u"/redfish/v1/Systems/system/Actions/ComputerSystem.Reset"_s, R"({"ResetType":"On"})")
                 .status,
             202);
    const QJsonObject result = finishClient(client.get());
    QVERIFY2(faultsOf(result).isEmpty(), qPrintable(faultsOf(result)));
}

void tst_ConsoleScreen::readOnlyAccountIsForbidden()
{
    QCOMPARE(runClient(m_daemon->redfishPort(), {{u"token"_s, m_viewerToken}}).value(u"status"_s).toInt(), 403);
    QCOMPARE(runClient(m_daemon->redfishPort(), {}).value(u"status"_s).toInt(), 401);
}

void tst_ConsoleScreen::fullScreenThenTypedEcho()
{
    logInToTheHost();
    if (QTest::currentTestFailed())
        return;
    const QJsonArray steps{
        expectMessage({{u"type"_s, u"input"_s}, {u"mine"_s, true}}),
        expectRow(u"root@simhost:~$"_s),
        text(u"echo hi-screen"_s),
        key(u"Enter"_s),
        QJsonArray{u"expect_line"_s, u"hi-screen"_s, 20},
    };
    const QJsonObject result = runClient(m_daemon->redfishPort(), {{u"token"_s, m_adminToken}, {u"steps"_s, steps}});
    QVERIFY2(faultsOf(result).isEmpty(), qPrintable(faultsOf(result)));
    QCOMPARE(result.value(u"status"_s).toInt(), 101);
    QVERIFY(result.value(u"first_full"_s).toBool());
    QCOMPARE(result.value(u"full_after_first"_s).toInt(), 0);
    const QJsonArray rows = result.value(u"rows"_s).toArray();
    QCOMPARE(rows.size(), 25);
    QStringList texts;
    for (const QJsonValue &row : rows)
        texts.append(rowText(row.toArray()));
    QVERIFY2(texts.contains(u"root@simhost:~$ echo hi-screen"_s + QString(80 - 30, u' ')),
             qPrintable(texts.join(u'\n')));
    QCOMPARE(result.value(u"messages"_s).toArray().first().toObject(),
             QJsonObject({{u"type"_s, u"input"_s}, {u"mine"_s, true}, {u"holder"_s, u"admin (redfish)"_s}}));
}

void tst_ConsoleScreen::malformedMessagesAreAnsweredAndSendNothing()
{
    const QJsonArray steps{
        expectRow(u"root@simhost:~$"_s),
        QJsonArray{u"send_raw"_s, u"echo not-json\r"_s},
        send({{u"type"_s, u"paste"_s}, {u"text"_s, u"echo unknown-type\r"_s}}),
        key(u"F13"_s),
        QJsonArray{u"send_binary"_s, uR"({"type":"text","text":"echo binary\r"})"_s},
        send({{u"type"_s, u"text"_s}, {u"text"_s, u"echo bad-modifier\r"_s}, {u"modifiers"_s, QJsonArray{u"Hyper"_s}}}),
        expectMessage({{u"type"_s, u"error"_s}, {u"text"_s, u"not a JSON object"_s}}),
        expectMessage({{u"type"_s, u"error"_s}, {u"text"_s, u"unknown type (key, text, takeOver)"_s}}),
        expectMessage({{u"type"_s, u"error"_s}, {u"text"_s, u"unknown key"_s}}),
        expectMessage({{u"type"_s, u"error"_s}, {u"text"_s, u"messages are JSON text"_s}}),
        expectMessage({{u"type"_s, u"error"_s}, {u"text"_s, u"unknown modifier (Shift, Control, Alt)"_s}}),
        text(u"echo still-served"_s),
        key(u"Enter"_s),
        QJsonArray{u"expect_line"_s, u"still-served"_s, 20},
    };
    const QJsonObject result = runClient(m_daemon->redfishPort(), {{u"token"_s, m_adminToken}, {u"steps"_s, steps}});
    QVERIFY2(faultsOf(result).isEmpty(), qPrintable(faultsOf(result)));
    QVERIFY(result.value(u"close_code"_s).isNull()); // still open at its end
    for (const QJsonValue &row : result.value(u"rows"_s).toArray()) {
        const QString shown = rowText(row.toArray());
        QVERIFY2(!shown.contains(u"not-json"_s) && !shown.contains(u"unknown-type"_s) && !shown.contains(u"binary"_s)
                     && !shown.contains(u"bad-modifier"_s),
                 qPrintable(shown));
    }
}

void tst_ConsoleScreen::oversizedMessageCloses()
{
    const QJsonObject result =
        runClient(m_daemon->redfishPort(),
                  {{u"token"_s, m_adminToken},
                   {u"steps"_s,
                    QJsonArray{send({{u"type"_s, u"text"_s}, {u"text"_s, QString(80 * 1024, u'x')}}),
                               QJsonArray{u"wait_close"_s, 60}}}});
    QCOMPARE(result.value(u"close_code"_s).toInt(), 1009); // message too big
    QCOMPARE(redfish(u"GET"_s, u"/redfish/v1"_s).status, 200);
}

void tst_ConsoleScreen::floodCloses()
{
    const QJsonObject result =
        runClient(m_daemon->redfishPort(),
                  {{u"token"_s, m_adminToken},
                   // It reads nothing while it sends: it must not stop reading for the answers piling up.
                   {u"max_queue"_s, 100000},
                   {u"steps"_s,
                    QJsonArray{QJsonArray{u"send_many"_s, 400, QJsonObject{{u"type"_s, u"none"_s}}},
                               QJsonArray{u"wait_close"_s, 60}}}});
    QCOMPARE(result.value(u"close_code"_s).toInt(), 1008); // policy violated
    QCOMPARE(redfish(u"GET"_s, u"/redfish/v1"_s).status, 200);
}

// As the web UI's page connects: the browser sends the session cookie by itself, and the page
// offers the CSRF token, which only it can read, as the subprotocol.
void tst_ConsoleScreen::cookieWithItsCsrfTokenAsSubprotocol()
{
    const RedfishClients::Reply login = RedfishClients::curl(
        m_daemon->redfishPort(), u"POST"_s, u"/redfish/v1/SessionService/Sessions"_s,
        {u"-H"_s, u"X-Requested-With: XMLHttpRequest"_s},
        QJsonDocument(QJsonObject{{u"UserName"_s, u"admin"_s}, {u"Password"_s, adminPassword}}).toJson());
    QCOMPARE(login.status, 201);
    QStringList cookies;
    QString csrfToken;
    for (const auto &[name, value] : login.headers) {
        if (name != "set-cookie")
            continue;
        const QString pair = QString::fromLatin1(value.split(';').first());
        cookies.append(pair);
        if (pair.startsWith(u"XSRF-TOKEN="_s))
            csrfToken = pair.section(u'=', 1);
    }
    QCOMPARE(cookies.size(), 2);
    QVERIFY(!csrfToken.isEmpty());
    const QString cookie = cookies.join(u"; "_s);

    QJsonObject result = runClient(m_daemon->redfishPort(),
                                   {{u"cookie"_s, cookie},
                                    {u"origin"_s, u"https://127.0.0.1"_s},
                                    {u"subprotocols"_s, QJsonArray{u"other"_s, csrfToken}},
                                    {u"steps"_s, QJsonArray{expectRow(u"$"_s)}}});
    QVERIFY2(faultsOf(result).isEmpty(), qPrintable(faultsOf(result)));
    QCOMPARE(result.value(u"status"_s).toInt(), 101);
    QCOMPARE(result.value(u"subprotocol"_s).toString(), csrfToken);
    // Another site's page can make the browser send the cookie, never offer the token.
    QCOMPARE(runClient(m_daemon->redfishPort(), {{u"cookie"_s, cookie}}).value(u"status"_s).toInt(), 403);
    QCOMPARE(runClient(m_daemon->redfishPort(), {{u"cookie"_s, cookie}, {u"subprotocols"_s, QJsonArray{u"guess"_s}}})
                 .value(u"status"_s)
                 .toInt(),
             403);
}

void tst_ConsoleScreen::takeOverLeavesTheLoserReading()
{
    const std::unique_ptr<QProcess> holder = startClient(
        m_daemon->redfishPort(),
        {{u"token"_s, m_adminToken},
         {u"steps"_s,
          QJsonArray{
              expectMessage({{u"type"_s, u"input"_s}, {u"mine"_s, true}}),
              QJsonArray{u"say"_s, u"holding"_s},
              expectMessage({{u"type"_s, u"notice"_s}, {u"text"_s, u"console input taken over by redfish:admin"_s}}),
              expectMessage({{u"type"_s, u"input"_s}, {u"mine"_s, false}, {u"holder"_s, u"admin (redfish)"_s}}),
              QJsonArray{u"say"_s, u"lost"_s},
              expectRow(u"after-the-take-over"_s),
          }}});
    QVERIFY(waitForLine(holder.get(), "holding"));
    const QJsonObject taker = runClient(
        m_daemon->redfishPort(),
        {{u"basic"_s, adminBasic},
         {u"steps"_s,
          QJsonArray{
              expectMessage({{u"type"_s, u"notice"_s},
                             {u"text"_s, u"console input is held by redfish:admin; this connection reads only"_s}}),
              expectMessage({{u"type"_s, u"input"_s}, {u"mine"_s, false}, {u"holder"_s, u"admin (redfish)"_s}}),
              send({{u"type"_s, u"takeOver"_s}}),
              expectMessage({{u"type"_s, u"input"_s}, {u"mine"_s, true}}),
              text(u"echo after-the-take-over"_s),
              key(u"Enter"_s),
              QJsonArray{u"expect_line"_s, u"after-the-take-over"_s, 20},
          }}});
    QVERIFY2(faultsOf(taker).isEmpty(), qPrintable(faultsOf(taker)));
    const QJsonObject held = finishClient(holder.get());
    QVERIFY2(faultsOf(held).isEmpty(), qPrintable(faultsOf(held)));
    QVERIFY(held.value(u"close_code"_s).isNull()); // still open at its end: qbmc did not close it
}

void tst_ConsoleScreen::eventLogSaysWho()
{
    const RedfishClients::Reply reply =
        redfish(u"GET"_s, u"/redfish/v1/Managers/bmc/LogServices/EventLog/Entries?$top=1000"_s);
    QCOMPARE(reply.status, 200);
    QStringList messages;
    for (const QJsonValue &entry : reply.json().value(u"Members"_s).toArray())
        messages.append(entry.toObject().value(u"Message"_s).toString());
    QVERIFY(messages.contains(u"Console screen WebSocket from 127.0.0.1 opened (redfish:admin)"_s));
    QVERIFY(
        messages.contains(u"Console screen WebSocket from 127.0.0.1 closed: closed by the client (redfish:admin)"_s));
    QVERIFY(messages.contains(u"Console input taken over from redfish:admin (redfish:admin)"_s));
}

// The firmware's setup walked with key messages, and drawn, colours included, from screen messages.
void tst_ConsoleScreen::setupMenuWalk()
{
    const QList<QStringList> keys{{u"F2"_s}, {u"Right"_s, u"Right"_s}, {u"Down"_s}, {u"Enter"_s}, {u"F10"_s}};
    const QList<SetupMenuWalk::Step> walk = SetupMenuWalk::steps();
    QCOMPARE(keys.size(), walk.size());
    QJsonArray steps{QJsonArray{u"say"_s, u"open"_s}, expectRow(QString::fromLatin1(SetupMenuWalk::prompt), 60)};
    for (qsizetype i = 0; i < walk.size(); ++i) {
        if (keys.at(i).first() == u"F10"_s) // the setup screen as it is left, once the redraw has settled
            steps.append(QJsonArray{u"drain"_s, 1}), steps.append(QJsonArray{u"snapshot"_s, u"setup"_s});
        for (const QString &name : keys.at(i))
            steps.append(key(name));
        steps.append(expectRow(QString::fromLatin1(walk.at(i).shows)));
    }
    const std::unique_ptr<QProcess> client =
        startClient(m_daemon->redfishPort(), {{u"token"_s, m_adminToken}, {u"steps"_s, steps}});
    QVERIFY(waitForLine(client.get(), "open"));
    QCOMPARE(redfish(u"POST"_s, u"/redfish/v1/Systems/system/Actions/ComputerSystem.Reset"_s,
                     R"({"ResetType":"ForceRestart"})")
                 .status,
             202);
    const QJsonObject result = finishClient(client.get());
    QVERIFY2(faultsOf(result).isEmpty(), qPrintable(faultsOf(result)));
    const QJsonArray setup = result.value(u"snapshots"_s).toObject().value(u"setup"_s).toArray();
    QCOMPARE(setup.size(), 25);
    QVERIFY2(rowText(setup.at(0).toArray()).contains(u"qbmc Simulated Setup Utility"_s),
             qPrintable(rowText(setup.at(0).toArray())));
    QVERIFY2(rowText(setup.at(4).toArray()).contains(u"First Boot Device             [Network]"_s),
             qPrintable(rowText(setup.at(4).toArray())));
    const QJsonObject title = runAt(setup.at(0).toArray(), 0);
    QCOMPARE(title.value(u"bg"_s).toString(), u"#0000e0"_s);
    QVERIFY(title.value(u"bold"_s).toBool());
    const QJsonObject selected = runAt(setup.at(4).toArray(), 2);
    QCOMPARE(selected.value(u"bg"_s).toString(), u"#e0e0e0"_s);
    QCOMPARE(selected.value(u"fg"_s).toString(), u"#000000"_s);
}

// With a pseudo-terminal as the host's serial line: the host asks for the cursor position while a
// screen client holds the input, and the model answers; then a client that stops reading while the
// host prints far more than a screen holds costs a bounded amount, and reads the screen as it is
// when it reads again. A daemon of its own.
void tst_ConsoleScreen::modelAnswersQueriesAndNeverReadingClientIsBounded()
{
    DaemonProcess daemon;
    SerialPair serial(daemon.path(u"ttyBMC"_s), daemon.path(u"ttyHOST"_s));
    QVERIFY(serial.start());
    daemon.setEnvironmentValue(u"QBMC_ADMIN_PASSWORD"_s, adminPassword);
    // AddressSanitizer keeps freed memory aside (256 MiB by default), which would hide what is kept.
    daemon.setEnvironmentValue(u"ASAN_OPTIONS"_s, qEnvironmentVariable("ASAN_OPTIONS") + u":quarantine_size_mb=1"_s);
    daemon.writeConfig("ipmi:\n  sol:\n    device: " + serial.bmcPath().toUtf8() + "\n");
    QVERIFY2(daemon.start(), daemon.standardError().constData());

    const std::unique_ptr<QProcess> reader =
        startClient(daemon.redfishPort(),
                    {{u"basic"_s, adminBasic},
                     {u"steps"_s,
                      QJsonArray{
                          expectMessage({{u"type"_s, u"input"_s}, {u"mine"_s, true}}),
                          QJsonArray{u"say"_s, u"holding"_s},
                          expectRow(u"the-end-of-it"_s, 240),
                      }}});
    QVERIFY(waitForLine(reader.get(), "holding"));
    QByteArray answer;
    const auto hostWrites = [&](QByteArrayView bytes) {
        return ::write(serial.hostFd(), bytes.data(), size_t(bytes.size())) == bytes.size();
    };
    QVERIFY(hostWrites("\x1b[5;10H\x1b[6n"));
    QElapsedTimer clock;
    clock.start();
    while (!answer.contains('R') && clock.elapsed() < 20000) {
        pollfd descriptor{serial.hostFd(), POLLIN, 0};
        if (::poll(&descriptor, 1, 100) > 0 && (descriptor.revents & POLLIN)) {
            char buffer[64];
            const ssize_t got = ::read(serial.hostFd(), buffer, sizeof buffer);
            if (got > 0)
                answer.append(buffer, got);
        }
    }
    QCOMPARE(answer, QByteArray("\x1b[5;10R"));

    // python3-websockets stops reading its socket once it holds max_queue messages.
    const std::unique_ptr<QProcess> sleeper = startClient(daemon.redfishPort(),
                                                          {{u"basic"_s, adminBasic},
                                                           {u"max_queue"_s, 1},
                                                           {u"steps"_s,
                                                            QJsonArray{
                                                                QJsonArray{u"say"_s, u"open"_s},
                                                                QJsonArray{u"wait_stdin"_s},
                                                                expectRow(u"the-end-of-it"_s, 120),
                                                            }}});
    QVERIFY(waitForLine(sleeper.get(), "open"));
    const qint64 pid = daemon.process().processId();
    QByteArray block;
    for (int line = 0; block.size() < 64 * 1024; ++line)
        block += "line " + QByteArray::number(line) + ' ' + QByteArray(90, char('a' + line % 26)) + "\r\n";
    const auto print = [&](qint64 bytes) {
        qint64 sent = 0;
        QElapsedTimer printing;
        printing.start();
        while (sent < bytes && printing.elapsed() < 240000) {
            pollfd descriptor{serial.hostFd(), POLLOUT, 0};
            ::poll(&descriptor, 1, 100);
            if (descriptor.revents & POLLOUT) {
                const ssize_t written =
                    ::write(serial.hostFd(), block.constData(), size_t(std::min<qint64>(block.size(), bytes - sent)));
                if (written > 0)
                    sent += written;
            }
        }
        return sent == bytes;
    };
    QVERIFY(print(1024 * 1024)); // first what the console keeps anyway (history, scrollback)
    const qint64 before = residentKiB(pid);
    const qint64 total = 8 * 1024 * 1024;
    QVERIFY(print(total));
    QTest::qWait(1000); // for the daemon to read the last of it
    const qint64 after = residentKiB(pid);
    qInfo("qbmc RSS %.1f MiB before, %.1f MiB after %lld MiB the screen client did not read", double(before) / 1024.0,
          double(after) / 1024.0, qlonglong(total / 1024 / 1024));
    QVERIFY2(after - before < total / 2 / 1024, qPrintable(u"grew by %1 KiB"_s.arg(after - before)));

    QVERIFY(hostWrites("\r\nthe-end-of-it\r\n"));
    sleeper->write("go\n");
    const QJsonObject slept = finishClient(sleeper.get());
    QVERIFY2(faultsOf(slept).isEmpty(), qPrintable(faultsOf(slept)));
    const QJsonObject read = finishClient(reader.get());
    QVERIFY2(faultsOf(read).isEmpty(), qPrintable(faultsOf(read)));
    // Output came in tens of thousands of reads; screen messages are coalesced on a timer.
    const int screens = read.value(u"screens"_s).toInt();
    const double span = read.value(u"screen_span"_s).toDouble();
    qInfo("the reading client got %d screen messages in %.1f s, at most %d bytes", screens, span,
          read.value(u"largest"_s).toInt());
    QVERIFY2(screens <= span / 0.030 * 1.5 + 10, qPrintable(u"%1 messages in %2 s"_s.arg(screens).arg(span)));
    QCOMPARE(RedfishClients::curl(daemon.redfishPort(), u"GET"_s, u"/redfish/v1"_s, {u"-u"_s, adminBasic}).status, 200);
    QVERIFY(daemon.stop() >= 0ms);
    QCOMPARE(daemon.process().exitCode(), 0);
}

void tst_ConsoleScreen::daemonKeepsServing()
{
    QCOMPARE(redfish(u"GET"_s, u"/redfish/v1/Systems/system"_s).status, 200);
    QCOMPARE(m_daemon->process().state(), QProcess::Running);
    QVERIFY(m_daemon->stop() >= 0ms);
    QCOMPARE(m_daemon->process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_daemon->process().exitCode(), 0);
    m_daemon.reset();
}

QTEST_GUILESS_MAIN(tst_ConsoleScreen)
#include "tst_consolescreen.moc"
