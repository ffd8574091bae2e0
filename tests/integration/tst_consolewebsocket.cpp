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

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
const QString adminPassword = u"Console-ws-1"_s;
const QString viewerPassword = u"Viewer-pass-1"_s;
const QString adminBasic = u"admin:"_s + adminPassword;
const QString consolePath = u"/console0"_s;

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
} // namespace

// The host console's WebSocket (wss://…/console0) of the real daemon over real TLS, with Debian's
// python3-websockets as the client (console_websocket.py) and the simulated host behind it.
class tst_ConsoleWebSocket : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void refusedWithoutCredentials();
    void refusedWithABadToken();
    void readOnlyAccountIsForbidden();
    void plainRequestIsNoConsole();
    void tokenCarriesOutputAndInput();
    void tokenAsSubprotocolIsSelected();
    void basicOnlyFromClientsThatAreNoBrowser();
    void secondClientReadsAndIsTold();
    void deletingTheSessionCloses();
    void endedThroughRedfishSessions();
    void cookieWithItsCsrfTokenAsSubprotocol();
    void cookieWithoutItsCsrfTokenIsForbidden();
    void deletingTheCookieSessionCloses();
    void hugeFrameClosesOnlyThatConnection();
    void invalidUtf8ClosesOnlyThatConnection();
    void connectionsAreLimited();
    void eventLogSaysWhoAndFromWhere();
    void neverReadingClientKeepsMemoryBounded();
    void setupMenuWalk(); // reboots the host: after the tests that use its shell
    void daemonKeepsServing();

private:
    // The client with `script` (see console_websocket.py), to its end; its JSON result.
    QJsonObject runClient(quint16 port, const QJsonObject &script);
    std::unique_ptr<QProcess> startClient(quint16 port, const QJsonObject &script);
    static bool waitForLine(QProcess *client, const QByteArray &line, std::chrono::milliseconds timeout = 60s);
    static QJsonObject finishClient(QProcess *client);
    // Lines of text from the host's end of `serial`, `bytes` of them, as fast as the line takes them.
    static bool printFromHost(SerialPair *serial, qint64 bytes);
    // A new Redfish session: its token and its path.
    std::pair<QString, QString> login(const QString &user, const QString &password);
    RedfishClients::Reply redfish(const QString &method, const QString &path, const QByteArray &body = {});
    // A new Redfish session as a page of the web UI logs in: its cookies as a Cookie header, its
    // CSRF token (the XSRF-TOKEN cookie's value) and its path.
    struct PageLogin
    {
        QString cookie;
        QString csrfToken;
        QString session;
    };
    PageLogin pageLogin();

    std::unique_ptr<DaemonProcess> m_daemon;
    QString m_adminToken;
    QString m_viewerToken;
};

void tst_ConsoleWebSocket::initTestCase()
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

void tst_ConsoleWebSocket::cleanupTestCase()
{
    if (m_daemon && m_daemon->process().state() == QProcess::Running)
        QVERIFY(m_daemon->stop() >= 0ms);
    m_daemon.reset();
}

std::unique_ptr<QProcess> tst_ConsoleWebSocket::startClient(quint16 port, const QJsonObject &script)
{
    return ScriptedClient::start(QStringLiteral(QBMC_SOURCE_DIR "/tests/integration/console_websocket.py"), port,
                                 script);
}

bool tst_ConsoleWebSocket::waitForLine(QProcess *client, const QByteArray &line, std::chrono::milliseconds timeout)
{
    return ScriptedClient::waitForLine(client, line, timeout);
}

QJsonObject tst_ConsoleWebSocket::finishClient(QProcess *client)
{
    return ScriptedClient::finish(client, 120s);
}

bool tst_ConsoleWebSocket::printFromHost(SerialPair *serial, qint64 bytes)
{
    QByteArray block;
    while (block.size() < 64 * 1024)
        block += QByteArray(100, 'x') + "\r\n";
    qint64 sent = 0;
    QElapsedTimer clock;
    clock.start();
    while (sent < bytes && clock.elapsed() < 240000) {
        pollfd descriptor{serial->hostFd(), POLLOUT, 0};
        ::poll(&descriptor, 1, 100);
        if (descriptor.revents & POLLOUT) {
            const ssize_t written =
                ::write(serial->hostFd(), block.constData(), size_t(std::min<qint64>(block.size(), bytes - sent)));
            if (written > 0)
                sent += written;
        }
    }
    return sent == bytes;
}

QJsonObject tst_ConsoleWebSocket::runClient(quint16 port, const QJsonObject &script)
{
    const std::unique_ptr<QProcess> client = startClient(port, script);
    return finishClient(client.get());
}

std::pair<QString, QString> tst_ConsoleWebSocket::login(const QString &user, const QString &password)
{
    const RedfishClients::Reply reply =
        RedfishClients::curl(m_daemon->redfishPort(), u"POST"_s, u"/redfish/v1/SessionService/Sessions"_s, {},
                             QJsonDocument(QJsonObject{{u"UserName"_s, user}, {u"Password"_s, password}}).toJson());
    return {QString::fromLatin1(reply.header("x-auth-token")), QString::fromLatin1(reply.header("location"))};
}

RedfishClients::Reply tst_ConsoleWebSocket::redfish(const QString &method, const QString &path, const QByteArray &body)
{
    return RedfishClients::curl(m_daemon->redfishPort(), method, path, {u"-u"_s, adminBasic}, body);
}

tst_ConsoleWebSocket::PageLogin tst_ConsoleWebSocket::pageLogin()
{
    const RedfishClients::Reply reply = RedfishClients::curl(
        m_daemon->redfishPort(), u"POST"_s, u"/redfish/v1/SessionService/Sessions"_s,
        {u"-H"_s, u"X-Requested-With: XMLHttpRequest"_s},
        QJsonDocument(QJsonObject{{u"UserName"_s, u"admin"_s}, {u"Password"_s, adminPassword}}).toJson());
    PageLogin login;
    login.session = QString::fromLatin1(reply.header("location"));
    QStringList cookies;
    for (const auto &[name, value] : reply.headers) {
        if (name != "set-cookie")
            continue;
        const QString pair = QString::fromLatin1(value.split(';').first());
        cookies.append(pair);
        if (pair.startsWith(u"XSRF-TOKEN="_s))
            login.csrfToken = pair.section(u'=', 1);
    }
    if (cookies.size() == 2)
        login.cookie = cookies.join(u"; "_s);
    return login;
}

void tst_ConsoleWebSocket::refusedWithoutCredentials()
{
    QCOMPARE(runClient(m_daemon->redfishPort(), {}).value(u"status"_s).toInt(), 401);
    // What a browser's refused upgrade shows: a Redfish error, and no switch of protocols.
    const RedfishClients::Reply reply = RedfishClients::curl(
        m_daemon->redfishPort(), u"GET"_s, consolePath,
        {u"-H"_s, u"Upgrade: websocket"_s, u"-H"_s, u"Connection: Upgrade"_s, u"-H"_s, u"Sec-WebSocket-Version: 13"_s,
         u"-H"_s, u"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="_s});
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.messageKey(), u"NoValidSession"_s);
    QVERIFY(reply.header("upgrade").isEmpty());
    QCOMPARE(reply.header("x-content-type-options"), QByteArray("nosniff"));
}

void tst_ConsoleWebSocket::refusedWithABadToken()
{
    const QString wrong = u"0123456789abcdef0123456789abcdef0123456789abcdef"_s;
    QCOMPARE(runClient(m_daemon->redfishPort(), {{u"token"_s, wrong}}).value(u"status"_s).toInt(), 401);
    QCOMPARE(runClient(m_daemon->redfishPort(), {{u"subprotocol"_s, wrong}}).value(u"status"_s).toInt(), 401);
    QCOMPARE(runClient(m_daemon->redfishPort(), {{u"basic"_s, u"admin:wrong-password"_s}}).value(u"status"_s).toInt(),
             401);
}

void tst_ConsoleWebSocket::readOnlyAccountIsForbidden()
{
    QCOMPARE(runClient(m_daemon->redfishPort(), {{u"token"_s, m_viewerToken}}).value(u"status"_s).toInt(), 403);
}

void tst_ConsoleWebSocket::plainRequestIsNoConsole()
{
    // Without an upgrade the path is an ordinary Redfish request, and there is no such resource.
    const RedfishClients::Reply reply = redfish(u"GET"_s, consolePath);
    QCOMPARE(reply.status, 404);
}

void tst_ConsoleWebSocket::tokenCarriesOutputAndInput()
{
    const QJsonArray steps{
        QJsonArray{u"say"_s, u"open"_s},
        QJsonArray{u"expect"_s, u"simhost login: "_s, 120},
        QJsonArray{u"send_text"_s, u"root\r"_s},
        QJsonArray{u"expect"_s, u"Password: "_s, 20},
        QJsonArray{u"send_bytes"_s, u"secret\r"_s},
        QJsonArray{u"expect"_s, u"root@simhost:~$ "_s, 20},
        QJsonArray{u"send_text"_s, u"echo typed-through-the-websocket\r"_s},
        QJsonArray{u"expect"_s, u"websocket\r\ntyped-through-the-websocket\r\n"_s, 20},
    };
    const std::unique_ptr<QProcess> client =
        startClient(m_daemon->redfishPort(), {{u"token"_s, m_adminToken}, {u"steps"_s, steps}});
    QVERIFY(waitForLine(client.get(), "open"));
    QCOMPARE(redfish(u"POST"_s, u"/redfish/v1/Systems/system/Actions/ComputerSystem.Reset"_s, R"({"ResetType":"On"})")
                 .status,
             202);
    const QJsonObject result = finishClient(client.get());
    QVERIFY2(result.value(u"error"_s).isNull(), qPrintable(result.value(u"error"_s).toString()));
    QCOMPARE(result.value(u"status"_s).toInt(), 101);
    QVERIFY(result.value(u"subprotocol"_s).isNull());
    const QString received = result.value(u"received"_s).toString();
    QVERIFY(received.contains(u"Debian GNU/Linux 12 simhost ttyS0"_s));
    QVERIFY(received.contains(u"Last login: "_s));
}

// The firmware's setup through the WebSocket: the keys reach the host, and what comes back draws
// the same screen in the client's terminal.
void tst_ConsoleWebSocket::setupMenuWalk()
{
    QJsonArray steps{
        QJsonArray{u"say"_s, u"open"_s},
        QJsonArray{u"expect"_s, QString::fromLatin1(SetupMenuWalk::prompt), 60},
    };
    for (const SetupMenuWalk::Step &step : SetupMenuWalk::steps()) {
        steps.append(QJsonArray{u"send_bytes"_s, QString::fromLatin1(step.keys)});
        steps.append(QJsonArray{u"expect"_s, QString::fromLatin1(step.shows), 20});
    }
    const std::unique_ptr<QProcess> client =
        startClient(m_daemon->redfishPort(), {{u"token"_s, m_adminToken}, {u"steps"_s, steps}});
    QVERIFY(waitForLine(client.get(), "open"));
    QCOMPARE(redfish(u"POST"_s, u"/redfish/v1/Systems/system/Actions/ComputerSystem.Reset"_s,
                     R"({"ResetType":"ForceRestart"})")
                 .status,
             202);
    const QJsonObject result = finishClient(client.get());
    QVERIFY2(result.value(u"error"_s).isNull(), qPrintable(result.value(u"error"_s).toString()));
    const QString fault = SetupMenuWalk::screenFaultIn(result.value(u"received"_s).toString().toLatin1());
    QVERIFY2(fault.isEmpty(), qPrintable(fault));
}

void tst_ConsoleWebSocket::tokenAsSubprotocolIsSelected()
{
    const QJsonArray steps{QJsonArray{u"send_text"_s, u"echo as-a-subprotocol\r"_s},
                           QJsonArray{u"expect"_s, u"\r\nas-a-subprotocol\r\n"_s, 20}};
    const QJsonObject result =
        runClient(m_daemon->redfishPort(), {{u"subprotocol"_s, m_adminToken}, {u"steps"_s, steps}});
    QVERIFY2(result.value(u"error"_s).isNull(), qPrintable(result.value(u"error"_s).toString()));
    QCOMPARE(result.value(u"status"_s).toInt(), 101);
    QCOMPARE(result.value(u"subprotocol"_s).toString(), m_adminToken);
}

void tst_ConsoleWebSocket::basicOnlyFromClientsThatAreNoBrowser()
{
    const QJsonArray steps{QJsonArray{u"send_text"_s, u"echo with-basic\r"_s},
                           QJsonArray{u"expect"_s, u"\r\nwith-basic\r\n"_s, 20}};
    QJsonObject result = runClient(m_daemon->redfishPort(), {{u"basic"_s, adminBasic}, {u"steps"_s, steps}});
    QVERIFY2(result.value(u"error"_s).isNull(), qPrintable(result.value(u"error"_s).toString()));
    QCOMPARE(result.value(u"status"_s).toInt(), 101);
    // A browser would send Basic credentials it remembers with any site's WebSocket.
    result = runClient(m_daemon->redfishPort(), {{u"basic"_s, adminBasic}, {u"origin"_s, u"https://elsewhere"_s}});
    QCOMPARE(result.value(u"status"_s).toInt(), 401);
}

void tst_ConsoleWebSocket::secondClientReadsAndIsTold()
{
    const std::unique_ptr<QProcess> holder =
        startClient(m_daemon->redfishPort(),
                    {{u"token"_s, m_adminToken},
                     {u"steps"_s,
                      QJsonArray{
                          QJsonArray{u"say"_s, u"holding"_s},
                          QJsonArray{u"wait_stdin"_s},
                          QJsonArray{u"send_text"_s, u"echo from-the-holder\r"_s},
                          QJsonArray{u"expect"_s, u"\r\nfrom-the-holder\r\n"_s, 20},
                      }}});
    QVERIFY(waitForLine(holder.get(), "holding"));
    const std::unique_ptr<QProcess> reader =
        startClient(m_daemon->redfishPort(),
                    {{u"basic"_s, adminBasic},
                     {u"steps"_s,
                      QJsonArray{
                          QJsonArray{u"expect"_s, u"[qbmc] console input is held by redfish:admin"_s, 20},
                          QJsonArray{u"send_text"_s, u"echo from-the-reader\r"_s},
                          QJsonArray{u"say"_s, u"told"_s},
                          QJsonArray{u"expect"_s, u"\r\nfrom-the-holder\r\n"_s, 20},
                      }}});
    QVERIFY(waitForLine(reader.get(), "told"));
    holder->write("go\n");
    const QJsonObject held = finishClient(holder.get());
    const QJsonObject read = finishClient(reader.get());
    QVERIFY2(held.value(u"error"_s).isNull(), qPrintable(held.value(u"error"_s).toString()));
    QVERIFY2(read.value(u"error"_s).isNull(), qPrintable(read.value(u"error"_s).toString()));
    QVERIFY(!held.value(u"received"_s).toString().contains(u"from-the-reader"_s));
    QVERIFY(!held.value(u"received"_s).toString().contains(u"[qbmc]"_s));
}

void tst_ConsoleWebSocket::deletingTheSessionCloses()
{
    const auto [token, session] = login(u"admin"_s, adminPassword);
    const std::unique_ptr<QProcess> client =
        startClient(m_daemon->redfishPort(),
                    {{u"token"_s, token},
                     {u"steps"_s, QJsonArray{QJsonArray{u"say"_s, u"open"_s}, QJsonArray{u"wait_close"_s, 60}}}});
    QVERIFY(waitForLine(client.get(), "open"));
    QCOMPARE(RedfishClients::curl(m_daemon->redfishPort(), u"DELETE"_s, session, {u"-H"_s, u"X-Auth-Token: "_s + token})
                 .status,
             204);
    const QJsonObject result = finishClient(client.get());
    QCOMPARE(result.value(u"close_code"_s).toInt(), 1008);
    QVERIFY(result.value(u"received"_s).toString().contains(u"\r\n[qbmc] the Redfish session ended\r\n"_s));
}

void tst_ConsoleWebSocket::endedThroughRedfishSessions()
{
    const std::unique_ptr<QProcess> client =
        startClient(m_daemon->redfishPort(),
                    {{u"token"_s, m_adminToken},
                     {u"steps"_s, QJsonArray{QJsonArray{u"say"_s, u"open"_s}, QJsonArray{u"wait_close"_s, 60}}}});
    QVERIFY(waitForLine(client.get(), "open"));
    QString path;
    for (const QJsonValue &member :
         redfish(u"GET"_s, u"/redfish/v1/SessionService/Sessions"_s).json().value(u"Members"_s).toArray()) {
        const QString id = member.toObject().value(u"@odata.id"_s).toString();
        if (id.contains(u"/console-"_s))
            path = id;
    }
    QVERIFY(!path.isEmpty());
    const QJsonObject session = redfish(u"GET"_s, path).json();
    QCOMPARE(session.value(u"SessionType"_s).toString(), u"HostConsole"_s);
    QCOMPARE(session.value(u"UserName"_s).toString(), u"admin"_s);
    QCOMPARE(redfish(u"DELETE"_s, path).status, 204);
    const QJsonObject result = finishClient(client.get());
    QCOMPARE(result.value(u"close_code"_s).toInt(), 1008);
    QVERIFY(result.value(u"received"_s).toString().contains(u"[qbmc] ended by redfish:admin"_s));
    QCOMPARE(redfish(u"GET"_s, path).status, 404);
    // The Redfish session it was opened with goes on.
    QCOMPARE(RedfishClients::curl(m_daemon->redfishPort(), u"GET"_s, u"/redfish/v1/SessionService"_s,
                                  {u"-H"_s, u"X-Auth-Token: "_s + m_adminToken})
                 .status,
             200);
}

// As the web UI's page connects: the browser sends the session cookie by itself, and the page
// offers the CSRF token, which only it can read, as the subprotocol; the handshake selects it.
void tst_ConsoleWebSocket::cookieWithItsCsrfTokenAsSubprotocol()
{
    const PageLogin login = pageLogin();
    QVERIFY(!login.cookie.isEmpty() && !login.csrfToken.isEmpty());
    const QJsonArray steps{QJsonArray{u"send_text"_s, u"echo with-a-cookie\r"_s},
                           QJsonArray{u"expect"_s, u"\r\nwith-a-cookie\r\n"_s, 20}};
    const QJsonObject result = runClient(m_daemon->redfishPort(),
                                         {{u"cookie"_s, login.cookie},
                                          {u"origin"_s, u"https://127.0.0.1"_s},
                                          {u"subprotocols"_s, QJsonArray{u"something-else"_s, login.csrfToken}},
                                          {u"steps"_s, steps}});
    QVERIFY2(result.value(u"error"_s).isNull(), qPrintable(result.value(u"error"_s).toString()));
    QCOMPARE(result.value(u"status"_s).toInt(), 101);
    QCOMPARE(result.value(u"subprotocol"_s).toString(), login.csrfToken);
}

void tst_ConsoleWebSocket::cookieWithoutItsCsrfTokenIsForbidden()
{
    const PageLogin login = pageLogin();
    QVERIFY(!login.cookie.isEmpty());
    // Another site's page can make the browser send the cookie, but cannot read the token.
    QCOMPARE(runClient(m_daemon->redfishPort(), {{u"cookie"_s, login.cookie}, {u"origin"_s, u"https://elsewhere"_s}})
                 .value(u"status"_s)
                 .toInt(),
             403);
    QCOMPARE(runClient(m_daemon->redfishPort(),
                       {{u"cookie"_s, login.cookie}, {u"subprotocols"_s, QJsonArray{u"a-guess"_s, u"another"_s}}})
                 .value(u"status"_s)
                 .toInt(),
             403);
    const RedfishClients::Reply reply = RedfishClients::curl(
        m_daemon->redfishPort(), u"GET"_s, consolePath,
        {u"-H"_s, u"Upgrade: websocket"_s, u"-H"_s, u"Connection: Upgrade"_s, u"-H"_s, u"Sec-WebSocket-Version: 13"_s,
         u"-H"_s, u"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="_s, u"-H"_s, u"Cookie: "_s + login.cookie});
    QCOMPARE(reply.status, 403);
    QCOMPARE(reply.messageKey(), u"AccessDenied"_s);
    // A cookie whose session is gone is no session at all.
    QCOMPARE(
        runClient(m_daemon->redfishPort(),
                  {{u"cookie"_s, u"QBMC-SESSION=0123456789abcdef"_s}, {u"subprotocols"_s, QJsonArray{login.csrfToken}}})
            .value(u"status"_s)
            .toInt(),
        401);
}

void tst_ConsoleWebSocket::deletingTheCookieSessionCloses()
{
    const PageLogin login = pageLogin();
    QVERIFY(!login.cookie.isEmpty());
    const std::unique_ptr<QProcess> client =
        startClient(m_daemon->redfishPort(),
                    {{u"cookie"_s, login.cookie},
                     {u"subprotocols"_s, QJsonArray{login.csrfToken}},
                     {u"steps"_s, QJsonArray{QJsonArray{u"say"_s, u"open"_s}, QJsonArray{u"wait_close"_s, 60}}}});
    QVERIFY(waitForLine(client.get(), "open"));
    // The page logs out as a browser does: the cookie, and the CSRF token in its header.
    QCOMPARE(
        RedfishClients::curl(m_daemon->redfishPort(), u"DELETE"_s, login.session,
                             {u"-H"_s, u"Cookie: "_s + login.cookie, u"-H"_s, u"X-XSRF-TOKEN: "_s + login.csrfToken})
            .status,
        204);
    const QJsonObject result = finishClient(client.get());
    QCOMPARE(result.value(u"close_code"_s).toInt(), 1008);
    QVERIFY(result.value(u"received"_s).toString().contains(u"\r\n[qbmc] the Redfish session ended\r\n"_s));
}

void tst_ConsoleWebSocket::hugeFrameClosesOnlyThatConnection()
{
    const std::unique_ptr<QProcess> bystander = startClient(m_daemon->redfishPort(),
                                                            {{u"token"_s, m_adminToken},
                                                             {u"steps"_s,
                                                              QJsonArray{
                                                                  QJsonArray{u"say"_s, u"open"_s},
                                                                  QJsonArray{u"wait_stdin"_s},
                                                                  QJsonArray{u"send_text"_s, u"echo still-here\r"_s},
                                                                  QJsonArray{u"expect"_s, u"\r\nstill-here\r\n"_s, 20},
                                                              }}});
    QVERIFY(waitForLine(bystander.get(), "open"));
    const QJsonObject result = runClient(
        m_daemon->redfishPort(),
        {{u"basic"_s, adminBasic},
         {u"steps"_s, QJsonArray{QJsonArray{u"send_big"_s, 16 * 1024 * 1024}, QJsonArray{u"wait_close"_s, 60}}}});
    QCOMPARE(result.value(u"close_code"_s).toInt(), 1009); // message too big
    bystander->write("go\n");
    const QJsonObject survived = finishClient(bystander.get());
    QVERIFY2(survived.value(u"error"_s).isNull(), qPrintable(survived.value(u"error"_s).toString()));
    QCOMPARE(redfish(u"GET"_s, u"/redfish/v1"_s).status, 200);
}

void tst_ConsoleWebSocket::invalidUtf8ClosesOnlyThatConnection()
{
    const QJsonObject result =
        runClient(m_daemon->redfishPort(),
                  {{u"basic"_s, adminBasic},
                   {u"steps"_s, QJsonArray{QJsonArray{u"send_invalid_utf8"_s}, QJsonArray{u"wait_close"_s, 60}}}});
    QCOMPARE(result.value(u"close_code"_s).toInt(), 1007); // inconsistent data
    QCOMPARE(redfish(u"GET"_s, u"/redfish/v1"_s).status, 200);
}

void tst_ConsoleWebSocket::connectionsAreLimited()
{
    const QJsonObject result = runClient(m_daemon->redfishPort(), {{u"basic"_s, adminBasic}, {u"connections"_s, 17}});
    QStringList statuses;
    for (const QJsonValue &status : result.value(u"statuses"_s).toArray())
        statuses.append(status.toString());
    QCOMPARE(statuses.count(u"101"_s), 16);
    QCOMPARE(statuses.count(u"503"_s), 1);
    // The places are free again once those closed.
    QTRY_COMPARE_WITH_TIMEOUT(runClient(m_daemon->redfishPort(), {{u"basic"_s, adminBasic}}).value(u"status"_s).toInt(),
                              101, 20000);
}

void tst_ConsoleWebSocket::eventLogSaysWhoAndFromWhere()
{
    const RedfishClients::Reply reply =
        redfish(u"GET"_s, u"/redfish/v1/Managers/bmc/LogServices/EventLog/Entries?$top=1000"_s);
    QCOMPARE(reply.status, 200);
    QStringList messages;
    for (const QJsonValue &entry : reply.json().value(u"Members"_s).toArray())
        messages.append(entry.toObject().value(u"Message"_s).toString());
    QVERIFY(messages.contains(u"Console WebSocket from 127.0.0.1 opened (redfish:admin)"_s));
    QVERIFY(messages.contains(u"Console WebSocket from 127.0.0.1 closed: closed by the client (redfish:admin)"_s));
    QVERIFY(messages.contains(u"Console WebSocket from 127.0.0.1 closed: the Redfish session ended (redfish:admin)"_s));
}

// A client that stops reading while the host prints far more than the history holds: the daemon
// keeps at most a bounded amount for it, and when it reads again it is told what it missed. A
// daemon of its own, with a pseudo-terminal as the host's serial line to print fast.
void tst_ConsoleWebSocket::neverReadingClientKeepsMemoryBounded()
{
    DaemonProcess daemon;
    SerialPair serial(daemon.path(u"ttyBMC"_s), daemon.path(u"ttyHOST"_s));
    QVERIFY(serial.start());
    daemon.setEnvironmentValue(u"QBMC_ADMIN_PASSWORD"_s, adminPassword);
    // AddressSanitizer keeps freed memory aside (256 MiB by default), which would hide what is kept.
    daemon.setEnvironmentValue(u"ASAN_OPTIONS"_s, qEnvironmentVariable("ASAN_OPTIONS") + u":quarantine_size_mb=1"_s);
    daemon.writeConfig("ipmi:\n  sol:\n    device: " + serial.bmcPath().toUtf8() + "\n");
    QVERIFY2(daemon.start(), daemon.standardError().constData());

    // python3-websockets stops reading its socket once it holds max_queue messages.
    const std::unique_ptr<QProcess> client =
        startClient(daemon.redfishPort(),
                    {{u"basic"_s, adminBasic},
                     {u"max_queue"_s, 1},
                     {u"steps"_s,
                      QJsonArray{
                          QJsonArray{u"say"_s, u"open"_s},
                          QJsonArray{u"wait_stdin"_s},
                          QJsonArray{u"expect"_s, u"the connection did not keep up"_s, 60},
                      }}});
    QVERIFY(waitForLine(client.get(), "open"));
    const qint64 pid = daemon.process().processId();
    // First enough to fill what the console keeps anyway (history, terminal scrollback).
    QVERIFY(printFromHost(&serial, 1024 * 1024));
    const qint64 before = residentKiB(pid);
    const qint64 total = 8 * 1024 * 1024;
    QVERIFY(printFromHost(&serial, total));
    QTest::qWait(1000); // for the daemon to read the last of it
    const qint64 after = residentKiB(pid);
    qInfo("qbmc RSS %.1f MiB before, %.1f MiB after %lld MiB the client did not read", double(before) / 1024.0,
          double(after) / 1024.0, qlonglong(total / 1024 / 1024));
    QVERIFY2(after - before < total / 2 / 1024, qPrintable(u"grew by %1 KiB"_s.arg(after - before)));

    client->write("go\n");
    const QJsonObject result = finishClient(client.get());
    QVERIFY2(result.value(u"error"_s).isNull(), qPrintable(result.value(u"error"_s).toString()));
    QVERIFY(result.value(u"received"_s).toString().contains(u"[qbmc] "_s));
    QCOMPARE(RedfishClients::curl(daemon.redfishPort(), u"GET"_s, u"/redfish/v1"_s, {u"-u"_s, adminBasic}).status, 200);
    QVERIFY(daemon.stop() >= 0ms);
    QCOMPARE(daemon.process().exitCode(), 0);
}

void tst_ConsoleWebSocket::daemonKeepsServing()
{
    QCOMPARE(redfish(u"GET"_s, u"/redfish/v1/Systems/system"_s).status, 200);
    QCOMPARE(m_daemon->process().state(), QProcess::Running);
    QVERIFY(m_daemon->stop() >= 0ms);
    QCOMPARE(m_daemon->process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_daemon->process().exitCode(), 0);
    m_daemon.reset();
}

QTEST_GUILESS_MAIN(tst_ConsoleWebSocket)
#include "tst_consolewebsocket.moc"
