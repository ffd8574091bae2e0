#include "EventLog.h"
#include "InstallationIdentity.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_InstallationIdentity : public QObject
{
    Q_OBJECT

private slots:
    void createdOnceAndKept();
    void damagedFileGivesNewUuidsAndSaysSo();
};

void tst_InstallationIdentity::createdOnceAndKept()
{
    QTemporaryDir dir;
    EventLog log(dir.path(), 10);
    const InstallationIdentity first(dir.path(), &log);
    QVERIFY(!first.systemUuid().isNull());
    QVERIFY(first.systemUuid() != first.deviceUuid());
    QCOMPARE(first.systemUuid().version(), QUuid::Random);
    const InstallationIdentity second(dir.path(), &log);
    QCOMPARE(second.systemUuid(), first.systemUuid());
    QCOMPARE(second.deviceUuid(), first.deviceUuid());
    QCOMPARE(log.count(), 0);
}

void tst_InstallationIdentity::damagedFileGivesNewUuidsAndSaysSo()
{
    QTemporaryDir dir;
    {
        QFile file(QDir(dir.path()).filePath(u"identity.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"version":1,"systemUuid":"not-a-uuid","deviceUuid":"x"})");
    }
    EventLog log(dir.path(), 10);
    const InstallationIdentity identity(dir.path(), &log);
    QVERIFY(!identity.systemUuid().isNull());
    QCOMPARE(log.entries().first().severity, EventLogEntry::Severity::Critical);
    QVERIFY(log.entries().first().message.contains(u"systemUuid is missing or not a UUID"_s));
    QCOMPARE(QDir(dir.path()).entryList({u"identity.json.corrupt-*"_s}).size(), 1);
    const InstallationIdentity again(dir.path(), &log);
    QCOMPARE(again.systemUuid(), identity.systemUuid());
}

QTEST_GUILESS_MAIN(tst_InstallationIdentity)
#include "tst_installationidentity.moc"
