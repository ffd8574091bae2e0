#include "linux/JournalLogFormat.h"

#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

class tst_JournalLogFormat : public QObject
{
    Q_OBJECT
private slots:
    void cleanup();
    void standardErrorIsTheJournal();
    void malformedStreamIsNotTheJournal_data();
    void malformedStreamIsNotTheJournal();
    void prioritiesOnlyForTheJournal();
};

namespace {
QByteArray standardErrorStream()
{
    struct stat status
    {
    };
    if (fstat(STDERR_FILENO, &status) != 0)
        return {};
    return QByteArray::number(qulonglong(status.st_dev)) + ':' + QByteArray::number(qulonglong(status.st_ino));
}
} // namespace

void tst_JournalLogFormat::cleanup()
{
    qunsetenv("JOURNAL_STREAM");
}

void tst_JournalLogFormat::standardErrorIsTheJournal()
{
    QVERIFY(!JournalLogFormat::standardErrorIsJournal()); // no JOURNAL_STREAM
    const QByteArray stream = standardErrorStream();
    QVERIFY(!stream.isEmpty());
    qputenv("JOURNAL_STREAM", stream);
    QVERIFY(JournalLogFormat::standardErrorIsJournal());
}

// A variable inherited or mangled on the way is no journal: the lines stay plain.
void tst_JournalLogFormat::malformedStreamIsNotTheJournal_data()
{
    QTest::addColumn<QByteArray>("stream");
    const QByteArray own = standardErrorStream();
    const QByteArray device = own.left(own.indexOf(':'));
    const QByteArray inode = own.mid(own.indexOf(':') + 1);
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("no colon") << device + inode;
    QTest::newRow("no device") << ':' + inode;
    QTest::newRow("no inode") << device + ':';
    QTest::newRow("letters") << QByteArray("journal:stream");
    QTest::newRow("negative") << '-' + own;
    QTest::newRow("trailing garbage") << own + 'x';
    QTest::newRow("three fields") << own + ":1";
    QTest::newRow("another inode") << device + ':' + QByteArray::number(inode.toULongLong() + 1);
}

void tst_JournalLogFormat::malformedStreamIsNotTheJournal()
{
    QFETCH(QByteArray, stream);
    qputenv("JOURNAL_STREAM", stream);
    QVERIFY(!JournalLogFormat::standardErrorIsJournal());
}

void tst_JournalLogFormat::prioritiesOnlyForTheJournal()
{
    const QString plain = JournalLogFormat::messagePattern(false);
    const QString journal = JournalLogFormat::messagePattern(true);
    QCOMPARE(plain, u"%{category}: %{if-warning}warning: %{endif}%{if-critical}error: %{endif}%{message}"_s);
    QVERIFY(journal.endsWith(plain));
    for (const QString &priority :
         {u"%{if-debug}<7>"_s, u"%{if-info}<6>"_s, u"%{if-warning}<4>"_s, u"%{if-critical}<3>"_s, u"%{if-fatal}<2>"_s})
        QVERIFY2(journal.contains(priority), qPrintable(priority));
    QVERIFY(!plain.contains(u'<'));
}

QTEST_GUILESS_MAIN(tst_JournalLogFormat)
#include "tst_journallogformat.moc"
