#include "HttpRequestHead.h"

#include <QTest>

class tst_HttpRequestHead : public QObject
{
    Q_OBJECT
private slots:
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void requestLineAndFields();
};

void tst_HttpRequestHead::accepted_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<qint64>("length");
    QTest::addColumn<bool>("chunked");
    QTest::addColumn<bool>("close");
    QTest::newRow("no body") << QByteArray("GET / HTTP/1.1\r\nHost: x") << qint64(0) << false << false;
    QTest::newRow("length") << QByteArray("POST / HTTP/1.1\r\ncontent-length:  12 ") << qint64(12) << false << false;
    QTest::newRow("LF alone") << QByteArray("POST / HTTP/1.1\nContent-Length: 3\nHost: x") << qint64(3) << false
                              << false;
    QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, Chunked") << qint64(0) << true
                             << false;
    QTest::newRow("close") << QByteArray("GET / HTTP/1.1\r\nConnection: Close") << qint64(0) << false << true;
    QTest::newRow("HTTP/1.0") << QByteArray("GET / HTTP/1.0") << qint64(0) << false << true;
    QTest::newRow("HTTP/1.0 keep-alive") << QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive") << qint64(0) << false
                                         << false;
    QTest::newRow("token characters") << QByteArray("GET / HTTP/1.1\r\nX-a.b_c~!#$%&'*+^`|: v") << qint64(0) << false
                                      << false;
}

void tst_HttpRequestHead::accepted()
{
    QFETCH(QByteArray, head);
    QFETCH(qint64, length);
    QFETCH(bool, chunked);
    QFETCH(bool, close);
    const auto parsed = HttpRequestHead::parse(head);
    QVERIFY2(parsed, parsed ? "" : parsed.failure().reason);
    QCOMPARE(parsed->contentLength(), length);
    QCOMPARE(parsed->chunked(), chunked);
    QCOMPARE(parsed->closeAfterResponse(), close);
}

void tst_HttpRequestHead::refused_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("where");
    const QByteArray get = "GET / HTTP/1.1\r\n";
    QTest::newRow("NUL in the request line") << QByteArray("GET /\0 HTTP/1.1", 15) << QByteArray("request");
    QTest::newRow("NUL in a value") << get + QByteArray("X: a\0b", 6) << QByteArray("request");
    QTest::newRow("bare CR") << get + "X: a\rY: b" << QByteArray("request");
    QTest::newRow("folded with a space") << get + "X: a\r\n b" << QByteArray("request");
    QTest::newRow("folded with a tab") << get + "X: a\r\n\tb" << QByteArray("request");
    QTest::newRow("no colon") << get + "X" << QByteArray("X");
    QTest::newRow("empty name") << get + ": v" << QByteArray(": v");
    QTest::newRow("space in the name") << get + "Content-Length : 1" << QByteArray("Content-Length ");
    QTest::newRow("two lengths") << get + "Content-Length: 1\r\ncontent-length: 1" << QByteArray("content-length");
    QTest::newRow("length with a sign") << get + "Content-Length: +1" << QByteArray("Content-Length");
    QTest::newRow("length of a list") << get + "Content-Length: 1, 1" << QByteArray("Content-Length");
    QTest::newRow("empty length") << get + "Content-Length:" << QByteArray("Content-Length");
    QTest::newRow("length too long") << get + "Content-Length: 9999999999999999" << QByteArray("Content-Length");
    QTest::newRow("length and chunked") << get + "Content-Length: 1\r\nTransfer-Encoding: chunked"
                                        << QByteArray("Transfer-Encoding");
    QTest::newRow("not chunked") << get + "Transfer-Encoding: gzip" << QByteArray("Transfer-Encoding");
}

void tst_HttpRequestHead::refused()
{
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, where);
    const auto parsed = HttpRequestHead::parse(head);
    QVERIFY(!parsed);
    QCOMPARE(parsed.failure().where, where);
}

QTEST_GUILESS_MAIN(tst_HttpRequestHead)
#include "tst_httprequesthead.moc"

void tst_HttpRequestHead::requestLineAndFields()
{
    const auto parsed =
        HttpRequestHead::parse("GET /console0?x=1 HTTP/1.1\r\nupgrade:  websocket \r\nX-Auth-Token: a\r\n"
                               "x-auth-token: b\r\nHost: h");
    QVERIFY(parsed);
    QCOMPARE(parsed->method(), QByteArray("GET"));
    QCOMPARE(parsed->target(), QByteArray("/console0?x=1"));
    QCOMPARE(parsed->values("Upgrade"), QList<QByteArray>{"websocket"});
    QCOMPARE(parsed->values("X-AUTH-TOKEN"), (QList<QByteArray>{"a", "b"}));
    QVERIFY(parsed->values("Authorization").isEmpty());
    QVERIFY(parsed->wantsUpgrade());
    QVERIFY(!HttpRequestHead::parse("GET / HTTP/1.1\r\nHost: h")->wantsUpgrade());
}
