#include "ScreenUpdateEncoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QJsonArray runsOfRow(QByteArrayView output, int row = 0)
{
    TerminalScreen screen(20, 3, 0);
    screen.feed(output);
    return ScreenUpdateEncoder::runsOf(ScreenUpdateEncoder::lineOf(screen, row));
}

QString textOf(const QJsonArray &runs)
{
    QString text;
    for (const QJsonValue &run : runs)
        text += run.toObject().value(u"text"_s).toString();
    return text;
}

QByteArray compact(const QJsonArray &runs)
{
    return QJsonDocument(runs).toJson(QJsonDocument::Compact);
}
} // namespace

// The cells of wss://…/console0/screen: runs of cells that look the same, with only what differs
// from a plain cell.
class tst_ScreenUpdateEncoder : public QObject
{
    Q_OBJECT
private slots:
    void plainRowIsOneRunOverEveryColumn();
    void attributesSplitRunsAndAppearOnlyWhenSet();
    void everyFlag();
    void defaultColoursAreLeftOut();
    void wideCharacterTakesTwoColumnsOnce();
    void colourName();
    void cursorAndMessage();
};

void tst_ScreenUpdateEncoder::plainRowIsOneRunOverEveryColumn()
{
    const QJsonArray runs = runsOfRow("hello");
    QCOMPARE(compact(runs), QByteArray(R"([{"text":"hello               "}])"));
    QCOMPARE(compact(runsOfRow("", 2)), QByteArray(R"([{"text":"                    "}])"));
}

void tst_ScreenUpdateEncoder::attributesSplitRunsAndAppearOnlyWhenSet()
{
    // Bold red on the default background, then plain, then the default colour on blue.
    const QJsonArray runs = runsOfRow("\x1b[1;31mAB\x1b[0m C\x1b[44mD\x1b[0m");
    QCOMPARE(runs.size(), 4);
    QCOMPARE(compact(QJsonArray{runs.at(0)}), QByteArray(R"([{"bold":true,"fg":"#e00000","text":"AB"}])"));
    QCOMPARE(compact(QJsonArray{runs.at(1)}), QByteArray(R"([{"text":" C"}])"));
    QCOMPARE(compact(QJsonArray{runs.at(2)}), QByteArray(R"([{"bg":"#0000e0","text":"D"}])"));
    QCOMPARE(runs.at(3).toObject().value(u"text"_s).toString(), QString(15, u' '));
    QCOMPARE(textOf(runs).size(), 20);
}

void tst_ScreenUpdateEncoder::everyFlag()
{
    const QJsonObject run = runsOfRow("\x1b[1;3;4;5;7mx").at(0).toObject();
    QCOMPARE(run.value(u"text"_s).toString(), u"x"_s);
    for (const QString &flag : {u"bold"_s, u"italic"_s, u"underline"_s, u"blink"_s, u"reverse"_s})
        QVERIFY2(run.value(flag).toBool(), qPrintable(flag));
    QCOMPARE(run.size(), 6);
}

void tst_ScreenUpdateEncoder::defaultColoursAreLeftOut()
{
    // 39 and 49 are the default colours again: the run after them is plain, and joins the blanks.
    const QJsonArray runs = runsOfRow("\x1b[32;41mg\x1b[39;49mplain");
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs.at(0).toObject().value(u"fg"_s).toString(), u"#00e000"_s);
    QCOMPARE(runs.at(0).toObject().value(u"bg"_s).toString(), u"#e00000"_s);
    QCOMPARE(runs.at(1).toObject().keys(), QStringList{u"text"_s});
}

void tst_ScreenUpdateEncoder::wideCharacterTakesTwoColumnsOnce()
{
    // 中 fills columns 0 and 1; the right half adds no space, so the text is 19 characters for 20 columns.
    const QJsonArray runs = runsOfRow("\xe4\xb8\xad"
                                      "ab");
    QCOMPARE(runs.size(), 1);
    QCOMPARE(textOf(runs), u"中ab"_s + QString(16, u' '));
}

void tst_ScreenUpdateEncoder::colourName()
{
    QCOMPARE(ScreenUpdateEncoder::colourName(0x000000), u"#000000"_s);
    QCOMPARE(ScreenUpdateEncoder::colourName(0x0a0b0c), u"#0a0b0c"_s);
    QCOMPARE(ScreenUpdateEncoder::colourName(0xffffff), u"#ffffff"_s);
}

void tst_ScreenUpdateEncoder::cursorAndMessage()
{
    TerminalScreen screen(20, 3, 0);
    screen.feed("ab\r\nc\x1b[?25l");
    const QJsonObject cursor = ScreenUpdateEncoder::cursorOf(screen);
    QCOMPARE(QJsonDocument(cursor).toJson(QJsonDocument::Compact), QByteArray(R"({"visible":false,"x":1,"y":1})"));
    const QJsonObject line = ScreenUpdateEncoder::lineObject(1, QJsonArray{QJsonObject{{u"text"_s, u"c"_s}}});
    const QJsonObject message = ScreenUpdateEncoder::screenMessage(false, 20, 3, cursor, QJsonArray{line});
    QCOMPARE(QJsonDocument(message).toJson(QJsonDocument::Compact),
             QByteArray(R"({"columns":20,"cursor":{"visible":false,"x":1,"y":1},"full":false,)"
                        R"("lines":[{"row":1,"runs":[{"text":"c"}]}],"rows":3,"type":"screen"})"));
}

QTEST_GUILESS_MAIN(tst_ScreenUpdateEncoder)
#include "tst_screenupdateencoder.moc"
