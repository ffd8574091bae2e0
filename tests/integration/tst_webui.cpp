#include "DaemonProcess.h"
#include "RedfishClients.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using RedfishClients::Reply;

namespace {
const QString adminPassword = u"Web-test-pass-1"_s;
const QStringList fromPage{u"-H"_s, u"X-Requested-With: XMLHttpRequest"_s};

QList<QByteArray> headerValues(const Reply &reply, const QByteArray &name)
{
    QList<QByteArray> values;
    for (const auto &[header, value] : reply.headers) {
        if (header == name)
            values.append(value);
    }
    return values;
}
} // namespace

// The web UI's side of the Redfish listener, with curl: its files (headers, compression, caching,
// bad paths) and the browser's session scheme (cookies, the CSRF token, the login's messages, no
// Basic challenge for a page, the event stream ending with the session).
class tst_WebUi : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void pageAndAssetsCarryTheSecurityHeaders();
    void assetsAreSentCompressedAsAccepted();
    void unknownPathsGetTheAppAndBadPathsAreRefused();
    void loginFromAPageSetsTheCookies();
    void cookieRequestsNeedTheCsrfTokenToChangeState();
    void pageRequestsGetNoBasicChallenge();
    void loginMessagesTellWhatWentWrong();
    void oversizedLoginIsRefused();
    void eventStreamEndsWithItsSession();

private:
    Reply curl(const QString &method, const QString &path, const QStringList &options = {},
               const QByteArray &body = {}) const
    {
        return RedfishClients::curl(m_daemon->redfishPort(), method, path, options, body);
    }
    struct BrowserSession
    {
        QByteArray cookie; // "QBMC-SESSION=..."
        QByteArray csrfToken;
        QString uri;
    };
    BrowserSession logIn(const QString &user, const QString &password) const;
    QString assetPath() const;

    std::unique_ptr<DaemonProcess> m_daemon;
};

void tst_WebUi::initTestCase()
{
    m_daemon = std::make_unique<DaemonProcess>();
    m_daemon->setEnvironmentValue(u"QBMC_ADMIN_PASSWORD"_s, adminPassword);
    m_daemon->writeConfig("accounts:\n  lockout_threshold: 3\n");
    QVERIFY2(m_daemon->start(), m_daemon->standardError().constData());
}

void tst_WebUi::cleanupTestCase()
{
    if (m_daemon)
        QVERIFY(m_daemon->stop() >= std::chrono::milliseconds(0));
}

tst_WebUi::BrowserSession tst_WebUi::logIn(const QString &user, const QString &password) const
{
    const Reply reply = curl(u"POST"_s, u"/redfish/v1/SessionService/Sessions"_s, fromPage,
                             QJsonDocument(QJsonObject{{u"UserName"_s, user}, {u"Password"_s, password}}).toJson());
    BrowserSession session;
    if (reply.status != 201)
        return session;
    for (const QByteArray &cookie : headerValues(reply, "set-cookie")) {
        const QByteArray pair = cookie.split(';').first();
        if (pair.startsWith("QBMC-SESSION="))
            session.cookie = pair;
        else if (pair.startsWith("XSRF-TOKEN="))
            session.csrfToken = pair.mid(11);
    }
    session.uri = QString::fromUtf8(reply.header("location"));
    return session;
}

// The hashed folder index.html points at.
QString tst_WebUi::assetPath() const
{
    const Reply page = curl(u"GET"_s, u"/"_s);
    const QRegularExpressionMatch match =
        QRegularExpression(u"/assets/[0-9a-f]{16}"_s).match(QString::fromUtf8(page.body));
    return match.hasMatch() ? match.captured() : QString();
}

void tst_WebUi::pageAndAssetsCarryTheSecurityHeaders()
{
    const Reply page = curl(u"GET"_s, u"/"_s);
    QCOMPARE(page.status, 200);
    QVERIFY(page.header("content-type").startsWith("text/html"));
    QCOMPARE(page.header("cache-control"), "no-store");
    QVERIFY(page.body.contains("<script type=\"module\""));
    const QString assets = assetPath();
    QVERIFY2(!assets.isEmpty(), page.body.constData());

    const Reply script = curl(u"GET"_s, assets + u"/app.js"_s);
    QCOMPARE(script.status, 200);
    QVERIFY(script.header("content-type").startsWith("text/javascript"));
    QCOMPARE(script.header("cache-control"), "public, max-age=31536000, immutable");
    for (const Reply &reply : {page, script, curl(u"GET"_s, u"/redfish/v1"_s)}) {
        const QByteArray policy = reply.header("content-security-policy");
        QVERIFY2(policy.contains("frame-ancestors 'none'"), policy.constData());
        QVERIFY(policy.contains("script-src 'self'"));
        QVERIFY(!policy.contains("unsafe-inline"));
        QCOMPARE(reply.header("x-content-type-options"), "nosniff");
        QCOMPARE(reply.header("referrer-policy"), "no-referrer");
        QVERIFY(reply.header("strict-transport-security").startsWith("max-age="));
    }
    // HEAD announces what GET sends.
    const Reply head = curl(u"HEAD"_s, u"/"_s);
    QCOMPARE(head.status, 200);
    QCOMPARE(head.header("content-length").toInt(), page.body.size());
}

void tst_WebUi::assetsAreSentCompressedAsAccepted()
{
    const Reply plain = curl(u"GET"_s, u"/"_s, {u"-H"_s, u"Accept-Encoding: identity"_s});
    QCOMPARE(plain.header("content-encoding"), QByteArray());
    QCOMPARE(plain.header("vary"), "Accept-Encoding");
    const Reply gzipped = curl(u"GET"_s, u"/"_s, {u"--compressed"_s, u"-H"_s, u"Accept-Encoding: gzip"_s});
    QCOMPARE(gzipped.header("content-encoding"), "gzip");
    QCOMPARE(gzipped.body, plain.body);
    const Reply refused = curl(u"GET"_s, u"/"_s, {u"-H"_s, u"Accept-Encoding: gzip;q=0"_s});
    QCOMPARE(refused.header("content-encoding"), QByteArray());
    if (QStandardPaths::findExecutable(u"brotli"_s).isEmpty())
        QSKIP("brotli is not installed: the build made no brotli forms");
    const Reply brotli = curl(u"GET"_s, u"/"_s, {u"-H"_s, u"Accept-Encoding: gzip, deflate, br"_s});
    QCOMPARE(brotli.header("content-encoding"), "br");
    QVERIFY(brotli.body.size() < plain.body.size());
}

void tst_WebUi::unknownPathsGetTheAppAndBadPathsAreRefused()
{
    const Reply unknown = curl(u"GET"_s, u"/no/such/page"_s);
    QCOMPARE(unknown.status, 404);
    QVERIFY(unknown.header("content-type").startsWith("text/html"));
    QVERIFY(unknown.body.contains("<script type=\"module\""));
    QCOMPARE(curl(u"GET"_s, assetPath() + u"/no-such.js"_s).status, 404);
    QCOMPARE(curl(u"GET"_s, u"/assets/0000000000000000/app.js"_s).status, 404);

    for (const QString &path : {u"/assets/../index.html"_s, u"/%2e%2e/etc/passwd"_s, u"/a/%2E%2E/b"_s,
                                u"/index.html%00.js"_s, u"/./index.html"_s}) {
        const Reply bad = curl(u"GET"_s, path, {u"--path-as-is"_s});
        QVERIFY2(bad.status == 400, qPrintable(path + u": "_s + QString::number(bad.status)));
    }
    const Reply post = curl(u"POST"_s, u"/"_s, {}, "x");
    QCOMPARE(post.status, 405);
    QCOMPARE(post.header("allow"), "GET, HEAD");
    // The service still answers.
    QCOMPARE(curl(u"GET"_s, u"/redfish/v1"_s).status, 200);
}

void tst_WebUi::loginFromAPageSetsTheCookies()
{
    const QByteArray body = R"({"UserName": "admin", "Password": ")" + adminPassword.toUtf8() + "\"}";
    const Reply script = curl(u"POST"_s, u"/redfish/v1/SessionService/Sessions"_s, {}, body);
    QCOMPARE(script.status, 201);
    QVERIFY(headerValues(script, "set-cookie").isEmpty());

    const Reply page = curl(u"POST"_s, u"/redfish/v1/SessionService/Sessions"_s, fromPage, body);
    QCOMPARE(page.status, 201);
    const QList<QByteArray> cookies = headerValues(page, "set-cookie");
    QCOMPARE(cookies.size(), 2);
    for (const QByteArray &cookie : cookies) {
        QVERIFY2(cookie.contains("; Secure") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"),
                 cookie.constData());
        if (cookie.startsWith("QBMC-SESSION="))
            QVERIFY2(cookie.contains("HttpOnly"), cookie.constData());
        else
            QVERIFY2(cookie.startsWith("XSRF-TOKEN=") && !cookie.contains("HttpOnly"), cookie.constData());
    }
    for (const QString &uri :
         {QString::fromUtf8(script.header("location")), QString::fromUtf8(page.header("location"))})
        QCOMPARE(curl(u"DELETE"_s, uri, {u"-u"_s, u"admin:"_s + adminPassword}).status, 204);
}

void tst_WebUi::cookieRequestsNeedTheCsrfTokenToChangeState()
{
    const BrowserSession session = logIn(u"admin"_s, adminPassword);
    QVERIFY(!session.cookie.isEmpty() && !session.csrfToken.isEmpty());
    const QStringList withCookie{u"-H"_s, u"Cookie: "_s + QString::fromUtf8(session.cookie)};
    const QString system = u"/redfish/v1/Systems/system"_s;
    QCOMPARE(curl(u"GET"_s, system, withCookie).status, 200);

    const QByteArray identify = R"({"IndicatorLED": "Off"})";
    const Reply missing = curl(u"PATCH"_s, u"/redfish/v1/Chassis/chassis"_s, withCookie, identify);
    QCOMPARE(missing.status, 403);
    QCOMPARE(missing.messageKey(), u"AccessDenied"_s);
    const Reply wrong =
        curl(u"PATCH"_s, u"/redfish/v1/Chassis/chassis"_s,
             withCookie + QStringList{u"-H"_s, u"X-XSRF-TOKEN: "_s + QString::fromUtf8(session.cookie)}, identify);
    QCOMPARE(wrong.status, 403);
    const QStringList withToken =
        withCookie + QStringList{u"-H"_s, u"X-XSRF-TOKEN: "_s + QString::fromUtf8(session.csrfToken)};
    const Reply right = curl(u"PATCH"_s, u"/redfish/v1/Chassis/chassis"_s, withToken, identify);
    QVERIFY2(right.status / 100 == 2, right.body.constData());

    const Reply logout = curl(u"DELETE"_s, session.uri, withToken);
    QCOMPARE(logout.status, 204);
    QCOMPARE(headerValues(logout, "set-cookie").size(), 2);
    QVERIFY(headerValues(logout, "set-cookie").first().contains("Max-Age=0"));
    QCOMPARE(curl(u"GET"_s, system, withCookie).status, 401);
}

void tst_WebUi::pageRequestsGetNoBasicChallenge()
{
    const Reply script = curl(u"GET"_s, u"/redfish/v1/Systems"_s);
    QCOMPARE(script.status, 401);
    QVERIFY(script.header("www-authenticate").startsWith("Basic"));
    const Reply page = curl(u"GET"_s, u"/redfish/v1/Systems"_s, fromPage);
    QCOMPARE(page.status, 401);
    QCOMPARE(page.header("www-authenticate"), QByteArray());
    // An EventSource sends the cookie without the page's header; a challenge would stop it at the
    // browser's password dialog once its session expired.
    const Reply stale = curl(u"GET"_s, u"/redfish/v1/EventService/SSE"_s,
                             {u"-H"_s, u"Cookie: QBMC-SESSION=0123"_s, u"-H"_s, u"Accept: text/event-stream"_s});
    QCOMPARE(stale.status, 401);
    QCOMPARE(stale.header("www-authenticate"), QByteArray());
}

void tst_WebUi::loginMessagesTellWhatWentWrong()
{
    const QStringList admin{u"-u"_s, u"admin:"_s + adminPassword};
    const Reply created =
        curl(u"POST"_s, u"/redfish/v1/AccountService/Accounts"_s, admin,
             R"({"UserName": "viewer", "Password": "Viewer-pass-12", "RoleId": "ReadOnly", "Enabled": false})");
    QVERIFY2(created.status == 201, created.body.constData());
    const auto loginAs = [this](const QByteArray &user, const QByteArray &password) {
        return curl(u"POST"_s, u"/redfish/v1/SessionService/Sessions"_s, fromPage,
                    R"({"UserName": ")" + user + R"(", "Password": ")" + password + "\"}");
    };
    const Reply wrong = loginAs("viewer", "nope");
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.messageKey(), u"NoValidSession"_s);
    const Reply disabled = loginAs("viewer", "Viewer-pass-12");
    QCOMPARE(disabled.status, 401);
    QCOMPARE(disabled.messageKey(), u"ResourceAtUriUnauthorized"_s);
    const QJsonArray info = disabled.json().value(u"error"_s).toObject().value(u"@Message.ExtendedInfo"_s).toArray();
    QCOMPARE(info.first().toObject().value(u"MessageArgs"_s).toArray().at(1).toString(), u"AccountDisabled"_s);
    QCOMPARE(disabled.header("www-authenticate"), QByteArray());

    for (int i = 0; i < 2; ++i)
        QCOMPARE(loginAs("viewer", "nope").status, 401);
    const Reply locked = loginAs("viewer", "Viewer-pass-12");
    QCOMPARE(locked.status, 401);
    QCOMPARE(locked.json()
                 .value(u"error"_s)
                 .toObject()
                 .value(u"@Message.ExtendedInfo"_s)
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"MessageArgs"_s)
                 .toArray()
                 .at(1)
                 .toString(),
             u"AccountLocked"_s);
    QCOMPARE(curl(u"DELETE"_s, QString::fromUtf8(created.header("location")), admin).status / 100, 2);
}

void tst_WebUi::oversizedLoginIsRefused()
{
    const QByteArray huge = R"({"UserName": "admin", "Password": ")" + QByteArray(1024 * 1024, 'a') + "\"}";
    const Reply reply = curl(u"POST"_s, u"/redfish/v1/SessionService/Sessions"_s, fromPage, huge);
    QCOMPARE(reply.status, 413);
    QCOMPARE(curl(u"GET"_s, u"/redfish/v1"_s).status, 200);
    QVERIFY(logIn(u"admin"_s, adminPassword).cookie.size() > 0);
}

// curl holds the stream open; deleting the session through another request ends it.
void tst_WebUi::eventStreamEndsWithItsSession()
{
    const BrowserSession session = logIn(u"admin"_s, adminPassword);
    QVERIFY(!session.cookie.isEmpty());
    QProcess stream;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"CURL_CA_BUNDLE"_s);
    stream.setProcessEnvironment(environment);
    stream.start(u"curl"_s,
                 {u"-s"_s, u"-k"_s, u"-N"_s, u"--max-time"_s, u"60"_s, u"-H"_s,
                  u"Cookie: "_s + QString::fromUtf8(session.cookie),
                  u"https://127.0.0.1:%1/redfish/v1/EventService/SSE"_s.arg(m_daemon->redfishPort())});
    QVERIFY(stream.waitForStarted());
    QByteArray received;
    for (QElapsedTimer clock; !clock.isValid() || clock.elapsed() < 20000;) {
        if (!clock.isValid())
            clock.start();
        stream.waitForReadyRead(200);
        received += stream.readAllStandardOutput();
        if (received.contains(": qbmc events") || stream.state() != QProcess::Running)
            break;
    }
    QVERIFY2(received.contains(": qbmc events"), stream.readAllStandardError().constData());
    QCOMPARE(stream.state(), QProcess::Running);
    QCOMPARE(curl(u"DELETE"_s, session.uri, {u"-u"_s, u"admin:"_s + adminPassword}).status, 204);
    QVERIFY2(stream.waitForFinished(20000), "the event stream outlived its session");
}

QTEST_GUILESS_MAIN(tst_WebUi)
#include "tst_webui.moc"
