#include "ScreenClientMessage.h"

#include <QTest>

using namespace Qt::StringLiterals;

// What a client of wss://…/console0/screen may send, and what reaches the host for it.
class tst_ScreenClientMessage : public QObject
{
    Q_OBJECT
private slots:
    void encoded_data();
    void encoded();
    void takeOver();
    void refused_data();
    void refused();
    void keysFollowTheHostsCursorKeyMode();
};

void tst_ScreenClientMessage::encoded_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("F2") << QByteArray(R"({"type":"key","key":"F2"})") << QByteArray("\x1bOQ");
    QTest::newRow("F10") << QByteArray(R"({"type":"key","key":"F10"})") << QByteArray("\x1b[21~");
    QTest::newRow("Enter") << QByteArray(R"({"type":"key","key":"Enter","modifiers":[]})") << QByteArray("\r");
    QTest::newRow("Escape") << QByteArray(R"({"type":"key","key":"Escape"})") << QByteArray("\x1b");
    QTest::newRow("Shift+Up") << QByteArray(R"({"type":"key","key":"Up","modifiers":["Shift"]})")
                              << QByteArray("\x1b[1;2A");
    QTest::newRow("text") << QByteArray(R"({"type":"text","text":"echo hi"})") << QByteArray("echo hi");
    QTest::newRow("UTF-8 text") << QByteArray(R"({"type":"text","text":"grüß"})") << QByteArray("gr\xc3\xbc\xc3\x9f");
    QTest::newRow("Ctrl+C") << QByteArray(R"({"type":"text","text":"c","modifiers":["Control"]})")
                            << QByteArray("\x03");
    QTest::newRow("Alt+x") << QByteArray(R"({"type":"text","text":"x","modifiers":["Alt"]})") << QByteArray("\x1bx");
    QTest::newRow("null modifiers") << QByteArray(R"({"type":"text","text":"a","modifiers":null})") << QByteArray("a");
    QTest::newRow("unknown member") << QByteArray(R"({"type":"text","text":"a","later":1})") << QByteArray("a");
}

void tst_ScreenClientMessage::encoded()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, bytes);
    const Expected<ScreenClientMessage, QString> message = ScreenClientMessage::parse(json);
    QVERIFY2(message.hasValue(), message ? "" : qPrintable(message.failure()));
    TerminalScreen terminal(80, 25, 0);
    QCOMPARE(message->encodeFor(terminal), bytes);
}

void tst_ScreenClientMessage::takeOver()
{
    const Expected<ScreenClientMessage, QString> message = ScreenClientMessage::parse(R"({"type":"takeOver"})");
    QVERIFY(message.hasValue());
    QCOMPARE(message->type, ScreenClientMessage::Type::TakeOver);
    TerminalScreen terminal(80, 25, 0);
    QVERIFY(message->encodeFor(terminal).isEmpty());
}

void tst_ScreenClientMessage::refused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not JSON") << QByteArray("F2") << u"not a JSON object"_s;
    QTest::newRow("a list") << QByteArray(R"(["key"])") << u"not a JSON object"_s;
    QTest::newRow("cut off") << QByteArray(R"({"type":"key","key":"F2")") << u"not a JSON object"_s;
    QTest::newRow("no type") << QByteArray(R"({"key":"F2"})") << u"unknown type (key, text, takeOver)"_s;
    QTest::newRow("unknown type") << QByteArray(R"({"type":"paste"})") << u"unknown type (key, text, takeOver)"_s;
    QTest::newRow("type not a string") << QByteArray(R"({"type":1})") << u"unknown type (key, text, takeOver)"_s;
    QTest::newRow("unknown key") << QByteArray(R"({"type":"key","key":"F13"})") << u"unknown key"_s;
    QTest::newRow("key by number") << QByteArray(R"({"type":"key","key":0})") << u"unknown key"_s;
    QTest::newRow("scoped key") << QByteArray(R"({"type":"key","key":"TerminalScreen::F2"})") << u"unknown key"_s;
    QTest::newRow("key in lower case") << QByteArray(R"({"type":"key","key":"enter"})") << u"unknown key"_s;
    QTest::newRow("no key") << QByteArray(R"({"type":"key"})") << u"unknown key"_s;
    QTest::newRow("unknown modifier") << QByteArray(R"({"type":"key","key":"Up","modifiers":["Hyper"]})")
                                      << u"unknown modifier (Shift, Control, Alt)"_s;
    QTest::newRow("modifiers not a list")
        << QByteArray(R"({"type":"key","key":"Up","modifiers":"Shift"})") << u"modifiers must be a list"_s;
    QTest::newRow("no text") << QByteArray(R"({"type":"text"})") << u"a text message needs a text"_s;
    QTest::newRow("empty text") << QByteArray(R"({"type":"text","text":""})") << u"a text message needs a text"_s;
    QTest::newRow("text not a string") << QByteArray(R"({"type":"text","text":7})") << u"a text message needs a text"_s;
}

void tst_ScreenClientMessage::refused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, reason);
    const Expected<ScreenClientMessage, QString> message = ScreenClientMessage::parse(json);
    QVERIFY(!message.hasValue());
    QCOMPARE(message.failure(), reason);
}

void tst_ScreenClientMessage::keysFollowTheHostsCursorKeyMode()
{
    const Expected<ScreenClientMessage, QString> up = ScreenClientMessage::parse(R"({"type":"key","key":"Up"})");
    QVERIFY(up.hasValue());
    TerminalScreen terminal(80, 25, 0);
    QCOMPARE(up->encodeFor(terminal), QByteArray("\x1b[A"));
    terminal.feed("\x1b[?1h"); // the host asks for application cursor keys, as full-screen programs do
    QCOMPARE(up->encodeFor(terminal), QByteArray("\x1bOA"));
}

QTEST_GUILESS_MAIN(tst_ScreenClientMessage)
#include "tst_screenclientmessage.moc"
