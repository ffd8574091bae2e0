#include "DaemonProcess.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString adminPassword = u"Browser-test-1"_s;
const QString python = u"/usr/bin/python3"_s;
// Short power delays, and a session time-out the expiry test can wait for.
const QByteArray config = "host:\n  sim:\n    power_on_delay: 0.2\n    shutdown_delay: 0.3\n    force_off_hold: 0.3\n"
                          "    setup_wait: 4\n"
                          "power:\n  long_press: 0.5\n  cycle_delay: 0.2\n";
} // namespace

// The web UI in a real headless Chromium (Debian's chromium, chromium-driver and
// python3-selenium) against the real daemon: each script of tests/browser/ is one row. The
// screenshots of every page, at phone and desktop size in the three languages, are kept in
// build/<preset>/web-screenshots.
class tst_WebBrowser : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void script_data();
    void script();

private:
    std::unique_ptr<DaemonProcess> m_daemon;
};

void tst_WebBrowser::initTestCase()
{
    for (const QString &tool : {u"/usr/bin/chromium"_s, u"/usr/bin/chromedriver"_s, python}) {
        if (!QFileInfo::exists(tool))
            QSKIP(qPrintable(tool + u" is not installed (tools/install-deps installs it)"_s));
    }
    if (QProcess::execute(python, {u"-c"_s, u"import selenium"_s}) != 0)
        QSKIP("python3-selenium is not installed (tools/install-deps installs it)");
    m_daemon = std::make_unique<DaemonProcess>();
    m_daemon->setEnvironmentValue(u"QBMC_ADMIN_PASSWORD"_s, adminPassword);
    m_daemon->writeConfig(config);
    QVERIFY2(m_daemon->start(), m_daemon->standardError().constData());
}

void tst_WebBrowser::cleanupTestCase()
{
    if (m_daemon)
        QVERIFY(m_daemon->stop() >= std::chrono::milliseconds(0));
}

void tst_WebBrowser::script_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("login and power") << u"test_login_and_power.py"_s << QStringList();
    QTest::newRow("language") << u"test_language.py"_s << QStringList();
    QTest::newRow("roles and expiry") << u"test_roles_and_expiry.py"_s << QStringList();
    QTest::newRow("console") << u"test_console.py"_s << QStringList();
    QTest::newRow("kvm") << u"test_kvm.py"_s << QStringList();
    QTest::newRow("virtual media") << u"test_media.py"_s << QStringList();
    QTest::newRow("screenshots") << u"screenshots.py"_s << QStringList{QStringLiteral(QBMC_SCREENSHOT_DIR)};
}

void tst_WebBrowser::script()
{
    QFETCH(QString, name);
    QFETCH(QStringList, arguments);
    QVERIFY2(m_daemon->process().state() == QProcess::Running, m_daemon->standardError().right(3000).constData());
    QProcess test;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QBMC_URL"_s, u"https://127.0.0.1:%1"_s.arg(m_daemon->redfishPort()));
    environment.insert(u"QBMC_USER"_s, u"admin"_s);
    environment.insert(u"QBMC_PASSWORD"_s, adminPassword);
    environment.insert(u"QBMC_IPMI_PORT"_s, QString::number(m_daemon->ipmiPort()));
    environment.remove(u"REQUESTS_CA_BUNDLE"_s);
    environment.remove(u"CURL_CA_BUNDLE"_s);
    test.setProcessEnvironment(environment);
    test.setWorkingDirectory(QStringLiteral(QBMC_SOURCE_DIR "/tests/browser"));
    test.setProcessChannelMode(QProcess::MergedChannels);
    test.start(python, QStringList{name} + arguments);
    const bool finished = test.waitForFinished(400'000);
    const QByteArray output = test.readAll();
    if (!finished)
        test.kill();
    QVERIFY2(finished, output.constData());
    qInfo("%s", output.trimmed().constData());
    QVERIFY2(test.exitCode() == 0, output.constData());
    QVERIFY2(m_daemon->process().state() == QProcess::Running, m_daemon->standardError().right(3000).constData());
}

QTEST_GUILESS_MAIN(tst_WebBrowser)
#include "tst_webbrowser.moc"
