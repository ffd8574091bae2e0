#include "ConsoleLog.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class tst_ConsoleLog : public QObject
{
    Q_OBJECT

private slots:
    void writesWhatTheHostPrinted();
    void rotatesAtTheSizeAndKeepsTheNewestFiles();
    void appendsAcrossRestarts();
    void noFilesKeepsNoLog();
    void unwritableDirectoryKeepsGoing();
};

void tst_ConsoleLog::writesWhatTheHostPrinted()
{
    QTemporaryDir dir;
    ConsoleLog log(dir.path(), 1024, 4);
    log.append("boot\r\n");
    log.append(QByteArray("\x00\xff binary", 9));
    log.flush();
    QCOMPARE(contents(dir.filePath(u"console.log"_s)), QByteArray("boot\r\n\x00\xff binary", 15));
    QCOMPARE(log.files(), QStringList{dir.filePath(u"console.log"_s)});
    QCOMPARE(QFile::permissions(dir.filePath(u"console.log"_s)) & QFile::ReadOther, QFile::Permissions());
}

void tst_ConsoleLog::rotatesAtTheSizeAndKeepsTheNewestFiles()
{
    QTemporaryDir dir;
    ConsoleLog log(dir.path(), 10, 3);
    log.append("aaaaaaaaaabbbbbbbbbbcccccccccc"); // three files' worth in one write
    log.append("dddd");
    log.flush();
    QCOMPARE(contents(dir.filePath(u"console.log"_s)), QByteArray("dddd"));
    QCOMPARE(contents(dir.filePath(u"console.log.1"_s)), QByteArray("cccccccccc"));
    QCOMPARE(contents(dir.filePath(u"console.log.2"_s)), QByteArray("bbbbbbbbbb"));
    QVERIFY(!QFile::exists(dir.filePath(u"console.log.3"_s)));
    QCOMPARE(log.files(),
             (QStringList{dir.filePath(u"console.log.2"_s), dir.filePath(u"console.log.1"_s),
                          dir.filePath(u"console.log"_s)}));
}

void tst_ConsoleLog::appendsAcrossRestarts()
{
    QTemporaryDir dir;
    {
        ConsoleLog log(dir.path(), 1024, 2);
        log.append("first ");
    }
    ConsoleLog log(dir.path(), 1024, 2);
    log.append("second");
    log.flush();
    QCOMPARE(contents(dir.filePath(u"console.log"_s)), QByteArray("first second"));
}

void tst_ConsoleLog::noFilesKeepsNoLog()
{
    QTemporaryDir dir;
    ConsoleLog log(dir.path(), 1024, 0);
    QVERIFY(!log.isEnabled());
    log.append("nothing");
    log.flush();
    QVERIFY(QDir(dir.path()).isEmpty());
}

void tst_ConsoleLog::unwritableDirectoryKeepsGoing()
{
    ConsoleLog log(u"/nonexistent/qbmc"_s, 1024, 2);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"console log .*console.log: .*goes on without a log"_s));
    log.append("lost");
    log.append("also lost, and not reported again");
    log.flush();
    QVERIFY(log.files().isEmpty());
}

QTEST_APPLESS_MAIN(tst_ConsoleLog)
#include "tst_consolelog.moc"
