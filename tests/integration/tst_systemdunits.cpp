#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The unit files as systemd reads them: `systemd-analyze verify` finds no error in the headless
// unit or with the kiosk drop-in (the man page aside: it comes with the package), and
// `systemd-analyze security --offline=true` rates the headless unit's exposure (printed; it must
// stay "OK" or better, 4.0 and below).
class tst_SystemdUnits : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void verify_data();
    void verify();
    void exposure();

private:
    // The unit with ExecStart on the built binary: verify insists that the program exists.
    void installUnit(const QString &directory, bool kiosk);
    static QString run(const QStringList &arguments, int *exitCode);

    QString m_unit;
    QString m_gadgetUnit;
};

void tst_SystemdUnits::initTestCase()
{
    if (QStandardPaths::findExecutable(u"systemd-analyze"_s).isEmpty())
        QSKIP("systemd-analyze is not installed");
    QFile unit(QStringLiteral(QBMC_SOURCE_DIR "/platform/systemd/qbmc.service"));
    QVERIFY(unit.open(QIODevice::ReadOnly));
    m_unit = QString::fromUtf8(unit.readAll()).replace(u"/usr/bin/qbmc"_s, QStringLiteral(QBMC_BINARY));
    QFile gadgetUnit(QStringLiteral(QBMC_SOURCE_DIR "/platform/systemd/qbmc-usb-gadget.service"));
    QVERIFY(gadgetUnit.open(QIODevice::ReadOnly));
    m_gadgetUnit = QString::fromUtf8(gadgetUnit.readAll()).replace(u"/usr/bin/qbmc"_s, QStringLiteral(QBMC_BINARY));
}

void tst_SystemdUnits::installUnit(const QString &directory, bool kiosk)
{
    QFile unit(QDir(directory).filePath(u"qbmc.service"_s));
    QVERIFY(unit.open(QIODevice::WriteOnly));
    unit.write(m_unit.toUtf8());
    // The KVM's USB gadget unit, which qbmc.service wants.
    QFile gadgetUnit(QDir(directory).filePath(u"qbmc-usb-gadget.service"_s));
    QVERIFY(gadgetUnit.open(QIODevice::WriteOnly));
    gadgetUnit.write(m_gadgetUnit.toUtf8());
    if (!kiosk)
        return;
    QVERIFY(QDir(directory).mkpath(u"qbmc.service.d"_s));
    QFile source(QStringLiteral(QBMC_SOURCE_DIR "/platform/systemd/kiosk.conf"));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QFile dropIn(QDir(directory).filePath(u"qbmc.service.d/kiosk.conf"_s));
    QVERIFY(dropIn.open(QIODevice::WriteOnly));
    dropIn.write(QString::fromUtf8(source.readAll()).replace(u"/usr/bin/qbmc"_s, QStringLiteral(QBMC_BINARY)).toUtf8());
}

QString tst_SystemdUnits::run(const QStringList &arguments, int *exitCode)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(u"systemd-analyze"_s, arguments);
    process.waitForFinished(60'000);
    *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return QString::fromUtf8(process.readAll());
}

void tst_SystemdUnits::verify_data()
{
    QTest::addColumn<bool>("kiosk");
    QTest::newRow("headless") << false;
    QTest::newRow("kiosk") << true;
}

void tst_SystemdUnits::verify()
{
    QFETCH(bool, kiosk);
    QTemporaryDir directory;
    installUnit(directory.path(), kiosk);
    int exitCode = 0;
    const QString output = run({u"verify"_s, u"--man=no"_s, QDir(directory.path()).filePath(u"qbmc.service"_s),
                                QDir(directory.path()).filePath(u"qbmc-usb-gadget.service"_s)},
                               &exitCode);
    // Other units on this machine may have their own complaints; only qbmc's count.
    QStringList ours;
    for (const QString &line : output.split(u'\n')) {
        if (line.contains(u"qbmc"_s))
            ours.append(line);
    }
    QVERIFY2(exitCode == 0 && ours.isEmpty(), qPrintable(output));
}

void tst_SystemdUnits::exposure()
{
    QTemporaryDir directory;
    installUnit(directory.path(), false);
    int exitCode = 0;
    const QString output =
        run({u"security"_s, u"--offline=true"_s, u"--no-pager"_s, QDir(directory.path()).filePath(u"qbmc.service"_s)},
            &exitCode);
    const QRegularExpressionMatch score =
        QRegularExpression(u"Overall exposure level for \\S+: ([0-9.]+) (\\S+)"_s).match(output);
    QVERIFY2(score.hasMatch(), qPrintable(output));
    qInfo("systemd-analyze security --offline=true: %s %s", qPrintable(score.captured(1)),
          qPrintable(score.captured(2)));
    QVERIFY2(score.captured(1).toDouble() <= 4.0, qPrintable(output));
}

QTEST_GUILESS_MAIN(tst_SystemdUnits)
#include "tst_systemdunits.moc"
