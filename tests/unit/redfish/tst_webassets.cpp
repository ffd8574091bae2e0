#include "WebAssets.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QByteArray headerOf(const WebAssets::Answer &answer, QByteArrayView name)
{
    for (const auto &[header, value] : answer.headers) {
        if (header == name)
            return value;
    }
    return {};
}
} // namespace

// The web UI's files as the build lays them out, answered from a directory: compression as
// accepted, caching by kind, the app for unknown paths and refusals for bad ones.
class tst_WebAssets : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();

    void indexIsServedUncached();
    void assetsAreCachedForAYear();
    void compressionFollowsAcceptEncoding_data();
    void compressionFollowsAcceptEncoding();
    void unknownPathsGetTheAppWith404();
    void badPathsAreRefused_data();
    void badPathsAreRefused();
    void onlyReadsAreAllowed();
    void aBuildWithoutTheUiSaysSo();
    void redfishPathsAreTheService();

private:
    void write(const QString &relative, const QByteArray &content);

    QTemporaryDir m_root;
    std::unique_ptr<WebAssets> m_assets;
};

void tst_WebAssets::write(const QString &relative, const QByteArray &content)
{
    const QString path = m_root.filePath(relative);
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

void tst_WebAssets::initTestCase()
{
    write(u"index.html"_s, "<html>index</html>");
    write(u"index.html.gz"_s, "gzip-index");
    write(u"assets/0123456789abcdef/app.js"_s, "export {};");
    write(u"assets/0123456789abcdef/app.js.gz"_s, "gzip-js");
    write(u"assets/0123456789abcdef/app.js.br"_s, "br-js");
    write(u"assets/0123456789abcdef/i18n/de.json"_s, "{}");
    write(u"web.qrc"_s, "<RCC/>");
    m_assets = std::make_unique<WebAssets>(m_root.path());
    QCOMPARE(m_assets->fileCount(), 3);
}

void tst_WebAssets::indexIsServedUncached()
{
    for (const QByteArray &path : {QByteArray("/"), QByteArray("/index.html")}) {
        const WebAssets::Answer answer = m_assets->answer(HttpMethod::Get, path, {});
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body, "<html>index</html>");
        QCOMPARE(headerOf(answer, "Content-Type"), "text/html; charset=utf-8");
        QCOMPARE(headerOf(answer, "Cache-Control"), "no-store");
    }
}

void tst_WebAssets::assetsAreCachedForAYear()
{
    const WebAssets::Answer answer = m_assets->answer(HttpMethod::Get, "/assets/0123456789abcdef/app.js", {});
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body, "export {};");
    QCOMPARE(headerOf(answer, "Content-Type"), "text/javascript; charset=utf-8");
    QCOMPARE(headerOf(answer, "Cache-Control"), "public, max-age=31536000, immutable");
    const WebAssets::Answer json = m_assets->answer(HttpMethod::Head, "/assets/0123456789abcdef/i18n/de.json", {});
    QCOMPARE(headerOf(json, "Content-Type"), "application/json; charset=utf-8");
    QCOMPARE(json.body, "{}"); // what HEAD announces
}

void tst_WebAssets::compressionFollowsAcceptEncoding_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("acceptEncoding");
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QByteArray>("body");
    const QByteArray script = "/assets/0123456789abcdef/app.js";
    QTest::newRow("none") << script << QByteArray() << QByteArray() << QByteArray("export {};");
    QTest::newRow("gzip") << script << QByteArray("gzip") << QByteArray("gzip") << QByteArray("gzip-js");
    QTest::newRow("browser") << script << QByteArray("gzip, deflate, br") << QByteArray("br") << QByteArray("br-js");
    QTest::newRow("br refused") << script << QByteArray("br;q=0, GZIP;q=0.5") << QByteArray("gzip")
                                << QByteArray("gzip-js");
    QTest::newRow("both refused") << script << QByteArray("br; q=0, gzip;q=0") << QByteArray()
                                  << QByteArray("export {};");
    QTest::newRow("no br form") << QByteArray("/") << QByteArray("br, gzip") << QByteArray("gzip")
                                << QByteArray("gzip-index");
    QTest::newRow("no form at all") << QByteArray("/assets/0123456789abcdef/i18n/de.json") << QByteArray("br, gzip")
                                    << QByteArray() << QByteArray("{}");
}

void tst_WebAssets::compressionFollowsAcceptEncoding()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, acceptEncoding);
    QFETCH(QByteArray, encoding);
    QFETCH(QByteArray, body);
    const WebAssets::Answer answer = m_assets->answer(HttpMethod::Get, path, acceptEncoding);
    QCOMPARE(headerOf(answer, "Content-Encoding"), encoding);
    QCOMPARE(headerOf(answer, "Vary"), "Accept-Encoding");
    QCOMPARE(answer.body, body);
}

void tst_WebAssets::unknownPathsGetTheAppWith404()
{
    const WebAssets::Answer page = m_assets->answer(HttpMethod::Get, "/no/such/page", {});
    QCOMPARE(page.status, 404);
    QCOMPARE(page.body, "<html>index</html>");
    const WebAssets::Answer asset = m_assets->answer(HttpMethod::Get, "/assets/0123456789abcdef/gone.js", {});
    QCOMPARE(asset.status, 404);
    QCOMPARE(headerOf(asset, "Content-Type"), "text/plain; charset=utf-8");
    // The build's own files are not assets.
    QCOMPARE(m_assets->answer(HttpMethod::Get, "/assets/web.qrc", {}).status, 404);
    QCOMPARE(m_assets->answer(HttpMethod::Get, "/assets/0123456789abcdef/app.js.gz", {}).status, 404);
}

void tst_WebAssets::badPathsAreRefused_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::newRow("dot dot") << QByteArray("/assets/../index.html");
    QTest::newRow("encoded dot dot") << QByteArray("/assets/%2e%2E/index.html");
    QTest::newRow("dot") << QByteArray("/./index.html");
    QTest::newRow("encoded NUL") << QByteArray("/index.html%00.js");
    QTest::newRow("trailing dot dot") << QByteArray("/assets/0123456789abcdef/..");
}

void tst_WebAssets::badPathsAreRefused()
{
    QFETCH(QByteArray, path);
    const WebAssets::Answer answer = m_assets->answer(HttpMethod::Get, path, {});
    QCOMPARE(answer.status, 400);
    QCOMPARE(headerOf(answer, "Content-Type"), "text/plain; charset=utf-8");
}

void tst_WebAssets::onlyReadsAreAllowed()
{
    for (HttpMethod method :
         {HttpMethod::Post, HttpMethod::Put, HttpMethod::Patch, HttpMethod::Delete, HttpMethod::Other}) {
        const WebAssets::Answer answer = m_assets->answer(method, "/", {});
        QCOMPARE(answer.status, 405);
        QCOMPARE(headerOf(answer, "Allow"), "GET, HEAD");
    }
}

void tst_WebAssets::aBuildWithoutTheUiSaysSo()
{
    QTemporaryDir empty;
    const WebAssets assets(empty.path());
    QVERIFY(assets.isEmpty());
    const WebAssets::Answer answer = assets.answer(HttpMethod::Get, "/", {});
    QCOMPARE(answer.status, 404);
    QVERIFY(answer.body.contains("no web UI"));
    QVERIFY(WebAssets(u":/no/such/root"_s).isEmpty());
}

void tst_WebAssets::redfishPathsAreTheService()
{
    QVERIFY(WebAssets::isRedfishPath(u"/redfish"));
    QVERIFY(WebAssets::isRedfishPath(u"/redfish/v1/Systems"));
    QVERIFY(!WebAssets::isRedfishPath(u"/redfishy"));
    QVERIFY(!WebAssets::isRedfishPath(u"/"));
    QVERIFY(!WebAssets::isRedfishPath(u"/assets/redfish"));
}

QTEST_GUILESS_MAIN(tst_WebAssets)
#include "tst_webassets.moc"
